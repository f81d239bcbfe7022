/**
 * Facebook adapter: page posts and their comments as the page admin sees them on
 * www/web.facebook.com, and (same markup, unverified) Meta Business Suite on
 * business.facebook.com. Comments are found by structure and URL parameters
 * (`comment_id` / `reply_comment_id` on the timestamp link), never by generated class
 * names; aria-labels are only a fast hint. See ../../test/fixtures/facebook/README.md.
 */

import { elementText } from './dom-text';
import { fail, isDisabled, isShown, matchesText, normalised, pressEscape, shownSet } from './native-controls';
import { dispatchPointerClick, typeIntoContentEditable, waitForElement } from './native-input';
import {
  type CommentIdentity,
  type CommentSnapshot,
  type LabelSlot,
  type PageContext,
  type PlatformAdapter,
  pageFact,
  type RemovalMode,
  type RemovalResult,
  type ReplyResult,
} from './types';

/** Per-site knowledge as data, so it can be reviewed and tested on its own. */
export const FACEBOOK_SELECTORS = {
  hosts: ['www.facebook.com', 'web.facebook.com', 'business.facebook.com'],
  origin: 'https://www.facebook.com',
  /** A rendered comment (top-level or reply). The post itself is not one in 2025 markup. */
  comment: '[role="article"]',
  /**
   * Timestamp link of a comment: `comment_id` is numeric. Profile links carry `comment_id` too,
   * but base64 (`Y29tbWVudDo…` = "comment:{post}_{comment}"), so they are told apart by that.
   */
  commentLink: 'a[href*="comment_id="]',
  commentIdParam: 'comment_id',
  replyIdParam: 'reply_comment_id',
  /** Query parameters starting with this are click tracking (`__cft__[0]`, `__tn__`). */
  trackingParamPrefix: '__',
  /** Text paragraphs of a comment (the outermost one that is not a link or button). */
  text: 'div[dir="auto"]',
  /** Never comment text: links (author, time), buttons ("See more"), editors. */
  notText: 'a, [role="button"], [contenteditable], [role="textbox"], form',
  /** Left out of comment text: "See more" buttons, editors, nested replies. */
  textSkip: '[role="button"], [contenteditable], [role="textbox"], form, [role="article"]',
  /** The comment and reply composer. */
  composer: '[contenteditable="true"], [role="textbox"]',
  /** The post's own text, used for the post title. */
  postMessage: '[data-ad-comet-preview="message"], [data-ad-preview="message"]',
  /** A comment's "Hide or report this" / "Edit or delete this" menu button (for later actions). */
  menuButton: '[role="button"][aria-haspopup="menu"]',
  /**
   * The comment menu's aria-labels: "Hide or report this" on others' comments, "Edit or delete
   * this" on the page's own (seen in English; the Swedish forms are inferred, both variants of
   * "delete" kept). Without a match, the comment's own `menuButton` is taken.
   */
  menuButtonLabels: [
    'Hide or report this',
    'Edit or delete this',
    'Dölj eller rapportera det här',
    'Redigera eller radera det här',
    'Redigera eller ta bort det här',
  ],
  /** The menu a menu button opens, in a layer at the end of the page (seen). */
  menu: 'div[role="menu"]',
  menuItem: '[role="menuitem"]',
  /** The confirmation after a menu item (seen). */
  dialog: 'div[role="dialog"]',
  dialogButton: '[role="button"], button',
  /**
   * Menu item texts per removal mode (inferred: the items have no language-free mark). Matched
   * against the item's whole text or any of its text lines (an item may add a description).
   */
  removalItemTexts: {
    hide: ['Dölj kommentar', 'Hide comment'],
    delete: ['Radera', 'Delete', 'Ta bort', 'Radera kommentar', 'Delete comment', 'Ta bort kommentar'],
  },
  /** The confirmation dialog's confirm button, by text or aria-label (inferred). */
  removalConfirmTexts: {
    hide: ['Dölj', 'Hide', 'Dölj kommentar', 'Hide comment'],
    delete: ['Radera', 'Delete', 'Ta bort'],
  },
  /**
   * How a hidden comment looks to the page admin (inferred): Facebook keeps it, greyed, with a
   * "Hidden" note and an "Unhide" control in its own action row.
   */
  hiddenMarkers: ['Dold', 'Dolt', 'Hidden', 'Dold kommentar', 'Hidden comment', 'Sluta dölja', 'Unhide'],
  /** Absolute time, when present (older markup). */
  absoluteTime: 'abbr[data-utime], time[datetime]',
  /** First path segments that are not profiles or pages. */
  reservedPaths: [
    'comment',
    'events',
    'groups',
    'hashtag',
    'l.php',
    'login',
    'marketplace',
    'media',
    'notifications',
    'permalink.php',
    'photo',
    'photo.php',
    'photos',
    'reel',
    'search',
    'share',
    'sharer.php',
    'stories',
    'story.php',
    'watch',
  ],
  /** Fast-path aria-label starts by UI language (inferred beyond en/sv). */
  ariaLabelPrefixes: ['Comment by ', 'Reply by ', 'Kommentar från ', 'Svar från '],
  /** The only visible-text knowledge: the "edited" marker in the action row. */
  editedMarkers: ['Edited', 'Redigerad'],
  /** Longest post title taken from the post's text. */
  postTitleMax: 100,
  /** The rich editor of a comment or reply composer (Lexical). */
  replyEditor: 'div[role="textbox"][contenteditable="true"]',
  /**
   * The texts of a comment's Reply button (it has no aria-label or other language-free mark);
   * when none matches, the button after Like (`aria-pressed`) in the action row is taken.
   */
  replyButtonTexts: ['Svara', 'Reply'],
} as const;

