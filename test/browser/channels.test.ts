/**
 * Policy 1.6: the toolbar badge says when a channel's six-monthly screenshot is due, and the
 * popup, opened on the channel's page, takes the screenshot and keeps it like a record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser';
import { demoPage } from '../support/demo-pages';
import { storeSettings } from '../support/extension-state';

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  signature: { name: 'Maria Ek', title: 'kommunikatör', unit: 'Kommunikationsenheten' },
  channels: [
    {
      id: 'fb',
      name: 'Tyresö kommun på Facebook',
      url: 'https://www.facebook.com/tyresokommun',
      administrator: 'Maria Ek',
      substitute: 'Lisa Ek',
    },
  ],
};

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

const globalBadge = () =>
  browser.serviceWorker.evaluate(async () => {
    type Action = {
      getBadgeText(details: object): Promise<string>;
      getTitle(details: object): Promise<string>;
    };
    const chromeApi = (globalThis as unknown as { chrome: { action: Action } }).chrome;
    return { text: await chromeApi.action.getBadgeText({}), title: await chromeApi.action.getTitle({}) };
  });

describe('the six-monthly channel screenshot', () => {
  it('the badge asks for it, the popup on the channel page takes it, and the badge clears', async () => {
    expect((await globalBadge()).text).toBe('');
    await storeSettings(browser, SETTINGS);
    await expect.poll(async () => (await globalBadge()).text).toBe('BILD');
    expect((await globalBadge()).title).toContain('Tyresö kommun på Facebook');

    const page = await browser.context.newPage();
    await page.goto(demoPage('facebook-sv').url);
    await page.bringToFront();
    const popupOpened = browser.context.waitForEvent('page', (p) => p.url().includes('popup.html'));
    // The toolbar button cannot be clicked from a test: the popup page opens in a window of
    // its own, told which tab it is about.
    await browser.serviceWorker.evaluate(async () => {
      type Chrome = {
        tabs: { query(q: object): Promise<Array<{ id: number }>> };
        windows: { create(details: object): Promise<unknown> };
        runtime: { getURL(path: string): string };
      };
      const chromeApi = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [tab] = await chromeApi.tabs.query({ url: 'https://www.facebook.com/*' });
      await chromeApi.windows.create({
        url: chromeApi.runtime.getURL(`/popup.html?tab=${tab?.id}`),
        type: 'popup',
      });
    });
    const popup = await popupOpened;
    await popup.locator('[data-reminder="due"]').waitFor();
    await popup.locator('[data-action="capture-channel"]').click();
    await popup.locator('.reminder .ok').waitFor();
    await expect.poll(async () => (await globalBadge()).text).toBe('');
    const shots = await popup.evaluate(
      () =>
        new Promise<Array<{ channelId: string; sha256: string; size: number; type: string }>>(
          (resolve, reject) => {
            const open = indexedDB.open('moderera');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction('channelShots').objectStore('channelShots').getAll();
              request.onsuccess = () =>
                resolve(
                  request.result.map((shot: { channelId: string; sha256: string; blob: Blob }) => ({
                    channelId: shot.channelId,
                    sha256: shot.sha256,
                    size: shot.blob.size,
                    type: shot.blob.type,
                  })),
                );
            };
          },
        ),
    );
    expect(shots).toHaveLength(1);
    expect(shots[0]).toMatchObject({ channelId: 'fb', type: 'image/png' });
    expect(shots[0]?.size).toBeGreaterThan(1000);
  });
});
