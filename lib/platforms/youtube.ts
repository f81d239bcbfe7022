/**
 * YouTube watch page (www.youtube.com/watch?v=…). Comments are `ytd-comment-view-model`
 * elements (older markup: `ytd-comment-renderer`); the comment id is the `lc` parameter of
 * the published-time link, and a reply's id is `{parentId}.{suffix}`. YouTube recycles
 * elements, so nothing here caches anything per element: every snapshot reads the DOM anew.
 */
import { elementText } from './dom-text';
import { fail, isDisabled, isShown, matchesText, pressEscape, shownSet } from './native-controls';
import { dispatchPointerClick, typeIntoContentEditable, waitForElement } from './native-input';
import {
  absoluteUrl,
  cleanText,
  collectCandidates,
  firstMatch,
  isElement,
  ownQuery,
  scopedSelector,
} from './query';
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

/** The watch page's markup as data: what each selector finds. */
export const YOUTUBE_SELECTORS = {
  /** A comment, current markup first, then the older renderer. */
  comment: 'ytd-comment-view-model, ytd-comment-renderer',
  thread: 'ytd-comment-thread-renderer',
  repliesContainer: 'ytd-comment-replies-renderer',
  commentsSection: 'ytd-comments#comments',
  /** The link whose `lc` parameter is the comment id; its text is the relative time. */
  publishedLink: ['#published-time-text a[href*="lc="]', '.published-time-text a[href*="lc="]'],
  publishedTime: ['#published-time-text', '.published-time-text'],
  authorLink: 'a#author-text',
  /** The channel owner's name sits in a badge instead of #author-text. */
  authorBadgeName: [
    '#author-comment-badge ytd-channel-name #text',
    '#author-comment-badge a#name',
    '#author-comment-badge',
  ],
  authorBadgeLink: '#author-comment-badge a[href]',
  contentText: '#content-text',
  headerAuthor: '#header-author',
  header: '#header',
  replyButton: '#reply-button-end button',
  /** Where a comment's reply box opens, under its own engagement bar. */
  replyDialog: '#reply-dialog',
  /** The reply box's editor, inside `ytd-comment-reply-dialog-renderer` / `ytd-commentbox`. */
  replyEditor: [
    'ytd-comment-reply-dialog-renderer ytd-commentbox #contenteditable-root[contenteditable]',
    'ytd-commentbox #contenteditable-root[contenteditable]',
    '#contenteditable-root[contenteditable]',
  ],
  actionMenuButton: '#action-menu button',
  /** The shared action-menu popup, at document level in `ytd-popup-container` (seen). */
  menuPopup: 'ytd-menu-popup-renderer',
  /** A popup's items, outermost first (seen). */
  menuItem: [
    'ytd-menu-service-item-renderer',
    'ytd-menu-navigation-item-renderer',
    '[role="menuitem"]',
    'tp-yt-paper-item',
  ],
  /**
   * The removal item's text (inferred): "Remove" on others' comments for the channel owner,
   * "Delete" on the channel's own; Swedish "Ta bort" / "Radera".
   */
  removalItemTexts: ['Ta bort', 'Remove', 'Radera', 'Delete'],
  /** The confirmation after the removal item, and its confirm button (seen as names; use inferred). */
  confirmDialog: 'yt-confirm-dialog-renderer',
  confirmButton: '#confirm-button',
  videoTitle: [
    'ytd-watch-metadata #title h1 yt-formatted-string',
    'ytd-watch-metadata #title h1',
    'h1.ytd-watch-metadata',
  ],
  channelLink: [
    'ytd-watch-metadata #owner ytd-channel-name a[href]',
    'ytd-video-owner-renderer ytd-channel-name a[href]',
    '#upload-info ytd-channel-name a[href]',
  ],
} as const;

/** How long the reply box may take to appear after the click on Reply. */
export const YOUTUBE_REPLY_BOX_TIMEOUT_MS = 3000;

