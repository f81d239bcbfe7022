/**
 * Blogger adapter: the comment admin of www.blogger.com (`/blog/comments/{published|pending|spam}/{blogId}`).
 *
 * Nobody has published the admin's markup; only the URL formats are seen (on public blog
 * pages): a comment's permalink is `{postUrl}?showComment={epoch ms}#c{commentId}`, profiles
 * are `https://www.blogger.com/profile/{id}`. The adapter therefore keys everything on those
 * URLs and on plain structure (a row holding a selection checkbox), never on class names or
 * text. See ../../test/fixtures/blogger/README.md for what is inferred.
 */

import { elementText } from './dom-text';
import {
  type CommentSnapshot,
  type LabelSlot,
  type PageContext,
  type PlatformAdapter,
  pageFact,
} from './types';

/** Per-site knowledge as data, so it can be reviewed and tested on its own. */
export const BLOGGER_SELECTORS = {
  hosts: ['www.blogger.com', 'draft.blogger.com'],
  /** Comment admin paths (seen as links on public blogs: `/blog/comments/{blogId}`). */
  pathPrefix: '/blog/comments/',
  /** Rows of the comment list (inferred). */
  row: '[role="listitem"], li, tr',
  /** A row's selection checkbox (inferred), used when rows are plain elements. */
  rowCheckbox: '[role="checkbox"], input[type="checkbox"]',
  /** A comment permalink (seen): `?showComment={epoch ms}#c{commentId}`. */
  permalink: 'a[href*="showComment="]',
  showCommentParam: 'showComment',
  commentHash: /^#c(\d+)$/,
  /** Blogger profile links (seen). */
  profilePath: /^\/profile\/\d+\/?$/,
  /** Link to the post in the editor (seen format, presence in the admin list inferred). */
  postEditPath: /^\/blog\/post\/edit\/\d+\/(\d+)/,
  /** Text of the header that only separates author and time. */
  separator: /^[\s·•|,-]*$/,
} as const;

const S = BLOGGER_SELECTORS;

interface Permalink {
  link: Element;
  url: URL;
  commentId: string;
}

