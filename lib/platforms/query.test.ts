// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { scopedSelector } from './query';

describe('scopedSelector', () => {
  it('writes ids as attribute tests inside :is() and leaves the rest', () => {
    expect(scopedSelector('ytcp-comment-action-buttons #toolbar')).toBe(
      'ytcp-comment-action-buttons :is([id="toolbar"])',
    );
    expect(scopedSelector('#a.b #c-d')).toBe(':is([id="a"]).b :is([id="c-d"])');
    expect(scopedSelector('a.author-text')).toBe('a.author-text');
  });

  it('matches the same elements as the selector as written', () => {
    document.body.innerHTML =
      '<div id="x"><span id="y" class="b">1</span></div><p id="y">2</p><span id="y">3</span>';
    for (const selector of ['#y', 'div #y', '#x > #y.b', 'span#y', '#nope']) {
      expect([...document.querySelectorAll(scopedSelector(selector))]).toEqual([
        ...document.querySelectorAll(selector),
      ]);
    }
  });
});
