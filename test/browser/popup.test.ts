/**
 * Issue: the popup's day log and its exports. Three comments are removed and registered on
 * the YouTube fixture (a formula, a confidential one, one with emoji and a newline); the
 * popup lists them, and each export is downloaded through its data-action button and
 * checked from the file itself.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, unneutralise } from '../../lib/export/csv';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser';
import { demoPage } from '../support/demo-pages';
import { storedEntries, storeSettings } from '../support/extension-state';
import { findXmllint, schemaErrorsOfFile } from '../support/xmllint';
import { readStoredZip } from '../support/zip';

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  signature: { name: 'Maria Ek', title: 'kommunikatör', unit: 'Kommunikationsenheten' },
  organisation: { name: 'Tyresö kommun', unit: 'Kommunikationsenheten' },
};

const COMMENTS = {
  formula: 'UgwF0rMuLa7HyPeRlInK5AaABAg',
  confidential: 'UgxQ2wE4rT6yU8iO0pA1s4AaABAg',
  emoji: 'UgzK3f9QmR2pLx7VbN54AaABAg',
};

let browser: ExtensionBrowser;
const downloads = mkdtempSync(join(tmpdir(), 'moderera-exports-'));
/** The texts as stored at registration, by comment id. */
const texts = new Map<string, string>();

