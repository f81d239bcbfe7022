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
  /**
   * When a slice stops taking new items; well under the 50 ms that makes a task a long task,
   * because the item in hand still finishes (one comment took up to 20 ms in bench:overlay's
   * loads, where the first ones are classified by code not yet optimised, on 2 busy cores).
   */
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
    budgetMs = 20,
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

/**
 * Runs `step` until it returns false, as many steps per slice as fit in the budget (a step is
 * never cut short), each slice a task of its own; resolves when done.
 */
export function runInTasks(step: () => boolean, options: SliceOptions = {}): Promise<void> {
  return new Promise((resolve) => {
    const scheduler = createSliceScheduler(
      (deadline) => {
        do {
          if (!step()) {
            resolve();
            return false;
          }
        } while (!deadline());
        return true;
      },
      { budgetMs: 12, ...options },
    );
    scheduler.request();
  });
}

/** Resolves in a task of its own, once the tasks queued before it have run. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
