/**
 * Work that can wait (reporting the page's questions to the background, labelling comments
 * the page loads while it is scrolled) waits until the moderator has stopped scrolling. While
 * a long page scrolls, nearly every frame the page renders is already over 50 ms, so every
 * millisecond of ours in between makes it longer. One gate serves every such wait: each says
 * how long a pause it needs.
 */

/** Events that mean the moderator is scrolling the page (or one of its scrolling boxes). */
const SCROLLING_EVENTS = ['scroll', 'wheel', 'touchmove'] as const;

export interface QuietWait {
  /** How long nothing must have scrolled (ms). */
  quietMs: number;
  /** The longest `run` waits (ms), so that a moderator who never pauses still gets it. */
  maxWaitMs?: number;
}

export interface QuietGate {
  /** Runs `run` once nothing has scrolled for `wait.quietMs`, or once it has waited `wait.maxWaitMs`. */
  whenQuiet(run: () => void, wait: QuietWait): void;
  /** Stops listening; work still waiting, or handed over later, is dropped. */
  dispose(): void;
}

export interface QuietGateOptions {
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function createQuietGate(target: EventTarget, options: QuietGateOptions = {}): QuietGate {
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let lastScrollAt = Number.NEGATIVE_INFINITY;
  let disposed = false;
  const waiting = new Set<unknown>();
  const onScroll = () => {
    lastScrollAt = now();
  };
  const listening = { capture: true, passive: true };
  for (const type of SCROLLING_EVENTS) target.addEventListener(type, onScroll, listening);

  const attempt = (run: () => void, quietMs: number, until: number) => {
    if (disposed) return; // the content script was replaced: its work goes with it
    const wait = Math.min(lastScrollAt + quietMs, until) - now();
    if (wait <= 0) {
      run();
      return;
    }
    const timer = setTimer(() => {
      waiting.delete(timer);
      attempt(run, quietMs, until);
    }, wait);
    waiting.add(timer);
  };

  return {
    whenQuiet: (run, { quietMs, maxWaitMs = Number.POSITIVE_INFINITY }) =>
      attempt(run, quietMs, now() + maxWaitMs),
    dispose() {
      disposed = true;
      for (const type of SCROLLING_EVENTS) target.removeEventListener(type, onScroll, listening);
      for (const timer of waiting) clearTimer(timer);
      waiting.clear();
    },
  };
}