beforeAll(async () => {
  browser = await launchWithExtension();
  await storeSettings(browser, SETTINGS);
  const page = await browser.context.newPage();
  await page.goto(demoPage('youtube-sv').url);
  for (const commentId of Object.values(COMMENTS)) await removeAndRegister(page, commentId);
  await page.close();
  for (const record of await storedEntries(browser, 'records')) {
    const snapshot = record.snapshot as { commentId: string; text: string };
    texts.set(snapshot.commentId, snapshot.text);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function removeAndRegister(page: Page, commentId: string) {
  const selector = `moderera-label[data-comment-id="${commentId}"]`;
  await page.waitForSelector(selector, { state: 'attached', timeout: 15_000 });
  const label = page.locator(selector);
  await label.locator('[data-action="open-panel"]').click();
  await label.locator('[data-action="remove-and-register"]').click();
  await label.locator('[data-action="confirm"]').click();
  // The label goes with the comment once the platform has removed it.
  await page.waitForSelector(selector, { state: 'detached', timeout: 15_000 });
}

async function openPopup(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('.counts[data-total]');
  return page;
}

async function download(page: Page, action: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-action="${action}"]`).click(),
  ]);
  const path = join(downloads, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('the popup', () => {
  it('shows today’s three records with counts, outcome and status, and finds them by search', async () => {
    expect(texts.size).toBe(3);
    const page = await openPopup();
    expect(await page.locator('.counts').getAttribute('data-total')).toBe('3');
    expect(await page.locator('.counts [data-flag="confidential"]').count()).toBe(1);
    const rows = page.locator('ol.log > li');
    expect(await rows.count()).toBe(3);
    for (const row of await rows.all()) {
      expect(await row.getAttribute('data-outcome')).toBe('removed');
      expect(await row.getAttribute('data-status')).toBe('not_exported');
    }
    await page.locator('input[name="search"]').fill('iphone');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('@vinn-en-iphone');
    await page.close();
  });

  it('opens a record’s detail view with its full text as text, never as HTML', async () => {
    const page = await openPopup();
    const row = page.locator('ol.log > li', { hasText: '@anonym-4711' });
    await row.locator('[data-action="open-record"]').click();
    const text = page.locator('blockquote.comment-text');
    await text.waitFor();
    expect(await text.textContent()).toBe(texts.get(COMMENTS.confidential));
    expect(await page.locator('article.record').textContent()).toContain('OSL');
    expect(await page.locator('ul.events li[data-event="removal_outcome"]').textContent()).toMatch(
      /: Borttagning: Borttagen$/,
    );
    await page.locator('[data-action="back"]').click();
    await page.waitForSelector('ol.log');
    await page.close();
  });

  it('in English, the record view tells its history in English', async () => {
    await storeSettings(browser, { ...SETTINGS, language: 'en' });
    try {
      const page = await openPopup();
      await page
        .locator('ol.log > li', { hasText: '@anonym-4711' })
        .locator('[data-action="open-record"]')
        .click();
      const removal = page.locator('ul.events li[data-event="removal_outcome"]');
      await removal.waitFor();
      expect(await removal.textContent()).toMatch(/: Removal: Removed$/);
      expect(await page.locator('article.record h2').allTextContents()).toEqual([
        'Text',
        'Screenshot',
        'Events',
      ]);
      await page.close();
    } finally {
      await storeSettings(browser, SETTINGS);
    }
  });
});

describe('exports', () => {
  it('CSV: Excel-ready, exactly the three rows, exact texts, the formula neutralised; records marked exported', async () => {
    const page = await openPopup();
    const { name, bytes } = await download(page, 'export-csv');
    expect(name).toMatch(/^moderera-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n').length).toBe(5); // header, three rows, and the final CRLF
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header?.slice(0, 4)).toEqual(['Datum', 'Diarienummer', 'Avsändare', 'Beskrivning']);
    expect(rows).toHaveLength(3);
    const textColumn = header?.indexOf('Text') ?? -1;
    const idColumn = header?.indexOf('Kommentar-id') ?? -1;
    const byId = new Map(rows.map((row) => [row[idColumn], row[textColumn] ?? '']));
    expect(byId.get(COMMENTS.formula)).toBe(`'${texts.get(COMMENTS.formula)}`);
    expect(unneutralise(byId.get(COMMENTS.formula) ?? '')).toBe(texts.get(COMMENTS.formula));
    expect(byId.get(COMMENTS.confidential)).toBe(texts.get(COMMENTS.confidential));
    expect(byId.get(COMMENTS.emoji)).toBe(texts.get(COMMENTS.emoji));
    expect(texts.get(COMMENTS.emoji)).toMatch(/😍[\s\S]*\n/u);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    await expect.poll(async () => page.locator('ol.log > li[data-status="exported"]').count()).toBe(3);
    await page.close();
  });

  it('JSON: restored into an emptied store through the options page, it exports again without a difference', async () => {
    const popup = await openPopup();
    const first = await download(popup, 'export-json');
    const original = JSON.parse(first.bytes.toString('utf8'));
    expect(original.records).toHaveLength(3);
    await popup.close();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('moderera');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    expect(await storedEntries(browser, 'records')).toHaveLength(0);

    const corrupt = join(downloads, 'corrupt.json');
    // One word of one comment changed after export: the record no longer matches its hash.
    writeFileSync(corrupt, first.bytes.toString('utf8').replace('Köp billiga', 'Köp dyra'));
    await options.locator('input[name="restore"]').setInputFiles(corrupt);
    await options.waitForSelector('[data-restore-result="error"]');
    expect(await storedEntries(browser, 'records')).toHaveLength(0);

    await options.locator('input[name="restore"]').setInputFiles(join(downloads, first.name));
    await options.waitForSelector('[data-restore-result="ok"]');
    await options.close();

    const again = await openPopup();
    const second = JSON.parse((await download(again, 'export-json')).bytes.toString('utf8'));
    expect({ ...second, exportedAt: null }).toEqual({ ...original, exportedAt: null });
    await again.close();
  });

  it('ERMS: validates against the schema; the confidential record is restricted and its title reveals nothing', async () => {
    expect(findXmllint(), 'install libxml2-utils').not.toBeNull();
    const page = await openPopup();
    const { name, bytes } = await download(page, 'export-erms');
    expect(schemaErrorsOfFile(join(downloads, name))).toBe('');
    const xml = bytes.toString('utf8');
    expect(xml.match(/<record\b/g)).toHaveLength(3);
    expect(xml).toMatch(/<restriction[^>]*>[\s\S]*OSL/);
    const titles = [...xml.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => match[1] ?? '');
    expect(titles.some((title) => title.includes('19780523'))).toBe(false);
    await page.close();
  });

  it('ZIP: the three files, screenshots by record id, and a manifest whose SHA-256 sums match', async () => {
    const page = await openPopup();
    const files = readStoredZip((await download(page, 'export-zip')).bytes);
    const names = [...files.keys()];
    expect(names.filter((n) => /\.(csv|json|xml)$/.test(n))).toHaveLength(3);
    const manifest = new TextDecoder().decode(files.get('manifest.sha256'));
    const lines = manifest.trim().split('\n');
    expect(lines).toHaveLength(names.length - 1);
    for (const line of lines) {
      const [sum, file] = line.split('  ');
      const content = files.get(file ?? '');
      expect(content, file).toBeDefined();
      expect(
        createHash('sha256')
          .update(content ?? new Uint8Array())
          .digest('hex'),
      ).toBe(sum);
    }
    const screenshots = names.filter((n) => n.startsWith('skarmbilder/'));
    expect(screenshots).toHaveLength(3);
    for (const name of screenshots) {
      expect(name).toMatch(/^skarmbilder\/[0-9a-f-]{36}\.png$/);
      expect([...(files.get(name) ?? []).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
    await page.close();
  });

  it('a printable report of the day lists the three records', async () => {
    const page = await openPopup();
    const { bytes } = await download(page, 'export-report');
    const html = bytes.toString('utf8');
    expect(html.match(/<section/g)).toHaveLength(3);
    expect(html).not.toContain('<script');
    await page.close();
  });
});

describe('registering and deleting', () => {
  it('a diarienummer for the batch registers every record; a registered record can be deleted with its short id, logged', async () => {
    const page = await openPopup();
    await page.locator('input[name="batch-diarienummer"]').fill('KS 2026/1234');
    await page.locator('[data-action="register-batch"]').click();
    await expect.poll(() => page.locator('ol.log > li[data-status="registered"]').count()).toBe(3);

    const row = page.locator('ol.log > li', { hasText: '@vinn-en-iphone' });
    const recordId = (await row.getAttribute('data-record-id')) as string;
    await row.locator('[data-action="open-record"]').click();
    await page.locator('[data-action="delete-record"]').click();
    await page.locator('input[name="confirm-short-id"]').fill('WRONG');
    await page.locator('[data-action="confirm"]').click();
    await page.waitForSelector('.error');
    expect((await storedEntries(browser, 'records')).find((r) => r.id === recordId)).not.toHaveProperty(
      'deleted',
    );

    const shortId = ((await page.locator('article.record h1').textContent()) ?? '').split(' ').pop() ?? '';
    await page.locator('input[name="confirm-short-id"]').fill(shortId);
    await page.locator('[data-action="confirm"]').click();
    await page.waitForSelector('text=raderad');
    const tombstone = (await storedEntries(browser, 'records')).find((r) => r.id === recordId);
    expect(tombstone).toMatchObject({ deleted: true });
    expect(tombstone).not.toHaveProperty('snapshot');
    const events = await storedEntries(browser, 'events');
    expect(events.filter((e) => e.recordId === recordId).map((e) => e.type)).toContain('deleted');
    await page.close();
  });
});

describe('unanswered questions', () => {
  it('lists the questions seen with their due time, and drops one once a reply is inserted through Moderera', async () => {
    const page = await browser.context.newPage();
    await page.goto(demoPage('youtube-sv').url);
    const selector = 'moderera-label[data-category="question"][data-flags=""]';
    await page.waitForSelector(selector, { state: 'attached', timeout: 15_000 });
    const questionIds = await page.$$eval(selector, (labels) =>
      labels.map((l) => l.getAttribute('data-comment-id')),
    );

    const popup = await openPopup();
    await popup.locator('[data-tab="questions"]').click();
    // The page reports its questions 2 s after labelling them, later if it was scrolling.
    await expect
      .poll(
        async () => {
          await popup.reload();
          await popup.locator('[data-tab="questions"]').click();
          return popup.locator('ol.questions > li').count();
        },
        { timeout: 10_000 },
      )
      .toBe(questionIds.length);
    const first = popup.locator('ol.questions > li').first();
    expect(await first.textContent()).toMatch(/Svar senast \S+ \d+ \S+ 23:59|Försenad/);

    const label = page.locator(selector).first();
    const answeredId = await label.getAttribute('data-comment-id');
    await label.locator('[data-action="open-panel"]').click();
    await label.locator('[data-action="reply-template"]').click();
    await expect
      .poll(async () => (await label.locator('[role="status"]').textContent()) ?? '', { timeout: 8000 })
      .toContain('Svaret står i plattformens svarsruta');
    await expect
      .poll(async () => {
        await popup.reload();
        await popup.locator('[data-tab="questions"]').click();
        await popup.locator('ol.questions, p.muted').first().waitFor();
        return popup.$$eval('ol.questions > li', (items) =>
          items.map((i) => i.getAttribute('data-comment-id')),
        );
      })
      .not.toContain(answeredId);
    await popup.close();
    await page.close();
  });
});