const S = FACEBOOK_SELECTORS;

/** How long the reply box may take to appear after the click on Reply. */
export const FACEBOOK_REPLY_BOX_TIMEOUT_MS = 3000;

/** How long removal waits for the menu, the confirmation dialog, and the comment to go. */
export const FACEBOOK_REMOVAL_TIMEOUTS_MS = { menu: 3000, dialog: 3000, gone: 5000 } as const;

interface CommentIds {
  commentId: string;
  parentId: string | null;
  link: Element;
  url: URL;
}

function parseUrl(href: string | null, base: string = S.origin): URL | null {
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function isFacebookHost(url: URL): boolean {
  return url.hostname === 'facebook.com' || url.hostname.endsWith('.facebook.com');
}

/** Elements under `element` matching `selector` that belong to it, not to a nested comment. */
function ownElements(element: Element, selector: string): Element[] {
  return Array.from(element.querySelectorAll(selector)).filter(
    (found) => found.closest(S.comment) === element,
  );
}

function numericParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  return value && /^\d+$/.test(value) ? value : null;
}

/** Whether the link is a comment's timestamp link (its path is the post, not a profile). */
function isTimestampLink(url: URL): boolean {
  return numericParam(url, S.commentIdParam) !== null;
}

function idsFromLink(link: Element): CommentIds | null {
  const url = parseUrl(link.getAttribute('href'));
  if (!url || !isFacebookHost(url) || !isTimestampLink(url)) return null;
  const commentId = numericParam(url, S.commentIdParam);
  if (!commentId) return null;
  const replyId = numericParam(url, S.replyIdParam);
  return replyId
    ? { commentId: replyId, parentId: commentId, link, url }
    : { commentId, parentId: null, link, url };
}

function commentIds(element: Element): CommentIds | null {
  for (const link of ownElements(element, S.commentLink)) {
    const ids = idsFromLink(link);
    if (ids) return ids;
  }
  return null;
}

