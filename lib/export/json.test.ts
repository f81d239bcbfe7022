import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../store/errors';
import { shortId } from '../store/record';
import type { RecordStore } from '../store/store';
import { confidentialInput, openTestStore, sampleInput, sampleSnapshot } from '../store/testing';
import { BackupError, backupJson, importBackup, migrateBackup, parseBackup } from './json';

const stores: RecordStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function store(options: Parameters<typeof openTestStore>[0] = {}): Promise<RecordStore> {
  const opened = await openTestStore(options);
  stores.push(opened);
  return opened;
}

const EXPORTED_AT = new Date('2026-12-01T08:00:00Z');

/** A store with a screenshot, a confidential record, events and a tombstone. */
async function populatedStore(): Promise<RecordStore> {
  const source = await store();
  const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255])], { type: 'image/png' });
  const first = await source.appendRecord({ ...sampleInput(), screenshot: png });
  await source.appendRecord(confidentialInput());
  await source.appendRecord(sampleInput({ snapshot: sampleSnapshot({ text: 'Tredje <b>fet</b>' }) }));
  await source.addEvent(first.id, { type: 'removal_outcome', outcome: 'removed', reason: null });
  await source.addEvent(first.id, { type: 'registered', diarienummer: 'KS 2026/9' });
  await source.deleteRegisteredRecord(first.id, { shortId: shortId(first.id), by: 'Kim' });
  return source;
}

async function expectBackupError(run: () => unknown, code: BackupError['code']): Promise<void> {
  const error = await Promise.resolve()
    .then(run)
    .then(
      () => null,
      (caught: unknown) => caught,
    );
  expect(error).toBeInstanceOf(BackupError);
  expect((error as BackupError).code).toBe(code);
}

describe('backup round trip', () => {
  it('restores everything into an empty store, verifiably', async () => {
    const source = await populatedStore();
    const text = await backupJson(await source.dump(), EXPORTED_AT);
    const backup = parseBackup(text);
    expect(backup).toMatchObject({
      format: 'moderera-backup',
      version: 1,
      exportedAt: '2026-12-01T09:00:00+01:00',
    });

    const target = await store();
    expect(await importBackup(target, backup)).toEqual({
      addedRecords: 3,
      addedEvents: 3,
      skippedRecords: 0,
      skippedEvents: 0,
    });
    const [before, after] = [await source.dump(), await target.dump()];
    expect(after.entries.sort((a, b) => a.seq - b.seq)).toEqual(before.entries.sort((a, b) => a.seq - b.seq));
    expect(after.events).toEqual(before.events);
    expect(after.heads).toEqual(before.heads);
    expect(after.activeChainId).toBe(before.activeChainId);
    expect(await target.verifyChain()).toEqual({ ok: true, count: 3 });

    const next = await target.appendRecord(sampleInput());
    expect(next.seq).toBe(3);
  });

  it('keeps screenshots byte for byte', async () => {
    const source = await store();
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const record = await source.appendRecord({
      ...sampleInput(),
      screenshot: new Blob([bytes], { type: 'image/png' }),
    });
    const target = await store();
    await importBackup(target, parseBackup(await backupJson(await source.dump(), EXPORTED_AT)));
    const restored = await target.getScreenshot(record.id);
    expect(new Uint8Array(await (restored as Blob).arrayBuffer())).toEqual(bytes);
    expect(restored?.type).toBe('image/png');
  });

  it('adds nothing the second time', async () => {
    const source = await populatedStore();
    const backup = parseBackup(await backupJson(await source.dump(), EXPORTED_AT));
    expect(await importBackup(source, backup)).toMatchObject({
      addedRecords: 0,
      addedEvents: 0,
      skippedRecords: 3,
    });
  });

  it('keeps a second chain beside the store’s own, and both verify', async () => {
    const source = await populatedStore();
    const backup = parseBackup(await backupJson(await source.dump(), EXPORTED_AT));
    const target = await store();
    const own = await target.appendRecord(sampleInput());
    await importBackup(target, backup);
    expect(await target.verifyChain()).toEqual({ ok: true, count: 4 });
    expect((await target.appendRecord(sampleInput())).chainId).toBe(own.chainId);
  });
});

describe('parseBackup refuses', () => {
  it('a file that is not JSON', async () => {
    await expectBackupError(() => parseBackup('PK\u0003\u0004 zip'), 'not_json');
  });

  it('a foreign JSON file', async () => {
    await expectBackupError(() => parseBackup('{"records":[]}'), 'foreign');
  });

  it('a backup from a newer version', async () => {
    await expectBackupError(() => parseBackup('{"format":"moderera-backup","version":99}'), 'too_new');
  });

  it('a truncated or damaged backup, with a bilingual message', async () => {
    const source = await populatedStore();
    const text = await backupJson(await source.dump(), EXPORTED_AT);
    await expectBackupError(() => parseBackup(text.slice(0, text.length / 2)), 'not_json');
    const damaged = JSON.parse(text);
    damaged.records[1].seq = 'one';
    try {
      parseBackup(JSON.stringify(damaged));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).messageSv).toContain('skadad');
      expect((error as BackupError).messageEn).toContain('records.1.seq');
    }
  });
});

describe('importBackup is all or nothing', () => {
  it('refuses a backup with an altered record and changes nothing', async () => {
    const source = await populatedStore();
    const backup = JSON.parse(await backupJson(await source.dump(), EXPORTED_AT));
    backup.records[2].snapshot.text = 'Något helt annat';
    const target = await store();
    await expectBackupError(() => importBackup(target, parseBackup(JSON.stringify(backup))), 'hash_mismatch');
    expect((await target.dump()).entries).toHaveLength(0);
  });

  it('refuses a backup with a replaced screenshot', async () => {
    const source = await store();
    await source.appendRecord({ ...sampleInput(), screenshot: new Blob([new Uint8Array([1, 2, 3])]) });
    const backup = JSON.parse(await backupJson(await source.dump(), EXPORTED_AT));
    backup.records[0].screenshot.base64 = btoa('other');
    await expectBackupError(() => importBackup(source, parseBackup(JSON.stringify(backup))), 'hash_mismatch');
  });

  it('rolls back records already added when a later one clashes', async () => {
    const sequence = (ids: string[]) => () => ids.shift() ?? crypto.randomUUID();
    const [a1, a2, a3] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const source = await store({ newId: sequence([a1, a2, a3]) });
    await source.appendRecord(sampleInput());
    await source.appendRecord(sampleInput());
    // The target holds a different record under the id of the source's second record.
    const target = await store({ newId: sequence([crypto.randomUUID(), crypto.randomUUID(), a3]) });
    await target.appendRecord(sampleInput());
    await target.appendRecord(sampleInput());
    const before = await target.dump();

    const backup = parseBackup(await backupJson(await source.dump(), EXPORTED_AT));
    const error = await importBackup(target, backup).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('conflict');
    expect(await target.dump()).toEqual(before);
  });
});

describe('migrateBackup', () => {
  it('lifts an old version step by step', () => {
    const migrations = {
      1: (b: Record<string, unknown>) => ({ ...b, version: 2, added: true }),
      2: (b: Record<string, unknown>) => ({ ...b, version: 3 }),
    };
    expect(migrateBackup({ format: 'moderera-backup', version: 1 }, migrations, 3)).toEqual({
      format: 'moderera-backup',
      version: 3,
      added: true,
    });
  });

  it('fails clearly when a step is missing', () => {
    expect(() => migrateBackup({ format: 'moderera-backup', version: 1 }, {}, 2)).toThrow(BackupError);
  });
});