/** How long removal waits for the menu, the confirmation dialog, and the comment to go. */
export const YOUTUBE_REMOVAL_TIMEOUTS_MS = { menu: 3000, dialog: 3000, gone: 5000 } as const;

const COMMENT_ID = /^[A-Za-z0-9_-]{10,64}(?:\.[A-Za-z0-9_-]{6,64})?$/;
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
/** "(edited)" as YouTube writes it after the time, in the languages the moderators use. */
const EDITED_MARK = /\((?:redigerad|edited|redigert|redigeret|muokattu|bearbeitet)\)/i;

const YOUTUBE_HOSTS = new Set(['www.youtube.com', 'youtube.com']);

function own(element: Element, selector: string): Element | null {
  return ownQuery(element, selector, YOUTUBE_SELECTORS.comment);
}

function ownFirst(element: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = own(element, selector);
    if (found) return found;
  }
  return null;
}

/** The video id of a watch URL, or null. */
export function youtubeVideoId(url: URL): string | null {
  const id = url.searchParams.get('v');
  return id && VIDEO_ID.test(id) ? id : null;
}

/** The comment id and permalink from the comment's own published-time link. */
function readId(element: Element, base: URL): { id: string; permalink: string } | null {
  const link = absoluteUrl(ownFirst(element, YOUTUBE_SELECTORS.publishedLink), 'href', base);
  const id = link?.searchParams.get('lc') ?? null;
  if (!link || !id || !COMMENT_ID.test(id)) return null;
  return { id, permalink: link.href };
}

/** The first `lc=` parameter of a query, and a value that needs no decoding, as YouTube writes ids. */
const FIRST_LC = /[?&]lc=([^&]*)/;
const PLAIN_VALUE = /^[A-Za-z0-9_.-]+$/;

/**
 * The comment id alone, as `readId` gives it: read from the link's attribute, without building
 * a URL (a tenth of the time, on thousands of comments), unless the link is out of the ordinary.
 */
function readIdOnly(element: Element, base: URL): string | null {
  const link = ownFirst(element, YOUTUBE_SELECTORS.publishedLink);
  if (!link) return null;
  const href = link.getAttribute('href') ?? '';
  const hash = href.indexOf('#');
  const id = (hash < 0 ? href : href.slice(0, hash)).match(FIRST_LC)?.[1];
  if (id !== undefined && PLAIN_VALUE.test(id)) return COMMENT_ID.test(id) ? id : null;
  return readId(element, base)?.id ?? null;
}

/** Whether `readAuthor` would find a name, without resolving its link. */
function hasAuthor(element: Element): boolean {
  const link = own(element, YOUTUBE_SELECTORS.authorLink);
  if (link && !link.hasAttribute('hidden') && cleanText(elementText(link))) return true;
  const badge = ownFirst(element, YOUTUBE_SELECTORS.authorBadgeName);
  return badge !== null && cleanText(elementText(badge)) !== null;
}

function identify(element: Element, page: PageContext): CommentIdentity | null {
  const commentId = readIdOnly(element, page.url);
  if (!commentId || !hasAuthor(element)) return null;
  const text = readText(element);
  return text === null ? null : { platform: 'youtube', commentId, text };
}

function readAuthor(element: Element, base: URL): { name: string; url: string | null } | null {
  const link = own(element, YOUTUBE_SELECTORS.authorLink);
  const linkName = link && !link.hasAttribute('hidden') ? cleanText(elementText(link)) : null;
  if (link && linkName) return { name: linkName, url: absoluteUrl(link, 'href', base)?.href ?? null };
  const badge = ownFirst(element, YOUTUBE_SELECTORS.authorBadgeName);
  const badgeName = badge ? cleanText(elementText(badge)) : null;
  if (!badgeName) return null;
  const badgeLink = own(element, YOUTUBE_SELECTORS.authorBadgeLink) ?? link;
  return { name: badgeName, url: absoluteUrl(badgeLink, 'href', base)?.href ?? null };
}

