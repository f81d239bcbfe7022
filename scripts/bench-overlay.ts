/**
 * `npm run bench:overlay`: what Moderera costs a heavy page. Two YouTube watch pages built from
 * the fixture's own thread markup — 2,000 comments at load, and the same page appending 200 more
 * in batches while it is scrolled, every comment with a text of its own — each loaded with the
 * extension (real host) and without it (a host no content script matches), alternately, in one
 * run. Prints the time until every comment is labelled, the longest main-thread task of ours,
 * and total blocking time with and without the extension. Figures are medians over the rounds.
 *
 * "All labelled" is timed from Moderera's start on the page, the evaluation of its content
 * script (which runs at document idle, after the page's own loading, which Moderera neither
 * causes nor can shorten; its imports, settings and lexicons come after and are counted), to
 * the end of the frame that shows the last label: the labeller, started with
 * `data-moderera-profile`, marks `moderera:painted` after each frame in which it placed labels
 * (hosts with their data attributes, on every comment), and the renderer `moderera:drawn-painted`
 * after each frame that drew the badges of comments near the viewport; the later of the two counts.
 * The time from navigation start, and when the polled DOM count got there, are printed too.
 *
 * Blocking time is printed three ways. From a Chromium trace of each load (every main-thread
 * task, rendering included, as Lighthouse counts it) is the one that counts. From long animation
 * frames (LoAF) it is close, but LoAF sometimes misses the page's first layout, its longest
 * frame, which swings the page's own figure between ~0.4 and ~2.3 s. From the Long Tasks API it
 * leaves out frames that run no script — exactly the frames in which labels go into the page.
 * A long task counts as ours when one of Moderera's marks falls in it (LoAF does not attribute
 * content scripts); the frames that put labels in are printed apart, since their cost is mostly
 * the page's own style, layout and paint.
 *
 * Two figures put the rest in proportion. While scrolling, blocking time is also counted from
 * the first scroll on, where the page's own appends are. And the load scenario measures a floor:
 * the frame that puts one empty element where each label goes, on the page without Moderera:
 * drawing every badge at once could cost no less (Moderera draws only those near the viewport).
 *
 * The extension is built into .output/bench (or taken from BENCH_EXTENSION_DIR, to compare
 * builds), so browser tests running meanwhile cannot rebuild it under the benchmark.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchWithExtension, ROOT } from '../test/support/browser';
import { fixtureHtml, PLAIN_FIXTURE_ORIGIN } from '../test/support/demo-pages';
import { blockingTime, traceTasks } from './lib/trace-tasks';

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
  // The data set has a few hundred texts; each comment gets its own (a number in brackets at
  // the end), as on a real page, so that no comment is labelled from a text already classified.
  const unique = (i: number, text = '') => `${text} (${i + 1})`;
  const threads = Array.from({ length: AT_LOAD }, (_, i) => thread(i, unique(i, texts[i % texts.length])));
  const later = Array.from({ length: APPENDED }, (_, i) =>
    thread(AT_LOAD + i, unique(AT_LOAD + i, texts[(i * 7) % texts.length])),
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
  const frames: { start: number; duration: number; blocking: number }[] = [];
  w.__longTasks = longTasks;
  w.__ourScripts = ourScripts;
  w.__frames = frames;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries() as unknown as {
        startTime: number;
        duration: number;
        blockingDuration: number;
        scripts: { sourceURL: string; duration: number }[];
      }[]) {
        frames.push({ start: frame.startTime, duration: frame.duration, blocking: frame.blockingDuration });
        for (const script of frame.scripts) {
          if (script.sourceURL.startsWith('chrome-extension://')) ourScripts.push(script.duration);
        }
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // no LoAF in this browser: the slice measures still say how long our tasks are
  }
};

/**
 * The labeller's own marks, between the content script's evaluation and the frame that showed
 * the last of the labels at load: what the time to all labelled is made of.
 */
