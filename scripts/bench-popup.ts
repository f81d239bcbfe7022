/**
 * `npm run bench:popup`: the popup and the CSV export with 10,000 records in the store.
 *
 * Builds a backup of 10,000 valid, hash-chained records (27 a day over the last year, so
 * today has a normal day's worth), restores it through the options page of the built
 * extension in headless Chromium, and then measures, over several rounds:
 * - the popup opening on today (navigation start → counts and list rendered),
 * - the popup showing the whole year (all 10,000; the list renders its first 100 rows),
 * - a CSV export of all 10,000 (click → download started, and → marked exported).
 * Figures are medians; the machine's own speed varies, so compare within one run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { backupJson } from '../lib/export/json';
import { CATEGORY_IDS, FLAG_IDS } from '../lib/policy/labels';
import { GENESIS_HASH, recordHash } from '../lib/store/canonical';
import type { RegisterRecord } from '../lib/store/record';
import { addCalendarDays, stockholmDate, toStockholmIso } from '../lib/time/stockholm';
import { launchWithExtension } from '../test/support/browser';
import { buildTestExtension } from '../test/support/build';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PER_DAY = 27;
const OUT_DIR = '.output/bench';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function tenThousandRecords(now: Date): Promise<RegisterRecord[]> {
  const chainId = crypto.randomUUID();
  const records: RegisterRecord[] = [];
  let prev: RegisterRecord | null = null;
  for (let seq = 0; seq < RECORDS; seq++) {
    const daysAgo = Math.floor((RECORDS - 1 - seq) / PER_DAY);
    const captured = new Date(now.getTime() - daysAgo * 86_400_000 - (PER_DAY - (seq % PER_DAY)) * 60_000);
    const flag = FLAG_IDS[seq % FLAG_IDS.length] ?? 'profanity';
    const content = {
      id: crypto.randomUUID(),
      requestId: `bench-${seq}`,
      capturedAt: toStockholmIso(captured),
      snapshot: {
        platform: 'facebook' as const,
        commentId: `1187654321${String(seq).padStart(6, '0')}`,
        permalink: `https://www.facebook.com/tyresokommun/posts/1?comment_id=${seq}`,
        authorName: `Kommentator ${seq}`,
        authorUrl: `https://www.facebook.com/profile.php?id=${seq}`,
        text: `=Kommentar nummer ${seq}; "citat" och ett radbyte\nsom Excel ska tåla 😀 ${'text '.repeat(seq % 40)}`,
        postedRaw: '2 tim',
        postedAt: toStockholmIso(captured),
        edited: seq % 9 === 0,
        isReply: seq % 3 === 0,
        parentId: seq % 3 === 0 ? '1187654321000000' : null,
        postId: '1',
        postUrl: 'https://www.facebook.com/tyresokommun/posts/1',
        postTitle: 'Nya öppettider på biblioteket',
        channelName: 'Tyresö kommun',
        channelUrl: 'https://www.facebook.com/tyresokommun',
      },
      classification: {
        category: CATEGORY_IDS[seq % CATEGORY_IDS.length] ?? 'praise',
        flags: [flag],
        hints: [],
        evidence: [{ target: flag, start: 0, end: 10, text: 'Kommentar ', rule: 'bench' }],
        classifierVersion: '1.0.0',
      },
      decision: {
        flags: [flag],
        action: 'delete' as const,
        note: '',
        secrecy:
          flag === 'confidential'
            ? { provision: 'OSL 21 kap. 1 §', markedAt: toStockholmIso(captured) }
            : null,
      },
      moderator: { name: 'Maria Ek', title: 'kommunikatör', unit: 'Kommunikationsenheten' },
      screenshotSha256: null,
      chainId,
      seq,
      prevId: prev?.id ?? null,
      prevHash: prev?.hash ?? GENESIS_HASH,
    };
    const record: RegisterRecord = { ...content, hash: await recordHash(content, content.prevHash) };
    records.push(record);
    prev = record;
  }
  return records;
}

/**
 * Navigation start → the first animation frame in which the counts are in the page, read in
 * the page itself (a round trip from here to ask the time would add its own latency).
 */
async function popupReady(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const ready = await page.waitForFunction(
    () => document.querySelector('.counts[data-total]') !== null && performance.now(),
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await ready.jsonValue()) as number;
}

async function main(): Promise<void> {
  const now = new Date();
  const records = await tenThousandRecords(now);
  const last = records.at(-1);
  const backup = await backupJson(
    {
      entries: records,
      events: [],
      screenshots: new Map(),
      heads: last ? [{ chainId: last.chainId, seq: last.seq, hash: last.hash, recordId: last.id }] : [],
      activeChainId: last?.chainId ?? null,
      channelShots: [],
    },
    now,
  );
  const file = join(mkdtempSync(join(tmpdir(), 'moderera-bench-')), 'backup.json');
  writeFileSync(file, backup);

  buildTestExtension('chrome', true, OUT_DIR);
  const browser = await launchWithExtension({ extensionDir: `${OUT_DIR}/chrome-mv3` });
  try {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const restoreStart = Date.now();
    await options.locator('input[name="restore"]').setInputFiles(file);
    await options.waitForSelector('[data-restore-result]', { timeout: 300_000 });
    const restoreMs = Date.now() - restoreStart;
    const restored = await options.locator('[data-restore-result]').textContent();
    await options.close();

    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 480, height: 800 });
    await popupReady(page, popupUrl); // warm-up: first open compiles the page's code
    const today: number[] = [];
    for (let round = 0; round < ROUNDS; round++) today.push(await popupReady(page, popupUrl));
    const todayCount = await page.locator('.counts').getAttribute('data-total');

    const yearStart = addCalendarDays(stockholmDate(now), -Math.ceil(RECORDS / PER_DAY) - 1);
    const year: number[] = [];
    const csvStarted: number[] = [];
    const csvMarked: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await page.goto(popupUrl);
      await page.waitForSelector('.counts[data-total]');
      const shown = Date.now();
      await page.locator('input[name="from"]').fill(yearStart);
      await page.waitForSelector(`.counts[data-total="${RECORDS}"]`, { timeout: 60_000 });
      year.push(Date.now() - shown);

      const clicked = Date.now();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.locator('[data-action="export-csv"]').click(),
      ]);
      csvStarted.push(Date.now() - clicked);
      await page.waitForSelector('p.ok[role="status"]', { timeout: 60_000 });
      csvMarked.push(Date.now() - clicked);
      await download.delete();
    }

    console.log(`Records in the store: ${RECORDS} (${restored?.trim()})`);
    console.log(`Restore of the ${RECORDS}-record backup through options: ${restoreMs} ms`);
    console.log(
      `Popup open on today (${todayCount} records), navigation → rendered: median ${median(today).toFixed(0)} ms [${today.map((v) => v.toFixed(0)).join(', ')}]`,
    );
    console.log(
      `Popup showing all ${RECORDS} (date range changed → counts and first 100 rows): median ${median(year)} ms [${year.join(', ')}]`,
    );
    console.log(
      `CSV export of ${RECORDS}, click → download started: median ${median(csvStarted)} ms [${csvStarted.join(', ')}]`,
    );
    console.log(
      `CSV export of ${RECORDS}, click → all marked exported: median ${median(csvMarked)} ms [${csvMarked.join(', ')}]`,
    );
  } finally {
    await browser.close();
  }
}

await main();
