// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "suppressCodeGenerationFromStringsWarning": true}}
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bloggerAdapter, REMOVE_DIALOG_TIMEOUT_MS, removeBloggerComment } from './blogger';
import { loadFixture, settlePageScripts } from './fixture.testutil';
import type { PageContext } from './types';

const ADMIN = 'https://www.blogger.com/blog/comments/published/1234567890';
const PRAISE = '6931245678123456789';
const OWNER_REPLY = '6931245678123456790';
/** The fixture's comment whose removal fails (README.md, "Removal"). */
const FAILING = '6931245678123456791';

describe('blogger remove (the fixtures run a stand-in for the inferred remove action)', () => {
  let page: PageContext;
  const removed = () => document.documentElement.dataset.fixtureRemoved;
  const ids = () =>
    bloggerAdapter.findComments(document).map((row) => bloggerAdapter.snapshot(row, page)?.commentId);
  const row = (id: string): Element => {
    const found = bloggerAdapter
      .findComments(document)
      .find((r) => bloggerAdapter.snapshot(r, page)?.commentId === id);
    if (!found) throw new Error(`no comment ${id}`);
    return found;
  };

  beforeEach(() => {
    page = loadFixture('blogger/sv.html', ADMIN);
  });
  afterEach(async () => {
    await settlePageScripts();
  });

  it('offers delete only', () => {
    expect(bloggerAdapter.removalModes).toEqual(['delete']);
  });

  it('removes a top-level comment with the row action and the dialog', async () => {
    await expect(bloggerAdapter.remove?.(row(PRAISE), 'delete', page)).resolves.toEqual({
      ok: true,
      outcome: 'removed',
    });
    expect(removed()).toBe(`${PRAISE}:delete `);
    expect(ids()).not.toContain(PRAISE);
    expect(ids()).toHaveLength(7);
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
  });

  it('removes a reply, and only that comment', async () => {
    await expect(bloggerAdapter.remove?.(row(OWNER_REPLY), 'delete', page)).resolves.toMatchObject({
      ok: true,
    });
    expect(removed()).toBe(`${OWNER_REPLY}:delete `);
    expect(ids()).toContain(PRAISE);
  });

  it('fails when Blogger keeps the comment (the fixture fails one)', async () => {
    const result = await removeBloggerComment(row(FAILING), 'delete', { goneMs: 800 });
    expect(result).toEqual({ ok: false, reason: 'the comment is still there after confirming' });
    expect(removed()).toBeUndefined();
    expect(ids()).toContain(FAILING);
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Det gick inte');
  });

  it('never presses "Remove content" or "Spam"; fails without the remove button', async () => {
    const target = row(PRAISE);
    target.querySelector('[aria-label="Ta bort"]')?.remove();
    await expect(bloggerAdapter.remove?.(target, 'delete', page)).resolves.toEqual({
      ok: false,
      reason: 'the comment has no remove button',
    });
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
  });

  it('fails when no dialog appears within the timeout', async () => {
    row(PRAISE).addEventListener('click', (event) => event.stopPropagation());
    const started = Date.now();
    const result = await removeBloggerComment(row(PRAISE), 'delete', { dialogMs: 400 });
    expect(result).toEqual({ ok: false, reason: 'the confirmation dialog did not appear' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(REMOVE_DIALOG_TIMEOUT_MS).toBe(3000);
  });

  it('cancels when the row shows another comment before confirming', async () => {
    const target = row(PRAISE);
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[role="alertdialog"]')) return;
      const link = target.querySelector('a[href*="showComment="]');
      link?.setAttribute('href', link.getAttribute('href')?.replace(PRAISE, '6931245678123450000') ?? '');
    });
    observer.observe(document.body, { childList: true });
    const result = await bloggerAdapter.remove?.(target, 'delete', page);
    observer.disconnect();
    expect(result).toEqual({ ok: false, reason: 'the comment changed before confirming' });
    expect(removed()).toBeUndefined();
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
  });

  it('refuses hide', async () => {
    await expect(bloggerAdapter.remove?.(row(PRAISE), 'hide', page)).resolves.toMatchObject({ ok: false });
  });

  it('works on the English admin', async () => {
    page = loadFixture('blogger/en.html', `${ADMIN}?hl=en`);
    await expect(bloggerAdapter.remove?.(row('7042356789234567890'), 'delete', page)).resolves.toMatchObject({
      ok: true,
    });
    expect(removed()).toBe('7042356789234567890:delete ');
    await expect(
      removeBloggerComment(row('7042356789234567892'), 'delete', { goneMs: 500 }),
    ).resolves.toMatchObject({
      ok: false,
    });
  });
});