interface Breakdown {
  /** From the evaluation to the labeller's start. */
  startupMs: number;
  /** Of that: from asking for the labelling script (and the settings) until it ran. */
  importMs: number;
  /** Compiling the lexicons in the page, in tasks of their own: 0 when the background classifies. */
  lexiconMs: number;
  /** Reading and rendering labels: the slices, and how many. */
  sliceMs: number;
  slices: number;
  /** Requests to classify (the background answers them, off the page's main thread) and the slowest answer. */
  classifyRequests: number;
  slowestAnswerMs: number;
  /** The frames that put labels in, and their length (rendering included), from long-animation-frame entries. */
  placingFrames: number;
  placingFrameMs: number;
}

interface Run {
  /** From navigation start until the polled count of labels reached every comment. */
  labelledMs: number | null;
  /** From Moderera's start on the page (document idle) until the polled count got there. */
  sinceStartMs: number | null;
  /** From Moderera's start until the frame showing the last of the labels was done. */
  paintedSinceStartMs: number | null;
  /** Where the time from the content script's evaluation to all painted went (null without Moderera). */
  breakdown: Breakdown | null;
  /** From the last appended batch until its labels were shown (painted, else polled). */
  afterAppendMs: number | null;
  /** While scrolling: placements of labels in a frame of their own, and ones that shared the page's. */
  ownPlacingFrames: number;
  /** While scrolling: batches of badges drawn as their comments came near the viewport. */
  drawBatches: number;
  rodeAlong: number;
  /** Main-thread time from the first scroll until the last labels were shown (the same wait without). */
  scrollWork: MainThreadWork | null;
  /** Blocking time of the long animation frames from the first scroll on: the page's appends and our labels for them. */
  scrollBlockingMs: number | null;
  longestOursMs: number;
  /**
   * What the longest task of ours was: one of our measures by name (slice, classifier-step,
   * mutations), a script of ours in a long frame, or a long task holding marks of ours (named:
   * script-loaded is the content script's evaluation, labelling-script and classifier-script
   * the imported scripts', modules-requested the task that starts their import).
   */
  longestOursKind: string;
  /** The longest long task of all, ours or the page's (Long Tasks API: frames that run no script left out). */
  longestTaskMs: number;
  blockingMs: number;
  /** Blocking time of the tasks that began after DOMContentLoaded: the page's load left out. */
  afterLoadBlockingMs: number;
  /** Blocking time of long animation frames (script and rendering), for the whole page. */
  frameBlockingMs: number;
  /** The same after DOMContentLoaded. */
  frameBlockingAfterLoadMs: number;
  longestFrameMs: number;
  /** Blocking time of every main-thread task in a trace of the page (rendering included, none missed). */
  traceBlockingMs: number;
  /** The longest animation frame in which labels of ours went into the page (its rendering included). */
  longestPlacingFrameMs: number;
}

interface MainThreadWork {
  taskMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
}

/** The renderer's running totals of main-thread time, from Chromium's own counters. */
async function mainThreadWork(cdp: CDPSession): Promise<MainThreadWork> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return {
    taskMs: 1000 * seconds('TaskDuration'),
    scriptMs: 1000 * seconds('ScriptDuration'),
    styleMs: 1000 * seconds('RecalcStyleDuration'),
    layoutMs: 1000 * seconds('LayoutDuration'),
  };
}

