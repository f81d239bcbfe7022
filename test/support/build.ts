/**
 * Builds the extension as the tests, the demo and the benchmarks load it: with the demo blog
 * host built in and the screenshot permission granted at install (a headless browser cannot
 * answer the prompt the options page would show).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './browser';
import { DEMO_BLOG_HOST } from './demo-pages';

export function buildTestExtension(
  browser: 'chrome' | 'firefox' = 'chrome',
  quiet = false,
  outDir = '.output/test',
): void {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', '-b', browser], {
    cwd: ROOT,
    stdio: quiet ? 'pipe' : 'inherit',
    env: {
      ...process.env,
      MODERERA_BLOG_HOSTS: DEMO_BLOG_HOST,
      MODERERA_GRANT_SCREENSHOTS: '1',
      MODERERA_OUT_DIR: outDir,
    },
  });
}
