/**
 * YouTube Studio comments (studio.youtube.com/channel/{id}/comments/… and
 * /video/{id}/comments). Comments are `ytcp-comment` elements; their id is only in a
 * JavaScript property of the element, so the adapter takes an id reader (in the extension:
 * `readStudioCommentId` from ./studio-bridge). Nothing is cached per element.
 *
 * Replies: a comment's reply button opens a `ytcp-commentbox` under that comment whose text box is
 * a plain `textarea#textarea` (inside `tp-yt-iron-autogrow-textarea#textarea`); the adapter sets
 * its value the way typing does and never touches the box's submit button.
 */
import { elementText } from './dom-text';
import { dispatchPointerClick, setTextareaValue, waitForElement } from './native-input';
import { absoluteUrl, cleanText, collectCandidates, firstMatch, ownQuery, scopedSelector } from './query';
import { STUDIO_COMMENT_ID } from './studio-bridge';
import {
  type CommentSnapshot,
  type LabelSlot,
  type PageContext,
  type PlatformAdapter,
  pageFact,
  type RemovalMode,
  type RemovalResult,
  type ReplyResult,
} from './types';

/** Studio's comment markup as data: what each selector finds. */
export const STUDIO_SELECTORS = {
  comment: 'ytcp-comment',
  thread: 'ytcp-comment-thread',
  replies: 'ytcp-comment-replies',
  commentsSection: 'ytcp-comments-section',
  authorName: ['#metadata #name .author-text', '#author-text', '#metadata #name'],
  authorLink: ['#metadata #name a[href]', 'a#author-thumbnail[href]'],
  contentText: '#content-text',
  publishedTime: ['#metadata .published-time-text', '.published-time-text', '#published-time-text'],
  metadata: '#metadata',
  toolbar: 'ytcp-comment-action-buttons #toolbar',
  replyButton: 'ytcp-comment-button#reply-button',
  /** The reply box the reply button opens, and its text box (a textarea, seen). */
  commentBox: 'ytcp-commentbox',
  commentBoxTextarea: 'textarea#textarea',
  actionMenuButton: 'ytcp-comment-action-buttons .action-menu-button',
  batchSelect: 'ytcp-checkbox-lit#batch-select',
  /** Inferred: the checkbox's own role=checkbox element carrying aria-checked. */
  batchSelectBox: '[role="checkbox"]',
  /** Inferred: the bar that appears while comments are ticked. */
  batchBar: ['ytcp-comments-batch-actions', '#batch-actions'],
  /** Inferred: the bar's remove button (ids first, then its label in any of these words). */
  batchRemoveButton: ['#remove-button', '#delete-button'],
  /** Seen: the confirmation dialog's button. */
  confirmButton: '#confirm-button',
  cancelButton: '#cancel-button',
  videoThumbnailLink: 'ytcp-comment-video-thumbnail a#body',
  videoThumbnailTitle: 'ytcp-comment-video-thumbnail #video-title',
  /** Inferred: the video title in the side drawer of a /video/{id}/ page. */
  videoPageTitle: ['ytcp-navigation-drawer ytcp-video-info #video-title'],
  /** Inferred: the channel name in the side drawer of a /channel/{id}/ page. */
  channelName: ['ytcp-navigation-drawer #entity-name'],
} as const;

export type StudioCommentIdReader = (element: Element) => string | null;

const EDITED_MARK = /\((?:redigerad|edited|redigert|redigeret|muokattu|bearbeitet)\)/i;
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const CHANNEL_PATH = /^\/channel\/([A-Za-z0-9_-]+)\/comments(?:\/|$)/;
const VIDEO_PATH = /^\/video\/([A-Za-z0-9_-]{11})\/comments(?:\/|$)/;

function own(element: Element, selector: string): Element | null {
  return ownQuery(element, selector, STUDIO_SELECTORS.comment);
}

function ownFirst(element: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = own(element, selector);
    if (found) return found;
  }
  return null;
}

function videoIdFromUrl(url: URL | null): string | null {
  if (!url) return null;
  const fromQuery = url.searchParams.get('v');
  if (fromQuery && VIDEO_ID.test(fromQuery)) return fromQuery;
  const fromPath = /\/video\/([A-Za-z0-9_-]{11})(?:\/|$)/.exec(url.pathname)?.[1];
  return fromPath ?? null;
}

