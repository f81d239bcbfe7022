/**
 * Runs queued work in small slices so a page with thousands of comments stays responsive:
 * each slice stops after `budgetMs` and yields to the page before the next one.
 */

export interface SliceScheduler {
  /** Asks for `work` to run soon, once, however often this is called before it runs. */
  request(): void;
}

export type SliceWork = (deadline: () => boolean) => boolean;

/**
 * `work` processes items until `deadline()` says the slice is used up, and returns whether
 * anything is left; if so, another slice follows after yielding.
 */
export interface SliceOptions {
  /** The longest a slice may run; well under the 50 ms that makes a task a long task. */
  budgetMs?: number;
  /** A slice also ends after `inputYieldMs` when the user is typing or clicking. */
  inputYieldMs?: number;
  now?: () => number;
  inputPending?: () => boolean;
  onSlice?: (start: number) => void;
}

interface NavigatorScheduling {
  scheduling?: { isInputPending?: () => boolean };
}

function browserInputPending(): boolean {
  return (globalThis.navigator as NavigatorScheduling | undefined)?.scheduling?.isInputPending?.() ?? false;
}

export function createSliceScheduler(work: SliceWork, options: SliceOptions = {}): SliceScheduler {
  const {
    budgetMs = 30,
    inputYieldMs = 4,
    now = () => performance.now(),
    inputPending = browserInputPending,
    onSlice,
  } = options;
  let pending = false;
  const channel = new MessageChannel();

  const runSlice = () => {
    pending = false;
    const start = now();
    const moreLeft = work(() => {
      const elapsed = now() - start;
      return elapsed >= budgetMs || (elapsed >= inputYieldMs && inputPending());
    });
    onSlice?.(start);
    if (moreLeft) request();
  };
  channel.port1.onmessage = runSlice;

  function request(): void {
    if (pending) return;
    pending = true;
    // A message yields to the event loop without setTimeout's clamping to 4 ms after nesting.
    channel.port2.postMessage(null);
  }

  return { request };
}

export interface TaskRunOptions {
  /** A task ends once it has run this long (a step is never cut short). */
  budgetMs?: number;
  now?: () => number;
  /** Resolves in a later task, after the page has had its turn. */
  nextTask?: () => Promise<void>;
}

/** Runs `step` until it returns false, a few steps per task, yielding to the page between tasks. */
export async function runInTasks(step: () => boolean, options: TaskRunOptions = {}): Promise<void> {
  const { budgetMs = 12, now = () => performance.now(), nextTask = yieldToPage } = options;
  for (;;) {
    const start = now();
    let more = step();
    while (more && now() - start < budgetMs) more = step();
    if (!more) return;
    await nextTask();
  }
}

/**
 * Resolves in a task of its own, after what the page has queued. A message, not setTimeout:
 * timers are clamped after nesting and throttled to one a second in a background tab.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
