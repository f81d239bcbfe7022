// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "suppressCodeGenerationFromStringsWarning": true}}
import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixture.testutil';
import { commentIdProperty, installStudioIdResponder, readStudioCommentId } from './studio-bridge';
import type { PageContext } from './types';
import { createStudioAdapter, STUDIO_SELECTORS, youtubeStudioAdapter } from './youtube-studio';

const INBOX = 'https://studio.youtube.com/channel/UCxxxxxxxxxxxxxxxxxxxxxx/comments/inbox';
const VIDEO_PAGE = 'https://studio.youtube.com/video/dQw4w9WgXcQ/comments';
const Q = 'UgzS7tU9dI0oQ1uE2sT3i4AaABAg';

/** Reads the id the way the main world does; the fixture's inline script has set el.data. */
const adapter = createStudioAdapter(commentIdProperty);

function snapshots(page: PageContext, which = adapter) {
  return which.findComments(page.document).map((element) => which.snapshot(element, page));
}

describe('studio adapter: URLs', () => {
  it('matches the channel and video comment pages', () => {
    expect(adapter.matchesUrl(new URL(INBOX))).toBe(true);
    expect(adapter.matchesUrl(new URL(VIDEO_PAGE))).toBe(true);
    expect(adapter.matchesUrl(new URL('https://studio.youtube.com/channel/UCx/comments'))).toBe(true);
    expect(adapter.matchesUrl(new URL('https://studio.youtube.com/channel/UCx/videos'))).toBe(false);
    expect(adapter.matchesUrl(new URL('https://www.youtube.com/channel/UCx/comments'))).toBe(false);
  });
});

describe('studio adapter on the Swedish inbox fixture', () => {
  it('reads every comment, with the video from the thread thumbnail', () => {
    const page = loadFixture('youtube-studio/sv.html', INBOX);
    const all = snapshots(page);
    expect(all).toHaveLength(10);
    expect(adapter.hasCommentSection(page)).toBe(true);
    expect(all[0]).toEqual({
      platform: 'youtube_studio',
      commentId: 'UgzS1aP2rA3iS4eE5xM6p4AaABAg',
      permalink: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzS1aP2rA3iS4eE5xM6p4AaABAg',
      authorName: '@AnnaLindqvist',
      authorUrl: 'https://www.youtube.com/channel/UCa1nnaLindqvist00000000',
      text: 'Vilken fin film! 😍\nÄntligen händer det något i centrum 👏',
      postedRaw: 'för 2 dagar sedan',
      postedAt: null,
      edited: false,
      isReply: false,
      parentId: null,
      postId: 'dQw4w9WgXcQ',
      postUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      postTitle: 'Så blir Tyresö centrum – nya cykelvägar 2026',
      channelName: 'Tyresö kommun',
      channelUrl: 'https://www.youtube.com/channel/UCxxxxxxxxxxxxxxxxxxxxxx',
    });
    expect(all[1]).toMatchObject({ commentId: Q, edited: true, postedRaw: 'för 2 dagar sedan (redigerad)' });
    expect(all[2]).toMatchObject({
      commentId: `${Q}.AQ7oWnErRePlYAQ7pQrStUv`,
      authorName: '@tyresokommun',
      isReply: true,
      parentId: Q,
      postId: 'dQw4w9WgXcQ',
      text: 'Hej Erik! Bygget börjar i mars. Läs mer på https://www.tyreso.se/cykel\n\nVänliga hälsningar,\nLisa Ek, kommunikatör, Kommunikationsenheten',
    });
    expect(all[3]).toMatchObject({ text: 'Tack! 👍', isReply: true, parentId: Q });
    expect(all[5]).toMatchObject({
      postId: 'kX9pLmN2bV0',
      postTitle: 'Snöröjning i Tyresö – så går det till',
    });
    expect(all.map((s) => s?.text)).toContain(
      'Min granne Karin Persson 19780523-2464 får försörjningsstöd, varför får hon förtur till snöröjningen?',
    );
  });

  it('finds the parent of a reply whose id lacks the prefix from its thread', () => {
    const page = loadFixture('youtube-studio/sv.html', INBOX);
    const reply = document.querySelectorAll('ytcp-comment[is-reply]')[1];
    if (!reply) throw new Error('no reply');
    (reply as unknown as { data: unknown }).data = { commentId: 'UgzStandaloneReplyId004AaABAg' };
    expect(adapter.snapshot(reply, page)).toMatchObject({ isReply: true, parentId: Q });
  });

  it('puts the label in the author/time line', () => {
    loadFixture('youtube-studio/sv.html', INBOX);
    const [first] = adapter.findComments(document);
    const slot = first ? adapter.labelSlot(first) : null;
    expect(slot).toMatchObject({ position: 'append' });
    expect(slot?.anchor.id).toBe('metadata');
  });

  it('the default adapter, which reads no ids, snapshots nothing', () => {
    const page = loadFixture('youtube-studio/sv.html', INBOX);
    const elements = youtubeStudioAdapter.findComments(document);
    expect(elements).toHaveLength(10);
    expect(elements.map((element) => youtubeStudioAdapter.snapshot(element, page))).toEqual(
      Array(10).fill(null),
    );
  });

  it('reads ids through the event bridge', () => {
    const page = loadFixture('youtube-studio/sv.html', INBOX);
    const remove = installStudioIdResponder(document);
    const bridged = createStudioAdapter(readStudioCommentId);
    expect(snapshots(page, bridged).map((s) => s?.commentId)).toEqual(
      snapshots(page).map((s) => s?.commentId),
    );
    remove();
    expect(snapshots(page, bridged).every((s) => s === null)).toBe(true);
  });

  it('follows a recycled element to its new id', () => {
    const page = loadFixture('youtube-studio/sv.html', INBOX);
    const [element] = adapter.findComments(document);
    if (!element) throw new Error('no comment');
    (element as unknown as { data: unknown }).data = { commentId: 'UgxRecycledStudio0000004AaABAg' };
    expect(adapter.snapshot(element, page)?.commentId).toBe('UgxRecycledStudio0000004AaABAg');
  });
});

