/**
 * WordPress comment admin (`/wp-admin/edit-comments.php` on any host). Each comment is a
 * `tr#comment-{ID}` in `tbody#the-comment-list`; the exact text, author and status sit in the
 * hidden `#inline-{ID}` block. Dates are translated text in `.submitted-on`.
 *
 * Replies go into WordPress' own reply row: its Reply button makes WordPress' script
 * (`commentReply.open` in wp-admin/js/edit-comments.js) move `tr#replyrow` right after the
 * comment's row, fill its hidden `#comment_ID`, fade it in and focus `#replycontent` 600 ms later.
 */
import { elementText } from './dom-text';
import { dispatchPointerClick, setTextareaValue, waitForElement } from './native-input';
import { absoluteUrl, cleanText, collectCandidates, firstMatch } from './query';
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

/** The list table's markup as data: what each selector finds. */
export const WORDPRESS_SELECTORS = {
  list: 'tbody#the-comment-list',
  row: 'tr[id^="comment-"]',
  /** Rows that look like comments but are not: the undo notice after a trash or spam. */
  excludedRow: 'tr.undo',
  /** The hidden list of spare rows WordPress pulls in after a trash. */
  extraList: 'tbody#the-extra-comment-list',
  commentCell: 'td.column-comment',
  authorCell: 'td.column-author',
  inlineDataPrefix: 'inline-',
  inlineText: 'textarea.comment',
  inlineAuthor: '.author',
  inlineAuthorUrl: '.author-url',
  inlineStatus: '.comment_status',
  commentAuthorBlock: '.comment-author',
  submittedOn: '.submitted-on',
  dateSubmittedOn: 'td.column-date .submitted-on',
  responseViewLink: 'td.column-response .comments-view-item-link',
  responseEditLink: 'td.column-response .comments-edit-item-link',
  rowActions: '.row-actions',
  trashLink: 'span.trash a.delete[data-wp-lists]',
  replyButton: 'button[data-action="replyto"]',
  /** The undo row WordPress puts before a trashed comment's row (`tr#undo-{ID}.undo.untrash`). */
  undoRowPrefix: 'undo-',
  /** Where WordPress' list script writes an ajax error (`.notice-error`). */
  ajaxResponse: '#ajax-response',
  ajaxError: '.notice-error',
  /** Counts WordPress' list script updates once the trash request has answered. */
  trashCount: 'span.trash-count',
  totalCount: '.displaying-num',
  replyRow: 'tr#replyrow',
  replyTextarea: 'textarea#replycontent',
  /** The reply row's hidden field naming the comment it answers. */
  replyCommentId: 'input#comment_ID',
  siteName: '#wp-admin-bar-site-name > a',
  pageMarkers: ['body.edit-comments-php', 'form#comments-form'],
  emptyRow: 'tr.no-items',
} as const;

const ROW_ID = /^comment-(\d+)$/;
const PARENT_HASH = /#comment-(\d+)$/;

function rowId(row: Element): string | null {
  return ROW_ID.exec(row.id)?.[1] ?? null;
}

function isCommentRow(row: Element): boolean {
  return (
    row.tagName === 'TR' &&
    rowId(row) !== null &&
    !row.matches(WORDPRESS_SELECTORS.excludedRow) &&
    row.closest(WORDPRESS_SELECTORS.list) !== null
  );
}

function inlineData(row: Element, id: string): Element | null {
  const wanted = `${WORDPRESS_SELECTORS.inlineDataPrefix}${id}`;
  return Array.from(row.querySelectorAll('div[id]')).find((element) => element.id === wanted) ?? null;
}

function rawText(element: Element | null | undefined): string | null {
  const text = element?.textContent;
  return text === null || text === undefined ? null : text.replace(/\r\n?/g, '\n');
}

/** The rendered paragraphs of the comment, for rows without the hidden raw data. */
function renderedText(cell: Element): string {
  const paragraphs = Array.from(cell.children).filter((child) => child.tagName === 'P');
  return paragraphs.map((p) => elementText(p)).join('\n\n');
}

