import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPng } from '../../lib/capture/png';
import { bloggerAdapter } from '../../lib/platforms/blogger';
import { facebookAdapter } from '../../lib/platforms/facebook';
import type { PlatformId } from '../../lib/platforms/types';
import { wordpressAdapter } from '../../lib/platforms/wordpress';
import { youtubeAdapter } from '../../lib/platforms/youtube';
import { youtubeStudioAdapter } from '../../lib/platforms/youtube-studio';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import { type ExtensionBrowser, launchWithExtension, TEST_BUILD_DIR } from '../support/browser';
import { demoPage } from '../support/demo-pages';
import {
  storedEntries,
  storedScreenshot,
  storeSettings as storeSettingsIn,
} from '../support/extension-state';

let browser: ExtensionBrowser;

const COMMENT_SELECTORS: Record<PlatformId, string> = {
  facebook: facebookAdapter.commentSelector,
  youtube: youtubeAdapter.commentSelector,
  youtube_studio: youtubeStudioAdapter.commentSelector,
  wordpress: wordpressAdapter.commentSelector,
  blogger: bloggerAdapter.commentSelector,
};

/** The size of the element the adapter reads the comment from, in device pixels. */
async function commentSize(page: Page, commentId: string, platform: PlatformId) {
  return page.evaluate(
    ([id, selector]) => {
      const host = document.querySelector(`moderera-label[data-comment-id="${CSS.escape(id)}"]`);
      const rect = host?.closest(selector)?.getBoundingClientRect();
      if (!rect) throw new Error(`no comment element for ${id}`);
      return { width: rect.width * devicePixelRatio, height: rect.height * devicePixelRatio };
    },
    [commentId, COMMENT_SELECTORS[platform]] as const,
  );
}

/** Checks that the record's screenshot is a PNG of the comment's size (±2 px); returns its bytes. */
async function expectScreenshotOfSize(recordId: string, size: { width: number; height: number }) {
  const screenshot = await storedScreenshot(browser, recordId);
  expect(screenshot?.type).toBe('image/png');
  const bytes = screenshot?.bytes ?? Buffer.alloc(0);
  const png = checkPng(new Uint8Array(bytes), 25 * 1024 * 1024);
  if (!png.ok) throw new Error(`stored screenshot: ${png.reason}`);
  expect(Math.abs(png.info.width - size.width)).toBeLessThanOrEqual(2);
  expect(Math.abs(png.info.height - size.height)).toBeLessThanOrEqual(2);
  return bytes;
}

/** The options page's screenshot section once it knows whether screenshots are allowed. */
async function screenshotOptions(target: ExtensionBrowser) {
  const page = await target.context.newPage();
  await page.goto(`chrome-extension://${target.extensionId}/options.html`);
  const section = page.locator('[data-section="screenshots"]');
  const state = section.locator('[data-screenshots-allowed]');
  await state.waitFor();
  const result = {
    allowed: await state.getAttribute('data-screenshots-allowed'),
    text: (await section.textContent()) ?? '',
    allowButton: await section.locator('[data-action="allow-screenshots"]').allTextContents(),
  };
  await page.close();
  return result;
}

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
      const platform = (await label.getAttribute('data-platform')) as PlatformId;
      const size = await commentSize(page, commentId, platform);
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

      // The comment as it looked before it was taken down: a PNG of exactly its element.
      const bytes = await expectScreenshotOfSize(record?.id as string, size);
      expect(record?.screenshotSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
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

describe('screenshots', () => {
  it('a comment scrolled out of view is brought back into view and captured whole', async () => {
    await storeSettings(SETTINGS);
    const page = await browser.context.newPage();
    await page.goto(demoPage('youtube-sv').url);
    const label = await openPanel(page, 'moderera-label[data-flags~="profanity"]');
    const commentId = (await label.getAttribute('data-comment-id')) as string;
    const size = await commentSize(page, commentId, 'youtube');
    await label.locator('[data-action="register-only"]').click();
    // Room above the comments, and the page scrolled to its top: the comment is far below.
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      document.body.prepend(spacer);
      window.scrollTo(0, 0);
    });
    // The panel follows its badge off screen; a click from script still confirms.
    await label.locator('[data-action="confirm"]').evaluate((button) => (button as HTMLElement).click());
    await expect
      .poll(async () => (await label.locator('[role="status"]').last().textContent()) ?? '')
      .toMatch(/^Registrerad som [0-9A-Z]{8}\. Kommentaren ligger kvar\.$/);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
    const record = (await storedRecords()).find(
      (r) =>
        (r.snapshot as { commentId: string }).commentId === commentId &&
        (r.decision as { action: string }).action === 'register_only',
    );
    await expectScreenshotOfSize(record?.id as string, size);
    await page.close();
  });

  it('the options page says they are allowed (the test build has the permission)', async () => {
    expect(await screenshotOptions(browser)).toMatchObject({ allowed: 'true', allowButton: [] });
  });
});

describe('without the screenshot permission (the product before the moderator allows it)', () => {
  let product: ExtensionBrowser;
  let dir: string;

  beforeAll(async () => {
    // The same build with the permission optional, as shipped, instead of granted at install.
    dir = mkdtempSync(join(tmpdir(), 'moderera-no-screenshots-'));
    cpSync(TEST_BUILD_DIR, dir, { recursive: true });
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string[] | undefined>;
    delete manifest.host_permissions;
    manifest.optional_host_permissions = [...(manifest.optional_host_permissions ?? []), '<all_urls>'];
    writeFileSync(manifestPath, JSON.stringify(manifest));
    product = await launchWithExtension({ extensionDir: dir });
    await storeSettingsIn(product, SETTINGS);
  });

  afterAll(async () => {
    await product?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('registers all the same, and tells the moderator the record has no screenshot and why', async () => {
    const page = await product.context.newPage();
    await page.goto(demoPage('youtube-sv').url);
    await page.waitForSelector('moderera-label[data-flags~="profanity"]', {
      state: 'attached',
      timeout: 15_000,
    });
    const label = page.locator('moderera-label[data-flags~="profanity"]').first();
    await label.locator('[data-action="open-panel"]').click();
    const commentId = (await label.getAttribute('data-comment-id')) as string;
    await label.locator('[data-action="register-only"]').click();
    await label.locator('[data-action="confirm"]').click();
    await expect
      .poll(async () => (await label.locator('[role="status"]').last().textContent()) ?? '')
      .toMatch(
        /^Registrerad som [0-9A-Z]{8}\. Kommentaren ligger kvar\. Utan skärmbild: tillägget har inte tillåtelse att ta skärmbilder \(Inställningar → Skärmbilder\)\.$/,
      );
    const record = (await storedEntries(product, 'records')).find(
      (r) => (r.snapshot as { commentId: string }).commentId === commentId,
    );
    expect(record).toMatchObject({ screenshotSha256: null, decision: { action: 'register_only' } });
    await page.close();
  });

  it('the options page offers to allow them', async () => {
    const options = await screenshotOptions(product);
    expect(options).toMatchObject({ allowed: 'false', allowButton: ['Tillåt skärmbilder'] });
    expect(options.text).toContain('Skärmbilder är inte tillåtna');
  });
});
