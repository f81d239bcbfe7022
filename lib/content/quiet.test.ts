// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createQuietGate } from './quiet';

function fakeTimers() {
  let clock = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 0;
  return {
    now: () => clock,
    setTimer: (run: () => void, ms: number) => {
      const id = nextId++;
      timers.push({ at: clock + ms, run, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      timers = timers.filter((timer) => timer.id !== id);
    },
    /** Moves the clock on, running the timers that come due on the way. */
    advance(ms: number) {
      const until = clock + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        clock = due.at;
        due.run();
      }
      clock = until;
    },
    pending: () => timers.length,
  };
}

describe('quiet gate', () => {
  it('runs at once when nothing has scrolled', () => {
    const timers = fakeTimers();
    const gate = createQuietGate(window, timers);
    const ran: number[] = [];
    gate.whenQuiet(() => ran.push(timers.now()), { quietMs: 1000 });
    expect(ran).toEqual([0]);
    gate.dispose();
  });

  it('waits until nothing has scrolled for the quiet time, however long the scrolling goes on', () => {
    const timers = fakeTimers();
    const target = new EventTarget();
    const gate = createQuietGate(target, timers);
    const ran: number[] = [];
    timers.advance(5000);
    target.dispatchEvent(new Event('wheel'));
    gate.whenQuiet(() => ran.push(timers.now()), { quietMs: 1000 });
    expect(ran).toEqual([]);
    timers.advance(600);
    target.dispatchEvent(new Event('scroll')); // at 5,600
    timers.advance(600);
    target.dispatchEvent(new Event('touchmove')); // at 6,200
    timers.advance(900);
    expect(ran).toEqual([]);
    timers.advance(200);
    expect(ran).toEqual([7200]);
    gate.dispose();
  });

  it('serves waits for pauses of different lengths', () => {
    const timers = fakeTimers();
    const target = new EventTarget();
    const gate = createQuietGate(target, timers);
    const ran: string[] = [];
    timers.advance(5000);
    target.dispatchEvent(new Event('scroll'));
    gate.whenQuiet(() => ran.push(`long at ${timers.now()}`), { quietMs: 1000 });
    gate.whenQuiet(() => ran.push(`short at ${timers.now()}`), { quietMs: 200 });
    timers.advance(2000);
    expect(ran).toEqual(['short at 5200', 'long at 6000']);
    gate.dispose();
  });

  it('runs after its longest wait even while the scrolling goes on', () => {
    const timers = fakeTimers();
    const target = new EventTarget();
    const gate = createQuietGate(target, timers);
    const ran: string[] = [];
    timers.advance(5000);
    target.dispatchEvent(new Event('wheel'));
    gate.whenQuiet(() => ran.push(`capped at ${timers.now()}`), { quietMs: 200, maxWaitMs: 1000 });
    gate.whenQuiet(() => ran.push(`uncapped at ${timers.now()}`), { quietMs: 200 });
    for (let at = 5000; at < 7000; at += 100) {
      timers.advance(100);
      target.dispatchEvent(new Event('wheel'));
    }
    expect(ran).toEqual(['capped at 6000']);
    timers.advance(200);
    expect(ran).toEqual(['capped at 6000', 'uncapped at 7200']);
    gate.dispose();
  });

  it('hears scrolling inside the page (a scroll event does not bubble), and stops listening when disposed', () => {
    const timers = fakeTimers();
    document.body.innerHTML = '<div id="box"></div>';
    const gate = createQuietGate(window, timers);
    timers.advance(5000);
    document.getElementById('box')?.dispatchEvent(new Event('scroll', { bubbles: false }));
    const ran: number[] = [];
    gate.whenQuiet(() => ran.push(timers.now()), { quietMs: 1000 });
    expect(ran).toEqual([]);
    gate.dispose();
    expect(timers.pending()).toBe(0);
    timers.advance(2000);
    expect(ran).toEqual([]);
    gate.whenQuiet(() => ran.push(timers.now()), { quietMs: 1000 }); // handed over after the content script was replaced
    expect(ran).toEqual([]);
  });
});