function stripTracking(url: URL): string {
  const clean = new URL(url.toString());
  for (const key of Array.from(clean.searchParams.keys())) {
    if (key.startsWith(S.trackingParamPrefix)) clean.searchParams.delete(key);
  }
  return clean.toString();
}

/** A normalised profile URL when the link points at a person or page, else null. */
export function facebookProfileUrl(href: string | null): string | null {
  const url = parseUrl(href);
  if (!url || !isFacebookHost(url)) return null;
  const segments = url.pathname.split('/').filter((segment) => segment.length > 0);
  const first = segments[0];
  if (!first) return null;
  if (first === 'profile.php') {
    const id = numericParam(url, 'id');
    return id ? `${S.origin}/profile.php?id=${id}` : null;
  }
  if (first === 'people' && segments.length >= 3) return `${S.origin}/${segments.slice(0, 3).join('/')}`;
  if (first === 'groups' && segments[2] === 'user' && segments[3]) {
    return `${S.origin}/${segments.slice(0, 4).join('/')}`;
  }
  if ((S.reservedPaths as readonly string[]).includes(first.toLowerCase())) return null;
  if (segments.length !== 1 || isTimestampLink(url)) return null;
  return `${S.origin}/${first}`;
}

function textContainer(element: Element): Element | null {
  const candidates = ownElements(element, S.text).filter((found) => !found.closest(S.notText));
  return (
    candidates.find((found) => !candidates.some((other) => other !== found && other.contains(found))) ?? null
  );
}

function skipInText(node: Element): boolean {
  return node.matches(S.textSkip);
}

function authorLink(element: Element, text: Element | null): { name: string; url: string | null } | null {
  const links = ownElements(element, 'a[href]').filter((link) => !text?.contains(link));
  const profiles = links.filter((link) => facebookProfileUrl(link.getAttribute('href')) !== null);
  const named = profiles.find((link) => elementText(link).length > 0);
  if (!named) return null;
  return { name: elementText(named), url: facebookProfileUrl(named.getAttribute('href')) };
}

function isEdited(element: Element, text: Element | null): boolean {
  const markers = S.editedMarkers.map((marker) => marker.toLowerCase());
  return ownElements(element, 'span, [role="button"]').some(
    (found) =>
      !text?.contains(found) &&
      found.children.length === 0 &&
      markers.includes((found.textContent ?? '').trim().toLowerCase()),
  );
}

function absoluteTime(link: Element): string | null {
  const node = link.querySelector(S.absoluteTime);
  if (!node) return null;
  const utime = node.getAttribute('data-utime');
  const date = utime ? new Date(Number(utime) * 1000) : new Date(node.getAttribute('datetime') ?? '');
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

interface PostInfo {
  postId: string | null;
  postUrl: string | null;
  channelPath: string | null;
}

/** Post id, URL and page path from a post or comment URL (`/{page}/posts/{id}`, permalink.php …). */
export function facebookPostInfo(url: URL): PostInfo {
  const segments = url.pathname.split('/').filter((segment) => segment.length > 0);
  const storyId = url.searchParams.get('story_fbid');
  if (storyId && /^(permalink|story)\.php$/.test(segments[0] ?? '')) {
    const owner = numericParam(url, 'id');
    const postUrl = `${S.origin}/${segments[0]}?story_fbid=${storyId}${owner ? `&id=${owner}` : ''}`;
    return { postId: storyId, postUrl, channelPath: owner ? `/profile.php?id=${owner}` : null };
  }
  const kind = segments[1];
  const id = segments[2];
  if (segments[0] && id && (kind === 'posts' || kind === 'videos' || kind === 'photos')) {
    const postUrl = `${S.origin}/${segments.slice(0, kind === 'photos' ? 4 : 3).join('/')}`;
    return { postId: kind === 'photos' ? (segments[3] ?? id) : id, postUrl, channelPath: `/${segments[0]}` };
  }
  const fbid = segments[0] === 'photo' || segments[0] === 'photo.php' ? url.searchParams.get('fbid') : null;
  if (fbid) return { postId: fbid, postUrl: `${S.origin}/photo/?fbid=${fbid}`, channelPath: null };
  if (segments[0] === 'reel' && segments[1]) {
    return { postId: segments[1], postUrl: `${S.origin}/reel/${segments[1]}`, channelPath: null };
  }
  return { postId: null, postUrl: null, channelPath: null };
}

function firstLine(text: string, max: number): string | null {
  const line = text
    .split('\n')
    .find((part) => part.trim().length > 0)
    ?.trim();
  if (!line) return null;
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

function postTitle(element: Element): string | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const message = Array.from(node.querySelectorAll(S.postMessage)).find(
      (found) => !found.closest(S.comment),
    );
    if (message) return firstLine(elementText(message), S.postTitleMax);
  }
  return null;
}

