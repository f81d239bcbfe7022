/**
 * `npm run demo`: builds the extension and opens Chromium with it loaded on the demo pages
 * (fixtures served under the platforms' real URLs). Headed where a display exists; with
 * `--headless` (or no display) it saves a screenshot of each page and exits.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, ROOT, TEST_BUILD_DIR } from '../test/support/browser';
import { buildTestExtension } from '../test/support/build';
import { DEMO_PAGES } from '../test/support/demo-pages';

const headless =
  process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const screenshotDir = join(ROOT, '.tmp', 'demo');

async function main(): Promise<void> {
  console.log('Bygger tillägget / building the extension …');
  buildTestExtension();
  const browser = await launchWithExtension({ extensionDir: TEST_BUILD_DIR, headless });
  const pages = DEMO_PAGES.filter((page) => !page.name.includes('layout-changed'));
  if (headless) mkdirSync(screenshotDir, { recursive: true });
  for (const demo of pages) {
    const page = await browser.context.newPage();
    await page.goto(demo.url);
    if (!headless) continue;
    await page.waitForTimeout(1500);
    const count = await page.evaluate(() => document.querySelectorAll('moderera-label').length);
    const file = join(screenshotDir, `${demo.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${demo.name}: ${count} etiketter/labels – ${file}`);
  }
  if (headless) {
    await browser.close();
    return;
  }
  console.log('Demosidorna är öppna. Stäng webbläsaren för att avsluta / close the browser to quit.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