function readText(row: Element, id: string): string | null {
  const raw = rawText(inlineData(row, id)?.querySelector(WORDPRESS_SELECTORS.inlineText));
  if (raw !== null) return raw.trim();
  const cell = row.querySelector(WORDPRESS_SELECTORS.commentCell);
  return cell ? renderedText(cell) : null;
}

function readAuthor(row: Element, id: string, base: URL): { name: string; url: string | null } | null {
  const data = inlineData(row, id);
  const name =
    cleanText(rawText(data?.querySelector(WORDPRESS_SELECTORS.inlineAuthor))) ??
    cleanText(rawText(row.querySelector(`${WORDPRESS_SELECTORS.authorCell} strong`)));
  if (!name) return null;
  const url = cleanText(rawText(data?.querySelector(WORDPRESS_SELECTORS.inlineAuthorUrl)));
  let authorUrl: string | null = null;
  if (url) {
    try {
      authorUrl = new URL(url, base).href;
    } catch {
      authorUrl = null;
    }
  }
  return { name, url: authorUrl };
}

/** The parent id from the "In reply to <a href=…#comment-{ID}>" link right in the comment cell. */
function readParentId(row: Element): string | null {
  const cell = row.querySelector(WORDPRESS_SELECTORS.commentCell);
  if (!cell) return null;
  for (const child of Array.from(cell.children)) {
    if (child.tagName !== 'A') continue;
    const match = PARENT_HASH.exec(child.getAttribute('href') ?? '');
    if (match?.[1]) return match[1];
  }
  return null;
}

function readPostId(row: Element): string | null {
  const fromButton = row.querySelector('[data-post-id]')?.getAttribute('data-post-id');
  if (fromButton && /^\d+$/.test(fromButton)) return fromButton;
  const edit = row.querySelector(WORDPRESS_SELECTORS.responseEditLink)?.getAttribute('href') ?? '';
  return /[?&]post=(\d+)/.exec(edit)?.[1] ?? null;
}

function readPost(row: Element, base: URL): Pick<CommentSnapshot, 'postId' | 'postUrl' | 'postTitle'> {
  const title = row.querySelector(WORDPRESS_SELECTORS.responseEditLink);
  return {
    postId: readPostId(row),
    postUrl: absoluteUrl(row.querySelector(WORDPRESS_SELECTORS.responseViewLink), 'href', base)?.href ?? null,
    postTitle: title ? cleanText(elementText(title)) : null,
  };
}

function readSite(page: PageContext): Pick<CommentSnapshot, 'channelName' | 'channelUrl'> {
  const link = pageFact(page, 'wordpress.site', () =>
    page.document.querySelector(WORDPRESS_SELECTORS.siteName),
  );
  return {
    channelName: link ? cleanText(elementText(link)) : null,
    channelUrl: absoluteUrl(link, 'href', page.url)?.href ?? null,
  };
}

