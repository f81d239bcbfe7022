/**
 * The one interface every platform adapter implements. An adapter is the only code that
 * knows a platform's markup: it turns page elements into normalised comment snapshots,
 * says where a label goes, and performs native actions. State is keyed by comment id,
 * never by element, because the sites recycle and re-render elements.
 */

export const PLATFORM_IDS = ['facebook', 'youtube', 'youtube_studio', 'wordpress', 'blogger'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export interface CommentSnapshot {
  platform: PlatformId;
  /** The platform's own id of the comment (Facebook comment_id/reply_comment_id, YouTube lc=, WordPress ID …). */
  commentId: string;
  /** A link that opens this very comment, when the page gives one. */
  permalink: string | null;
  authorName: string;
  authorUrl: string | null;
  /** The comment text as shown, emojis as characters, newlines kept. */
  text: string;
  /** The posted time exactly as the page shows it ("2 dagar sedan", "5 november 2025 kl. 14:02"). */
  postedRaw: string | null;
  /** ISO 8601 when the page gives a machine-readable or absolute time, otherwise null. */
  postedAt: string | null;
  edited: boolean;
  isReply: boolean;
  parentId: string | null;
  /** The post or video the comment belongs to. */
  postId: string | null;
  postUrl: string | null;
  postTitle: string | null;
  /** The page or channel name and URL, when the page shows them. */
  channelName: string | null;
  channelUrl: string | null;
}

/** What labelling needs of a comment: which one it is, and its text. */
export type CommentIdentity = Pick<CommentSnapshot, 'platform' | 'commentId' | 'text'>;

export type LabelPosition = 'before' | 'after' | 'prepend' | 'append';

export interface LabelSlot {
  /** The element the label host is placed relative to. */
  anchor: Element;
  position: LabelPosition;
}

export interface PageContext {
  url: URL;
  document: Document;
  /**
   * Remembers a page-wide fact (the page's name, the video's title) for a while, so that
   * reading a thousand comments does not search the whole document a thousand times.
   */
  memo?: <T>(key: string, compute: () => T) => T;
}

/** A page-wide fact, remembered through the page's memo when it has one. */
export function pageFact<T>(page: PageContext, key: string, compute: () => T): T {
  return page.memo ? page.memo(key, compute) : compute();
}

export type ReplyResult =
  | { ok: true }
  /** The reply box could not be opened or filled; the caller falls back to the clipboard. */
  | { ok: false; reason: string };

export type RemovalMode = 'delete' | 'hide';

export type RemovalResult =
  | { ok: true; outcome: 'removed' | 'hidden' }
  /** The platform did not remove it; the record stays, marked failed with this reason. */
  | { ok: false; reason: string };

export interface PlatformAdapter {
  id: PlatformId;
  /** Whether this adapter handles the page at this URL (URL detection only, no DOM). */
  matchesUrl(url: URL): boolean;
  /**
   * The CSS selector that finds candidate comment elements. The observer uses it to find
   * new elements; `snapshot` decides whether a candidate really is a comment.
   */
  commentSelector: string;
  /** All comment elements under root, each once (a page that renders a comment twice yields one). */
  findComments(root: ParentNode): Element[];
  /** A normalised snapshot of the comment, or null when the element is not (yet) a complete comment. */
  snapshot(element: Element, page: PageContext): CommentSnapshot | null;
  /**
   * The cheap part of `snapshot`, for labelling every comment of a long page: the id and the
   * text, null in the same cases. The rest is read when the moderator opens a label or acts.
   * Absent: labelling reads the whole snapshot (pages of a few dozen comments).
   */
  identify?(element: Element, page: PageContext): CommentIdentity | null;
  /** Where the label for this comment goes, next to its author/time line. */
  labelSlot(element: Element): LabelSlot | null;
  /**
   * Whether the page shows a comment section at all. When it does but findComments finds
   * nothing, the platform has probably changed its layout and the user is told.
   */
  hasCommentSection(page: PageContext): boolean;
  /**
   * Opens the platform's own reply box for this comment and puts `text` in it as if the user
   * had typed it, so the site's editor registers it, and leaves it focused for the moderator to
   * review and send. Never submits. Absent where the platform has no reply box on this page.
   */
  insertReply?(element: Element, text: string, page: PageContext): Promise<ReplyResult>;
  /** How this platform can take a comment down: delete, hide, or both. Absent: no native removal. */
  removalModes?: readonly RemovalMode[];
  /**
   * Takes the comment down through the platform's own controls (menu, confirmation dialog),
   * with real pointer events where the site ignores a bare click. Called only after the
   * comment's record is committed; resolves when the platform shows it gone (or failed).
   */
  remove?(element: Element, mode: RemovalMode, page: PageContext): Promise<RemovalResult>;
}
