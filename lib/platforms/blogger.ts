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
import { dispatchPointerClick, waitForElement } from './native-input';
import {
  type CommentSnapshot,
  type LabelSlot,
  type PageContext,
  type PlatformAdapter,
  pageFact,
  type RemovalMode,
  type RemovalResult,
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
  /**
   * Inferred: the row's delete action (the trash-can button, labelled "Ta bort" / "Remove" /
   * "Delete"), not "Remove content" (which leaves a placeholder) nor "Spam".
   */
  removeLabel: /^(?:ta bort|radera|remove|delete)$/i,
  /** Inferred: the confirmation dialog and its confirming button. */
  dialog: '[role="alertdialog"], [role="dialog"]',
  dialogConfirm:
    '[data-mdc-dialog-action="ok"], [data-mdc-dialog-action="accept"], [data-mdc-dialog-action="delete"]',
  dialogCancel: '[data-mdc-dialog-action="cancel"], [data-mdc-dialog-action="close"]',
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

/** How long remove waits for the confirmation dialog. */
export const REMOVE_DIALOG_TIMEOUT_MS = 3000;
/** How long remove waits for the row to go after confirming. */
export const REMOVE_TIMEOUT_MS = 5000;

export interface BloggerRemoveTimeouts {
  dialogMs?: number;
  goneMs?: number;
}

function labelOf(element: Element): string {
  return (element.getAttribute('aria-label') ?? elementText(element)).trim();
}

function isShown(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return false;
    if (view?.getComputedStyle(node).display === 'none') return false;
  }
  return element.isConnected;
}

/** The row's own delete button (not a nested row's). */
function removeButtonOf(row: Element): Element | null {
  const buttons = Array.from(row.querySelectorAll('[role="button"], button'));
  return (
    buttons.find(
      (button) => S.removeLabel.test(labelOf(button)) && button.closest(S.row) === row && isShown(button),
    ) ?? null
  );
}

function confirmButtonOf(dialog: Element): Element | null {
  const byAction = dialog.querySelector(S.dialogConfirm);
  if (byAction) return byAction;
  const buttons = Array.from(dialog.querySelectorAll('[role="button"], button'));
  return buttons.find((button) => S.removeLabel.test(labelOf(button))) ?? null;
}

function rowShowing(document: Document, id: string): boolean {
  return Array.from(document.querySelectorAll(S.permalink)).some((link) => {
    const row = rowOf(link);
    return row !== null && ownPermalink(row)?.commentId === id && isShown(row);
  });
}

/**
 * Deletes the comment with the row's own delete button and the confirmation dialog (both
 * INFERRED: nobody has shown the admin's markup; see the fixture README). Right before
 * confirming it checks that the row still shows this comment; otherwise it cancels. Done when no
 * row on the page shows the comment any more.
 */
export async function removeBloggerComment(
  row: Element,
  mode: RemovalMode = 'delete',
  timeouts: BloggerRemoveTimeouts = {},
): Promise<RemovalResult> {
  if (mode !== 'delete') return { ok: false, reason: `Blogger cannot ${mode} a comment here` };
  const id = ownPermalink(row)?.commentId;
  if (!id || rowOf(ownPermalink(row)?.link ?? row) !== row) return { ok: false, reason: 'not a comment row' };
  const button = removeButtonOf(row);
  if (!button) return { ok: false, reason: 'the comment has no remove button' };
  const document = row.ownerDocument;
  const dialogsBefore = new Set(Array.from(document.querySelectorAll(S.dialog)).filter(isShown));
  dispatchPointerClick(button);
  const dialog = await waitForElement(
    document,
    () =>
      Array.from(document.querySelectorAll(S.dialog)).find(
        (candidate) =>
          !dialogsBefore.has(candidate) && isShown(candidate) && confirmButtonOf(candidate) !== null,
      ) ?? null,
    timeouts.dialogMs ?? REMOVE_DIALOG_TIMEOUT_MS,
  );
  if (!dialog) return { ok: false, reason: 'the confirmation dialog did not appear' };
  const confirm = confirmButtonOf(dialog);
  // The row may have been re-rendered for another comment while the dialog opened.
  if (!confirm || !row.isConnected || ownPermalink(row)?.commentId !== id) {
    const cancel = dialog.querySelector(S.dialogCancel);
    if (cancel) dispatchPointerClick(cancel);
    return { ok: false, reason: 'the comment changed before confirming' };
  }
  dispatchPointerClick(confirm);
  const gone = await waitForElement(
    document,
    () => (rowShowing(document, id) ? null : document.documentElement),
    timeouts.goneMs ?? REMOVE_TIMEOUT_MS,
  );
  if (!gone) return { ok: false, reason: 'the comment is still there after confirming' };
  return { ok: true, outcome: 'removed' };
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
  removalModes: ['delete'],
  remove: (row, mode) => removeBloggerComment(row, mode),
};