function channelName(document: Document, channelPath: string): string | null {
  for (const link of Array.from(document.querySelectorAll('a[href]'))) {
    if (link.closest(S.comment)) continue;
    const url = facebookProfileUrl(link.getAttribute('href'));
    if (url === `${S.origin}${channelPath}`) {
      const name = elementText(link);
      if (name) return name;
    }
  }
  return null;
}

/** What `identify` and `snapshot` both read: null where the element is not a complete comment. */
function readComment(element: Element) {
  if (!element.matches(S.comment)) return null;
  const ids = commentIds(element);
  if (!ids) return null;
  const text = textContainer(element);
  const author = authorLink(element, text);
  if (!author) return null;
  return { ids, text, author, body: text ? elementText(text, { skip: skipInText }) : '' };
}

function identify(element: Element): CommentIdentity | null {
  const comment = readComment(element);
  return comment && { platform: 'facebook', commentId: comment.ids.commentId, text: comment.body };
}

function snapshot(element: Element, page: PageContext): CommentSnapshot | null {
  const comment = readComment(element);
  if (!comment) return null;
  const { ids, text, author } = comment;
  const fromComment = facebookPostInfo(ids.url);
  const post = fromComment.postUrl ? fromComment : facebookPostInfo(page.url);
  const postedRaw = elementText(ids.link);
  return {
    platform: 'facebook',
    commentId: ids.commentId,
    permalink: stripTracking(ids.url),
    authorName: author.name,
    authorUrl: author.url,
    text: comment.body,
    postedRaw: postedRaw.length > 0 ? postedRaw : null,
    postedAt: absoluteTime(ids.link),
    edited: isEdited(element, text),
    isReply: ids.parentId !== null,
    parentId: ids.parentId,
    postId: post.postId,
    postUrl: post.postUrl,
    postTitle: postTitle(element),
    channelName: post.channelPath
      ? pageFact(page, `facebook.channel:${post.channelPath}`, () =>
          channelName(page.document, post.channelPath as string),
        )
      : null,
    channelUrl: post.channelPath ? `${S.origin}${post.channelPath}` : null,
  };
}

function candidates(root: ParentNode): Element[] {
  const found = Array.from(root.querySelectorAll(S.comment));
  const self = root as Partial<Element>;
  if (typeof self.matches === 'function' && self.matches(S.comment)) found.unshift(root as Element);
  return found;
}

function findComments(root: ParentNode): Element[] {
  const seen = new Set<string>();
  const result: Element[] = [];
  for (const element of candidates(root)) {
    const id = commentIds(element)?.commentId;
    if (!id || seen.has(id)) continue;
    seen.add(id);
    result.push(element);
  }
  return result;
}

function labelSlot(element: Element): LabelSlot | null {
  const link = commentIds(element)?.link;
  if (!link) return null;
  const row = link.closest('ul');
  if (row && row.closest(S.comment) === element) return { anchor: row, position: 'append' };
  return { anchor: link, position: 'after' };
}