function readVideo(
  element: Element,
  page: PageContext,
): Pick<CommentSnapshot, 'postId' | 'postUrl' | 'postTitle'> {
  const scope = element.closest(STUDIO_SELECTORS.thread) ?? element;
  const link = scope.querySelector(scopedSelector(STUDIO_SELECTORS.videoThumbnailLink));
  const pagePath = VIDEO_PATH.exec(page.url.pathname);
  const postId = videoIdFromUrl(absoluteUrl(link, 'href', page.url)) ?? pagePath?.[1] ?? null;
  const titleElement = link
    ? scope.querySelector(scopedSelector(STUDIO_SELECTORS.videoThumbnailTitle))
    : pagePath
      ? pageFact(page, 'studio.videoTitle', () => firstMatch(page.document, STUDIO_SELECTORS.videoPageTitle))
      : null;
  return {
    postId,
    postUrl: postId ? `https://www.youtube.com/watch?v=${postId}` : null,
    postTitle: titleElement ? cleanText(elementText(titleElement)) : null,
  };
}

function readChannel(page: PageContext): Pick<CommentSnapshot, 'channelName' | 'channelUrl'> {
  const channelId = CHANNEL_PATH.exec(page.url.pathname)?.[1];
  if (!channelId) return { channelName: null, channelUrl: null };
  const name = pageFact(page, 'studio.channelName', () =>
    firstMatch(page.document, STUDIO_SELECTORS.channelName),
  );
  return {
    channelName: name ? cleanText(elementText(name)) : null,
    channelUrl: `https://www.youtube.com/channel/${channelId}`,
  };
}

function createSnapshot(readCommentId: StudioCommentIdReader) {
  const readId = (element: Element): string | null => {
    const id = readCommentId(element);
    return id && STUDIO_COMMENT_ID.test(id) ? id : null;
  };

  const parentOf = (element: Element, id: string): string | null => {
    const dot = id.indexOf('.');
    if (dot > 0) return id.slice(0, dot);
    const thread = element.closest(STUDIO_SELECTORS.thread);
    const top = thread
      ? firstMatch(
          thread,
          [STUDIO_SELECTORS.comment],
          (c) => c !== element && !c.closest(STUDIO_SELECTORS.replies),
        )
      : null;
    return top ? readId(top) : null;
  };

  return (element: Element, page: PageContext): CommentSnapshot | null => {
    const commentId = readId(element);
    const nameElement = ownFirst(element, STUDIO_SELECTORS.authorName);
    const content = own(element, STUDIO_SELECTORS.contentText);
    const authorName = nameElement ? cleanText(elementText(nameElement)) : null;
    if (!commentId || !authorName || !content) return null;
    const time = ownFirst(element, STUDIO_SELECTORS.publishedTime);
    const postedRaw = time ? cleanText(elementText(time)) : null;
    const isReply =
      commentId.includes('.') ||
      element.hasAttribute('is-reply') ||
      element.closest(STUDIO_SELECTORS.replies) !== null;
    const video = readVideo(element, page);
    return {
      platform: 'youtube_studio',
      commentId,
      permalink: video.postId ? `https://www.youtube.com/watch?v=${video.postId}&lc=${commentId}` : null,
      authorName,
      authorUrl: absoluteUrl(ownFirst(element, STUDIO_SELECTORS.authorLink), 'href', page.url)?.href ?? null,
      text: elementText(content, { preserveNewlines: true }),
      postedRaw,
      postedAt: null,
      edited: postedRaw !== null && EDITED_MARK.test(postedRaw),
      isReply,
      parentId: isReply ? parentOf(element, commentId) : null,
      ...video,
      ...readChannel(page),
    };
  };
}

function innermost(candidates: Element[]): Element[] {
  return candidates.filter(
    (candidate) => !candidates.some((other) => other !== candidate && candidate.contains(other)),
  );
}

