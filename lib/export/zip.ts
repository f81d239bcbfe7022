/**
 * Export bundles: files plus `manifest.sha256` (lines `hex  name`, the format `sha256sum -c`
 * reads), written as a ZIP.
 *
 * The ZIP writer here is a minimal one of our own: "stored" entries (no compression, the
 * exports are small and PNGs are compressed already), UTF-8 names, no ZIP64 (so under 4 GiB
 * and 65,535 files). Any writer with the ZipWriter signature can replace it, e.g. fflate's
 * `zipSync` for deflate.
 */
import { sha256Hex } from '../store/canonical';
import { stockholmWallTime } from '../time/stockholm';

export interface BundleFile {
  name: string;
  bytes: Uint8Array;
}

export type ZipWriter = (files: readonly BundleFile[], modifiedAt: Date) => Uint8Array | Promise<Uint8Array>;

export const MANIFEST_NAME = 'manifest.sha256';

function isControlCharacter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

/** Plain names only: the bundle is unpacked on registrars' machines. */
export function assertSafeName(name: string): void {
  const unsafe =
    name.length === 0 ||
    name.length > 200 ||
    name.startsWith('/') ||
    name.split('/').some((part) => part === '' || part === '.' || part === '..') ||
    /[\\:*?"<>|]/.test(name) ||
    [...name].some(isControlCharacter);
  if (unsafe) throw new RangeError(`Unsafe file name in bundle: ${JSON.stringify(name)}`);
}

/** `manifest.sha256`: one line per file, in the given order, LF endings. */
export async function buildManifest(files: readonly BundleFile[]): Promise<string> {
  const lines = await Promise.all(
    files.map(async (file) => `${await sha256Hex(file.bytes)}  ${file.name}\n`),
  );
  return lines.join('');
}

/** The files plus their manifest, ready for a ZipWriter. */
export async function bundleFiles(files: readonly BundleFile[]): Promise<BundleFile[]> {
  const names = new Set<string>();
  for (const file of files) {
    assertSafeName(file.name);
    if (file.name === MANIFEST_NAME || names.has(file.name))
      throw new RangeError(`Duplicate file name: ${file.name}`);
    names.add(file.name);
  }
  const manifest = new TextEncoder().encode(await buildManifest(files));
  return [...files, { name: MANIFEST_NAME, bytes: manifest }];
}

export async function buildBundle(
  files: readonly BundleFile[],
  modifiedAt: Date,
  writeZip: ZipWriter = writeStoredZip,
): Promise<Uint8Array> {
  return writeZip(await bundleFiles(files), modifiedAt);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time fields, in Stockholm local time as unzip tools show them. */
function dosDateTime(date: Date): { time: number; date: number } {
  const wall = stockholmWallTime(date);
  return {
    time: (wall.hour << 11) | (wall.minute << 5) | Math.floor(wall.second / 2),
    date: ((Math.max(wall.year, 1980) - 1980) << 9) | (wall.month << 5) | wall.day,
  };
}

const UTF8_FLAG = 0x0800;

function header(size: number, fill: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size);
  fill(new DataView(bytes.buffer));
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A ZIP of stored (uncompressed) entries. */
export function writeStoredZip(files: readonly BundleFile[], modifiedAt: Date): Uint8Array {
  const stamp = dosDateTime(modifiedAt);
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const name = new TextEncoder().encode(file.name);
    const crc = crc32(file.bytes);
    const size = file.bytes.length;
    if (size >= 0xffffffff || offset >= 0xffffffff)
      throw new RangeError('Bundle too large for ZIP without ZIP64');
    const common = (view: DataView, at: number) => {
      view.setUint16(at, 20, true); // version needed: 2.0
      view.setUint16(at + 2, UTF8_FLAG, true);
      view.setUint16(at + 4, 0, true); // method: stored
      view.setUint16(at + 6, stamp.time, true);
      view.setUint16(at + 8, stamp.date, true);
      view.setUint32(at + 10, crc, true);
      view.setUint32(at + 14, size, true);
      view.setUint32(at + 18, size, true);
      view.setUint16(at + 22, name.length, true);
    };
    local.push(
      header(30, (view) => {
        view.setUint32(0, 0x04034b50, true);
        common(view, 4);
      }),
      name,
      file.bytes,
    );
    central.push(
      header(46, (view) => {
        view.setUint32(0, 0x02014b50, true);
        view.setUint16(4, 20, true); // version made by
        common(view, 6);
        view.setUint32(42, offset, true);
      }),
      name,
    );
    offset += 30 + name.length + size;
  }
  if (files.length > 0xffff) throw new RangeError('Too many files for ZIP without ZIP64');
  const centralBytes = concat(central);
  const end = header(22, (view) => {
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, files.length, true);
    view.setUint16(10, files.length, true);
    view.setUint32(12, centralBytes.length, true);
    view.setUint32(16, offset, true);
  });
  return concat([...local, centralBytes, end]);
}
