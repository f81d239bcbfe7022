/**
 * Cropping a PNG where the background runs (an MV3 service worker has no DOM, but it has
 * createImageBitmap and OffscreenCanvas). Not unit-tested in Node: the browser tests cover it.
 */
import type { Rect, Size } from './crop';

export async function cropPngInWorker(
  png: Uint8Array<ArrayBuffer>,
  region: (image: Size) => Rect | null,
): Promise<Uint8Array | null> {
  const bitmap = await createImageBitmap(new Blob([png], { type: 'image/png' }));
  try {
    const area = region({ width: bitmap.width, height: bitmap.height });
    if (!area) return null;
    const canvas = new OffscreenCanvas(area.width, area.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    bitmap.close();
  }
}