function hasCommentSection(page: PageContext): boolean {
  const hinted = S.ariaLabelPrefixes.some((prefix) =>
    page.document.querySelector(`[aria-label^="${prefix}"]`),
  );
  return hinted || page.document.querySelector(S.commentLink) !== null;
}

function isReplyButtonText(button: Element): boolean {
  const text = (button.textContent ?? '').trim().toLowerCase();
  return S.replyButtonTexts.some((candidate) => candidate.toLowerCase() === text);
}

/**
 * The comment's own Reply button: in its action row (the list holding its timestamp link), by
 * its text in Swedish or English, else the button right after Like (the one with
 * `aria-pressed`). Never a button inside a composer or a menu.
 */
function replyButton(element: Element, ids: CommentIds): Element | null {
  const row = ids.link.closest('ul');
  const scope = row && row.closest(S.comment) === element ? row : element;
  const buttons = Array.from(scope.querySelectorAll('[role="button"]')).filter(
    (button) =>
      button.closest(S.comment) === element &&
      !button.closest('form, [contenteditable], [role="textbox"]') &&
      !button.hasAttribute('aria-haspopup'),
  );
  const byText = buttons.find(isReplyButtonText);
  if (byText || scope !== row) return byText ?? null;
  const like = buttons.findIndex((button) => button.hasAttribute('aria-pressed'));
  const next = like >= 0 ? buttons[like + 1] : undefined;
  const markers = S.editedMarkers.map((marker) => marker.toLowerCase());
  if (!next || next.hasAttribute('aria-pressed')) return null;
  return markers.includes((next.textContent ?? '').trim().toLowerCase()) ? null : next;
}

/** The thread a comment belongs to: its own id for a top-level comment, else its parent's. */
function threadOf(article: Element): string | null {
  const ids = commentIds(article);
  return ids ? (ids.parentId ?? ids.commentId) : null;
}

/**
 * The thread an editor sits in: that of the last comment before it in document order (or
 * around it, when replies and their composer are nested in the parent comment).
 */
function editorThread(editor: Element, comments: readonly Element[]): string | null {
  let owner: Element | null = null;
  for (const comment of comments) {
    if (comment.compareDocumentPosition(editor) & Node.DOCUMENT_POSITION_FOLLOWING) owner = comment;
    else break;
  }
  return owner ? threadOf(owner) : null;
}

function hasFocus(editor: Element): boolean {
  const active = editor.ownerDocument.activeElement;
  return active !== null && (active === editor || editor.contains(active));
}

/**
 * This thread's reply editor after a click on Reply: one that sits in the thread and either
 * appeared after the click or took the focus (Facebook focuses an already open box). The post's
 * main composer is neither, so it is never taken.
 */
