import { describe, expect, it } from 'vitest';
import { withoutIdFastPath } from './query';

describe('withoutIdFastPath', () => {
  it('writes ids as attribute selectors and leaves the rest', () => {
    expect(withoutIdFastPath('#published-time-text a[href*="lc="]')).toBe(
      '[id="published-time-text"] a[href*="lc="]',
    );
    expect(withoutIdFastPath('ytcp-comment-action-buttons #toolbar')).toBe(
      'ytcp-comment-action-buttons [id="toolbar"]',
    );
    expect(withoutIdFastPath('a.author-text')).toBe('a.author-text');
  });
});