function parseUrl(href: string | null, base: string): URL | null {
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function baseOf(element: Element): string {
  const base = element.ownerDocument?.baseURI;
  return base?.startsWith('http') ? base : 'https://www.blogger.com/';
}

function commentLink(link: Element): Permalink | null {
  const url = parseUrl(link.getAttribute('href'), baseOf(link));
  const commentId = url ? S.commentHash.exec(url.hash)?.[1] : undefined;
  return url && commentId ? { link, url, commentId } : null;
}

function permalinksIn(element: Element): Permalink[] {
  return Array.from(element.querySelectorAll(S.permalink))
    .map(commentLink)
    .filter((found): found is Permalink => found !== null);
}

/** The row a permalink belongs to: a list row, or the nearest ancestor holding a selection checkbox. */
function rowOf(link: Element): Element | null {
  const row = link.closest(S.row);
  if (row) return row;
  for (let node = link.parentElement; node; node = node.parentElement) {
    if (node.querySelector(S.rowCheckbox)) return node;
  }
  return null;
}

/** The comment's own permalink: the first one in its row (a reply's parent link comes later). */
function ownPermalink(row: Element): Permalink | null {
  const first = permalinksIn(row)[0];
  return first && rowOf(first.link) === row ? first : null;
}

function postUrlOf(permalink: URL): string {
  return `${permalink.origin}${permalink.pathname}`;
}

function hasText(element: Element): boolean {
  return !S.separator.test(elementText(element));
}

function authorOf(header: Element, permalink: Element): { name: string; url: string | null } | null {
  const author = Array.from(header.children).find((child) => child !== permalink && hasText(child));
  if (!author) return null;
  const link = author.matches('a[href]') ? author : author.querySelector('a[href]');
  const url = link ? parseUrl(link.getAttribute('href'), baseOf(header)) : null;
  return { name: elementText(author), url: url ? url.toString() : null };
}

function linksTo(element: Element, predicate: (url: URL) => boolean): boolean {
  return Array.from(element.querySelectorAll('a[href]')).some((link) => {
    const url = parseUrl(link.getAttribute('href'), baseOf(element));
    return url !== null && predicate(url);
  });
}

interface Parts {
  header: Element;
  text: Element | null;
  parentId: string | null;
  postTitle: string | null;
  postId: string | null;
}

function parts(row: Element, own: Permalink): Parts | null {
  const header = own.link.parentElement;
  const body = header?.parentElement;
  if (!header || !body || !row.contains(body)) return null;
  const postUrl = postUrlOf(own.url);
  const siblings = Array.from(body.children).filter((child) => child !== header);
  const replyLine = siblings.find((child) =>
    permalinksIn(child).some((link) => link.commentId !== own.commentId),
  );
  const isPostLine = (child: Element) =>
    linksTo(child, (url) => postUrlOf(url) === postUrl && url.hash === '');
  const postLine = siblings.find((child) => child !== replyLine && isPostLine(child));
  const text = siblings.find((child) => child !== replyLine && child !== postLine) ?? null;
  const postLink = postLine?.querySelector('a[href]');
  const parentId = replyLine ? (permalinksIn(replyLine)[0]?.commentId ?? null) : null;
  return {
    header,
    text,
    parentId,
    postTitle: postLink ? elementText(postLink) : null,
    postId: postEditId(row),
  };
}

function postEditId(row: Element): string | null {
  for (const link of Array.from(row.querySelectorAll('a[href]'))) {
    const url = parseUrl(link.getAttribute('href'), baseOf(row));
    const id = url ? S.postEditPath.exec(url.pathname)?.[1] : undefined;
    if (id) return id;
  }
  return null;
}

function postedAt(url: URL): string | null {
  const ms = Number(url.searchParams.get(S.showCommentParam));
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return new Date(ms).toISOString();
}

/** The blog's name: a link to the blog's home page outside the comment rows. */
function blogName(document: Document, blogUrl: string): string | null {
  for (const link of Array.from(document.querySelectorAll('a[href]'))) {
    if (link.closest(S.row)) continue;
    const url = parseUrl(link.getAttribute('href'), 'https://www.blogger.com/');
    if (url && `${url.origin}${url.pathname}` === blogUrl) {
      const name = elementText(link);
      if (name) return name;
    }
  }
  return null;
}

function snapshot(element: Element, page: PageContext): CommentSnapshot | null {
  const own = ownPermalink(element);
  if (!own || rowOf(own.link) !== element) return null;
  const found = parts(element, own);
  const author = found ? authorOf(found.header, own.link) : null;
  if (!found || !author) return null;
  const postUrl = postUrlOf(own.url);
  const blogUrl = `${own.url.origin}/`;
  const postedRaw = elementText(own.link);
  return {
    platform: 'blogger',
    commentId: own.commentId,
    permalink: own.url.toString(),
    authorName: author.name,
    authorUrl: author.url,
    text: found.text ? elementText(found.text) : '',
    postedRaw: postedRaw || null,
    postedAt: postedAt(own.url),
    edited: false,
    isReply: found.parentId !== null,
    parentId: found.parentId,
    postId: found.postId ?? own.url.pathname,
    postUrl,
    postTitle: found.postTitle,
    channelName: pageFact(page, `blogger.name:${blogUrl}`, () => blogName(page.document, blogUrl)),
    channelUrl: blogUrl,
  };
}

function findComments(root: ParentNode): Element[] {
  const seen = new Set<string>();
  const rows: Element[] = [];
  for (const link of Array.from(root.querySelectorAll(S.permalink))) {
    const row = rowOf(link);
    const own = row ? ownPermalink(row) : null;
    if (!row || !own || own.link !== link || seen.has(own.commentId)) continue;
    seen.add(own.commentId);
    rows.push(row);
  }
  return rows;
}

function labelSlot(element: Element): LabelSlot | null {
  const own = ownPermalink(element);
  return own ? { anchor: own.link, position: 'after' } : null;
}

function matchesUrl(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    (S.hosts as readonly string[]).includes(url.hostname) &&
    url.pathname.startsWith(S.pathPrefix)
  );
}

/**
 * No `insertReply`: Blogger's comment admin has no reply box. A reply is written as a new comment
 * on the blog post itself (under the comment's permalink), so the caller's clipboard fallback is
 * the way to reply here.
 */
export const bloggerAdapter: PlatformAdapter = {
  id: 'blogger',
  matchesUrl,
  commentSelector: S.row,
  findComments,
  snapshot,
  labelSlot,
  hasCommentSection: (page) => matchesUrl(page.url) && page.document.querySelector(S.permalink) !== null,
};
