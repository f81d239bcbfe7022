/**
 * `npm run bench:overlay`: what Moderera costs a heavy page. Two YouTube watch pages built from
 * the fixture's own thread markup — 2,000 comments at load, and the same page appending 200 more
 * in batches while it is scrolled — each loaded with the extension (real host) and without it
 * (a host no content script matches), alternately, in one run. Prints the time until every
 * comment is labelled, the longest main-thread task of ours, and total blocking time with and
 * without the extension. Figures are medians over the rounds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchWithExtension, ROOT } from '../test/support/browser';
import { buildTestExtension } from '../test/support/build';
import { fixtureHtml, PLAIN_FIXTURE_ORIGIN } from '../test/support/demo-pages';

const AT_LOAD = 2000;
const APPENDED = 200;
const BATCH = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LABELLED_URL = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&bench=1';
const PLAIN_URL = `${PLAIN_FIXTURE_ORIGIN}/bench/overlay.html`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function commentTexts(): string[] {
  return readFileSync(join(ROOT, '..', 'shared', 'data', 'dev-comments.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

/** The first thread of the Swedish fixture, with its id, author and text as placeholders. */
function threadTemplate(fixture: string): (i: number, text: string) => string {
  const match = fixture.match(/<ytd-comment-thread-renderer[\s\S]*?<\/ytd-comment-thread-renderer>/);
  if (!match) throw new Error('The YouTube fixture has no comment thread to copy');
  const thread = match[0];
  const id = thread.match(/lc=([\w-]+)/)?.[1];
  const author = thread.match(/href="\/(@[\w.-]+)"/)?.[1];
  const text = thread.match(
    /(<span class="yt-core-attributed-string[^"]*" dir="auto" role="text">)[\s\S]*?(<\/span><\/yt-attributed-string>)/,
  );
  if (!id || !author || !text)
    throw new Error('The YouTube fixture thread changed shape; update the benchmark');
  return (i, commentText) =>
    thread
      .replaceAll(id, `UgzBench${String(i).padStart(6, '0')}AaABAg`)
      .replaceAll(author, `@bench${i}`)
      .replace(text[0], `${text[1]}${escapeHtml(commentText)}${text[2]}`);
}

export function benchPage(appendWhileScrolling: boolean): string {
  const fixture = fixtureHtml('youtube/sv.html');
  const thread = threadTemplate(fixture);
  const texts = commentTexts();
  const threads = Array.from({ length: AT_LOAD }, (_, i) => thread(i, texts[i % texts.length] ?? ''));
  const later = Array.from({ length: APPENDED }, (_, i) =>
    thread(AT_LOAD + i, texts[(i * 7) % texts.length] ?? ''),
  );
  const appender = appendWhileScrolling
    ? `<script>
  (() => {
    const later = ${JSON.stringify(later)};
    const contents = document.querySelector('#contents');
    window.__appendedAt = [];
    let next = 0;
    addEventListener('scroll', () => {
      if (next >= later.length || scrollY + innerHeight < document.body.scrollHeight - 2000) return;
      const batch = document.createElement('template');
      batch.innerHTML = later.slice(next, next + ${BATCH}).join('');
      contents.append(batch.content);
      next += ${BATCH};
      window.__appendedAt.push(performance.now());
    }, { passive: true });
  })();
</script>`
    : '';
  const withThreads = fixture.replace(
    /(<div id="contents"[^>]*>)[\s\S]*?(<\/div>\s*<\/ytd-item-section-renderer>)/,
    (_m, open: string, close: string) => `${open}${threads.join('\n')}${close}`,
  );
  if (withThreads === fixture) throw new Error('Could not find the comment list in the YouTube fixture');
  return withThreads.replace('<html', '<html data-moderera-profile').replace('</body>', `${appender}</body>`);
}

/** Observers installed before the page's own scripts: long tasks and long animation frames. */
const OBSERVE = () => {
  const w = window as unknown as Record<string, unknown>;
  const longTasks: { start: number; duration: number }[] = [];
  const ourScripts: number[] = [];
  w.__longTasks = longTasks;
  w.__ourScripts = ourScripts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries() as unknown as {
        scripts: { sourceURL: string; duration: number }[];
      }[]) {
        for (const script of frame.scripts) {
          if (script.sourceURL.startsWith('chrome-extension://')) ourScripts.push(script.duration);
        }
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // no LoAF in this browser: the slice measures still say how long our tasks are
  }
};

interface Run {
  labelledMs: number | null;
  /** From Moderera's start on the page (document idle) until every comment is labelled. */
  sinceStartMs: number | null;
  afterAppendMs: number | null;
  longestOursMs: number;
  blockingMs: number;
}

