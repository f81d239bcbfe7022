import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser';
import { demoPage } from '../support/demo-pages';
import { storedEntries, storeSettings as storeSettingsIn } from '../support/extension-state';

let browser: ExtensionBrowser;

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  signature: { name: 'Maria Ek', title: 'kommunikatör', unit: 'Kommunikationsenheten' },
};

const storeSettings = (settings: unknown) => storeSettingsIn(browser, settings);
const storedRecords = () => storedEntries(browser, 'records');

async function openPanel(page: Page, selector: string) {
  await page.waitForSelector(selector, { state: 'attached', timeout: 15_000 });
  const label = page.locator(selector).first();
  await label.locator('[data-action="open-panel"]').click();
  await label.locator('[role="dialog"]').waitFor();
  return label;
}

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

describe('register only', () => {
  it('stores the comment in the extension’s IndexedDB with everything the registrar needs, and leaves it on the page', async () => {
    await storeSettings(SETTINGS);
    const page = await browser.context.newPage();
    await page.goto(demoPage('facebook-sv').url);
    const label = await openPanel(page, 'moderera-label[data-flags~="confidential"]');
    const commentId = await label.getAttribute('data-comment-id');
    await label.locator('[data-action="register-only"]').click();
    expect(await label.locator('input[name="secret"]').isChecked()).toBe(true);
    await label.locator('textarea[name="note"]').fill('Granne pekas ut med personnummer.');
    await label.locator('[data-action="confirm"]').click();
    await expect
      .poll(async () => (await label.locator('[role="status"]').last().textContent()) ?? '')
      .toMatch(/Registrerad som [0-9A-Z]{8}\. Kommentaren ligger kvar\./);
    const shortId = await label.locator('[data-registered]').getAttribute('data-registered');
    expect(shortId).toMatch(/^[0-9A-Z]{8}$/);
    expect(await page.locator(`moderera-label[data-comment-id="${commentId}"]`).count()).toBe(1);

    const records = await storedRecords();
    const record = records.find((r) => (r.snapshot as { commentId: string }).commentId === commentId);
    expect(record).toBeDefined();
    expect(record).toMatchObject({
      snapshot: { platform: 'facebook', commentId, authorName: 'Sara Persson' },
      classification: { category: 'offensive_confidential', classifierVersion: expect.any(String) },
      decision: {
        action: 'register_only',
        note: 'Granne pekas ut med personnummer.',
        secrecy: { provision: expect.stringMatching(/^OSL /) },
      },
      moderator: SETTINGS.signature,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((record as { snapshot: { text: string } }).snapshot.text).toContain('19780523-2464');
    expect(record?.capturedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/);
    await page.close();
  });

  it('without a moderator identity nothing is stored and the moderator is told why', async () => {
    await storeSettings({ ...SETTINGS, signature: { name: '', title: '', unit: '' } });
    const before = (await storedRecords()).length;
    const page = await browser.context.newPage();
    await page.goto(demoPage('youtube-sv').url);
    const label = await openPanel(page, 'moderera-label[data-flags~="profanity"]');
    await label.locator('[data-action="register-only"]').click();
    await label.locator('[data-action="confirm"]').click();
    await expect
      .poll(async () => (await label.locator('[role="alert"]').last().textContent()) ?? '')
      .toContain('Inget har tagits bort');
    expect((await storedRecords()).length).toBe(before);
    await page.close();
    await storeSettings(SETTINGS);
  });
});

describe('remove and register on each platform', () => {
  // Facebook offers hide and delete, hide first (the comment stays visible to its writer).
  it.each([
    ['facebook-sv', 'hidden'],
    ['youtube-sv', 'removed'],
    ['studio-sv', 'removed'],
    ['blogger-sv', 'removed'],
  ])(
    '%s: the record is committed, then the platform takes the comment down (%s), and the outcome is recorded',
    async (name, outcome) => {
      await storeSettings(SETTINGS);
      const page = await browser.context.newPage();
      await page.goto(demoPage(name).url);
      const label = await openPanel(page, 'moderera-label[data-flags~="profanity"]');
      const commentId = (await label.getAttribute('data-comment-id')) as string;
      await label.locator('[data-action="remove-and-register"]').click();
      await label.locator('[data-action="confirm"]').click();
      if (outcome === 'removed') {
        await expect
          .poll(async () => page.locator(`moderera-label[data-comment-id="${commentId}"]`).count(), {
            timeout: 10_000,
          })
          .toBe(0);
      } else {
        await expect
          .poll(async () => (await label.locator('[role="status"]').last().textContent()) ?? '', {
            timeout: 10_000,
          })
          .toMatch(/Registrerad som [0-9A-Z]{8} och dold\./);
      }
      const record = (await storedRecords()).find(
        (r) => (r.snapshot as { commentId: string }).commentId === commentId,
      );
      expect(record).toMatchObject({
        decision: { action: outcome === 'hidden' ? 'hide' : 'delete' },
        snapshot: { commentId },
      });
      await expect
        .poll(async () => (await storedEntries(browser, 'events')).filter((e) => e.recordId === record?.id), {
          timeout: 10_000,
        })
        .toEqual([expect.objectContaining({ type: 'removal_outcome', outcome })]);
      await page.close();
    },
  );

  it('when the platform refuses, the record stays, marked failed, and the moderator is told', async () => {
    await storeSettings(SETTINGS);
    const page = await browser.context.newPage();
    await page.goto(demoPage('youtube-sv').url);
    // The fixture's pothole comment fails to be removed ("Något gick fel").
    const selector = 'moderera-label[data-comment-id="Ugz9aB7cD5eF3gH1iJ2k4AaABAg"]';
    const label = await openPanel(page, selector);
    await label.locator('[data-action="remove-and-register"]').click();
    await label.locator('[data-action="confirm"]').click();
    await expect
      .poll(async () => (await label.locator('[role="alert"]').last().textContent()) ?? '', {
        timeout: 15_000,
      })
      .toContain('tog inte bort kommentaren');
    const record = (await storedRecords()).find(
      (r) => (r.snapshot as { commentId: string }).commentId === 'Ugz9aB7cD5eF3gH1iJ2k4AaABAg',
    );
    expect(record).toBeDefined();
    expect((await storedEntries(browser, 'events')).filter((e) => e.recordId === record?.id)).toEqual([
      expect.objectContaining({ type: 'removal_outcome', outcome: 'failed' }),
    ]);
    await page.close();
  });
});