async function measure(
  context: BrowserContext,
  url: string,
  expected: number,
  scroll: boolean,
): Promise<Run> {
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const cdp = await context.newCDPSession(page);
  const stopTrace = await traceTasks(cdp);
  await page.goto(url);
  // The page's first layout of 2,000 comments can outlast its load event by seconds; a trace
  // stopped before it ends would not hold it.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  // Counting the labels walks the whole page, so the count is polled only every 50 ms; the
  // labeller's own marks give the exact times.
  const labelled = (n: number) =>
    page
      .waitForFunction((count) => document.getElementsByTagName('moderera-label').length >= count, n, {
        timeout: 20_000,
        polling: 50,
      })
      .then(() => page.evaluate(() => performance.now()))
      .catch(() => null);
  const withExtension = url === LABELLED_URL;
  const labelledMs = withExtension ? await labelled(AT_LOAD) : null;
  let afterAppendMs: number | null = null;
  let ownPlacingFrames = 0;
  let drawBatches = 0;
  let rodeAlong = 0;
  let scrollWork: MainThreadWork | null = null;
  let scrollStart: number | null = null;
  if (scroll) {
    // Scrolling starts once the labels of the load are painted (the count in the DOM comes
    // a frame earlier), so that the figures from the first scroll on are those of the appends.
    if (withExtension)
      await page
        .waitForFunction(
          (count) =>
            performance
              .getEntriesByName('moderera:painted')
              .some((mark) => ((mark as PerformanceMark).detail as number) >= count),
          AT_LOAD,
          { timeout: 20_000, polling: 50 },
        )
        .catch(() => null);
    await page.waitForTimeout(300);
    await cdp.send('Performance.enable');
    const before = await mainThreadWork(cdp);
    scrollStart = await page.evaluate(() => performance.now());
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
      await page.waitForTimeout(300); // the frame after the last labels
      const lastAppend = await page.evaluate(() =>
        (window as unknown as { __appendedAt: number[] }).__appendedAt.at(-1),
      );
      const shown = (await paintedAt(expected)) ?? done;
      afterAppendMs = shown !== null && lastAppend !== undefined ? shown - lastAppend : null;
      [ownPlacingFrames, rodeAlong, drawBatches] = await page.evaluate(
        ([atLoad, since]) => {
          const later = performance
            .getEntriesByName('moderera:placed')
            .filter((mark) => ((mark as PerformanceMark).detail as number) > atLoad).length;
          const along = performance.getEntriesByName('moderera:ride-along').length;
          const draws = performance
            .getEntriesByName('moderera:drawn')
            .filter((mark) => mark.startTime >= since);
          return [later - along, along, draws.length];
        },
        [AT_LOAD, scrollStart ?? 0] as const,
      );
    } else {
      await page.waitForTimeout(300);
    }
    const after = await mainThreadWork(cdp);
    scrollWork = {
      taskMs: after.taskMs - before.taskMs,
      scriptMs: after.scriptMs - before.scriptMs,
      styleMs: after.styleMs - before.styleMs,
      layoutMs: after.layoutMs - before.layoutMs,
    };
  }
  await page.waitForTimeout(1000);
  const traced = await stopTrace(url);
  const startedAt = await page.evaluate(
    () => performance.getEntriesByName('moderera:script-loaded')[0]?.startTime ?? null,
  );
  const sinceStartMs = labelledMs !== null && startedAt !== null ? labelledMs - startedAt : null;
  const painted = withExtension ? await paintedAt(AT_LOAD) : null;
  const paintedSinceStartMs = painted !== null && startedAt !== null ? painted - startedAt : null;
  const { placingFrames, ...result } = await page.evaluate((scrollStart) => {
    const w = window as unknown as {
      __longTasks: { start: number; duration: number }[];
      __ourScripts: number[];
      __frames: { start: number; duration: number; blocking: number }[];
    };
    // Every measure of ours times a task, except moderera:classify, which spans a request to the
    // background and its answer: the page's main thread is free meanwhile.
    const ourMeasures = performance
      .getEntriesByType('measure')
      .filter((entry) => entry.name.startsWith('moderera:') && entry.name !== 'moderera:classify');
    // A long task with one of these marks or measures in it is ours: the evaluation of the
    // content script and of the scripts it imports (their compile included, which no mark of
    // ours can time), the later start-up tasks, the labelling slices and the tasks that took in
    // answers to classify (reading and checking the reply is ours too). (Mutation callbacks
    // run inside the page's own tasks.)
    const ourTaskMarks = [
      'moderera:script-loaded',
      'moderera:modules-requested',
      'moderera:labelling-script',
      'moderera:classifier-script',
      'moderera:settings-loaded',
      'moderera:classifier-step',
      'moderera:slice',
      'moderera:answered',
    ];
    const ourPoints = performance
      .getEntries()
      .filter((entry) => ourTaskMarks.includes(entry.name))
      .map((entry) => ({ name: entry.name.slice(9), at: entry.startTime }));
    const ourLongTasks = w.__longTasks
      .map((task) => ({
        ...task,
        marks: ourPoints
          .filter((point) => point.at >= task.start && point.at <= task.start + task.duration)
          .map((point) => point.name),
      }))
      .filter((task) => task.marks.length > 0);
    // Which it was, too: a measure of ours (by its name), the content script's evaluation or another
    // script of ours in a long frame, or a long task holding a mark of ours.
    const longestOurs = [
      ...ourMeasures.map((entry) => ({ ms: entry.duration, kind: entry.name.slice(9) })),
      ...w.__ourScripts.map((ms) => ({ ms, kind: 'script of ours in a long frame' })),
      ...ourLongTasks.map((task) => ({
        ms: task.duration,
        kind: `long task holding ${[...new Set(task.marks)].join(', ')}`,
      })),
    ].reduce((longest, next) => (next.ms > longest.ms ? next : longest), { ms: 0, kind: 'none' });
    // Frames that put hosts in, or drew badges into them.
    const placedMarks = [
      ...performance.getEntriesByName('moderera:placed'),
      ...performance.getEntriesByName('moderera:drawn'),
    ];
    const placingFrames = w.__frames.filter((frame) =>
      placedMarks.some(
        (mark) => mark.startTime >= frame.start && mark.startTime <= frame.start + frame.duration,
      ),
    );
    const loaded =
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
        ?.domContentLoadedEventEnd ?? 0;
    return {
      // (no helper function here: the page cannot see the names the bundler gives them)
      blockingMs: w.__longTasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      afterLoadBlockingMs: w.__longTasks
        .filter((task) => task.start >= loaded)
        .reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      longestOursMs: longestOurs.ms,
      longestOursKind: longestOurs.kind,
      measures: Object.entries(
        ourMeasures.reduce<Record<string, number>>((max, entry) => {
          max[entry.name] = Math.round(Math.max(max[entry.name] ?? 0, entry.duration));
          return max;
        }, {}),
      ).map(([name, ms]) => `${name.slice(9)} ${ms}`),
      ours: ourLongTasks.map(
        (task) => `${Math.round(task.start - loaded)}+${Math.round(task.duration)} (${task.marks.join(' ')})`,
      ),
      longestTaskMs: Math.max(0, ...w.__longTasks.map((task) => task.duration)),
      // Long animation frames count rendering too, which the long-task entries leave out when
      // a frame runs no script of the page's: blocking time as input would feel it.
      frameBlockingMs: w.__frames.reduce((sum, frame) => sum + frame.blocking, 0),
      longestPlacingFrameMs: Math.max(0, ...placingFrames.map((frame) => frame.duration)),
      placingFrames: placingFrames.map((frame) => ({ start: frame.start, duration: frame.duration })),
      frameBlockingAfterLoadMs: w.__frames
        .filter((frame) => frame.start >= loaded)
        .reduce((sum, frame) => sum + frame.blocking, 0),
      scrollBlockingMs:
        scrollStart === null
          ? null
          : w.__frames
              .filter((frame) => frame.start >= scrollStart)
              .reduce((sum, frame) => sum + frame.blocking, 0),
      longestFrameMs: Math.max(0, ...w.__frames.map((frame) => frame.duration)),
      tasks: w.__longTasks.map((task) => `${Math.round(task.start - loaded)}+${Math.round(task.duration)}`),
      frames: w.__frames.map(
        (frame) =>
          `${Math.round(frame.start - loaded)}+${Math.round(frame.duration)}/${Math.round(frame.blocking)}`,
      ),
    };
  }, scrollStart);
  const breakdown = painted !== null ? await timeBreakdown(page, painted, placingFrames) : null;
  if (process.env.BENCH_DEBUG === '1')
    console.log(
      withExtension ? 'with' : 'without',
      `traced tasks over 50 ms ${traced.tasks
        .filter((task) => task.duration > 50)
        .map(
          (task) => `${Math.round(task.start - (traced.domContentLoaded ?? 0))}+${Math.round(task.duration)}`,
        )
        .join(' ')}`,
      `start ${startedAt}`,
      `tasks ${result.tasks.join(' ')}`,
      `ours ${result.ours.join(' ')}`,
      `longest ${result.measures.join(', ')}`,
      `frames ${result.frames.join(' ')}`,
    );
  await page.close();
  return {
    labelledMs,
    sinceStartMs,
    paintedSinceStartMs,
    breakdown,
    afterAppendMs,
    ownPlacingFrames,
    drawBatches,
    rodeAlong,
    scrollWork,
    ...result,
    traceBlockingMs: blockingTime(traced.tasks),
  };

  /**
   * When the frame showing the n-th label placed was done, from the labeller's marks, and the
   * frame showing the badges near the viewport that were drawn after it (a badge is drawn once
   * its comment is near the viewport: see lib/content/near-viewport.ts).
   */
  function paintedAt(n: number): Promise<number | null> {
    return page.evaluate((count) => {
      // (no helper function here: the page cannot see the names the bundler gives them)
      const [placed, painted] = ['moderera:placed', 'moderera:painted'].map((name) =>
        performance
          .getEntriesByName(name)
          .find((mark) => ((mark as PerformanceMark).detail as number) >= count),
      );
      if (!placed || !painted) return null;
      const drawn = performance
        .getEntriesByName('moderera:drawn')
        .find((mark) => mark.startTime >= placed.startTime) as PerformanceMark | undefined;
      const drawnPainted = drawn
        ? performance
            .getEntriesByName('moderera:drawn-painted')
            .find((mark) => (mark as PerformanceMark).detail === drawn.detail)
        : undefined;
      return Math.max(painted.startTime, drawnPainted?.startTime ?? 0);
    }, n);
  }
}

