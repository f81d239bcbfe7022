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
