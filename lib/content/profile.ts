/**
 * For benchmarks (scripts/bench-overlay.ts sets `data-moderera-profile` on the page): each task
 * of ours leaves a mark in it, so that long tasks of the page can be told from ours.
 */
export function isProfiling(doc: Document): boolean {
  return doc.documentElement.hasAttribute('data-moderera-profile');
}

/** Marks `moderera:<name>` when the page is profiled; does nothing otherwise. */
export function profileMarker(doc: Document): (name: string) => void {
  const profiling = isProfiling(doc);
  return (name) => {
    if (profiling) performance.mark(`moderera:${name}`);
  };
}