/** `placingFrames`: the long animation frames that put labels in. */
async function timeBreakdown(
  page: Page,
  painted: number,
  placingFrames: readonly { start: number; duration: number }[],
): Promise<Breakdown | null> {
  const marks = await page.evaluate((until) => {
    // (no helper function here: the page cannot see the names the bundler gives them)
    const [loaded, requested, labelling, start] = [
      'script-loaded',
      'modules-requested',
      'labelling-script',
      'start',
    ].map((name) => performance.getEntriesByName(`moderera:${name}`)[0]?.startTime);
    if (loaded === undefined || requested === undefined || labelling === undefined || start === undefined)
      return null;
    const steps = performance.getEntriesByName('moderera:classifier-step').filter((e) => e.startTime < until);
    const requests = performance.getEntriesByName('moderera:classify').filter((e) => e.startTime < until);
    const slices = performance
      .getEntriesByName('moderera:slice')
      .filter((e) => e.startTime >= start && e.startTime < until);
    return {
      start,
      startupMs: start - loaded,
      importMs: labelling - requested,
      lexiconMs: steps.reduce((sum, e) => sum + e.duration, 0),
      sliceMs: slices.reduce((sum, e) => sum + e.duration, 0),
      slices: slices.length,
      classifyRequests: requests.length,
      slowestAnswerMs: Math.max(0, ...requests.map((e) => e.duration)),
    };
  }, painted);
  if (!marks) return null;
  const { start, ...rest } = marks;
  const frames = placingFrames.filter(
    (frame) => frame.start + frame.duration >= start && frame.start < painted,
  );
  return {
    ...rest,
    placingFrames: frames.length,
    placingFrameMs: frames.reduce((sum, frame) => sum + frame.duration, 0),
  };
}

