// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "suppressCodeGenerationFromStringsWarning": true}}
import { afterEach, describe, expect, it } from 'vitest';
import { loadFixture, settlePageScripts, waitFor } from './fixture.testutil';
import { commentIdProperty, installStudioIdResponder, readStudioCommentId } from './studio-bridge';
import type { PageContext } from './types';
import {
  createStudioAdapter,
  insertStudioReply,
  REPLY_TIMEOUT_MS,
  STUDIO_SELECTORS,
  youtubeStudioAdapter,
} from './youtube-studio';

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

describe("studio insertReply (the fixtures run a stand-in for Studio's reply box)", () => {
  const REPLY = 'Hej Anna!\nTack för <b>berömmet</b> & peppen.';
  const submitted = () => document.documentElement.dataset.fixtureSubmitted;
  afterEach(() => settlePageScripts());

  function comment(page: PageContext, index: number): Element {
    const found = adapter.findComments(page.document)[index];
    if (!found) throw new Error(`no comment ${index}`);
    return found;
  }

  /** The reply box inside this comment itself (not inside a reply to it). */
  function ownBox(element: Element) {
    const box = Array.from(element.querySelectorAll('ytcp-commentbox')).find(
      (candidate) => candidate.closest('ytcp-comment') === element,
    );
    const textarea = box?.querySelector('textarea#textarea') as HTMLTextAreaElement | null | undefined;
    const submit = box?.querySelector('#submit-button button') as HTMLButtonElement | null | undefined;
    return { box, textarea, submit };
  }

  async function expectReplyIn(element: Element) {
    const { box, textarea, submit } = ownBox(element);
    expect(textarea?.value).toBe(REPLY);
    expect(box?.querySelector('b')).toBeNull();
    expect(document.activeElement).toBe(textarea);
    // Studio saw input events: its submit button came alive. Nobody pressed it.
    expect(submit?.disabled).toBe(false);
    expect(document.querySelectorAll('ytcp-commentbox')).toHaveLength(1);
    await waitFor(150);
    expect(textarea?.value).toBe(REPLY);
    expect(submitted()).toBeUndefined();
  }

  it('opens the reply box under a top-level comment and fills it, focused, unsent', async () => {
    const page = loadFixture('youtube-studio/sv.html', INBOX);
    const first = comment(page, 0);
    await expect(adapter.insertReply?.(first, REPLY, page)).resolves.toEqual({ ok: true });
    await expectReplyIn(first);
  });

  it('answers a reply in its own box, replacing the "@handle " Studio starts with', async () => {
    const page = loadFixture('youtube-studio/sv.html', INBOX);
    const reply = comment(page, 3);
    expect(adapter.snapshot(reply, page)).toMatchObject({ isReply: true, text: 'Tack! 👍' });
    await expect(adapter.insertReply?.(reply, REPLY, page)).resolves.toEqual({ ok: true });
    await expectReplyIn(reply);
    expect(ownBox(comment(page, 1)).box).toBeUndefined();
  });

  it("reuses a box that is already open, but leaves the moderator's own text alone", async () => {
    const page = loadFixture('youtube-studio/en.html', VIDEO_PAGE);
    const first = comment(page, 0);
    await expect(adapter.insertReply?.(first, 'first', page)).resolves.toEqual({ ok: true });
    await expect(adapter.insertReply?.(first, REPLY, page)).resolves.toEqual({ ok: true });
    await expectReplyIn(first);
    const textarea = ownBox(first).textarea;
    if (!textarea) throw new Error('no reply box');
    textarea.value = 'My own draft';
    const result = await adapter.insertReply?.(first, 'template', page);
    expect(result).toMatchObject({ ok: false, reason: expect.any(String) });
    expect(textarea.value).toBe('My own draft');
  });

  it('opens a fresh box after the moderator cancelled the last one', async () => {
    const page = loadFixture('youtube-studio/sv.html', INBOX);
    const first = comment(page, 0);
    await expect(adapter.insertReply?.(first, 'first', page)).resolves.toEqual({ ok: true });
    document.querySelector<HTMLElement>('ytcp-commentbox #cancel-button button')?.click();
    expect(ownBox(first).box).toBeUndefined();
    await expect(adapter.insertReply?.(first, REPLY, page)).resolves.toEqual({ ok: true });
    await expectReplyIn(first);
  });

  it('fails without a reply button', async () => {
    const page = loadFixture('youtube-studio/sv.html', INBOX);
    const element = comment(page, 4);
    element.querySelector(STUDIO_SELECTORS.replyButton)?.remove();
    const result = await adapter.insertReply?.(element, REPLY, page);
    expect(result).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it('fails when the reply box never appears, within the timeout', async () => {
    const page = loadFixture('youtube-studio/sv.html', INBOX);
    const element = comment(page, 4);
    element.addEventListener('click', (event) => event.stopPropagation());
    const started = Date.now();
    const result = await adapter.insertReply?.(element, REPLY, page);
    expect(result).toMatchObject({ ok: false, reason: expect.any(String) });
    expect(Date.now() - started).toBeLessThan(REPLY_TIMEOUT_MS + 500);
    expect(document.querySelector('ytcp-commentbox')).toBeNull();
  }, 10_000);

  it('does not take the box another comment opened', async () => {
    const page = loadFixture('youtube-studio/sv.html', INBOX);
    await expect(adapter.insertReply?.(comment(page, 0), 'annan', page)).resolves.toEqual({ ok: true });
    const other = comment(page, 5);
    other.addEventListener('click', (event) => event.stopPropagation());
    await expect(insertStudioReply(other, REPLY, 200)).resolves.toEqual({
      ok: false,
      reason: 'the reply box did not open',
    });
    expect(ownBox(comment(page, 0)).textarea?.value).toBe('annan');
  });

  it("the fixture's submit button only marks the page", async () => {
    const page = loadFixture('youtube-studio/sv.html', INBOX);
    await adapter.insertReply?.(comment(page, 0), REPLY, page);
    (document.querySelector('ytcp-commentbox #submit-button button') as HTMLElement).click();
    expect(submitted()).toBe('true');
  });
});
