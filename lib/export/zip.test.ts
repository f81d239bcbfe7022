import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle, buildManifest, bundleFiles, crc32, MANIFEST_NAME } from './zip';

const encode = (text: string) => new TextEncoder().encode(text);
const FILES = [
  { name: 'poster-2026-11-28.csv', bytes: encode('\uFEFF"Datum"\r\n') },
  { name: 'skärmbilder/MOD-ABC.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) },
];

const workDir = mkdtempSync(join(tmpdir(), 'moderera-zip-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('buildManifest', () => {
  it('writes sha256sum lines', async () => {
    expect(await buildManifest([{ name: 'a.txt', bytes: encode('abc') }])).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.txt\n',
    );
  });
});

describe('bundleFiles', () => {
  it('adds the manifest last', async () => {
    const files = await bundleFiles(FILES);
    expect(files.map((file) => file.name)).toEqual([...FILES.map((file) => file.name), MANIFEST_NAME]);
  });

  it.each(['../x', '/etc/passwd', 'a\\b', 'a/../b', 'rad\nny', MANIFEST_NAME, ''])(
    'refuses %j',
    async (name) => {
      await expect(bundleFiles([{ name, bytes: new Uint8Array() }])).rejects.toThrow(RangeError);
    },
  );
});

describe('writeStoredZip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(encode('123456789'))).toBe(0xcbf43926);
  });

  it.runIf(existsSync('/usr/bin/unzip'))(
    'writes a ZIP that unzip accepts and whose manifest sha256sum verifies',
    async () => {
      const zip = await buildBundle(FILES, new Date('2026-11-28T14:02:04+01:00'));
      const file = join(workDir, 'bundle.zip');
      writeFileSync(file, zip);
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
      // Debian's unzip 6.00 ignores the UTF-8 name flag; Python's zipfile (like Windows) honours it.
      const out = join(workDir, 'out');
      execFileSync('python3', ['-m', 'zipfile', '-e', file, out]);
      expect(new Uint8Array(readFileSync(join(out, 'skärmbilder/MOD-ABC.png')))).toEqual(FILES[1]?.bytes);
      expect(execFileSync('sha256sum', ['-c', MANIFEST_NAME], { cwd: out, encoding: 'utf8' })).toContain(
        'skärmbilder/MOD-ABC.png: OK',
      );
    },
  );
});
