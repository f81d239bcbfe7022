/**
 * Launches Debian's Chromium with the built extension loaded, and serves fixture pages under
 * the platforms' real host names. Shared by the browser tests, the demo and the benchmarks.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { DEMO_HOSTS, fixtureForUrl, fixtureHtml } from './demo-pages';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const TEST_BUILD_DIR = join(ROOT, '.output', 'test', 'chrome-mv3');

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. The browser tests need it: install it with ` +
        '`sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return path;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  headless?: boolean;
  /** Extra pages served under real URLs: url → html. */
  extraPages?: Map<string, string>;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? TEST_BUILD_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}; run the build first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'moderera-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await routeFixtures(context, options.extraPages);
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function routeFixtures(context: BrowserContext, extraPages = new Map<string, string>()): Promise<void> {
  for (const host of DEMO_HOSTS) {
    await context.route(`https://${host}/**`, async (route) => {
      const url = route.request().url();
      const extra = extraPages.get(url.split('#')[0] ?? url);
      const fixture = fixtureForUrl(url);
      if (extra !== undefined || fixture) {
        await route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: extra ?? fixtureHtml(fixture as string),
        });
      } else {
        await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not a fixture' });
      }
    });
  }
}

/** Opens a URL and waits until the extension has labelled at least `minLabels` comments. */
export async function openAndWaitForLabels(
  context: BrowserContext,
  url: string,
  minLabels = 1,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('moderera-label').length >= n, minLabels, {
    timeout: 15_000,
  });
  return page;
}