function labelSlot(element: Element): LabelSlot | null {
  const metadata = own(element, STUDIO_SELECTORS.metadata);
  if (metadata) return { anchor: metadata, position: 'append' };
  const toolbar = own(element, STUDIO_SELECTORS.toolbar);
  return toolbar ? { anchor: toolbar, position: 'append' } : null;
}

function matchesUrl(url: URL): boolean {
  return (
    url.hostname === 'studio.youtube.com' &&
    (CHANNEL_PATH.test(url.pathname) || VIDEO_PATH.test(url.pathname))
  );
}

function hasCommentSection(page: PageContext): boolean {
  return page.document.querySelector(STUDIO_SELECTORS.thread) !== null;
}

/** How long insertReply waits for Studio to open the reply box. */
export const REPLY_TIMEOUT_MS = 3000;

const lineBreaks = (value: string): string => value.replace(/\r\n?/g, '\n');

/** Whether the element is shown: neither it nor an ancestor up to `scope` is hidden. */
function isShown(element: Element, scope: Element): boolean {
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || view?.getComputedStyle(node).display === 'none') return false;
    if (node === scope) break;
  }
  return true;
}

/** The text box of a reply box, when it is a shown, usable textarea. */
function textareaIn(box: Element, scope: Element): HTMLTextAreaElement | null {
  const found =
    box.querySelector(scopedSelector(STUDIO_SELECTORS.commentBoxTextarea)) ?? box.querySelector('textarea');
  if (found?.tagName !== 'TEXTAREA') return null;
  const textarea = found as HTMLTextAreaElement;
  if (textarea.disabled || textarea.readOnly) return null;
  return isShown(textarea, scope) ? textarea : null;
}

/** The comment's own open reply box (not a nested comment's). */
function ownReplyBox(element: Element): HTMLTextAreaElement | null {
  const box = ownQuery(element, STUDIO_SELECTORS.commentBox, STUDIO_SELECTORS.comment);
  return box ? textareaIn(box, element) : null;
}

/**
 * The reply box the click opened: the comment's own, or else one that appeared in the same
 * thread outside any comment and was not there before the click (`before`).
 */
function openedReplyBox(element: Element, before: ReadonlySet<Element>): HTMLTextAreaElement | null {
  const own = ownReplyBox(element);
  if (own) return own;
  const thread = element.closest(STUDIO_SELECTORS.thread);
  if (!thread) return null;
  for (const box of Array.from(thread.querySelectorAll(STUDIO_SELECTORS.commentBox))) {
    if (before.has(box) || box.closest(STUDIO_SELECTORS.comment) !== null) continue;
    const textarea = textareaIn(box, thread);
    if (textarea) return textarea;
  }
  return null;
}

/** What insertReply last put in each box, so that a second template may replace the first. */
const inserted = new WeakMap<HTMLTextAreaElement, string>();

/**
 * Text the moderator may have typed: anything but the "@handle " a reply box starts with, the
 * text about to go in, or what insertReply itself put there.
 */
function holdsDraft(textarea: HTMLTextAreaElement, text: string): boolean {
  const value = lineBreaks(textarea.value);
  if (value.trim() === '' || /^@\S+$/.test(value.trim())) return false;
  return value !== lineBreaks(text) && value !== inserted.get(textarea);
}

/** The element a click on the reply button should land on: its inner button when it has one. */
function clickTarget(host: Element): Element {
  return host.querySelector('button, [role="button"]') ?? host;
}

/**
 * Opens this comment's reply box (or takes the one already open) and puts `text` in it,
 * focused. Never sends. A box that already holds the moderator's own text is left alone.
 */
export async function insertStudioReply(
  element: Element,
  text: string,
  timeoutMs = REPLY_TIMEOUT_MS,
): Promise<ReplyResult> {
  let textarea = ownReplyBox(element);
  if (textarea && holdsDraft(textarea, text)) return { ok: false, reason: 'the reply box keeps unsent text' };
  if (!textarea) {
    const button = own(element, STUDIO_SELECTORS.replyButton);
    if (!button) return { ok: false, reason: 'the comment has no reply button' };
    const thread = element.closest(STUDIO_SELECTORS.thread);
    const before = new Set(thread ? Array.from(thread.querySelectorAll(STUDIO_SELECTORS.commentBox)) : []);
    dispatchPointerClick(clickTarget(button));
    textarea = await waitForElement<HTMLTextAreaElement>(
      element.ownerDocument,
      () => openedReplyBox(element, before),
      timeoutMs,
    );
  }
  if (!textarea) return { ok: false, reason: 'the reply box did not open' };
  setTextareaValue(textarea, text);
  if (lineBreaks(textarea.value) !== lineBreaks(text)) {
    return { ok: false, reason: 'the reply box did not take the text' };
  }
  inserted.set(textarea, lineBreaks(textarea.value));
  return { ok: true };
}

