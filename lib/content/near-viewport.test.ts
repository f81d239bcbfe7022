// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createNearViewport, type NearViewportOptions, type NearViewportWindow } from './near-viewport';

/** A window 500 px tall whose frames, timers and scroll events the test runs. */
function fakeView() {
  const frames: (() => void)[] = [];
  const listeners = new Map<string, () => void>();
  const resized: { observed: Element[]; callback: () => void; disconnected: boolean }[] = [];
  class FakeResizeObserver {
    readonly state = { observed: [] as Element[], callback: () => {}, disconnected: false };
    constructor(callback: () => void) {
      this.state.callback = callback;
      resized.push(this.state);
    }
    observe(target: Element) {
      this.state.observed.push(target);
    }
    disconnect() {
      this.state.disconnected = true;
    }
  }
  const view = {
    innerHeight: 500,
    document,
    ResizeObserver: FakeResizeObserver,
    requestAnimationFrame: (run: () => void) => frames.push(run),
    setTimeout: (run: () => void) => run(),
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
    removeEventListener: (type: string, listener: () => void) => {
      if (listeners.get(type) === listener) listeners.delete(type);
    },
  } as unknown as NearViewportWindow;
  /** Renders the next frame: what was asked for after it runs. */
  const frame = () => {
    for (const run of frames.splice(0)) run();
  };
  const scroll = () => listeners.get('scroll')?.();
  /** The page changed height. */
  const resize = () => {
    for (const observer of resized)
      if (observer.observed.includes(document.documentElement)) observer.callback();
  };
  return { view, frame, scroll, resize, listeners, resized };
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

  it('draws at once what it cannot locate: an element with no box (hidden), or with no window', () => {
    const { near, drawn, drawer, frame } = setup();
    near.watch(placedHost(null).host, drawer('hidden'));
    frame();
    createNearViewport({ view: null, margin: 1 }).watch(placedHost(3000).host, drawer('no window'));
    expect(drawn).toEqual(['hidden', 'no window']);
  });

  it('forgets a host that left the page, and draws it when it is placed again and near', () => {
    const { near, drawn, drawer, frame } = setup();
    const left = placedHost(100);
    near.watch(left.host, drawer('left'));
    left.anchor.remove();
    frame();
    expect(drawn).toEqual([]);
    document.body.append(left.anchor);
    frame();
    expect(drawn).toEqual([]); // forgotten: coming back alone draws nothing
    near.watch(left.host, drawer('left'));
    frame();
    expect(drawn).toEqual(['left']);
  });

  it('looks again when the page changes height without scrolling (replies shown or hidden)', () => {
    const { near, drawn, drawer, frame, resize } = setup();
    const below = placedHost(2000);
    near.watch(below.host, drawer('below'));
    frame();
    expect(drawn).toEqual([]);
    below.moveTo(300);
    resize();
    frame();
    expect(drawn).toEqual(['below']);
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
    const { near, drawn, drawer, frame, listeners, resized } = setup({
      whenQuiet: (check) => waiting.push(check),
    });
    near.watch(placedHost(100).host, drawer('a'));
    frame();
    expect([...listeners.keys()].sort()).toEqual(['resize', 'scroll']);
    near.dispose();
    waiting[0]?.();
    expect(drawn).toEqual([]);
    expect(listeners.size).toBe(0);
    expect(resized.every((observer) => observer.disconnected)).toBe(true);
  });
});
