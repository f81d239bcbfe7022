/**
 * YouTube Studio comments (studio.youtube.com/channel/{id}/comments/… and
 * /video/{id}/comments). Comments are `ytcp-comment` elements; their id is only in a
 * JavaScript property of the element, so the adapter takes an id reader (in the extension:
 * `readStudioCommentId` from ./studio-bridge). Nothing is cached per element.
 */
import { elementText } from './dom-text';
import { absoluteUrl, cleanText, collectCandidates, firstMatch, ownQuery, withoutIdFastPath } from './query';
import { STUDIO_COMMENT_ID } from './studio-bridge';
import {
  type CommentSnapshot,
  type LabelSlot,
  type PageContext,
  type PlatformAdapter,
  pageFact,
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
  actionMenuButton: 'ytcp-comment-action-buttons .action-menu-button',
  batchSelect: 'ytcp-checkbox-lit#batch-select',
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
  const link = scope.querySelector(withoutIdFastPath(STUDIO_SELECTORS.videoThumbnailLink));
  const pagePath = VIDEO_PATH.exec(page.url.pathname);
  const postId = videoIdFromUrl(absoluteUrl(link, 'href', page.url)) ?? pagePath?.[1] ?? null;
  const titleElement = link
    ? scope.querySelector(withoutIdFastPath(STUDIO_SELECTORS.videoThumbnailTitle))
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
  };
}

/** For tests and pages without the bridge: reads no ids, so every snapshot is null. */
export const youtubeStudioAdapter: PlatformAdapter = createStudioAdapter(() => null);