function readText(element: Element): string | null {
  const content = own(element, YOUTUBE_SELECTORS.contentText);
  return content ? elementText(content, { preserveNewlines: true }) : null;
}

function readVideo(document: Document, url: URL): Pick<CommentSnapshot, 'postId' | 'postUrl' | 'postTitle'> {
  const postId = youtubeVideoId(url);
  const title = firstMatch(document, YOUTUBE_SELECTORS.videoTitle);
  const titleText = title ? cleanText(elementText(title)) : null;
  return {
    postId,
    postUrl: postId ? `https://www.youtube.com/watch?v=${postId}` : null,
    postTitle: titleText ?? cleanText(document.title.replace(/\s*-\s*YouTube\s*$/, '')),
  };
}

function readChannel(document: Document, base: URL): Pick<CommentSnapshot, 'channelName' | 'channelUrl'> {
  const link = firstMatch(document, YOUTUBE_SELECTORS.channelLink);
  return {
    channelName: link ? cleanText(elementText(link)) : null,
    channelUrl: absoluteUrl(link, 'href', base)?.href ?? null,
  };
}

function isReplyElement(element: Element, id: string): boolean {
  return (
    id.includes('.') ||
    element.hasAttribute('is-reply') ||
    element.closest('ytd-comment-replies-renderer') !== null
  );
}

/** The id of the thread's top-level comment, for a reply whose own id lacks the prefix. */
function threadParentId(element: Element, base: URL): string | null {
  const thread = element.closest(YOUTUBE_SELECTORS.thread);
  const top = thread
    ? firstMatch(
        thread,
        [YOUTUBE_SELECTORS.comment],
        (c) => c !== element && !c.closest('ytd-comment-replies-renderer'),
      )
    : null;
  return top ? (readId(top, base)?.id ?? null) : null;
}

function snapshot(element: Element, page: PageContext): CommentSnapshot | null {
  const base = page.url;
  const idInfo = readId(element, base);
  if (!idInfo) return null;
  const author = readAuthor(element, base);
  const text = readText(element);
  if (!author || text === null) return null;
  const timeElement = ownFirst(element, YOUTUBE_SELECTORS.publishedTime);
  const postedRaw = timeElement ? cleanText(elementText(timeElement)) : null;
  const isReply = isReplyElement(element, idInfo.id);
  const dot = idInfo.id.indexOf('.');
  const parentId = !isReply ? null : dot > 0 ? idInfo.id.slice(0, dot) : threadParentId(element, base);
  return {
    platform: 'youtube',
    commentId: idInfo.id,
    permalink: idInfo.permalink,
    authorName: author.name,
    authorUrl: author.url,
    text,
    postedRaw,
    postedAt: null,
    edited: postedRaw !== null && EDITED_MARK.test(postedRaw),
    isReply,
    parentId,
    ...pageFact(page, 'youtube.video', () => readVideo(page.document, page.url)),
    ...pageFact(page, 'youtube.channel', () => readChannel(page.document, base)),
  };
}

/** Drops a candidate that contains another candidate (a wrapper around the real comment). */
function innermost(candidates: Element[]): Element[] {
  return candidates.filter(
    (candidate) => !candidates.some((other) => other !== candidate && candidate.contains(other)),
  );
}