/**
 * The floor under badges drawn on every comment at once: the frame that puts one empty element
 * at each place the YouTube adapter puts a label (after the posted time, see its labelSlot), on
 * the page without Moderera.
 */
async function emptyElementsFrame(context: BrowserContext): Promise<{ frameMs: number; blockingMs: number }> {
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(PLAIN_URL);
  await page.waitForTimeout(1500);
  const { insertedAt, count } = await page.evaluate(async () => {
    const slots = document.querySelectorAll('ytd-comment-view-model #published-time-text');
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const at = performance.now();
    for (const slot of slots) slot.after(document.createElement('moderera-floor'));
    return { insertedAt: at, count: slots.length };
  });
  if (count !== AT_LOAD) throw new Error(`The floor found ${count} places for labels, not ${AT_LOAD}`);
  await page.waitForTimeout(1000);
  const frame = await page.evaluate((at) => {
    const frames = (
      window as unknown as { __frames: { start: number; duration: number; blocking: number }[] }
    ).__frames;
    const after = frames.filter((f) => f.start + f.duration >= at);
    return {
      frameMs: Math.max(0, ...after.map((f) => f.duration)),
      blockingMs: after.reduce((sum, f) => sum + f.blocking, 0),
    };
  }, insertedAt);
  await page.close();
  return frame;
}

