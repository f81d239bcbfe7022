import { describe, expect, it } from 'vitest';
import { blockingTime, pageTasks } from '../../scripts/lib/trace-tasks';

const URL_A = 'https://www.youtube.com/watch?v=a';
const task = (pid: number, tid: number, ts: number, dur: number) => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  pid,
  tid,
  ts: ts * 1000,
  dur: dur * 1000,
});

describe('tasks of a page from a trace', () => {
  const parse = {
    name: 'ParseHTML',
    ph: 'X',
    pid: 7,
    tid: 1,
    ts: 0,
    dur: 5,
    args: { beginData: { url: URL_A } },
  };
  const events = [
    parse,
    task(7, 1, 10, 2), // nested in the next, starting with it: listed first on purpose
    task(7, 1, 10, 120),
    task(7, 1, 20, 30), // nested in the one before: not a task of its own
    task(7, 1, 200, 40),
    task(7, 1, 300, 75),
    task(8, 1, 10, 900), // another renderer: another page
    task(7, 2, 10, 900), // another thread of the same renderer
    { name: 'MarkDOMContent', ph: 'R', pid: 7, tid: 1, ts: 150_000 },
  ];

  it('takes the top-level tasks of the thread that parsed the page, nested ones once', () => {
    const { tasks, domContentLoaded } = pageTasks(events, URL_A);
    expect(tasks).toEqual([
      { start: 10, duration: 120 },
      { start: 200, duration: 40 },
      { start: 300, duration: 75 },
    ]);
    expect(domContentLoaded).toBe(150);
  });

  it('counts what each task took beyond 50 ms', () => {
    expect(blockingTime(pageTasks(events, URL_A).tasks)).toBe(70 + 0 + 25);
  });

  it('takes a task under either of its two names once, and not the span of several', () => {
    const renamed = [
      parse,
      { ...task(7, 1, 10, 120), name: 'RunTask' },
      task(7, 1, 10, 120), // the same task under its other name
      { ...task(7, 1, 300, 75), name: 'RunTask' },
      { ...task(7, 1, 290, 200), name: 'ThreadControllerImpl::DoWork' }, // several tasks, not one
    ];
    expect(pageTasks(renamed, URL_A).tasks).toEqual([
      { start: 10, duration: 120 },
      { start: 300, duration: 75 },
    ]);
  });

  it("refuses a trace with no tasks on the page's thread rather than count 0 ms", () => {
    expect(() => pageTasks([parse], URL_A)).toThrow(/no tasks/);
  });

  it('says so when the page is not in the trace', () => {
    expect(() => pageTasks(events, 'https://example.org/')).toThrow(/no parsing of https:\/\/example.org\//);
  });
});
