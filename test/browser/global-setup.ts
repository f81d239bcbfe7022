/** Builds the extension once for the browser tests, with the demo blog host built in. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromiumPath, ROOT } from '../support/browser';
import { DEMO_BLOG_HOST } from '../support/demo-pages';

export default function setup(): void {
  chromiumPath(); // fail first, with the install hint, when Chromium is missing
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, MODERERA_BLOG_HOSTS: DEMO_BLOG_HOST, MODERERA_OUT_DIR: '.output/test' },
  });
}
