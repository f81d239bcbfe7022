/**
 * Remove and register on a real WordPress: the record is in the extension's IndexedDB with the
 * right fields and the comment's screenshot, and the comment is in WordPress' trash, as the
 * database says.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPng } from '../../lib/capture/png';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser';
import { storedEntries, storedScreenshot, storeSettings } from '../support/extension-state';
import {
  buildWordPressExtension,
  commentStatus,
  loginAs,
  startWordPress,
  type WordPressSite,
} from '../support/wordpress';

let wp: WordPressSite;
let browser: ExtensionBrowser;

beforeAll(async () => {
  wp = await startWordPress();
  browser = await launchWithExtension({ extensionDir: buildWordPressExtension() });
  await storeSettings(browser, {
    ...DEFAULT_SETTINGS,
    signature: { name: 'Maria Ek', title: 'kommunikatör', unit: 'Kommunikationsenheten' },
  });
});

afterAll(async () => {
  await browser?.close();
  await wp?.stop();
});

describe('remove and register on a real WordPress', () => {
  it('stores the record first, then trashes the comment through WordPress itself', async () => {
    const page = await browser.context.newPage();
    await loginAs(page, wp);
    await page.goto(`${wp.url}/wp-admin/edit-comments.php`);
    const selector = 'moderera-label[data-flags~="profanity"]';
    await page.waitForSelector(selector, { state: 'attached', timeout: 20_000 });
    const label = page.locator(selector).first();
    const commentId = (await label.getAttribute('data-comment-id')) as string;
    expect(await commentStatus(commentId)).not.toBe('trash');

    await label.locator('[data-action="open-panel"]').click();
    await label.locator('[data-action="remove-and-register"]').click();
    await label.locator('[data-action="confirm"]').click();

    await expect.poll(() => commentStatus(commentId), { timeout: 15_000 }).toBe('trash');
    const records = await storedEntries(browser, 'records');
    const record = records.find((r) => (r.snapshot as { commentId: string }).commentId === commentId);
    expect(record).toMatchObject({
      snapshot: { platform: 'wordpress', commentId, text: expect.stringContaining('jävla') },
      classification: { category: 'offensive_confidential', flags: expect.arrayContaining(['profanity']) },
      decision: { action: 'delete', flags: expect.arrayContaining(['profanity']) },
      moderator: { name: 'Maria Ek', title: 'kommunikatör', unit: 'Kommunikationsenheten' },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const screenshot = await storedScreenshot(browser, record?.id as string);
    expect(screenshot?.type).toBe('image/png');
    expect(checkPng(new Uint8Array(screenshot?.bytes ?? []), 25 * 1024 * 1024).ok).toBe(true);
    expect(record?.screenshotSha256).toBe(
      createHash('sha256')
        .update(screenshot?.bytes ?? '')
        .digest('hex'),
    );
    await expect
      .poll(async () => (await storedEntries(browser, 'events')).filter((e) => e.recordId === record?.id), {
        timeout: 10_000,
      })
      .toEqual([expect.objectContaining({ type: 'removal_outcome', outcome: 'removed' })]);
    await page.close();
  });
});
