/**
 * Main-thread tasks of one page, read from a Chromium trace: the same source Lighthouse computes
 * total blocking time from. Unlike the page's own observers, a trace misses no frame (long
 * animation frames sometimes leave out the page's first, longest layout) and counts frames that
 * run no script (which the Long Tasks API leaves out).
 */
import type { CDPSession } from 'playwright-core';

export interface TraceTask {
  /** Milliseconds on the trace clock. */
  start: number;
  duration: number;
}

export interface PageTasks {
  tasks: TraceTask[];
  /** When DOMContentLoaded was marked, on the same clock; null if the trace has no mark. */
  domContentLoaded: number | null;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; beginData?: { url?: string } };
}

/**
 * What a top-level task is called in traces: Chromium emits both names for the same task (the
 * nesting check counts it once). Not `ThreadControllerImpl::DoWork`, which spans several tasks.
 */
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Starts tracing; the returned function stops it and gives the tasks of the page at `url`. */
export async function traceTasks(cdp: CDPSession): Promise<(url: string) => Promise<PageTasks>> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => events.push(...(data.value as unknown as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline',
    transferMode: 'ReportEvents',
  });
  return async (url) => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return pageTasks(events, url);
  };
}

/** The top-level tasks of the renderer thread that parsed `url`. */
export function pageTasks(events: readonly TraceEvent[], url: string): PageTasks {
  const parse = events.find((event) => event.name === 'ParseHTML' && event.args?.beginData?.url === url);
  if (!parse) throw new Error(`The trace has no parsing of ${url}`);
  const onThread = events.filter((event) => event.pid === parse.pid && event.tid === parse.tid);
  const tasks: TraceTask[] = [];
  let openUntil = Number.NEGATIVE_INFINITY;
  for (const event of onThread
    .filter((e) => TASK_NAMES.has(e.name) && e.ph === 'X' && e.dur !== undefined)
    // A task and the one nested in it can start at the same microsecond: the longer is the outer.
    .sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number))) {
    if (event.ts < openUntil) continue; // nested in a task already counted
    const duration = (event.dur as number) / 1000;
    tasks.push({ start: event.ts / 1000, duration });
    openUntil = event.ts + (event.dur as number);
  }
  if (tasks.length === 0) throw new Error(`The trace has no tasks on the thread that parsed ${url}`);
  const dcl = onThread.find((event) => event.name === 'MarkDOMContent');
  return { tasks, domContentLoaded: dcl ? dcl.ts / 1000 : null };
}

/** Total blocking time: what each task took beyond 50 ms, summed. */
export function blockingTime(tasks: readonly TraceTask[]): number {
  return tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
}
