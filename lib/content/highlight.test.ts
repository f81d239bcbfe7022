import { describe, expect, it } from 'vitest';
import { segmentsOf } from './highlight';

describe('segmentsOf', () => {
  it('splits around spans and merges overlaps', () => {
    expect(
      segmentsOf('din jävla idiot', [
        { start: 4, end: 9 },
        { start: 10, end: 15 },
        { start: 8, end: 11 },
      ]),
    ).toEqual([
      { text: 'din ', highlighted: false },
      { text: 'jävla idiot', highlighted: true },
    ]);
  });

  it('ignores spans outside the text and keeps the text whole', () => {
    const segments = segmentsOf('hej', [
      { start: 2, end: 9 },
      { start: -1, end: 1 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('hej');
    expect(segments.every((s) => !s.highlighted)).toBe(true);
  });
});