/** Inferred: the batch remove button's label, when it has none of the ids above. */
export const STUDIO_BATCH_REMOVE_LABEL = /^(?:ta bort|radera|remove|delete)$/i;

/** How long remove waits for the batch bar and the confirmation dialog. */
export const REMOVE_DIALOG_TIMEOUT_MS = 3000;
/** How long remove waits for the comment to disappear after confirming. */
export const REMOVE_TIMEOUT_MS = 5000;

export interface StudioRemoveTimeouts {
  dialogMs?: number;
  goneMs?: number;
}

function checkboxBox(host: Element): Element {
  return host.querySelector(STUDIO_SELECTORS.batchSelectBox) ?? host;
}

function isTicked(host: Element): boolean {
  return (
    checkboxBox(host).getAttribute('aria-checked') === 'true' ||
    host.getAttribute('aria-checked') === 'true' ||
    host.hasAttribute('checked')
  );
}

function tickedBoxes(document: Document): Element[] {
  return Array.from(document.querySelectorAll(STUDIO_SELECTORS.batchSelect)).filter(isTicked);
}

/** Whether the page is shown to the user: connected and neither it nor an ancestor hidden. */
function isVisible(element: Element): boolean {
  return element.isConnected && isShown(element, element.ownerDocument.documentElement);
}

function pressTarget(host: Element): Element {
  const inner = host.querySelector('button, [role="button"]');
  return inner && !(inner as HTMLButtonElement).disabled ? inner : host;
}

function batchRemoveButton(document: Document): Element | null {
  for (const barSelector of STUDIO_SELECTORS.batchBar) {
    for (const bar of Array.from(document.querySelectorAll(barSelector))) {
      if (!isVisible(bar)) continue;
      for (const selector of STUDIO_SELECTORS.batchRemoveButton) {
        const found = bar.querySelector(scopedSelector(selector));
        if (found && isVisible(found)) return found;
      }
      const labelled = Array.from(bar.querySelectorAll('button, [role="button"]')).find((button) => {
        const label = cleanText(button.getAttribute('aria-label') ?? elementText(button)) ?? '';
        return STUDIO_BATCH_REMOVE_LABEL.test(label) && isVisible(button);
      });
      if (labelled) return labelled;
    }
  }
  return null;
}

function visibleConfirmButtons(document: Document): Element[] {
  return Array.from(document.querySelectorAll(scopedSelector(STUDIO_SELECTORS.confirmButton))).filter(
    isVisible,
  );
}

/** The dialog a confirm button belongs to (for its cancel button). */
function dialogOf(confirm: Element): Element {
  return (
    confirm.closest('[role="dialog"], [role="alertdialog"], ytcp-confirmation-dialog, ytcp-dialog') ?? confirm
  );
}

/**
 * Removes the comment with Studio's batch flow (seen): tick only this comment's
 * `ytcp-checkbox-lit#batch-select` (every other ticked comment is unticked first), press the batch
 * bar's remove button, then the confirmation dialog's `#confirm-button`. Right before confirming it
 * checks again that this element still shows the comment and that it is the only one ticked;
 * otherwise it cancels. Done when no comment on the page shows the id any more.
 */