function replyEditorFor(
  document: Document,
  element: Element,
  thread: string,
  before: ReadonlySet<Element>,
): Element | null {
  const editors = Array.from(document.querySelectorAll(S.replyEditor)).filter(
    (editor) =>
      (!before.has(editor) || hasFocus(editor)) &&
      element.compareDocumentPosition(editor) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  if (editors.length === 0) return null;
  const comments = Array.from(document.querySelectorAll(S.comment));
  return editors.find((editor) => editorThread(editor, comments) === thread) ?? null;
}

function isHTMLElement(element: Element): element is HTMLElement {
  return typeof (element as HTMLElement).focus === 'function' && 'isContentEditable' in element;
}

async function insertReply(element: Element, text: string, page: PageContext): Promise<ReplyResult> {
  const ids = element.isConnected ? commentIds(element) : null;
  if (!ids) return { ok: false, reason: 'The comment is no longer on the page' };
  const thread = ids.parentId ?? ids.commentId;
  const button = replyButton(element, ids);
  if (!button) return { ok: false, reason: 'No Reply button found for this comment' };
  const document = page.document;
  const before = new Set(Array.from(document.querySelectorAll(S.replyEditor)));
  dispatchPointerClick(button);
  const editor = await waitForElement(
    document,
    () => replyEditorFor(document, element, thread, before),
    FACEBOOK_REPLY_BOX_TIMEOUT_MS,
  );
  if (!editor || !isHTMLElement(editor)) return { ok: false, reason: 'The reply box did not open' };
  if (commentIds(element)?.commentId !== ids.commentId) {
    return { ok: false, reason: 'The comment changed while the reply box opened' };
  }
  const typed = await typeIntoContentEditable(editor, text);
  return typed ? { ok: true } : { ok: false, reason: 'The reply box did not take the text' };
}

/*
 * Native removal. The page admin's comment menu ("Hide or report this" / "Edit or delete this")
 * opens a `div[role="menu"]` in a layer at the end of the page; its items have no language-free
 * mark, so they are matched by text (sv/en, inferred), then a `div[role="dialog"]` asks for
 * confirmation. A post opened as a modal is itself a `div[role="dialog"]`, so neither the menu
 * nor the confirmation may be one that contains the comment, and both must have appeared (or
 * become visible) after the click that opens them. Nothing but the menu button, the chosen item
 * and the confirm button is ever clicked; a menu or dialog left open on failure gets Escape.
 */

type ReadSnapshot = (element: Element) => CommentSnapshot | null;

/** A menu or dialog that became visible after the click and is not the one the comment sits in. */
function newlyShown(
  document: Document,
  selector: string,
  comment: Element,
  before: ReadonlySet<Element>,
): Element[] {
  return Array.from(document.querySelectorAll(selector)).filter(
    (found) => !before.has(found) && !found.contains(comment) && isShown(found),
  );
}

/** The comment's own menu button: by its aria-label (sv/en), else its own `aria-haspopup="menu"` button. */
function removalMenuButton(element: Element): Element | null {
  const labels = S.menuButtonLabels.map(normalised);
  const labelled = ownElements(element, '[role="button"][aria-label]').find((button) =>
    labels.includes(normalised(button.getAttribute('aria-label') ?? '')),
  );
  return labelled ?? ownElements(element, S.menuButton)[0] ?? null;
}

function commentsWithId(document: Document, id: string): Element[] {
  return Array.from(document.querySelectorAll(S.comment)).filter(
    (article) => commentIds(article)?.commentId === id,
  );
}

/** Whether the comment shows Facebook's hidden state to the admin (inferred: a "Hidden" note or "Unhide"). */
function showsHidden(article: Element): boolean {
  const text = textContainer(article);
  const markers = S.hiddenMarkers.map(normalised);
  return ownElements(article, 'span, [role="button"]').some(
    (found) => !text?.contains(found) && markers.includes(normalised(found.textContent ?? '')),
  );
}

function removalDone(document: Document, id: string, mode: RemovalMode): boolean {
  const shown = commentsWithId(document, id);
  return mode === 'hide' ? shown.some(showsHidden) : shown.length === 0;
}

function openedMenu(document: Document, comment: Element, before: ReadonlySet<Element>): Element | null {
  const menus = newlyShown(document, S.menu, comment, before).filter(
    (menu) => menu.querySelector(S.menuItem) !== null,
  );
  return menus.at(-1) ?? null;
}

function removalItem(menu: Element, mode: RemovalMode): Element | null {
  const texts = S.removalItemTexts[mode];
  return (
    Array.from(menu.querySelectorAll(S.menuItem)).find(
      (item) => isShown(item) && !isDisabled(item) && matchesText(item, texts),
    ) ?? null
  );
}

function confirmButton(
  document: Document,
  comment: Element,
  before: ReadonlySet<Element>,
  mode: RemovalMode,
): Element | null {
  const texts = S.removalConfirmTexts[mode];
  for (const dialog of newlyShown(document, S.dialog, comment, before).reverse()) {
    const buttons = Array.from(dialog.querySelectorAll(S.dialogButton)).filter(
      (button) => isShown(button) && !isDisabled(button) && matchesText(button, texts),
    );
    const last = buttons.at(-1);
    if (last) return last;
  }
  return null;
}

/**
 * Hides or deletes the comment through the admin's menu and its confirmation, with real pointer
 * clicks. The comment's id is taken on entry (through `this.snapshot`, so a wrapped adapter is
 * honoured) and checked again before the item and before the confirmation, because Facebook
 * re-renders elements. Resolves when the comment is gone from the page (delete) or shows the
 * hidden state (hide), or with a reason: no menu button, the menu did not open within 3 s, no
 * such item, no confirmation dialog within 3 s, the comment changed, or still there after 5 s.
 */
async function remove(
  this: PlatformAdapter | undefined,
  element: Element,
  mode: RemovalMode,
  page: PageContext,
): Promise<RemovalResult> {
  const read: ReadSnapshot = (target) =>
    this?.snapshot ? this.snapshot(target, page) : snapshot(target, page);
  if (mode !== 'hide' && mode !== 'delete') return fail(`Facebook cannot remove a comment by "${mode}"`);
  const expected = element.isConnected ? read(element)?.commentId : undefined;
  if (!expected) return fail('The comment is no longer on the page');
  const stillShows = (): boolean => element.isConnected && read(element)?.commentId === expected;
  const document = page.document;
  const outcome = mode === 'hide' ? 'hidden' : 'removed';
  if (mode === 'hide' && removalDone(document, expected, mode)) return { ok: true, outcome };

  const button = removalMenuButton(element);
  if (!button) return fail('No menu button found for this comment');
  const menusBefore = shownSet(document, S.menu);
  dispatchPointerClick(button);
  const menu = await waitForElement(
    document,
    () => openedMenu(document, element, menusBefore),
    FACEBOOK_REMOVAL_TIMEOUTS_MS.menu,
  );
  if (!menu) return fail('The comment menu did not open within 3 s');
  const item = removalItem(menu, mode);
  if (!item) {
    pressEscape(document, menu);
    return fail(`The comment menu has no "${S.removalItemTexts[mode][0]}" item`);
  }
  if (!stillShows()) {
    pressEscape(document, menu);
    return fail('The comment changed while its menu opened');
  }

  const dialogsBefore = shownSet(document, S.dialog);
  dispatchPointerClick(item);
  let doneWithoutDialog = false;
  const confirm = await waitForElement(
    document,
    () => {
      const found = confirmButton(document, element, dialogsBefore, mode);
      // Should Facebook hide without asking, the hidden state itself is the answer.
      if (!found && mode === 'hide' && removalDone(document, expected, mode)) {
        doneWithoutDialog = true;
        return document.documentElement;
      }
      return found;
    },
    FACEBOOK_REMOVAL_TIMEOUTS_MS.dialog,
  );
  if (doneWithoutDialog) return { ok: true, outcome };
  if (!confirm) return fail('The confirmation dialog did not appear');
  if (!stillShows()) {
    pressEscape(document, confirm);
    return fail('The comment changed before the removal was confirmed');
  }

  dispatchPointerClick(confirm);
  const done = await waitForElement(
    document,
    () => (removalDone(document, expected, mode) ? document.documentElement : null),
    FACEBOOK_REMOVAL_TIMEOUTS_MS.gone,
  );
  if (!done) {
    return fail(
      mode === 'hide'
        ? 'The comment does not show as hidden after 5 s'
        : 'The comment is still there after 5 s',
    );
  }
  return { ok: true, outcome };
}

export const facebookAdapter: PlatformAdapter = {
  id: 'facebook',
  matchesUrl: (url) => url.protocol === 'https:' && (S.hosts as readonly string[]).includes(url.hostname),
  commentSelector: S.comment,
  findComments,
  snapshot,
  identify,
  labelSlot,
  hasCommentSection,
  insertReply,
  removalModes: ['hide', 'delete'],
  remove,
};
