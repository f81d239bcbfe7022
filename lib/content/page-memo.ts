/**
 * Page-wide facts remembered for a short while per URL: long enough that labelling a thousand
 * comments searches the document once, short enough that a late-rendered title is picked up.
 */
export function createPageMemo(maxAgeMs = 2000, now: () => number = () => performance.now()) {
  let url = '';
  const entries = new Map<string, { value: unknown; at: number }>();
  return function memoFor(pageUrl: string) {
    if (pageUrl !== url) {
      url = pageUrl;
      entries.clear();
    }
    return <T>(key: string, compute: () => T): T => {
      const entry = entries.get(key);
      const time = now();
      if (entry && time - entry.at < maxAgeMs) return entry.value as T;
      const value = compute();
      entries.set(key, { value, at: time });
      return value;
    };
  };
}
