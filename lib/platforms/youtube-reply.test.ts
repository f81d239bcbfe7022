// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "suppressCodeGenerationFromStringsWarning": true}}
/**
 * insertReply on the YouTube watch-page fixtures, whose inline script stands in for YouTube's
 * reply box: `ytd-comment-reply-dialog-renderer > ytd-commentbox` in the comment's own
 * `#reply-dialog`, a moment after the click, pre-filled with `@handle` in a reply to a reply.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadFixture, settlePageScripts, waitFor } from './fixture.testutil';
import { editableText } from './native-input';
import type { PageContext } from './types';
import { youtubeAdapter } from './youtube';

const URL = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const Q = 'UgwT7hJ2kLp9QxR4sVn1AaABAg';
const THANKS = `${Q}.AQ1xYz7pLmNAQ3kLm8nOpQ`;
const TEXT = 'Hej!\nVi svarar <b>snart</b> & tackar. /Maria';
const insertReply = youtubeAdapter.insertReply as NonNullable<typeof youtubeAdapter.insertReply>;

function comment(page: PageContext, id: string): Element {
  const found = youtubeAdapter
    .findComments(page.document)
    .find((element) => youtubeAdapter.snapshot(element, page)?.commentId === id);
  if (!found) throw new Error(`no comment ${id}`);
  return found;
}

function ownDialog(element: Element): Element | null {
  const host = Array.from(element.querySelectorAll('[id="reply-dialog"]')).find(
    (found) => found.closest('ytd-comment-view-model') === element,
  );
  return host?.querySelector('ytd-comment-reply-dialog-renderer ytd-commentbox') ?? null;
}

function submitted(): string | undefined {
  return document.documentElement.dataset.fixtureSubmitted;
}

describe('youtube insertReply', () => {
  afterEach(() => waitFor(150));

  it('puts the text into a top-level comment’s own reply box, focused, unsent', async () => {
    const page = loadFixture('youtube/sv.html', URL);
    const question = comment(page, Q);
    expect(await insertReply(question, TEXT, page)).toEqual({ ok: true });
    const box = ownDialog(question);
    const root = box?.querySelector<HTMLElement>('[id="contenteditable-root"]');
    if (!root) throw new Error('no reply box');
    expect(document.activeElement).toBe(root);
    expect(editableText(root)).toBe(TEXT);
    expect(root.querySelector('b')).toBeNull();
    expect(box?.querySelector('[id="submit-button"] button')?.hasAttribute('disabled')).toBe(false);
    // Only this comment got a box, and the snapshot still reads the comment's own text.
    expect(document.querySelectorAll('ytd-comment-reply-dialog-renderer')).toHaveLength(1);
    expect(youtubeAdapter.snapshot(question, page)?.text).toBe(
      'När börjar bygget längs Njupkärrsvägen?\nBlir det belysning längs hela sträckan?',
    );
    expect(submitted()).toBeUndefined();
  });

  it('appends after the pre-filled @handle in a reply to a reply', async () => {
    const page = loadFixture('youtube/sv.html', URL);
    const reply = comment(page, THANKS);
    const handle = youtubeAdapter.snapshot(reply, page)?.authorName;
    expect(await insertReply(reply, TEXT, page)).toEqual({ ok: true });
    const root = ownDialog(reply)?.querySelector<HTMLElement>('[id="contenteditable-root"]');
    if (!root) throw new Error('no reply box');
    expect(document.activeElement).toBe(root);
    expect(root.querySelector('a')?.textContent).toBe(handle);
    expect(editableText(root)).toBe(`${handle}\u00a0${TEXT}`);
    expect(ownDialog(comment(page, Q))).toBeNull();
    expect(submitted()).toBeUndefined();
  });

  it('reuses an open box and keeps what is in it (en)', async () => {
    const page = loadFixture('youtube/en.html', URL);
    const first = youtubeAdapter.findComments(document)[0];
    if (!first) throw new Error('no comment');
    expect(await insertReply(first, 'One.', page)).toEqual({ ok: true });
    expect(await insertReply(first, 'Two.', page)).toEqual({ ok: true });
    expect(document.querySelectorAll('ytd-comment-reply-dialog-renderer')).toHaveLength(1);
    const root = ownDialog(first)?.querySelector<HTMLElement>('[id="contenteditable-root"]');
    expect(root && editableText(root)).toBe('One.Two.');
    expect(submitted()).toBeUndefined();
  });

  it('works on comments that arrived after load (lazy)', async () => {
    const page = loadFixture('youtube/lazy.html', URL);
    await waitFor(350);
    const late = youtubeAdapter.findComments(document).at(-1);
    if (!late) throw new Error('no comment');
    expect(await insertReply(late, TEXT, page)).toEqual({ ok: true });
    const root = ownDialog(late)?.querySelector<HTMLElement>('[id="contenteditable-root"]');
    expect(root && editableText(root)).toBe(TEXT);
    await settlePageScripts();
  });

  it('fails with a reason when the Reply button is missing', async () => {
    const page = loadFixture('youtube/sv.html', URL);
    const question = comment(page, Q);
    question.querySelector('[id="reply-button-end"]')?.remove();
    expect(await insertReply(question, TEXT, page)).toEqual({
      ok: false,
      reason: expect.stringMatching(/Reply button/),
    });
  });

  it('fails with a reason when the reply box never appears', async () => {
    const page = loadFixture('youtube/sv.html', URL);
    const question = comment(page, Q);
    const swallow = (event: Event) => event.stopPropagation();
    window.addEventListener('click', swallow, true);
    try {
      expect(await insertReply(question, TEXT, page)).toEqual({
        ok: false,
        reason: expect.stringMatching(/did not open/),
      });
    } finally {
      window.removeEventListener('click', swallow, true);
    }
    expect(submitted()).toBeUndefined();
  });
});
