// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "suppressCodeGenerationFromStringsWarning": true}}
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFixture, settlePageScripts } from './fixture.testutil';
import { commentIdProperty } from './studio-bridge';
import type { PageContext } from './types';
import {
  createStudioAdapter,
  REMOVE_DIALOG_TIMEOUT_MS,
  REMOVE_TIMEOUT_MS,
  removeStudioComment,
  STUDIO_SELECTORS,
  youtubeStudioAdapter,
} from './youtube-studio';

const INBOX = 'https://studio.youtube.com/channel/UCxxxxxxxxxxxxxxxxxxxxxx/comments/inbox';
const VIDEO_PAGE = 'https://studio.youtube.com/video/dQw4w9WgXcQ/comments';
const PRAISE = 'UgzS1aP2rA3iS4eE5xM6p4AaABAg';
const QUESTION = 'UgzS7tU9dI0oQ1uE2sT3i4AaABAg';
const OWNER_REPLY = `${QUESTION}.AQ7oWnErRePlYAQ7pQrStUv`;
const USER_REPLY = `${QUESTION}.AQ7tHaNkSbAcKAQ7uVwXyZa`;
const SWEAR = 'UgwS5pO6tT7hO8lE9gR0a4AaABAg';
/** The fixture's comment whose removal fails (README.md, "Batch removal"). */
const FAILING = 'UgyS4lA5mP6aB7oL8lM9o4AaABAg';

const adapter = createStudioAdapter(commentIdProperty);