function findComments(root: ParentNode): Element[] {
  const candidates = innermost(collectCandidates(root, YOUTUBE_SELECTORS.comment));
  const seen = new Set<string>();
  const base = new URL('https://www.youtube.com/');
  return candidates.filter((candidate) => {
    const id = readId(candidate, base)?.id;
    if (!id) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function labelSlot(element: Element): LabelSlot | null {
  const time = ownFirst(element, YOUTUBE_SELECTORS.publishedTime);
  if (time) return { anchor: time, position: 'after' };
  const header = own(element, YOUTUBE_SELECTORS.headerAuthor) ?? own(element, YOUTUBE_SELECTORS.header);
  return header ? { anchor: header, position: 'append' } : null;
}

function matchesUrl(url: URL): boolean {
  return YOUTUBE_HOSTS.has(url.hostname) && url.pathname === '/watch' && youtubeVideoId(url) !== null;
}

function hasCommentSection(page: PageContext): boolean {
  const section = page.document.querySelector(YOUTUBE_SELECTORS.commentsSection) ?? page.document;
  return isElement(section.querySelector(YOUTUBE_SELECTORS.thread));
}

function isEditable(element: Element): element is HTMLElement {
  const value = element.getAttribute('contenteditable');
  return value !== null && value !== 'false' && typeof (element as HTMLElement).focus === 'function';
}

/** The comment's own reply editor: in its own reply dialog, else anywhere in the comment but its replies. */
function replyEditor(element: Element): HTMLElement | null {
  const dialog = own(element, YOUTUBE_SELECTORS.replyDialog);
  const scopes = dialog ? [dialog, element] : [element];
  for (const scope of scopes) {
    for (const selector of YOUTUBE_SELECTORS.replyEditor) {
      for (const found of Array.from(scope.querySelectorAll(scopedSelector(selector)))) {
        if (found.closest(YOUTUBE_SELECTORS.comment) === element && isEditable(found)) return found;
      }
    }
  }
  return null;
}

async function insertReply(element: Element, text: string, page: PageContext): Promise<ReplyResult> {
  const id = element.isConnected ? readId(element, page.url)?.id : undefined;
  if (!id) return { ok: false, reason: 'The comment is no longer on the page' };
  const button = own(element, YOUTUBE_SELECTORS.replyButton);
  if (!button) return { ok: false, reason: 'No Reply button found for this comment' };
  dispatchPointerClick(button);
  const editor = await waitForElement(element, () => replyEditor(element), YOUTUBE_REPLY_BOX_TIMEOUT_MS);
  if (!editor) return { ok: false, reason: 'The reply box did not open' };
  // YouTube recycles comment elements: the box must still belong to the same comment.
  if (readId(element, page.url)?.id !== id) {
    return { ok: false, reason: 'The comment changed while the reply box opened' };
  }
  const typed = await typeIntoContentEditable(editor, text);
  return typed ? { ok: true } : { ok: false, reason: 'The reply box did not take the text' };
}

/*
 * Native removal (channel owner). `#action-menu button` opens ONE shared popup at document
 * level (`ytd-popup-container > tp-yt-iron-dropdown > ytd-menu-popup-renderer`); YouTube keeps
 * closed popups and dialogs in the container, hidden, so only one that became visible after the
 * click counts. The item ("Remove" on others' comments, "Delete" on the channel's own; texts
 * inferred, sv/en) leads to `yt-confirm-dialog-renderer` and its `#confirm-button`. Nothing but
 * the menu button, the item and the confirm button is ever clicked; a popup or dialog left open
 * on failure gets Escape.
 */

/** Popups or dialogs that became visible since `before` (the last one is the newest). */
function newlyShown(document: Document, selector: string, before: ReadonlySet<Element>): Element[] {
  return Array.from(document.querySelectorAll(selector)).filter(
    (found) => !before.has(found) && isShown(found),
  );
}

function openedPopup(document: Document, before: ReadonlySet<Element>): Element | null {
  const popups = newlyShown(document, YOUTUBE_SELECTORS.menuPopup, before).filter(
    (popup) => popup.querySelector(YOUTUBE_SELECTORS.menuItem.join(', ')) !== null,
  );
  return popups.at(-1) ?? null;
}

/** The popup's removal item (outermost item element, tried by selector in order) and what to click in it. */
function removalItem(popup: Element): Element | null {
  for (const selector of YOUTUBE_SELECTORS.menuItem) {
    const item = Array.from(popup.querySelectorAll(selector)).find(
      (found) =>
        isShown(found) && !isDisabled(found) && matchesText(found, YOUTUBE_SELECTORS.removalItemTexts),
    );
    if (item) return item.querySelector('tp-yt-paper-item') ?? item;
  }
  return null;
}

function confirmButton(document: Document, before: ReadonlySet<Element>): Element | null {
  for (const dialog of newlyShown(document, YOUTUBE_SELECTORS.confirmDialog, before).reverse()) {
    const host = dialog.querySelector(scopedSelector(YOUTUBE_SELECTORS.confirmButton));
    const button = host ? (host.querySelector('button') ?? host) : null;
    if (button && isShown(button) && !isDisabled(button)) return button;
  }
  return null;
}

/** Whether no comment on the page shows the id any more (the element gone, emptied or recycled). */
function commentGone(document: Document, id: string, base: URL): boolean {
  return !Array.from(document.querySelectorAll(YOUTUBE_SELECTORS.comment)).some(
    (comment) => readId(comment, base)?.id === id,
  );
}

/**
 * Deletes the comment through its action menu and the confirmation, with real pointer clicks.
 * The comment's id is taken on entry (through `this.snapshot`, so a wrapped adapter is
 * honoured) and checked again before the item and before the confirmation, because YouTube
 * recycles elements. Resolves when no comment on the page shows the id, or with a reason: no
 * menu button, the menu did not open within 3 s, no Remove/Delete item, no confirmation within
 * 3 s, the comment changed, or still there after 5 s.
 */
async function remove(
  this: PlatformAdapter | undefined,
  element: Element,
  mode: RemovalMode,
  page: PageContext,
): Promise<RemovalResult> {
  const read = (target: Element): CommentSnapshot | null =>
    this?.snapshot ? this.snapshot(target, page) : snapshot(target, page);
  if (mode !== 'delete') return fail(`YouTube cannot remove a comment by "${mode}" here`);
  const expected = element.isConnected ? read(element)?.commentId : undefined;
  if (!expected) return fail('The comment is no longer on the page');
  const stillShows = (): boolean => element.isConnected && read(element)?.commentId === expected;
  const document = page.document;

  const button = own(element, YOUTUBE_SELECTORS.actionMenuButton);
  if (!button) return fail('No action menu button found for this comment');
  const popupsBefore = shownSet(document, YOUTUBE_SELECTORS.menuPopup);
  dispatchPointerClick(button);
  const popup = await waitForElement(
    document,
    () => openedPopup(document, popupsBefore),
    YOUTUBE_REMOVAL_TIMEOUTS_MS.menu,
  );
  if (!popup) return fail('The action menu did not open within 3 s');
  const item = removalItem(popup);
  if (!item) {
    pressEscape(document, popup);
    return fail(`The action menu has no "${YOUTUBE_SELECTORS.removalItemTexts[0]}" item`);
  }
  if (!stillShows()) {
    pressEscape(document, popup);
    return fail('The comment changed while its menu opened');
  }

  const dialogsBefore = shownSet(document, YOUTUBE_SELECTORS.confirmDialog);
  dispatchPointerClick(item);
  const confirm = await waitForElement(
    document,
    () => confirmButton(document, dialogsBefore),
    YOUTUBE_REMOVAL_TIMEOUTS_MS.dialog,
  );
  if (!confirm) return fail('The confirmation dialog did not appear');
  if (!stillShows()) {
    pressEscape(document, confirm);
    return fail('The comment changed before the removal was confirmed');
  }

  dispatchPointerClick(confirm);
  const gone = await waitForElement(
    document,
    () => (commentGone(document, expected, page.url) ? document.documentElement : null),
    YOUTUBE_REMOVAL_TIMEOUTS_MS.gone,
  );
  return gone ? { ok: true, outcome: 'removed' } : fail('The comment is still there after 5 s');
}

export const youtubeAdapter: PlatformAdapter = {
  id: 'youtube',
  matchesUrl,
  commentSelector: YOUTUBE_SELECTORS.comment,
  findComments,
  snapshot,
  identify,
  labelSlot,
  hasCommentSection,
  insertReply,
  removalModes: ['delete'],
  remove,
};