/** The extension as the benchmark loads it, in a directory of its own. */
function buildForBench(): string {
  const given = process.env.BENCH_EXTENSION_DIR;
  if (given) return given;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'chrome'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, MODERERA_OUT_DIR: '.output/bench' },
  });
  return join(ROOT, '.output', 'bench', 'chrome-mv3');
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
};
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function main(): Promise<void> {
  const extensionDir = buildForBench();
  const scenarios = [
    { name: `${AT_LOAD} kommentarer vid laddning`, scroll: false, expected: AT_LOAD },
    { name: `${AT_LOAD} + ${APPENDED} under scrollning`, scroll: true, expected: AT_LOAD + APPENDED },
  ];
  // BENCH_ONLY=load or BENCH_ONLY=scroll runs one of the two.
  const only = process.env.BENCH_ONLY;
  for (const scenario of scenarios.filter((s) => !only || (only === 'scroll') === s.scroll)) {
    const html = benchPage(scenario.scroll);
    const pages = new Map([
      [LABELLED_URL, html],
      [PLAIN_URL, html],
    ]);
    const browser = await launchWithExtension({ extensionDir, extraPages: pages });
    const withRuns: Run[] = [];
    const withoutRuns: Run[] = [];
    const floors: { frameMs: number; blockingMs: number }[] = [];
    // One unmeasured load of each first, so neither side pays for a cold browser.
    await measure(browser.context, PLAIN_URL, scenario.expected, false);
    await measure(browser.context, LABELLED_URL, scenario.expected, false);
    // The order alternates, so that neither side is always the second load of the page. (The
    // page's own parsing still takes ~2x longer on the plain host than on the real one, in
    // either order: compare the figures after DOMContentLoaded.)
    for (let round = 0; round < ROUNDS; round++) {
      const measureWithout = async () =>
        withoutRuns.push(await measure(browser.context, PLAIN_URL, scenario.expected, scenario.scroll));
      const measureWith = async () =>
        withRuns.push(await measure(browser.context, LABELLED_URL, scenario.expected, scenario.scroll));
      if (!scenario.scroll) floors.push(await emptyElementsFrame(browser.context));
      if (round % 2 === 0) {
        await measureWithout();
        await measureWith();
      } else {
        await measureWith();
        await measureWithout();
      }
    }
    await browser.close();
    const labelled = withRuns.map((r) => r.labelledMs);
    if (labelled.some((ms) => ms === null))
      throw new Error(`${scenario.name}: not every comment was labelled`);
    const blockingWith = median(withRuns.map((r) => r.blockingMs));
    const blockingWithout = median(withoutRuns.map((r) => r.blockingMs));
    console.log(`\n${scenario.name} (median of ${ROUNDS})`);
    const share = (added: number, own: number) =>
      own > 0 ? ` (${((100 * added) / own).toFixed(1)} % of the page's own)` : " (the page's own is 0)";
    console.log(
      `  alla märkta efter / all labelled after navigation start: ${fmt(median(labelled as number[]))}`,
    );
    console.log(
      `  alla i DOM efter att Moderera startat / in the DOM after Moderera started (polled): ${fmt(median(withRuns.map((r) => r.sinceStartMs ?? Number.NaN)))}`,
    );
    console.log(
      `  alla märkta och visade efter att Moderera startat / all labelled and painted after Moderera started: ${fmt(median(withRuns.map((r) => r.paintedSinceStartMs ?? Number.NaN)))}`,
    );
    const parts = withRuns.flatMap((r) => (r.breakdown ? [r.breakdown] : []));
    if (parts.length > 0) {
      const part = (key: keyof Breakdown) => median(parts.map((b) => b[key]));
      console.log(
        `    där tiden gick / where that time went (medians): start-up ${fmt(part('startupMs'))} (of which the import ${fmt(part('importMs'))}); ` +
          `lexicons compiled in the page ${fmt(part('lexiconMs'))}; labelling slices ${fmt(part('sliceMs'))} in ${part('slices').toFixed(0)}; ` +
          `${part('classifyRequests').toFixed(0)} requests to classify, the slowest answered in ${fmt(part('slowestAnswerMs'))}; ` +
          `placing frames ${part('placingFrames').toFixed(0)}, ${fmt(part('placingFrameMs'))} in all (the rest: the page's own tasks and frames)`,
      );
    }
    if (scenario.scroll) {
      console.log(
        `  sista tillagda märkta efter / last appended batch labelled after: ${fmt(median(withRuns.map((r) => r.afterAppendMs ?? Number.NaN)))}`,
      );
      const work = (runs: Run[], key: keyof MainThreadWork) =>
        fmt(median(runs.map((r) => r.scrollWork?.[key] ?? Number.NaN)));
      console.log(
        `  huvudtrådens tid under scrollningen utan / med, main-thread time while scrolling without / with: ${work(withoutRuns, 'taskMs')} / ${work(withRuns, 'taskMs')} (script ${work(withoutRuns, 'scriptMs')} / ${work(withRuns, 'scriptMs')}, style ${work(withoutRuns, 'styleMs')} / ${work(withRuns, 'styleMs')}, layout ${work(withoutRuns, 'layoutMs')} / ${work(withRuns, 'layoutMs')})`,
      );
      const scrollBlocking = (runs: Run[]) => median(runs.map((r) => r.scrollBlockingMs ?? Number.NaN));
      const [scrollWithout, scrollWith] = [scrollBlocking(withoutRuns), scrollBlocking(withRuns)];
      console.log(
        `  total blocking time under scrollningen utan / med, while scrolling without / with (long animation frames from the first scroll on): ${fmt(scrollWithout)} / ${fmt(scrollWith)}, added ${fmt(scrollWith - scrollWithout)}${share(scrollWith - scrollWithout, scrollWithout)}`,
      );
      console.log(
        `  egna placeringsbildrutor för ${APPENDED / BATCH} tillagda omgångar / placing frames of our own for ${APPENDED / BATCH} appended batches: ${median(withRuns.map((r) => r.ownPlacingFrames))} (${median(withRuns.map((r) => r.rodeAlong))} placements shared the page's own frame); batches of badges drawn near the viewport from the first scroll on: ${median(withRuns.map((r) => r.drawBatches))}`,
      );
    }
    console.log(
      `  längsta egna uppgift / longest task of ours (script): ${fmt(median(withRuns.map((r) => r.longestOursMs)))} (per round: ${withRuns.map((r) => `${fmt(r.longestOursMs)} ${r.longestOursKind}`).join(', ')})`,
    );
    console.log(
      `  längsta bildruta där våra etiketter sattes in / longest frame that put labels of ours in (its rendering included): ${fmt(median(withRuns.map((r) => r.longestPlacingFrameMs)))}`,
    );
    console.log(
      `  längsta uppgift alls utan / med, longest task of all without / with (Long Tasks API, rendering-only frames not included): ${fmt(median(withoutRuns.map((r) => r.longestTaskMs)))} / ${fmt(median(withRuns.map((r) => r.longestTaskMs)))}`,
    );
    const traceWith = median(withRuns.map((r) => r.traceBlockingMs));
    const traceWithout = median(withoutRuns.map((r) => r.traceBlockingMs));
    console.log(
      `  total blocking time utan / med, without / with Moderera (trace: every main-thread task, rendering included): ${fmt(traceWithout)} / ${fmt(traceWith)}, tillagd / added ${fmt(traceWith - traceWithout)}${share(traceWith - traceWithout, traceWithout)}`,
    );
    // Each round loads the page without and with Moderera one after the other, so the difference
    // within a round is less exposed to the machine's slower and faster spells than the medians.
    const paired = withRuns.map((run, i) => {
      const own = withoutRuns[i]?.traceBlockingMs ?? Number.NaN;
      return { added: run.traceBlockingMs - own, share: (100 * (run.traceBlockingMs - own)) / own };
    });
    console.log(
      `    tillagd per omgång / added per round (trace): ${paired.map((p) => `${fmt(p.added)} (${p.share.toFixed(1)} %)`).join(', ')}; median ${fmt(median(paired.map((p) => p.added)))} (${median(paired.map((p) => p.share)).toFixed(1)} %)`,
    );
    // Long animation frames count script and rendering; the Long Tasks API leaves out frames
    // that run no script, which are where labels going into the page cost the most.
    const framesWith = median(withRuns.map((r) => r.frameBlockingMs));
    const framesWithout = median(withoutRuns.map((r) => r.frameBlockingMs));
    console.log(
      `  total blocking time utan / med, without / with Moderera (long animation frames: script and rendering): ${fmt(framesWithout)} / ${fmt(framesWith)}, tillagd / added ${fmt(framesWith - framesWithout)}${share(framesWith - framesWithout, framesWithout)}`,
    );
    const framesAfterWith = median(withRuns.map((r) => r.frameBlockingAfterLoadMs));
    const framesAfterWithout = median(withoutRuns.map((r) => r.frameBlockingAfterLoadMs));
    console.log(
      `    efter DOMContentLoaded / after DOMContentLoaded: ${fmt(framesAfterWithout)} / ${fmt(framesAfterWith)}, added ${fmt(framesAfterWith - framesAfterWithout)}${share(framesAfterWith - framesAfterWithout, framesWithout)}`,
    );
    // Moderera starts after DOMContentLoaded, so this share leaves out the page's parse and first
    // layout, which swing the totals by hundreds of ms between loads; it is the steadiest figure.
    console.log(
      `    tillagd efter DOMContentLoaded per omgång / added after DOMContentLoaded per round (long animation frames): ${withRuns.map((run, i) => fmt(run.frameBlockingAfterLoadMs - (withoutRuns[i]?.frameBlockingAfterLoadMs ?? Number.NaN))).join(', ')}`,
    );
    console.log(
      `  total blocking time, endast långa uppgifter / long tasks only (Long Tasks API: script tasks and frames that run script): ${fmt(blockingWithout)} / ${fmt(blockingWith)}, added ${fmt(blockingWith - blockingWithout)}${share(blockingWith - blockingWithout, blockingWithout)}`,
    );
    // The page's own loading (parsing 2,000 comments) varies by hundreds of ms between loads
    // and happens before Moderera starts: compared after DOMContentLoaded, the noise is gone.
    const afterWith = median(withRuns.map((r) => r.afterLoadBlockingMs));
    const afterWithout = median(withoutRuns.map((r) => r.afterLoadBlockingMs));
    console.log(
      `    efter DOMContentLoaded / after DOMContentLoaded: ${fmt(afterWithout)} / ${fmt(afterWith)}, added ${fmt(afterWith - afterWithout)}${share(afterWith - afterWithout, afterWithout)}`,
    );
    console.log(
      `  längsta bildruta utan / med, longest animation frame without / with: ${fmt(median(withoutRuns.map((r) => r.longestFrameMs)))} / ${fmt(median(withRuns.map((r) => r.longestFrameMs)))}`,
    );
    if (floors.length > 0) {
      const floorBlocking = median(floors.map((f) => f.blockingMs));
      console.log(
        `  golv / floor: ${AT_LOAD} tomma element där etiketterna står, utan Moderera / ${AT_LOAD} empty elements where the labels go, without Moderera: frame ${fmt(median(floors.map((f) => f.frameMs)))}, blocking ${fmt(floorBlocking)}${share(floorBlocking, traceWithout)}`,
      );
    }
  }
}

if (process.env.BENCH_NO_MAIN !== '1')
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
