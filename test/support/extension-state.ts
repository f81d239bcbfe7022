/** Reads and writes the extension's own state from a test: its settings and its record store. */
import type { ExtensionBrowser } from './browser';

export async function storeSettings(browser: ExtensionBrowser, settings: unknown): Promise<void> {
  await browser.serviceWorker.evaluate(async (value) => {
    type Storage = { set(items: Record<string, unknown>): Promise<void> };
    const chromeApi = (globalThis as unknown as { chrome: { storage: { local: Storage } } }).chrome;
    await chromeApi.storage.local.set({ settings: value });
  }, settings);
}

export async function readSettings(browser: ExtensionBrowser): Promise<Record<string, unknown>> {
  return browser.serviceWorker.evaluate(async () => {
    type Storage = { get(key: string): Promise<Record<string, unknown>> };
    const chromeApi = (globalThis as unknown as { chrome: { storage: { local: Storage } } }).chrome;
    return (await chromeApi.storage.local.get('settings')).settings as Record<string, unknown>;
  });
}

/** Every entry of one object store in the extension's IndexedDB, read from one of its pages. */
export async function storedEntries(
  browser: ExtensionBrowser,
  storeName: 'records' | 'events',
): Promise<Record<string, unknown>[]> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const entries = await page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('moderera');
        // No database yet: do not create an empty one the extension would then have to upgrade.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve([]);
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
          request.onerror = () => reject(request.error);
        };
      }),
    storeName,
  );
  await page.close();
  return entries;
}

/** A record's screenshot as the extension stored it (bytes and media type), or null. */
export async function storedScreenshot(
  browser: ExtensionBrowser,
  recordId: string,
): Promise<{ type: string; bytes: Buffer } | null> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const stored = await page.evaluate(
    (id) =>
      new Promise<{ type: string; base64: string } | null>((resolve, reject) => {
        const open = indexedDB.open('moderera');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('screenshots').objectStore('screenshots').get(id);
          request.onerror = () => reject(request.error);
          request.onsuccess = async () => {
            const blob = (request.result as { blob: Blob } | undefined)?.blob;
            if (!blob) return resolve(null);
            const bytes = new Uint8Array(await blob.arrayBuffer());
            let binary = '';
            for (let i = 0; i < bytes.length; i += 0x8000) {
              binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            }
            resolve({ type: blob.type, base64: btoa(binary) });
          };
        };
      }),
    recordId,
  );
  await page.close();
  return stored && { type: stored.type, bytes: Buffer.from(stored.base64, 'base64') };
}
