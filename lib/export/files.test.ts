import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { readStoredZip } from '../../test/support/zip';
import type { RecordStore } from '../store/store';
import { confidentialInput, openTestStore, sampleInput } from '../store/testing';
import { parseCsv } from './csv';
import { buildExportFile, EmptyExportError, exportFileName } from './files';
import { importBackup, parseBackup } from './json';
import { MANIFEST_NAME } from './zip';

const stores: RecordStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function opened(): Promise<RecordStore> {
  const store = await openTestStore();
  stores.push(store);
  return store;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function setup() {
  const store = await opened();
  const withShot = await store.appendRecord({
    ...sampleInput(),
    screenshot: new Blob([PNG], { type: 'image/png' }),
  });
  await store.appendRecord(confidentialInput());
  const items = await store.listWithEvents({ from: '2026-11-28', to: '2026-11-28' });
  const context = {
    from: '2026-11-28',
    to: '2026-11-28',
    organisation: 'Tyresö kommun',
    unit: 'Kommunikationsenheten',
    now: new Date('2026-11-28T16:00:00+01:00'),
    screenshot: (id: string) => store.getScreenshot(id),
  };
  return { store, items, context, withShot };
}

describe('export files', () => {
  it('names files by format and range', () => {
    expect(exportFileName('csv', '2026-11-28', '2026-11-28')).toBe('moderera-2026-11-28.csv');
    expect(exportFileName('erms', '2026-11-01', '2026-11-28')).toBe(
      'moderera-2026-11-01--2026-11-28-erms.xml',
    );
  });

  it('refuses an empty selection', async () => {
    const { context } = await setup();
    await expect(buildExportFile('csv', [], context)).rejects.toBeInstanceOf(EmptyExportError);
  });

  it('CSV: a header and one row per record', async () => {
    const { items, context } = await setup();
    const file = await buildExportFile('csv', items, context);
    const rows = parseCsv(new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(3);
    expect(rows[0]?.slice(0, 4)).toEqual(['Datum', 'Diarienummer', 'Avsändare', 'Beskrivning']);
  });

  it('JSON: the range restores into an empty store with the same records and screenshot', async () => {
    const { items, context, withShot } = await setup();
    const file = await buildExportFile('json', items, context);
    const target = await opened();
    const summary = await importBackup(target, parseBackup(new TextDecoder().decode(file.bytes)));
    expect(summary.addedRecords).toBe(2);
    expect(await target.getRecord(withShot.id)).toEqual(withShot);
    expect(new Uint8Array((await (await target.getScreenshot(withShot.id))?.arrayBuffer()) ?? [])).toEqual(
      PNG,
    );
    expect(await target.verifyChain()).toEqual({ ok: true, count: 2 });
  });

  it('ZIP: CSV, JSON, ERMS, screenshots by record id, and a manifest whose sums match', async () => {
    const { items, context, withShot } = await setup();
    const files = readStoredZip((await buildExportFile('zip', items, context)).bytes);
    expect([...files.keys()]).toEqual([
      'moderera-2026-11-28.csv',
      'moderera-2026-11-28.json',
      'moderera-2026-11-28-erms.xml',
      `skarmbilder/${withShot.id}.png`,
      MANIFEST_NAME,
    ]);
    const manifest = new TextDecoder().decode(files.get(MANIFEST_NAME));
    for (const line of manifest.trim().split('\n')) {
      const [sum, name] = line.split('  ');
      const digest = createHash('sha256')
        .update(files.get(name ?? '') ?? new Uint8Array())
        .digest('hex');
      expect(digest).toBe(sum);
    }
  });
});
