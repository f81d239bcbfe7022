/**
 * The PNG bytes of a comment's screenshot: base64 to bytes and back, and the checks the
 * background makes before it stores an image a content script sent (the signature, an IHDR
 * chunk first, sane dimensions, a size limit).
 */

export const PNG_MEDIA_TYPE = 'image/png';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** Larger than any screen a moderator has; a bigger image is not a crop of a visible tab. */
export const MAX_PNG_SIDE = 32_768;

export interface PngInfo {
  width: number;
  height: number;
}

export type PngCheck = { ok: true; info: PngInfo } | { ok: false; reason: string };

/** Whether the bytes are a PNG (signature, then an IHDR chunk) within the size limit. */
export function checkPng(bytes: Uint8Array, maxBytes: number): PngCheck {
  if (bytes.length > maxBytes) return { ok: false, reason: `larger than ${maxBytes} bytes` };
  // Signature (8) + IHDR length (4) + type (4) + width (4) + height (4).
  if (bytes.length < 24) return { ok: false, reason: 'too short to be a PNG' };
  if (!SIGNATURE.every((byte, index) => bytes[index] === byte)) return { ok: false, reason: 'not a PNG' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (view.getUint32(8) !== 13 || chunkType !== 'IHDR') return { ok: false, reason: 'no IHDR chunk' };
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width < 1 || height < 1 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    return { ok: false, reason: `implausible size ${width}×${height}` };
  }
  return { ok: true, info: { width, height } };
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Throws on text that is not base64. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The longest base64 text whose bytes can fit in `maxBytes`. */
export function maxBase64Length(maxBytes: number): number {
  return Math.ceil(maxBytes / 3) * 4;
}

/** The PNG a content script sent, as a Blob to store, or why it is refused. */
export function pngBlobFromBase64(
  base64: string,
  maxBytes: number,
): { ok: true; blob: Blob; info: PngInfo } | { ok: false; reason: string } {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = base64ToBytes(base64);
  } catch {
    return { ok: false, reason: 'not base64' };
  }
  const check = checkPng(bytes, maxBytes);
  if (!check.ok) return check;
  return { ok: true, blob: new Blob([bytes], { type: PNG_MEDIA_TYPE }), info: check.info };
}
