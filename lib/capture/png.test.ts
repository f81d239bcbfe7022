import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, checkPng, maxBase64Length, pngBlobFromBase64 } from './png';
import { pngClaiming, TINY_PNG_BASE64, tinyPng } from './testing';

describe('checking a PNG from a page', () => {
  it('accepts a real PNG and reads its size from IHDR', () => {
    expect(checkPng(tinyPng(), 1000)).toEqual({ ok: true, info: { width: 1, height: 1 } });
    expect(checkPng(pngClaiming(848, 70), 1000)).toEqual({ ok: true, info: { width: 848, height: 70 } });
  });

  it('refuses what is not a PNG, too short, without IHDR, implausibly sized or too large', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(40).fill(0)]);
    expect(checkPng(jpeg, 1000)).toMatchObject({ ok: false, reason: 'not a PNG' });
    expect(checkPng(tinyPng().subarray(0, 20), 1000)).toMatchObject({ ok: false, reason: /too short/ });
    const noIhdr = tinyPng();
    noIhdr[13] = 0x44; // IHDR → IDDR
    expect(checkPng(noIhdr, 1000)).toMatchObject({ ok: false, reason: 'no IHDR chunk' });
    expect(checkPng(pngClaiming(0, 10), 1000)).toMatchObject({ ok: false, reason: /implausible/ });
    expect(checkPng(pngClaiming(100_000, 10), 1000)).toMatchObject({ ok: false, reason: /implausible/ });
    expect(checkPng(tinyPng(), 10)).toMatchObject({ ok: false, reason: /larger than 10 bytes/ });
  });

  it('turns sent base64 into an image/png Blob, or says why not', async () => {
    const result = pngBlobFromBase64(TINY_PNG_BASE64, 1000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.blob.type).toBe('image/png');
    expect(new Uint8Array(await result.blob.arrayBuffer())).toEqual(tinyPng());
    expect(pngBlobFromBase64(btoa('GIF89a and more bytes than twenty'), 1000)).toEqual({
      ok: false,
      reason: 'not a PNG',
    });
    expect(pngBlobFromBase64('not base64!', 1000)).toEqual({ ok: false, reason: 'not base64' });
  });

  it('round-trips base64 of any length, and bounds it by bytes', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7) % 256); // more than one chunk
    expect(Buffer.from(base64ToBytes(bytesToBase64(bytes))).equals(Buffer.from(bytes))).toBe(true);
    expect(bytesToBase64(bytes).length).toBeLessThanOrEqual(maxBase64Length(bytes.length));
    expect(maxBase64Length(3)).toBe(4);
    expect(maxBase64Length(4)).toBe(8);
  });
});
