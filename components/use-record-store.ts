import { useEffect, useState } from 'preact/hooks';
import { openRecordStore, type RecordStore } from '../lib/store/store';

let opening: Promise<RecordStore> | null = null;

/** The page's one connection to the record store (extension pages share the extension's origin). */
export function recordStore(): Promise<RecordStore> {
  opening ??= openRecordStore().catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** Runs `load` against the store whenever `deps` change; exposes the result or the error. */
export function useStoreQuery<T>(
  load: (store: RecordStore) => Promise<T>,
  deps: readonly unknown[],
): { value: T | null; error: string | null; reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    recordStore()
      .then(load)
      .then(
        (result) => {
          if (current) {
            setValue(result);
            setError(null);
          }
        },
        (caught: unknown) => {
          if (current) setError(caught instanceof Error ? caught.message : String(caught));
        },
      );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  return { value, error, reload: () => setRound((n) => n + 1) };
}
