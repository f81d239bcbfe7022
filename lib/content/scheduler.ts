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
export function createSliceScheduler(
  work: SliceWork,
  budgetMs = 8,
  now: () => number = () => performance.now(),
  onSlice?: (start: number) => void,
): SliceScheduler {
  let pending = false;
  const channel = new MessageChannel();

  const runSlice = () => {
    pending = false;
    const start = now();
    const moreLeft = work(() => now() - start >= budgetMs);
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