describe('studio adapter on the English video page fixture', () => {
  it('takes the video from the URL and builds permalinks', () => {
    const page = loadFixture('youtube-studio/en.html', VIDEO_PAGE);
    const all = snapshots(page);
    expect(all).toHaveLength(4);
    expect(all[0]).toMatchObject({
      text: 'Lovely town, great video! 😀',
      postId: 'dQw4w9WgXcQ',
      postTitle: 'Så blir Tyresö centrum – nya cykelvägar 2026',
      permalink: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzE1sT2uD3iO4pR5aI6s4AaABAg',
      channelName: null,
      channelUrl: null,
    });
    expect(all[1]).toMatchObject({ postedRaw: '3 days ago (edited)', edited: true });
    expect(all[2]).toMatchObject({ isReply: true, parentId: all[1]?.commentId, authorName: '@tyresokommun' });
  });
});

describe('STUDIO_SELECTORS', () => {
  it('finds the parts of the fixture they name', () => {
    loadFixture('youtube-studio/sv.html', INBOX);
    const count = (selector: string) => document.querySelectorAll(selector).length;
    expect(count(STUDIO_SELECTORS.comment)).toBe(10);
    expect(count(STUDIO_SELECTORS.thread)).toBe(8);
    expect(count(STUDIO_SELECTORS.replies)).toBe(1);
    expect(count(STUDIO_SELECTORS.authorName[0])).toBe(10);
    expect(count(STUDIO_SELECTORS.contentText)).toBe(10);
    expect(count(STUDIO_SELECTORS.toolbar)).toBe(10);
    expect(count(STUDIO_SELECTORS.replyButton)).toBe(10);
    expect(count(STUDIO_SELECTORS.batchSelect)).toBe(10);
    expect(count(STUDIO_SELECTORS.videoThumbnailLink)).toBe(8);
    expect(document.querySelector(STUDIO_SELECTORS.actionMenuButton)?.getAttribute('aria-label')).toBe(
      'Åtgärdsmeny',
    );
    for (const selector of Object.values(STUDIO_SELECTORS).flat()) {
      expect(() => document.querySelector(selector)).not.toThrow();
    }
  });
});
