/**
 * Draws a label's badge only once its comment comes near the viewport.
 *
 * Every comment carries its `<moderera-label>` host (with its data attributes) from the start,
 * but an empty host (`display: contents`, nothing in its shadow root) makes no box: putting
 * 2,000 of them into a page costs a style pass and no layout. A drawn badge costs layout,
 * pre-paint and ~3 KB of the page's garbage-collected heap each, so the page pays for the
 * few dozen the moderator can see, and for the rest as they come into view.
 *
 * Where the hosts are is read only when the page is quiet: after the frame that put them in,
 * and once scrolling has paused (`whenQuiet`) or the page has changed height (replies shown or
 * hidden), one `getBoundingClientRect` per waiting host (an empty host has no box: the element
 * it stands in is read). Not an IntersectionObserver: with 2,000 targets it made every frame of
 * a scroll longer. A host whose element has no box (hidden) is drawn at once, which costs no
 * layout; one no longer in the page is forgotten (the labeller says when it is placed again).
 * Once drawn, a badge stays.
 *
 * Until then a badge is not in the page's accessibility tree nor in its tab order: keyboard and
 * screen-reader users reach it once the page has scrolled to its comment (focus scrolls it).
 */

export interface NearViewport {
  /** Calls `draw` once the host, which is in the page, is near the viewport (at once if that cannot be told). */
  watch(host: Element, draw: () => void): void;
  /** Forgets the host: its label was taken off. */
  unwatch(host: Element): void;
  /** Stops watching altogether. */
  dispose(): void;
}

/** What of the window is used; null draws every badge at once. */
export type NearViewportWindow = Pick<
  Window,
  'innerHeight' | 'requestAnimationFrame' | 'setTimeout' | 'addEventListener' | 'removeEventListener'
> & { document: Pick<Document, 'documentElement'>; ResizeObserver?: typeof ResizeObserver };

export interface NearViewportOptions {
  view: NearViewportWindow | null;
  /** How far above and below the viewport still counts as near it, in viewport heights. */
  margin: number;
  /** Runs `check` when the page is quiet; without it, at once. */
  whenQuiet?: (check: () => void) => void;
  /** Told how many badges were drawn, after each batch (for benchmarks). */
  onDrawn?: (count: number) => void;
}

/** Events after which hosts may have come near the viewport. */
const MOVING_EVENTS = ['scroll', 'resize'] as const;

export function createNearViewport(options: NearViewportOptions): NearViewport {
  const { view } = options;
  const watched = new Map<Element, () => void>();
  let checkPending = false;
  let disposed = false;
  const listening = { capture: true, passive: true };
  if (view) for (const type of MOVING_EVENTS) view.addEventListener(type, requestCheck, listening);
  // The page growing or shrinking moves comments into view without a scroll.
  const resizes = view?.ResizeObserver ? new view.ResizeObserver(() => requestCheck()) : null;
  if (view && resizes) resizes.observe(view.document.documentElement);

  /** A check after the next frame (its layout done), once the page is quiet. */
  function requestCheck(): void {
    if (checkPending || disposed || !view || watched.size === 0) return;
    checkPending = true;
    view.requestAnimationFrame(() =>
      view.setTimeout(() => {
        if (options.whenQuiet) options.whenQuiet(check);
        else check();
      }, 0),
    );
  }

  function check(): void {
    checkPending = false;
    if (disposed || !view) return;
    const top = -options.margin * view.innerHeight;
    const bottom = (1 + options.margin) * view.innerHeight;
    const near: (() => void)[] = [];
    for (const [host, draw] of watched) {
      if (!host.isConnected) {
        watched.delete(host);
        continue;
      }
      const rect = host.parentElement?.getBoundingClientRect();
      // No box (hidden): it cannot be located, and costs no layout drawn.
      const located = rect !== undefined && (rect.width > 0 || rect.height > 0);
      if (located && (rect.bottom < top || rect.top > bottom)) continue;
      watched.delete(host);
      near.push(draw);
    }
    for (const draw of near) draw();
    if (near.length > 0) options.onDrawn?.(near.length);
  }

  return {
    watch(host, draw) {
      if (!view || disposed) {
        draw();
        return;
      }
      watched.set(host, draw);
      requestCheck();
    },
    unwatch(host) {
      watched.delete(host);
    },
    dispose() {
      disposed = true;
      watched.clear();
      resizes?.disconnect();
      if (view) for (const type of MOVING_EVENTS) view.removeEventListener(type, requestCheck, listening);
    },
  };
}
