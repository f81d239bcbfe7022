// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createNearViewport, type NearViewportOptions, type NearViewportWindow } from './near-viewport';

/** A window 500 px tall whose frames, timers and scroll events the test runs. */
function fakeView() {
  const frames: (() => void)[] = [];
  const listeners = new Map<string, () => void>();
  const view = {
    innerHeight: 500,
    requestAnimationFrame: (run: () => void) => frames.push(run),
    setTimeout: (run: () => void) => run(),
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
    removeEventListener: (type: string) => listeners.delete(type),
  } as unknown as NearViewportWindow;
  /** Renders the next frame: what was asked for after it runs. */
  const frame = () => {
    for (const run of frames.splice(0)) run();
  };
  const scroll = () => listeners.get('scroll')?.();
  return { view, frame, scroll, listeners };
}

/** A comment line, `top` px from the top of the viewport (0 × 0 for no box), with a host placed in it. */
function placedHost(top: number | null): { anchor: HTMLElement; host: Element; moveTo(top: number): void } {
  const anchor = document.createElement('span');
  const host = document.createElement('moderera-label');
  anchor.append(host);
  document.body.append(anchor);
  const moveTo = (to: number | null) => {
    anchor.getBoundingClientRect = () =>
      (to === null
        ? { top: 0, bottom: 0, width: 0, height: 0 }
        : { top: to, bottom: to + 20, width: 300, height: 20 }) as DOMRect;
  };
  moveTo(top);
  return { anchor, host, moveTo };
}

function setup(options: Partial<NearViewportOptions> = {}) {
  const page = fakeView();
  const drawn: string[] = [];
  const near = createNearViewport({ view: page.view, margin: 1, ...options });
  const drawer = (name: string) => () => drawn.push(name);
  return { ...page, near, drawn, drawer };
}

describe('badges drawn near the viewport', () => {
  beforeEach(() => document.body.replaceChildren());

  it('after the frame that put the hosts in, draws those within a viewport’s height of it', () => {
    const { near, drawn, drawer, frame } = setup();
    near.watch(placedHost(-490).host, drawer('above, near'));
    near.watch(placedHost(200).host, drawer('in view'));
    near.watch(placedHost(990).host, drawer('below, near'));
    near.watch(placedHost(-600).host, drawer('far above'));
    near.watch(placedHost(1100).host, drawer('far below'));
    expect(drawn).toEqual([]);
    frame();
    expect(drawn).toEqual(['above, near', 'in view', 'below, near']);
  });

  it('draws the rest as scrolling brings them near, once the page is quiet', () => {
    const waiting: (() => void)[] = [];
    const counts: number[] = [];
    const { near, drawn, drawer, frame, scroll } = setup({
      whenQuiet: (check) => waiting.push(check),
      onDrawn: (count) => counts.push(count),
    });
    const far = placedHost(3000);
    near.watch(far.host, drawer('far'));
    frame();
    for (const check of waiting.splice(0)) check();
    expect(drawn).toEqual([]);
    far.moveTo(400);
    scroll();
    scroll();
    frame();
    expect(waiting).toHaveLength(1); // one check, however many scroll events
    expect(drawn).toEqual([]);
    waiting[0]?.();
    expect(drawn).toEqual(['far']);
    expect(counts).toEqual([1]);
    scroll();
    frame();
    expect(waiting).toHaveLength(1); // nothing left to watch: scrolling asks for nothing
  });

  it('draws at once what it cannot locate: an element with no box, a host out of the page, no window', () => {
    const { near, drawn, drawer, frame } = setup();
    near.watch(placedHost(null).host, drawer('hidden'));
    near.watch(document.createElement('moderera-label'), drawer('loose'));
    frame();
    createNearViewport({ view: null, margin: 1 }).watch(placedHost(3000).host, drawer('no window'));
    expect(drawn).toEqual(['hidden', 'loose', 'no window']);
  });

  it('forgets a host whose label was taken off', () => {
    const { near, drawn, drawer, frame } = setup();
    const gone = placedHost(100);
    near.watch(gone.host, drawer('gone'));
    near.unwatch(gone.host);
    frame();
    expect(drawn).toEqual([]);
  });

  it('draws nothing more once disposed, and stops listening', () => {
    const waiting: (() => void)[] = [];
    const { near, drawn, drawer, frame, listeners } = setup({ whenQuiet: (check) => waiting.push(check) });
    near.watch(placedHost(100).host, drawer('a'));
    frame();
    near.dispose();
    waiting[0]?.();
    expect(drawn).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});
