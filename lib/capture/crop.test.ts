import { describe, expect, it } from 'vitest';
import { cropRegion, fullyVisible } from './crop';

const viewport = { width: 1280, height: 900 };

describe('where the comment is in the capture', () => {
  it('is the rectangle itself at scale 1', () => {
    expect(cropRegion({ x: 80, y: 575, width: 848, height: 70 }, viewport, viewport)).toEqual({
      x: 80,
      y: 575,
      width: 848,
      height: 70,
    });
  });

  it('scales to device pixels (a HiDPI screen or page zoom) and rounds fractional CSS pixels', () => {
    const image = { width: 2560, height: 1800 };
    expect(cropRegion({ x: 10.25, y: 20.5, width: 100.5, height: 40.25 }, viewport, image)).toEqual({
      x: 21,
      y: 41,
      width: 201,
      height: 81,
    });
    // 150 % zoom: the viewport is smaller in CSS pixels, the capture the same size.
    expect(
      cropRegion({ x: 100, y: 100, width: 200, height: 50 }, { width: 1280 / 1.5, height: 600 }, viewport),
    ).toEqual({ x: 150, y: 150, width: 300, height: 75 });
  });

  it('is clamped to the image when the comment runs past an edge', () => {
    expect(cropRegion({ x: -30, y: 850, width: 200, height: 400 }, viewport, viewport)).toEqual({
      x: 0,
      y: 850,
      width: 170,
      height: 50,
    });
  });

  it('is nothing when the comment is off screen or has no size, or the sizes are nonsense', () => {
    expect(cropRegion({ x: 10, y: 950, width: 100, height: 40 }, viewport, viewport)).toBeNull();
    expect(cropRegion({ x: -500, y: 10, width: 100, height: 40 }, viewport, viewport)).toBeNull();
    expect(cropRegion({ x: 10, y: 10, width: 0.2, height: 40 }, viewport, viewport)).toBeNull();
    expect(
      cropRegion({ x: 10, y: 10, width: 100, height: 40 }, { width: 0, height: 900 }, viewport),
    ).toBeNull();
    expect(
      cropRegion({ x: 10, y: 10, width: 100, height: 40 }, viewport, { width: 0, height: 0 }),
    ).toBeNull();
  });
});

describe('whether a comment is fully visible', () => {
  it('is true only when all four edges are inside the viewport', () => {
    expect(fullyVisible({ x: 0, y: 0, width: 1280, height: 900 }, viewport)).toBe(true);
    expect(fullyVisible({ x: 10, y: -1, width: 100, height: 10 }, viewport)).toBe(false);
    expect(fullyVisible({ x: 10, y: 880, width: 100, height: 30 }, viewport)).toBe(false);
    expect(fullyVisible({ x: 1200, y: 10, width: 100, height: 30 }, viewport)).toBe(false);
  });
});
