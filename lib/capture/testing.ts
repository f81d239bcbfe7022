/** A real PNG for tests (1 × 1 pixel, opaque red) and a way to make one of any declared size. */
import { base64ToBytes } from './png';

export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

export function tinyPng(): Uint8Array<ArrayBuffer> {
  return base64ToBytes(TINY_PNG_BASE64);
}

/** The tiny PNG with its IHDR saying width × height (the pixels do not matter to the checks). */
export function pngClaiming(width: number, height: number): Uint8Array<ArrayBuffer> {
  const bytes = tinyPng();
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}
