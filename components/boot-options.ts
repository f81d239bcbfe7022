import { browser, type PublicPath } from 'wxt/browser';
import type { BootOptions } from '../lib/content/boot';
import { nextTask } from '../lib/content/scheduler';

/** The browser's side of lib/content/boot.ts. */
export function contentScriptBoot(): BootOptions {
  return {
    importScript: (file) => import(/* @vite-ignore */ browser.runtime.getURL(file as PublicPath)),
    scope: globalThis,
    document,
    nextTask,
  };
}