describe("studio remove (the fixtures run a stand-in for Studio's batch removal)", () => {
  let page: PageContext;
  const removed = () => document.documentElement.dataset.fixtureRemoved;
  const comment = (id: string): Element => {
    const found = Array.from(document.querySelectorAll('ytcp-comment')).find(
      (element) => commentIdProperty(element) === id,
    );
    if (!found) throw new Error(`no comment ${id}`);
    return found;
  };
  const shownIds = () => Array.from(document.querySelectorAll('ytcp-comment')).map(commentIdProperty);
  const checkbox = (id: string) => comment(id).querySelector(STUDIO_SELECTORS.batchSelect) as Element;
  const ticked = (id: string) =>
    checkbox(id).querySelector('[role="checkbox"]')?.getAttribute('aria-checked') === 'true';
  const click = (element: Element) => (element.querySelector('[role="checkbox"]') as HTMLElement).click();

  beforeEach(() => {
    page = loadFixture('youtube-studio/sv.html', INBOX);
  });
  afterEach(async () => {
    await settlePageScripts();
  });

  it('offers delete only', () => {
    expect(adapter.removalModes).toEqual(['delete']);
  });

  it('removes a top-level comment with its thread through the batch flow', async () => {
    await expect(adapter.remove?.(comment(QUESTION), 'delete', page)).resolves.toEqual({
      ok: true,
      outcome: 'removed',
    });
    expect(removed()).toBe(`${QUESTION}:delete `);
    expect(shownIds()).not.toContain(QUESTION);
    expect(shownIds()).toHaveLength(7);
    expect(document.querySelector('#batch-actions')?.hasAttribute('hidden')).toBe(true);
    expect(document.querySelector('ytcp-confirmation-dialog')).toBeNull();
  });

  it('removes a reply and nothing else', async () => {
    await expect(adapter.remove?.(comment(USER_REPLY), 'delete', page)).resolves.toEqual({
      ok: true,
      outcome: 'removed',
    });
    expect(removed()).toBe(`${USER_REPLY}:delete `);
    expect(shownIds()).toContain(QUESTION);
    expect(shownIds()).toContain(OWNER_REPLY);
    expect(shownIds()).toHaveLength(9);
  });

  it('unticks every other comment first: only the target is removed', async () => {
    click(checkbox(PRAISE));
    click(checkbox(SWEAR));
    click(checkbox(OWNER_REPLY));
    expect([ticked(PRAISE), ticked(SWEAR), ticked(OWNER_REPLY)]).toEqual([true, true, true]);
    await expect(adapter.remove?.(comment(USER_REPLY), 'delete', page)).resolves.toMatchObject({ ok: true });
    expect(removed()).toBe(`${USER_REPLY}:delete `);
    expect(shownIds()).toEqual(expect.arrayContaining([PRAISE, SWEAR, OWNER_REPLY, QUESTION]));
    expect([ticked(PRAISE), ticked(SWEAR), ticked(OWNER_REPLY)]).toEqual([false, false, false]);
  });

  it('cancels when another comment gets ticked before confirming', async () => {
    // Something (the user, Studio) ticks another comment as the dialog opens.
    const observer = new MutationObserver(() => {
      if (document.querySelector('ytcp-confirmation-dialog') && !ticked(PRAISE)) click(checkbox(PRAISE));
    });
    observer.observe(document.body, { childList: true });
    const result = await adapter.remove?.(comment(SWEAR), 'delete', page);
    observer.disconnect();
    expect(result).toEqual({ ok: false, reason: 'the comment changed before confirming' });
    expect(removed()).toBeUndefined();
    expect(document.querySelector('ytcp-confirmation-dialog')).toBeNull();
    expect(shownIds()).toHaveLength(10);
  });

  it('cancels when Studio recycles the element for another comment before confirming', async () => {
    const target = comment(SWEAR) as Element & { data: { commentId: string } };
    const observer = new MutationObserver(() => {
      if (document.querySelector('ytcp-confirmation-dialog'))
        target.data = { commentId: 'UgxRecycledOther000AaABAg' };
    });
    observer.observe(document.body, { childList: true });
    const result = await adapter.remove?.(target, 'delete', page);
    observer.disconnect();
    expect(result).toEqual({ ok: false, reason: 'the comment changed before confirming' });
    expect(removed()).toBeUndefined();
    expect(document.querySelector('ytcp-confirmation-dialog')).toBeNull();
  });

  it('fails when Studio does not remove the comment (the fixture fails one), after the timeout', async () => {
    const result = await removeStudioComment(comment(FAILING), commentIdProperty, 'delete', { goneMs: 800 });
    expect(result).toEqual({ ok: false, reason: 'the comment is still there after confirming' });
    expect(removed()).toBeUndefined();
    expect(shownIds()).toContain(FAILING);
    expect(document.querySelector('tp-yt-paper-toast')?.textContent).toContain('Det gick inte');
    expect(REMOVE_TIMEOUT_MS).toBe(5000);
  });

  it('fails without a selection checkbox', async () => {
    comment(SWEAR).querySelector(STUDIO_SELECTORS.batchSelect)?.remove();
    await expect(adapter.remove?.(comment(SWEAR), 'delete', page)).resolves.toEqual({
      ok: false,
      reason: 'the comment has no selection checkbox',
    });
    expect(document.querySelector('#batch-actions')?.hasAttribute('hidden')).toBe(true);
  });

  it('fails and unticks when the batch bar has no remove button', async () => {
    document.querySelector('#batch-actions #remove-button')?.remove();
    const result = await removeStudioComment(comment(SWEAR), commentIdProperty, 'delete', { dialogMs: 300 });
    expect(result).toEqual({ ok: false, reason: 'the batch remove button did not appear' });
    expect(ticked(SWEAR)).toBe(false);
  });

  it('fails and unticks when no confirmation dialog appears within the timeout', async () => {
    document.addEventListener(
      'click',
      (event) => {
        if ((event.target as Element).closest('#remove-button')) event.stopImmediatePropagation();
      },
      true,
    );
    const started = Date.now();
    const result = await removeStudioComment(comment(SWEAR), commentIdProperty, 'delete', { dialogMs: 400 });
    expect(result).toEqual({ ok: false, reason: 'the confirmation dialog did not appear' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(ticked(SWEAR)).toBe(false);
    expect(REMOVE_DIALOG_TIMEOUT_MS).toBe(3000);
  });

  it('fails without an id (no bridge) and for hide', async () => {
    await expect(youtubeStudioAdapter.remove?.(comment(SWEAR), 'delete', page)).resolves.toMatchObject({
      ok: false,
    });
    await expect(adapter.remove?.(comment(SWEAR), 'hide', page)).resolves.toMatchObject({ ok: false });
    expect(ticked(SWEAR)).toBe(false);
  });

  it('works on the English video page', async () => {
    page = loadFixture('youtube-studio/en.html', VIDEO_PAGE);
    const reply = 'UgyE5tU6dI7oQ8uE9sT0n4AaABAg.AQ8oWnErEnGlAQ8pQrStUvW';
    await expect(adapter.remove?.(comment(reply), 'delete', page)).resolves.toEqual({
      ok: true,
      outcome: 'removed',
    });
    expect(removed()).toBe(`${reply}:delete `);
    expect(document.querySelector('#batch-actions #remove-button button')?.textContent).toBe('Remove');
  });
});