const MONTHS: Record<string, number> = {
  januari: 1,
  januar: 1,
  january: 1,
  jan: 1,
  februari: 2,
  februar: 2,
  february: 2,
  feb: 2,
  mars: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  augusti: 8,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function findDate(text: string): DateParts | null {
  const numeric = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(text);
  if (numeric) return { year: Number(numeric[1]), month: Number(numeric[2]), day: Number(numeric[3]) };
  const named = /(\d{1,2})\.?\s+([a-zåäö]+)\.?\s+(\d{4})/i.exec(text);
  const month = named?.[2] ? MONTHS[named[2].toLowerCase()] : undefined;
  if (named && month) return { year: Number(named[3]), month, day: Number(named[1]) };
  const english = /([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})/i.exec(text);
  const englishMonth = english?.[1] ? MONTHS[english[1].toLowerCase()] : undefined;
  if (english && englishMonth)
    return { year: Number(english[3]), month: englishMonth, day: Number(english[2]) };
  return null;
}

function findTime(text: string): { hour: number; minute: number } | null {
  const match = /(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?m\.?)?(?![\d])/i.exec(
    text.replace(/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/, ''),
  );
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const half = match[3]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  return { hour, minute };
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The site-local date and time of a `.submitted-on` text as ISO 8601 without an offset
 * ("2025-11-05T14:02:00"), or null. Understands "2025-11-05 kl. 14:02",
 * "5 november 2025 kl. 14:02", "2025/11/05 at 2:02 pm" and "November 5, 2025 at 2:02 pm".
 */
export function parseWordPressDate(text: string): string | null {
  const date = findDate(text);
  const time = findTime(text);
  if (!date || !time) return null;
  const { year, month, day } = date;
  const valid = new Date(Date.UTC(year, month - 1, day));
  if (valid.getUTCMonth() !== month - 1 || valid.getUTCDate() !== day) return null;
  if (time.hour > 23 || time.minute > 59) return null;
  return `${year}-${pad(month)}-${pad(day)}T${pad(time.hour)}:${pad(time.minute)}:00`;
}

function snapshot(row: Element, page: PageContext): CommentSnapshot | null {
  if (!isCommentRow(row)) return null;
  const id = rowId(row);
  if (!id) return null;
  const author = readAuthor(row, id, page.url);
  const text = readText(row, id);
  if (!author || text === null) return null;
  const submitted = row.querySelector(WORDPRESS_SELECTORS.submittedOn);
  const postedRaw = submitted ? cleanText(elementText(submitted)) : null;
  const parentId = readParentId(row);
  return {
    platform: 'wordpress',
    commentId: id,
    permalink: absoluteUrl(submitted?.querySelector('a[href]') ?? null, 'href', page.url)?.href ?? null,
    authorName: author.name,
    authorUrl: author.url,
    text,
    postedRaw,
    postedAt: postedRaw ? parseWordPressDate(postedRaw) : null,
    edited: false,
    isReply: parentId !== null,
    parentId,
    ...readPost(row, page.url),
    ...readSite(page),
  };
}

function findComments(root: ParentNode): Element[] {
  const seen = new Set<string>();
  return collectCandidates(root, WORDPRESS_SELECTORS.row).filter((row) => {
    const id = rowId(row);
    if (!id || !isCommentRow(row) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * In the date column, after the date: that column is the row's shortest, so the label never
 * makes a row taller. In the comment column it would re-wrap the text or take a line of its own
 * and move every row below; it goes there only when the date column is missing.
 */
function labelSlot(row: Element): LabelSlot | null {
  const submitted = row.querySelector(WORDPRESS_SELECTORS.dateSubmittedOn);
  if (submitted) return { anchor: submitted, position: 'append' };
  const cell = row.querySelector(WORDPRESS_SELECTORS.commentCell);
  if (!cell) return null;
  const authorBlock = Array.from(cell.children).find((child) =>
    child.matches(WORDPRESS_SELECTORS.commentAuthorBlock),
  );
  return authorBlock ? { anchor: authorBlock, position: 'after' } : { anchor: cell, position: 'prepend' };
}

function matchesUrl(url: URL): boolean {
  return /\/wp-admin\/edit-comments\.php$/.test(url.pathname);
}

/** The comment screen with at least one listed comment (an empty list says "No comments found"). */
function hasCommentSection(page: PageContext): boolean {
  const isCommentScreen = firstMatch(page.document, WORDPRESS_SELECTORS.pageMarkers) !== null;
  if (!isCommentScreen) return false;
  const list = page.document.querySelector(WORDPRESS_SELECTORS.list);
  if (!list) return true;
  return Array.from(list.children).some((child) => !child.matches(WORDPRESS_SELECTORS.emptyRow));
}

const lineBreaks = (value: string): string => value.replace(/\r\n?/g, '\n');

/** How long insertReply waits for WordPress to open its reply row. */
export const REPLY_TIMEOUT_MS = 3000;

function replyButtonOf(row: Element, id: string): HTMLElement | null {
  for (const button of Array.from(row.querySelectorAll<HTMLElement>(WORDPRESS_SELECTORS.replyButton))) {
    if (button.getAttribute('data-comment-id') === id) return button;
  }
  return null;
}

function isDisplayed(element: Element): boolean {
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  return style?.display !== 'none';
}

function replyTextarea(document: Document): HTMLTextAreaElement | null {
  const found = document.querySelector(WORDPRESS_SELECTORS.replyTextarea);
  return found?.tagName === 'TEXTAREA' ? (found as HTMLTextAreaElement) : null;
}

/**
 * The reply row's text box once WordPress has opened the row for this comment: the row sits right
 * after the comment's row, is shown, and its `#comment_ID` names the comment.
 */
function openedReplyBox(row: Element, id: string): HTMLTextAreaElement | null {
  const replyRow = row.nextElementSibling;
  if (!replyRow?.matches(WORDPRESS_SELECTORS.replyRow) || !isDisplayed(replyRow)) return null;
  const target = replyRow.querySelector<HTMLInputElement>(WORDPRESS_SELECTORS.replyCommentId);
  if (target && target.value !== id) return null;
  const textarea = replyRow.querySelector(WORDPRESS_SELECTORS.replyTextarea);
  if (textarea?.tagName !== 'TEXTAREA') return null;
  return (textarea as HTMLTextAreaElement).disabled ? null : (textarea as HTMLTextAreaElement);
}

/**
 * Opens WordPress' reply row under the comment and puts `text` in it, focused. Never sends
 * (`#replysubmit .save` is not touched). When the box holds unsent text, WordPress itself asks
 * whether to drop it; if the moderator keeps it, nothing is written.
 */
export async function insertWordPressReply(
  row: Element,
  text: string,
  timeoutMs = REPLY_TIMEOUT_MS,
): Promise<ReplyResult> {
  const id = isCommentRow(row) ? rowId(row) : null;
  if (!id) return { ok: false, reason: 'not a comment row' };
  const button = replyButtonOf(row, id);
  if (!button) return { ok: false, reason: 'the comment has no reply button' };
  const document = row.ownerDocument;
  const draft = replyTextarea(document)?.value ?? '';
  dispatchPointerClick(button);
  // WordPress empties the box as it opens it; text still there means the moderator kept a draft.
  if (draft !== '' && replyTextarea(document)?.value === draft) {
    return { ok: false, reason: 'the reply box keeps unsent text' };
  }
  const textarea = await waitForElement<HTMLTextAreaElement>(
    document,
    () => openedReplyBox(row, id),
    timeoutMs,
  );
  if (!textarea) return { ok: false, reason: 'the reply box did not open' };
  setTextareaValue(textarea, text);
  if (lineBreaks(textarea.value) !== lineBreaks(text)) {
    return { ok: false, reason: 'the reply box did not take the text' };
  }
  return { ok: true };
}

/** How long remove waits for WordPress to hide the row (it fades out over 350 ms). */
export const REMOVE_START_TIMEOUT_MS = 3000;
/** How long remove waits for WordPress' answer once it has clicked. */
export const REMOVE_TIMEOUT_MS = 5000;

export interface RemoveTimeouts {
  /** For WordPress to start: the row fading out or an error. */
  startMs?: number;
  /** For the whole removal to be confirmed. */
  doneMs?: number;
}

/** The comment's own trash link: `delete:the-comment-list:comment-{ID}:…:trash=1`, nothing else. */
function trashLinkOf(row: Element, id: string): HTMLElement | null {
  const prefix = `delete:the-comment-list:comment-${id}:`;
  for (const link of Array.from(row.querySelectorAll<HTMLElement>(WORDPRESS_SELECTORS.trashLink))) {
    const data = link.getAttribute('data-wp-lists') ?? '';
    if (data.startsWith(prefix) && /(?:^|[:&])trash=1(?:&|$)/.test(data.slice(prefix.length))) return link;
  }
  return null;
}

/** The row is out of sight: removed, no longer in the list, or hidden by WordPress' fade. */
function rowGone(row: Element, list: Element | null): boolean {
  if (!row.isConnected || (list !== null && !list.contains(row))) return true;
  return !isDisplayed(row);
}

function ajaxErrorText(document: Document): string | null {
  const error = document
    .querySelector(WORDPRESS_SELECTORS.ajaxResponse)
    ?.querySelector(WORDPRESS_SELECTORS.ajaxError);
  return error ? (cleanText(elementText(error)) ?? '') : null;
}

function countsText(document: Document): string {
  return [WORDPRESS_SELECTORS.trashCount, WORDPRESS_SELECTORS.totalCount]
    .map((selector) =>
      Array.from(document.querySelectorAll(selector))
        .map((element) => element.textContent ?? '')
        .join('|'),
    )
    .join('#');
}

function undoRowOf(row: Element, id: string): Element | null {
  const wanted = `${WORDPRESS_SELECTORS.undoRowPrefix}${id}`;
  const list = row.closest(WORDPRESS_SELECTORS.list) ?? row.ownerDocument;
  return Array.from(list.querySelectorAll(`tr.undo`)).find((element) => element.id === wanted) ?? null;
}

/**
 * Moves the comment to WordPress' trash with WordPress' own trash link (its list script posts
 * `action=delete-comment&trash=1` to admin-ajax.php and swaps the row for an undo row). Resolves
 * `removed` once the row is hidden, the undo row is there and WordPress has updated its counts
 * (which it does only after the request has answered); fails when WordPress shows an error or
 * puts the row back. "Delete permanently" is never used: a trashed comment can be restored.
 */
export async function removeWordPressComment(
  row: Element,
  mode: RemovalMode = 'delete',
  timeouts: RemoveTimeouts = {},
): Promise<RemovalResult> {
  if (mode !== 'delete') return { ok: false, reason: `WordPress cannot ${mode} a comment here` };
  const id = isCommentRow(row) ? rowId(row) : null;
  if (!id) return { ok: false, reason: 'not a comment row' };
  const link = trashLinkOf(row, id);
  if (!link) return { ok: false, reason: 'the comment has no trash link' };
  if (!isDisplayed(row)) return { ok: false, reason: 'the comment row is not shown' };
  const document = row.ownerDocument;
  const list = row.closest(WORDPRESS_SELECTORS.list);
  const countsBefore = countsText(document);
  const errorBefore = ajaxErrorText(document);
  const undoBefore = undoRowOf(row, id);
  // Re-checked right before the click: the row still is this comment's.
  if (rowId(row) !== id || !row.isConnected || trashLinkOf(row, id) !== link) {
    return { ok: false, reason: 'the comment row changed before the trash' };
  }
  // Without WordPress' script the link would navigate away (and this would never learn the result).
  const stay = (event: Event): void => event.preventDefault();
  link.addEventListener('click', stay, { once: true });
  try {
    dispatchPointerClick(link);
  } finally {
    link.removeEventListener('click', stay);
  }

  let hidden = false;
  const check = (): RemovalResult | null => {
    const error = ajaxErrorText(document);
    if (error !== null && error !== errorBefore)
      return { ok: false, reason: `WordPress: ${error || 'error'}` };
    const undo = undoRowOf(row, id);
    if (rowGone(row, list)) {
      hidden = true;
      if (undo && undo !== undoBefore && countsText(document) !== countsBefore) {
        return { ok: true, outcome: 'removed' };
      }
    } else if (hidden) {
      return { ok: false, reason: 'WordPress put the comment back' };
    }
    return null;
  };
  // WordPress' script answers a click at once: the undo row goes in and the row starts to fade.
  const started = await waitForElement(
    document,
    () =>
      check() !== null || rowGone(row, list) || (undoRowOf(row, id) ?? undoBefore) !== undoBefore
        ? row
        : null,
    timeouts.startMs ?? REMOVE_START_TIMEOUT_MS,
  );
  if (!started) return { ok: false, reason: 'WordPress did not react to the trash link' };
  let result: RemovalResult | null = null;
  await waitForElement(
    document,
    () => {
      result = check();
      return result ? row : null;
    },
    timeouts.doneMs ?? REMOVE_TIMEOUT_MS,
  );
  const final = result ?? check();
  if (final) return final;
  if (rowGone(row, list)) return { ok: false, reason: 'WordPress did not confirm the trash' };
  return { ok: false, reason: 'the comment is still there' };
}

export const wordpressAdapter: PlatformAdapter = {
  id: 'wordpress',
  matchesUrl,
  commentSelector: WORDPRESS_SELECTORS.row,
  findComments,
  snapshot,
  labelSlot,
  hasCommentSection,
  insertReply: (row, text) => insertWordPressReply(row, text),
  removalModes: ['delete'],
  remove: (row, mode) => removeWordPressComment(row, mode),
};
