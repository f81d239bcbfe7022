/**
 * Test support: loads a fixture page from test/fixtures into the happy-dom document under a
 * platform URL. Used by the adapter tests only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageContext } from './types';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures');

interface HappyDomControl {
  setURL(url: string): void;
  waitUntilComplete(): Promise<void>;
}

function happyDom(): HappyDomControl {
  const control = (window as unknown as { happyDOM?: HappyDomControl }).happyDOM;
  if (!control) throw new Error('The adapter tests need the happy-dom environment');
  return control;
}

export function fixtureSource(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** Replaces the whole document with the fixture (its inline scripts run only where the test file enables JavaScript). */
export function loadFixture(path: string, url: string): PageContext {
  happyDom().setURL(url);
  loadedAt = Date.now();
  document.open();
  document.write(fixtureSource(path));
  document.close();
  return { url: new URL(url), document };
}

let loadedAt = 0;

/**
 * Waits until a lazy fixture's fixed schedule (last step at 1 s) has run out, so that its
 * timers cannot fire into the next test's document.
 */
export function settlePageScripts(): Promise<void> {
  return waitFor(Math.max(0, loadedAt + 1100 - Date.now()));
}

export function waitFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
