/**
 * Where a comment lies in a capture of the visible tab. The content script measures the
 * comment in CSS pixels of the viewport; the capture is in device pixels. The scale is taken
 * from the image and the viewport it shows (in Chrome that equals devicePixelRatio, page zoom
 * included), so a browser that captures at another scale still crops the right place.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The comment's rectangle in whole image pixels, clamped to the image; null when none of it shows. */
export function cropRegion(rect: Rect, viewport: Size, image: Size): Rect | null {
  if (viewport.width <= 0 || viewport.height <= 0 || image.width <= 0 || image.height <= 0) return null;
  const scaleX = image.width / viewport.width;
  const scaleY = image.height / viewport.height;
  const clampX = (value: number) => Math.min(image.width, Math.max(0, Math.round(value * scaleX)));
  const clampY = (value: number) => Math.min(image.height, Math.max(0, Math.round(value * scaleY)));
  const left = clampX(rect.x);
  const right = clampX(rect.x + rect.width);
  const top = clampY(rect.y);
  const bottom = clampY(rect.y + rect.height);
  if (right - left < 1 || bottom - top < 1) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Whether the whole rectangle lies inside the viewport. */
export function fullyVisible(rect: Rect, viewport: Size): boolean {
  return (
    rect.x >= 0 &&
    rect.y >= 0 &&
    rect.x + rect.width <= viewport.width &&
    rect.y + rect.height <= viewport.height
  );
}
