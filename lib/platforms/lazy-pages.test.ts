// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "suppressCodeGenerationFromStringsWarning": true}}
/**
 * The lazy fixtures run their own scripts here: comments arrive after load, replies after an
 * expansion, a re-render drops foreign nodes and an element is recycled for another comment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadFixture, settlePageScripts, waitFor } from './fixture.testutil';
import { commentIdProperty } from './studio-bridge';
import type { PageContext, PlatformAdapter } from './types';
import { youtubeAdapter } from './youtube';
import { createStudioAdapter } from './youtube-studio';

function ids(adapter: PlatformAdapter, page: PageContext): Array<string | undefined> {
  return adapter.findComments(page.document).map((element) => adapter.snapshot(element, page)?.commentId);
}

function placeForeignLabel(adapter: PlatformAdapter, element: Element): Element {
  const slot = adapter.labelSlot(element);
  if (!slot) throw new Error('no label slot');
  const label = document.createElement('moderera-label');
  slot.anchor.after(label);
  return label;
}

const cases = [
  {
    name: 'youtube',
    fixture: 'youtube/lazy.html',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    adapter: youtubeAdapter,
    prefix: 'UgzLazy',
    more: '#fixture-load-more',
  },
  {
    name: 'studio',
    fixture: 'youtube-studio/lazy.html',
    url: 'https://studio.youtube.com/channel/UCxxxxxxxxxxxxxxxxxxxxxx/comments/inbox',
    adapter: createStudioAdapter(commentIdProperty),
    prefix: 'UgzStudioLazy',
    more: '#fixture-load-more',
  },
] as const;

describe.each(cases)('$name lazy fixture', ({ fixture, url, adapter, prefix, more }) => {
  afterEach(() => settlePageScripts());

  it('grows, expands, re-renders and recycles on its fixed schedule', async () => {
    const page = loadFixture(fixture, url);
    const initial = ids(adapter, page);
    expect(initial).toHaveLength(3);
    const [first, , third] = adapter.findComments(document);
    if (!first || !third) throw new Error('missing comments');
    const label = placeForeignLabel(adapter, first);
    const thirdId = adapter.snapshot(third, page)?.commentId;

    await waitFor(400);
    expect(ids(adapter, page)).toHaveLength(6);
    expect(label.isConnected).toBe(true);

    await waitFor(500);
    const afterExpand = ids(adapter, page);
    expect(afterExpand).toHaveLength(9);
    const replies = afterExpand.filter((id) => id?.includes('.'));
    expect(replies).toHaveLength(3);
    const parent = initial[1];
    for (const reply of replies) expect(reply?.startsWith(`${parent}.`)).toBe(true);
    expect(label.isConnected).toBe(false);
    expect(adapter.snapshot(first, page)?.commentId).toBe(initial[0]);

    await waitFor(300);
    const recycled = adapter.snapshot(third, page);
    expect(third.isConnected).toBe(true);
    expect(recycled?.commentId).not.toBe(thirdId);
    expect(recycled).toMatchObject({
      commentId: expect.stringMatching(new RegExp(`^${prefix}Recycled`)),
      authorName: '@ny_i_gammalt_element',
      text: 'Samma element, ny kommentar.',
    });

    (document.querySelector(more) as HTMLElement | null)?.click();
    expect(ids(adapter, page)).toHaveLength(11);
    expect(adapter.hasCommentSection(page)).toBe(true);
  });

  it('keeps newlines in comments added by script', async () => {
    const page = loadFixture(fixture, url);
    await waitFor(350);
    const texts = adapter.findComments(document).map((element) => adapter.snapshot(element, page)?.text);
    expect(texts).toContain('Lampan på Tyresövägen 4 är trasig.\nDen blinkar hela natten.');
  });
});
