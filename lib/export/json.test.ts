import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../store/errors';
import { shortId } from '../store/record';
import type { RecordStore } from '../store/store';
import { confidentialInput, openTestStore, sampleInput, sampleSnapshot } from '../store/testing';
import { BACKUP_VERSION, BackupError, backupJson, importBackup, migrateBackup, parseBackup } from './json';

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
      version: BACKUP_VERSION,
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

describe('a backup taken before a schema upgrade', () => {
  const file = join(process.cwd(), 'test/fixtures/backups/backup-v1-before-channel-screenshots.json');

  it('restores into the current database with every hash intact', async () => {
    const backup = parseBackup(readFileSync(file, 'utf8'));
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.channelScreenshots).toEqual([]);

    const target = await store();
    expect(await importBackup(target, backup)).toEqual({
      addedRecords: 3,
      addedEvents: 2,
      skippedRecords: 0,
      skippedEvents: 0,
    });
    expect(await target.verifyChain()).toEqual({ ok: true, count: 3 });
    const emoji = (await target.dump()).entries.find((entry) => entry.requestId === 'req-c');
    expect(emoji && 'snapshot' in emoji ? emoji.snapshot.text : null).toBe('Tack 🙏\nför hjälpen =)');
    const shot = await target.getScreenshot('0f1e2d3c-4b5a-4978-8685-746352413021');
    expect(new Uint8Array((await shot?.arrayBuffer()) ?? []).slice(0, 4)).toEqual(
      new Uint8Array([137, 80, 78, 71]),
    );

    const next = await target.appendRecord(sampleInput());
    expect(next.seq).toBe(3);
    expect(await target.verifyChain()).toEqual({ ok: true, count: 4 });
  });

  it('exports again in the current format without changing a record or an event', async () => {
    const original = JSON.parse(readFileSync(file, 'utf8'));
    const target = await store();
    await importBackup(target, parseBackup(JSON.stringify(original)));
    const again = JSON.parse(await backupJson(await target.dump(), EXPORTED_AT));
    expect(again.version).toBe(BACKUP_VERSION);
    expect(again.records).toEqual(original.records);
    expect(again.events).toEqual(original.events);
    expect(again.heads).toEqual(original.heads);
  });
});

describe('channel screenshots in a backup', () => {
  const shotInput = {
    channelId: 'fb',
    channelName: 'Tyresö kommun',
    url: 'https://www.facebook.com/tyresokommun',
    moderator: { name: 'Anna', title: 'Kommunikatör', unit: 'Kommunikationsenheten' },
    blob: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9])], { type: 'image/png' }),
  };

  it('round-trip with their images', async () => {
    const source = await store();
    const shot = await source.addChannelShot(shotInput);
    const target = await store();
    await importBackup(target, parseBackup(await backupJson(await source.dump(), EXPORTED_AT)));
    expect(await target.listChannelShots()).toEqual([shot]);
    expect((await target.getChannelShotImage(shot.id))?.size).toBe(6);
  });

  it('refuse an image that no longer matches its checksum, importing nothing', async () => {
    const source = await store();
    await source.appendRecord(sampleInput());
    await source.addChannelShot(shotInput);
    const backup = JSON.parse(await backupJson(await source.dump(), EXPORTED_AT));
    backup.channelScreenshots[0].screenshot.base64 = btoa('changed');
    const target = await store();
    await expectBackupError(() => importBackup(target, parseBackup(JSON.stringify(backup))), 'hash_mismatch');
    expect((await target.dump()).entries).toHaveLength(0);
  });
});

describe('chain heads in a backup', () => {
  it('refuse a head that disagrees with the record it names, importing nothing', async () => {
    const source = await store();
    await source.appendRecord(sampleInput());
    const backup = JSON.parse(await backupJson(await source.dump(), EXPORTED_AT));
    backup.heads[0].hash = 'f'.repeat(64);
    const target = await store();
    await expectBackupError(() => importBackup(target, parseBackup(JSON.stringify(backup))), 'hash_mismatch');
    expect((await target.dump()).entries).toHaveLength(0);
  });
});