async function measure(
  context: BrowserContext,
  url: string,
  expected: number,
  scroll: boolean,
): Promise<Run> {
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(url);
  const labelled = (n: number) =>
    page
      .waitForFunction((count) => document.getElementsByTagName('moderera-label').length >= count, n, {
        timeout: 20_000,
        polling: 16,
      })
      .then(() => page.evaluate(() => performance.now()))
      .catch(() => null);
  const withExtension = url === LABELLED_URL;
  const labelledMs = withExtension ? await labelled(AT_LOAD) : null;
  let afterAppendMs: number | null = null;
  if (scroll) {
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(50);
      const appended = await page.evaluate(
        () => (window as unknown as { __appendedAt: number[] }).__appendedAt.length,
      );
      if (appended * BATCH >= APPENDED) break;
    }
    if (withExtension) {
      const done = await labelled(expected);
      const lastAppend = await page.evaluate(() =>
        (window as unknown as { __appendedAt: number[] }).__appendedAt.at(-1),
      );
      afterAppendMs = done !== null && lastAppend !== undefined ? done - lastAppend : null;
    }
  }
  await page.waitForTimeout(1000);
  const startedAt = await page.evaluate(
    () => performance.getEntriesByName('moderera:start')[0]?.startTime ?? null,
  );
  const sinceStartMs = labelledMs !== null && startedAt !== null ? labelledMs - startedAt : null;
  const result = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { duration: number }[]; __ourScripts: number[] };
    const slices = performance
      .getEntriesByType('measure')
      .filter((entry) => entry.name.startsWith('moderera:'))
      .map((entry) => entry.duration);
    return {
      blockingMs: w.__longTasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      longestOursMs: Math.max(0, ...slices, ...w.__ourScripts),
    };
  });
  await page.close();
  return { labelledMs, sinceStartMs, afterAppendMs, ...result };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
};
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function main(): Promise<void> {
  buildTestExtension('chrome', true);
  const scenarios = [
    { name: `${AT_LOAD} kommentarer vid laddning`, scroll: false, expected: AT_LOAD },
    { name: `${AT_LOAD} + ${APPENDED} under scrollning`, scroll: true, expected: AT_LOAD + APPENDED },
  ];
  for (const scenario of scenarios) {
    const html = benchPage(scenario.scroll);
    const pages = new Map([
      [LABELLED_URL, html],
      [PLAIN_URL, html],
    ]);
    const browser = await launchWithExtension({ extraPages: pages });
    const withRuns: Run[] = [];
    const withoutRuns: Run[] = [];
    // One unmeasured load of each first, so neither side pays for a cold browser.
    await measure(browser.context, PLAIN_URL, scenario.expected, false);
    await measure(browser.context, LABELLED_URL, scenario.expected, false);
    for (let round = 0; round < ROUNDS; round++) {
      withoutRuns.push(await measure(browser.context, PLAIN_URL, scenario.expected, scenario.scroll));
      withRuns.push(await measure(browser.context, LABELLED_URL, scenario.expected, scenario.scroll));
    }
    await browser.close();
    const labelled = withRuns.map((r) => r.labelledMs);
    if (labelled.some((ms) => ms === null))
      throw new Error(`${scenario.name}: not every comment was labelled`);
    const blockingWith = median(withRuns.map((r) => r.blockingMs));
    const blockingWithout = median(withoutRuns.map((r) => r.blockingMs));
    console.log(`\n${scenario.name} (median of ${ROUNDS})`);
    console.log(
      `  alla märkta efter / all labelled after navigation start: ${fmt(median(labelled as number[]))}`,
    );
    console.log(
      `  alla märkta efter att Moderera startat / after Moderera started: ${fmt(median(withRuns.map((r) => r.sinceStartMs ?? Number.NaN)))}`,
    );
    if (scenario.scroll) {
      console.log(
        `  sista tillagda märkta efter / last appended batch labelled after: ${fmt(median(withRuns.map((r) => r.afterAppendMs ?? Number.NaN)))}`,
      );
    }
    console.log(
      `  längsta egna uppgift / longest task of ours: ${fmt(median(withRuns.map((r) => r.longestOursMs)))}`,
    );
    console.log(`  total blocking time utan / without Moderera: ${fmt(blockingWithout)}`);
    console.log(`  total blocking time med / with Moderera: ${fmt(blockingWith)}`);
    const added = blockingWith - blockingWithout;
    const share =
      blockingWithout > 0 ? ` (${((100 * added) / blockingWithout).toFixed(1)} % of the page's own)` : '';
    console.log(`  tillagd blocking time / added: ${fmt(added)}${share}`);
  }
}

if (process.env.BENCH_NO_MAIN !== '1')
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
