import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser';
import { demoPage } from '../support/demo-pages';
import { storeSettings as storeSettingsIn } from '../support/extension-state';

let browser: ExtensionBrowser;

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  signature: { name: 'Maria Ek', title: 'kommunikatör', unit: 'Kommunikationsenheten' },
  mailboxes: [{ id: 'gata', name: 'Gatuenheten', email: 'gata@tyreso.se' }],
};

const storeSettings = (settings: unknown) => storeSettingsIn(browser, settings);

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(async () => {
  await browser?.close();
});

async function openPanelOf(page: Page, selector: string) {
  await page.waitForSelector(selector, { state: 'attached', timeout: 15_000 });
  const label = page.locator(selector).first();
  await label.locator('[data-action="open-panel"]').click();
  await label.locator('[role="dialog"]').waitFor();
  return label;
}

/** The focused element's text, whether it is a textarea or a rich editor, and where it is. */
const FOCUSED_REPLY_BOX = () => {
  const active = document.activeElement as HTMLElement | null;
  if (!active || active === document.body) return null;
  // biome-ignore lint/performance/useDomNodeTextContent: a rich editor's lines are only in its rendered text
  const text = active instanceof HTMLTextAreaElement ? active.value : active.innerText;
  return { text: text.replace(/\r\n/g, '\n').replace(/\n+$/, ''), tag: active.tagName.toLowerCase() };
};

/** For each platform: how to find the comment element a reply box belongs to, from the box. */
const OWNER_OF_FOCUSED: Record<string, string> = {
  'facebook-sv': 'facebook',
  'youtube-sv': 'ytd-comment-thread-renderer',
  'studio-sv': 'ytcp-comment-thread',
  'wordpress-sv': 'wordpress',
};

describe('templated replies', () => {
  beforeAll(async () => storeSettings(SETTINGS));

  it.each(Object.keys(OWNER_OF_FOCUSED))(
    '%s: the filled text, signature included, lands in that comment’s own reply box, unsent',
    async (name) => {
      const page = await browser.context.newPage();
      await page.goto(demoPage(name).url);
      const label = await openPanelOf(page, 'moderera-label[data-category="question"][data-flags=""]');
      const commentId = await label.getAttribute('data-comment-id');
      const preview = (await label.locator('[data-field="reply-preview"]').textContent()) ?? '';
      expect(preview).toMatch(/\/Maria Ek, kommunikatör, Kommunikationsenheten$/);
      expect(preview).not.toMatch(/[{}]/);
      await label.locator('[data-action="reply-template"]').click();
      await expect
        .poll(async () => (await label.locator('[role="status"]').textContent()) ?? '', { timeout: 8000 })
        .toContain('Svaret står i plattformens svarsruta');
      const focused = await page.evaluate(FOCUSED_REPLY_BOX);
      expect(focused?.text.endsWith(preview.trim())).toBe(true);
      const belongs = await page.evaluate(
        ({ owner, id }) => {
          const active = document.activeElement;
          if (!active || !id) return false;
          if (owner === 'wordpress')
            return document.querySelector('#replyrow')?.previousElementSibling?.id === `comment-${id}`;
          if (owner === 'facebook') {
            const link = document.querySelector(
              `a[href*="comment_id=${id}"], a[href*="reply_comment_id=${id}"]`,
            );
            const article = link?.closest('[role="article"]');
            const thread = article?.parentElement?.parentElement;
            return !!thread?.contains(active);
          }
          const host = document.querySelector(`moderera-label[data-comment-id="${id}"]`);
          return !!host?.closest(owner)?.contains(active);
        },
        { owner: OWNER_OF_FOCUSED[name] as string, id: commentId },
      );
      expect(belongs).toBe(true);
      expect(await page.evaluate(() => document.documentElement.dataset.fixtureSubmitted)).toBeUndefined();
      await page.close();
    },
  );

  it('offers the political referral first for a political question', async () => {
    const page = await browser.context.newPage();
    await page.goto(demoPage('facebook-sv').url);
    await page.waitForSelector('moderera-label', { state: 'attached' });
    const political = page
      .locator('moderera-label[data-category="question"]')
      .filter({ has: page.locator('.chip.hint') });
    await political.first().locator('[data-action="open-panel"]').click();
    const options = political.first().locator('select[data-field="reply-template"] option');
    expect(await options.first().textContent()).toBe('Politisk fråga: hänvisa till partierna');
    await page.close();
  });

  it('where the page has no reply box (Blogger), copies the reply and says so', async () => {
    const page = await browser.context.newPage();
    await page.goto(demoPage('blogger-sv').url);
    const label = await openPanelOf(page, 'moderera-label');
    const preview = (await label.locator('[data-field="reply-preview"]').textContent()) ?? '';
    await label.locator('[data-action="reply-template"]').click();
    await expect
      .poll(async () => (await label.locator('[role="status"]').textContent()) ?? '')
      .toContain('kopierad');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(preview);
    await page.close();
  });

  it('a fault report can be passed on by e-mail, shown before it opens', async () => {
    const page = await browser.context.newPage();
    await page.goto(demoPage('youtube-sv').url);
    const label = await openPanelOf(page, 'moderera-label[data-category="fault_report"]');
    const mailPreview = (await label.locator('[data-field="forward-preview"]').textContent()) ?? '';
    expect(mailPreview).toContain('Felanmälan från youtube');
    const href = (await label.locator('[data-action="forward"]').getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:gata@tyreso.se?subject=')).toBe(true);
    expect(decodeURIComponent(href)).toContain('Kommentar: ');
    await page.close();
  });

  it('without a signature, asks for one first and offers no insert', async () => {
    await storeSettings({ ...SETTINGS, signature: { name: '', title: '', unit: '' } });
    const page = await browser.context.newPage();
    await page.goto(demoPage('wordpress-sv').url);
    const label = await openPanelOf(page, 'moderera-label[data-category="question"]');
    expect(await label.locator('[role="alert"]').textContent()).toContain(
      'Ange ditt namn, din titel och din enhet',
    );
    expect(await label.locator('[data-action="reply-template"]').count()).toBe(0);
    await page.close();
    await storeSettings(SETTINGS);
  });
});
