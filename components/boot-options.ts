import { browser, type PublicPath } from 'wxt/browser';
import type { BootOptions } from '../lib/content/boot';
import { nextTask } from '../lib/content/scheduler';
import type { ContentToBackground } from '../lib/messaging/messages';
import { SETTINGS_KEY } from '../lib/settings/key';
import { LABEL_CSS } from './label-styles';

/** The browser's side of lib/content/boot.ts. */
export function contentScriptBoot(): BootOptions {
  // The browser keeps a world's modules by URL, and keeps the world when the extension is
  // reloaded or updated: a URL of its own per instance never hands a re-injected content
  // script the module an orphaned instance loaded.
  const instance = crypto.randomUUID();
  return {
    importScript: (file) =>
      import(/* @vite-ignore */ `${browser.runtime.getURL(file as PublicPath)}?instance=${instance}`),
    readStoredSettings: () => browser.storage.local.get(SETTINGS_KEY),
    prepareClassifier: () => {
      const message: ContentToBackground = { type: 'content.prepareClassifier' };
      // Only a head start: were the background away, the first request to classify wakes it.
      browser.runtime.sendMessage(message).catch(() => {});
    },
    scope: globalThis,
    document,
    nextTask,
    noticeCss: LABEL_CSS,
  };
}
