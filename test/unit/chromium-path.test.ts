import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath } from '../support/browser';

describe('the browser tests without Chromium', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('fail with a message that says how to install it, instead of skipping', () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    expect(() => chromiumPath()).toThrow(/apt-get install -y chromium/);
  });
});
