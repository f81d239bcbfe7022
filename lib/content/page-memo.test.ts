import { describe, expect, it, vi } from 'vitest';
import { createPageMemo } from './page-memo';

describe('createPageMemo', () => {
  it('computes a fact once per URL while it is fresh, then again', () => {
    let time = 0;
    const memoFor = createPageMemo(100, () => time);
    const compute = vi.fn(() => 'Tyresö kommun');
    const memo = memoFor('https://www.facebook.com/a');
    expect(memo('channel', compute)).toBe('Tyresö kommun');
    expect(memo('channel', compute)).toBe('Tyresö kommun');
    expect(compute).toHaveBeenCalledTimes(1);
    time = 150;
    memo('channel', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('forgets everything when the URL changes', () => {
    const memoFor = createPageMemo(1000, () => 0);
    memoFor('https://www.youtube.com/watch?v=a')('title', () => 'A');
    expect(memoFor('https://www.youtube.com/watch?v=b')('title', () => 'B')).toBe('B');
  });
});
