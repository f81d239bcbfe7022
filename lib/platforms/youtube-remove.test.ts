// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "suppressCodeGenerationFromStringsWarning": true}}
/**
 * remove() on the YouTube watch-page fixtures, whose inline script (generate/removal.js) stands
 * in for the shared action-menu popup in `ytd-popup-container` (a stale hidden popup lingers
 * there from load), the reused `yt-confirm-dialog-renderer`, and the removal. Removing the
 * pothole comment fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadFixture, waitFor } from './fixture.testutil';
import type { PageContext, RemovalMode } from './types';
import { youtubeAdapter } from './youtube';

const URL = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const PRAISE = 'UgzK3f9QmR2pLx7VbN54AaABAg';
const Q = 'UgwT7hJ2kLp9QxR4sVn1AaABAg';
const OWNER = `${Q}.AQ1xYz7pLmNAQ2bCd3eFgH`;
const THANKS = `${Q}.AQ1xYz7pLmNAQ3kLm8nOpQ`;
const POTHOLE = 'Ugz9aB7cD5eF3gH1iJ2k4AaABAg';
const POLITICAL = 'Ugy8mN3bV5cX1zQ7wE2r4AaABAg';
const EN_OWNER = 'UgyE7qU8eS9tI0oN1eN2g4AaABAg.AQ5rEpLy6OwNAQ5sTu7VwX';

function remove(element: Element, mode: RemovalMode, page: PageContext) {
  if (!youtubeAdapter.remove) throw new Error('no remove');
  return youtubeAdapter.remove(element, mode, page);
}

function ids(page: PageContext): string[] {
  return Array.from(page.document.querySelectorAll('ytd-comment-view-model')).flatMap((element) => {
    const id = youtubeAdapter.snapshot(element, page)?.commentId;
    return id ? [id] : [];
  });
}

function comment(page: PageContext, id: string): Element {
  const found = youtubeAdapter
    .findComments(page.document)
    .find((element) => youtubeAdapter.snapshot(element, page)?.commentId === id);
  if (!found) throw new Error(`no comment ${id}`);
  return found;
}

function data(key: string): string | undefined {
  return document.documentElement.dataset[key];
}

function visiblePopups(): number {
  return Array.from(document.querySelectorAll('tp-yt-iron-dropdown, tp-yt-paper-dialog')).filter(
    (node) => !(node.getAttribute('style') ?? '').includes('display: none'),
  ).length;
}

describe('youtube remove', () => {
  afterEach(() => waitFor(200));

  it('offers delete only', () => {
    expect(youtubeAdapter.removalModes).toEqual(['delete']);
  });

  it('removes a top-level comment with its thread, past the stale hidden popup (sv)', async () => {
    const page = loadFixture('youtube/sv.html', URL);
    const stale = document.querySelector('ytd-popup-container tp-yt-iron-dropdown');
    expect(stale?.getAttribute('data-fixture-stale')).toBe('true');
    expect(stale?.textContent).toContain('Ta bort');
    const praise = comment(page, PRAISE);
    expect(await remove(praise, 'delete', page)).toEqual({ ok: true, outcome: 'removed' });
    expect(praise.isConnected).toBe(false);
    expect(ids(page)).not.toContain(PRAISE);
    expect(ids(page)).toContain(Q);
    expect(data('fixtureRemoved')).toBe(`${PRAISE}:delete`);
    expect(data('fixtureStaleClicked')).toBeUndefined();
    expect(data('fixtureOtherAction')).toBeUndefined();
    expect(visiblePopups()).toBe(0);
  });

  it('removes a reply and leaves its thread; then another comment through the reused popup (sv)', async () => {
    const page = loadFixture('youtube/sv.html', URL);
    expect(await remove(comment(page, THANKS), 'delete', page)).toEqual({ ok: true, outcome: 'removed' });
    expect(ids(page)).not.toContain(THANKS);
    expect(ids(page)).toEqual(expect.arrayContaining([Q, OWNER]));
    expect(await remove(comment(page, POLITICAL), 'delete', page)).toEqual({ ok: true, outcome: 'removed' });
    expect(ids(page)).not.toContain(POLITICAL);
    expect(document.querySelectorAll('ytd-popup-container tp-yt-iron-dropdown')).toHaveLength(2);
    expect(document.querySelectorAll('yt-confirm-dialog-renderer')).toHaveLength(1);
    expect(data('fixtureRemoved')).toBe(`${THANKS}:delete ${POLITICAL}:delete`);
    expect(data('fixtureStaleClicked')).toBeUndefined();
  });

  it('deletes the channel’s own reply through "Delete" (en)', async () => {
    const page = loadFixture('youtube/en.html', URL);
    expect(await remove(comment(page, EN_OWNER), 'delete', page)).toEqual({ ok: true, outcome: 'removed' });
    expect(ids(page)).not.toContain(EN_OWNER);
    expect(data('fixtureRemoved')).toBe(`${EN_OWNER}:delete`);
  });

  it('takes the visible popup even when a stale hidden one comes after it', async () => {
    const page = loadFixture('youtube/sv.html', URL);
    const first = document.querySelector('ytd-popup-container tp-yt-iron-dropdown');
    const container = document.querySelector('ytd-popup-container');
    if (!first || !container) throw new Error('no stale popup');
    // Open and close the live popup once, then leave a hidden copy of the stale one after it.
    expect(await remove(comment(page, PRAISE), 'delete', page)).toEqual({ ok: true, outcome: 'removed' });
    container.appendChild(first.cloneNode(true));
    expect(await remove(comment(page, THANKS), 'delete', page)).toEqual({ ok: true, outcome: 'removed' });
    expect(data('fixtureStaleClicked')).toBeUndefined();
    expect(data('fixtureRemoved')).toBe(`${PRAISE}:delete ${THANKS}:delete`);
  });

  it('fails when the platform refuses: error toast, the comment stays (fixture failure: pothole)', {
    timeout: 10_000,
  }, async () => {
    const page = loadFixture('youtube/sv.html', URL);
    const pothole = comment(page, POTHOLE);
    expect(await remove(pothole, 'delete', page)).toEqual({
      ok: false,
      reason: 'The comment is still there after 5 s',
    });
    expect(document.querySelector('tp-yt-paper-toast')?.textContent).toBe('Något gick fel');
    expect(pothole.isConnected).toBe(true);
    expect(data('fixtureRemoved')).toBeUndefined();
  });

  it('fails when the action menu button is missing', async () => {
    const page = loadFixture('youtube/sv.html', URL);
    const praise = comment(page, PRAISE);
    praise.querySelector('[id="action-menu"]')?.remove();
    expect(await remove(praise, 'delete', page)).toEqual({
      ok: false,
      reason: expect.stringMatching(/action menu button/),
    });
  });

  it('fails when the menu does not open (clicks swallowed)', { timeout: 10_000 }, async () => {
    const page = loadFixture('youtube/en.html', URL);
    const first = youtubeAdapter.findComments(document)[0];
    if (!first) throw new Error('no comment');
    const swallow = (event: Event) => event.stopPropagation();
    window.addEventListener('click', swallow, true);
    try {
      expect(await remove(first, 'delete', page)).toEqual({
        ok: false,
        reason: 'The action menu did not open within 3 s',
      });
    } finally {
      window.removeEventListener('click', swallow, true);
    }
    expect(data('fixtureRemoved')).toBeUndefined();
  });

  it('refuses hide, clicking nothing', async () => {
    const page = loadFixture('youtube/sv.html', URL);
    expect(await remove(comment(page, PRAISE), 'hide', page)).toEqual({
      ok: false,
      reason: expect.stringMatching(/hide/),
    });
    expect(visiblePopups()).toBe(0);
  });

  it('fails, confirming nothing, when the element is recycled while the dialog opens', async () => {
    const page = loadFixture('youtube/sv.html', URL);
    const praise = comment(page, PRAISE);
    const link = praise.querySelector('[id="published-time-text"] a');
    if (!link) throw new Error('no link');
    const observer = new MutationObserver(() => {
      const dialog = document.querySelector('tp-yt-paper-dialog');
      if (!dialog || (dialog.getAttribute('style') ?? '').includes('display: none')) return;
      observer.disconnect();
      link.setAttribute('href', `/watch?v=dQw4w9WgXcQ&lc=UgzRecycled00000000000AaABAg`);
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    expect(await remove(praise, 'delete', page)).toEqual({
      ok: false,
      reason: expect.stringMatching(/changed/),
    });
    observer.disconnect();
    await waitFor(200);
    expect(data('fixtureRemoved')).toBeUndefined();
    expect(praise.isConnected).toBe(true);
    expect(visiblePopups()).toBe(0);
  });
});