export async function removeStudioComment(
  element: Element,
  readCommentId: StudioCommentIdReader,
  mode: RemovalMode = 'delete',
  timeouts: StudioRemoveTimeouts = {},
): Promise<RemovalResult> {
  if (mode !== 'delete') return { ok: false, reason: `YouTube Studio cannot ${mode} a comment here` };
  const readId = (candidate: Element): string | null => {
    const value = readCommentId(candidate);
    return value && STUDIO_COMMENT_ID.test(value) ? value : null;
  };
  const id = readId(element);
  if (!id) return { ok: false, reason: 'the comment id is unknown' };
  const checkbox = own(element, STUDIO_SELECTORS.batchSelect);
  if (!checkbox) return { ok: false, reason: 'the comment has no selection checkbox' };
  const document = element.ownerDocument;
  const dialogMs = timeouts.dialogMs ?? REMOVE_DIALOG_TIMEOUT_MS;
  const isOwn = (): boolean =>
    element.isConnected && readId(element) === id && own(element, STUDIO_SELECTORS.batchSelect) === checkbox;
  const onlyThisTicked = (): boolean => {
    const ticked = tickedBoxes(document);
    return ticked.length === 1 && ticked[0] === checkbox && isOwn();
  };
  const untick = (): void => {
    if (checkbox.isConnected && isTicked(checkbox)) dispatchPointerClick(checkboxBox(checkbox));
  };

  for (const other of tickedBoxes(document)) {
    if (other !== checkbox) dispatchPointerClick(checkboxBox(other));
  }
  if (!isTicked(checkbox)) dispatchPointerClick(checkboxBox(checkbox));
  const selected = await waitForElement(
    document,
    () => (onlyThisTicked() ? checkbox : null),
    Math.min(dialogMs, 1000),
  );
  if (!selected) {
    untick();
    return { ok: false, reason: 'could not select this comment alone' };
  }

  const removeButton = await waitForElement(document, () => batchRemoveButton(document), dialogMs);
  if (!removeButton) {
    untick();
    return { ok: false, reason: 'the batch remove button did not appear' };
  }
  if (!onlyThisTicked()) {
    untick();
    return { ok: false, reason: 'the selection changed before removing' };
  }
  const confirmsBefore = new Set(visibleConfirmButtons(document));
  dispatchPointerClick(pressTarget(removeButton));
  const confirm = await waitForElement(
    document,
    () => visibleConfirmButtons(document).find((button) => !confirmsBefore.has(button)) ?? null,
    dialogMs,
  );
  if (!confirm) {
    untick();
    return { ok: false, reason: 'the confirmation dialog did not appear' };
  }
  // Studio recycles elements: confirm only while this element still is this comment, alone ticked.
  if (!onlyThisTicked()) {
    const cancel = dialogOf(confirm).querySelector(scopedSelector(STUDIO_SELECTORS.cancelButton));
    if (cancel) dispatchPointerClick(pressTarget(cancel));
    untick();
    return { ok: false, reason: 'the comment changed before confirming' };
  }
  dispatchPointerClick(pressTarget(confirm));
  const stillShown = (): boolean =>
    Array.from(document.querySelectorAll(STUDIO_SELECTORS.comment)).some((comment) => readId(comment) === id);
  const gone = await waitForElement(
    document,
    () => (stillShown() ? null : document.documentElement),
    timeouts.goneMs ?? REMOVE_TIMEOUT_MS,
  );
  if (!gone) return { ok: false, reason: 'the comment is still there after confirming' };
  return { ok: true, outcome: 'removed' };
}

/** A Studio adapter that reads comment ids with `readCommentId`. */
export function createStudioAdapter(readCommentId: StudioCommentIdReader): PlatformAdapter {
  const findComments = (root: ParentNode): Element[] => {
    const seen = new Set<string>();
    return innermost(collectCandidates(root, STUDIO_SELECTORS.comment)).filter((candidate) => {
      const id = readCommentId(candidate);
      if (!id) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  };
  return {
    id: 'youtube_studio',
    matchesUrl,
    commentSelector: STUDIO_SELECTORS.comment,
    findComments,
    snapshot: createSnapshot(readCommentId),
    labelSlot,
    hasCommentSection,
    insertReply: (element, text) => insertStudioReply(element, text),
    removalModes: ['delete'],
    remove: (element, mode) => removeStudioComment(element, readCommentId, mode),
  };
}

/** For tests and pages without the bridge: reads no ids, so every snapshot is null. */
export const youtubeStudioAdapter: PlatformAdapter = createStudioAdapter(() => null);
