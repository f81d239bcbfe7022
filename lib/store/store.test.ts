import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION } from './db';
import { StoreError } from './errors';
import { LIMITS, shortId } from './record';
import { openRecordStore, type RecordStore } from './store';
import {
  confidentialInput,
  openTestStore,
  sampleInput,
  sampleSnapshot,
  steppingClock,
  uniqueDbName,
} from './testing';

const opened: RecordStore[] = [];

async function freshStore(): Promise<RecordStore> {
  const store = await openTestStore();
  opened.push(store);
  return store;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const store of opened.splice(0)) store.close();
});

/** A raw connection, to change the database behind the store's back. */
async function raw(store: RecordStore) {
  return openDB(store.name);
}

async function expectStoreError(promise: Promise<unknown>, code: StoreError['code']): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  return error as StoreError;
}

describe('appendRecord / getRecord', () => {
  it('stores the record and reads it back exactly', async () => {
    const store = await freshStore();
    const input = sampleInput();
    const record = await store.appendRecord(input);

    expect(record.seq).toBe(0);
    expect(record.prevHash).toBe('0'.repeat(64));
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.capturedAt).toBe('2026-11-28T14:02:03+01:00');
    expect(record.snapshot).toEqual(input.snapshot);
    expect(await store.getRecord(record.id)).toEqual(record);
  });

  it('chains records: seq, prevHash and prevId follow the head', async () => {
    const store = await freshStore();
    const first = await store.appendRecord(sampleInput());
    const second = await store.appendRecord(sampleInput());
    expect(second.seq).toBe(1);
    expect(second.prevHash).toBe(first.hash);
    expect(second.prevId).toBe(first.id);
    expect(second.chainId).toBe(first.chainId);
  });

  it('keeps a screenshot and its hash', async () => {
    const store = await freshStore();
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' });
    const record = await store.appendRecord({ ...sampleInput(), screenshot: png });
    expect(record.screenshotSha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = await store.getScreenshot(record.id);
    expect(new Uint8Array(await (stored as Blob).arrayBuffer())).toEqual(
      new Uint8Array(await png.arrayBuffer()),
    );
    expect(await store.verifyChain()).toEqual({ ok: true, count: 1 });
  });

  it('stores a <script> author and text verbatim, as text', async () => {
    const store = await freshStore();
    const authorName = '<script>alert("x")</script>';
    const text = '<img src=x onerror=alert(1)> & "quotes" \u0000 😀';
    const record = await store.appendRecord(sampleInput({ snapshot: sampleSnapshot({ authorName, text }) }));
    const read = await store.getRecord(record.id);
    expect(read?.snapshot.authorName).toBe(authorName);
    expect(read?.snapshot.text).toBe(text);
  });

  it('is idempotent by requestId', async () => {
    const store = await freshStore();
    const input = sampleInput();
    const first = await store.appendRecord(input);
    const retry = await store.appendRecord({
      ...input,
      snapshot: sampleSnapshot({ text: 'changed on retry' }),
    });
    expect(retry).toEqual(first);
    expect((await store.dump()).entries).toHaveLength(1);
  });

  it('keeps one valid chain under concurrent appends, including a duplicated request', async () => {
    const store = await freshStore();
    const duplicate = sampleInput();
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => store.appendRecord(sampleInput())),
      store.appendRecord(duplicate),
      store.appendRecord(duplicate),
    ]);
    expect(new Set(results.map((record) => record.seq)).size).toBe(21);
    expect(await store.verifyChain()).toEqual({ ok: true, count: 21 });
  });

  it('keeps one chain across two connections (two service-worker lifetimes)', async () => {
    const name = uniqueDbName();
    const a = await openRecordStore(name, { now: steppingClock() });
    const b = await openRecordStore(name, { now: steppingClock() });
    opened.push(a, b);
    await Promise.all([
      a.appendRecord(sampleInput()),
      b.appendRecord(sampleInput()),
      a.appendRecord(sampleInput()),
    ]);
    expect(await a.verifyChain()).toEqual({ ok: true, count: 3 });
  });
});

describe('input validation', () => {
  it('rejects an oversized text with a clear error and stores nothing', async () => {
    const store = await freshStore();
    const text = 'x'.repeat(LIMITS.text + 1);
    const error = await expectStoreError(
      store.appendRecord(sampleInput({ snapshot: sampleSnapshot({ text }) })),
      'invalid',
    );
    expect(error.messageEn).toContain('snapshot.text: max 100000');
    expect(error.messageSv).toContain('Inget sparades');
    expect((await store.dump()).entries).toHaveLength(0);
  });

  it('accepts a text of exactly the limit', async () => {
    const store = await freshStore();
    const text = 'x'.repeat(LIMITS.text);
    const record = await store.appendRecord(sampleInput({ snapshot: sampleSnapshot({ text }) }));
    expect(record.snapshot.text).toHaveLength(LIMITS.text);
  });

  it('rejects an oversized author name, unknown fields and unknown flags', async () => {
    const store = await freshStore();
    await expectStoreError(
      store.appendRecord(sampleInput({ snapshot: sampleSnapshot({ authorName: 'a'.repeat(1001) }) })),
      'invalid',
    );
    const extra = { ...sampleInput(), sneaky: 1 } as ReturnType<typeof sampleInput>;
    await expectStoreError(store.appendRecord(extra), 'invalid');
    const badFlag = sampleInput();
    (badFlag.decision.flags as string[]).push('not_a_flag');
    await expectStoreError(store.appendRecord(badFlag), 'invalid');
  });
});

describe('events and status', () => {
  it('derives status from events', async () => {
    const store = await freshStore();
    const record = await store.appendRecord(sampleInput());
    expect(await store.recordStatus(record.id)).toMatchObject({
      registration: 'not_exported',
      removal: 'pending',
    });

    await store.addEvent(record.id, { type: 'removal_outcome', outcome: 'failed', reason: 'tab closed' });
    await store.addEvent(record.id, { type: 'removal_outcome', outcome: 'removed', reason: null });
    await store.addEvent(record.id, { type: 'exported', format: 'csv' });
    expect(await store.recordStatus(record.id)).toMatchObject({
      registration: 'exported',
      exportedFormats: ['csv'],
      removal: 'removed',
    });

    await store.addEvent(record.id, { type: 'registered', diarienummer: 'KS 2026/0412' });
    expect(await store.recordStatus(record.id)).toMatchObject({
      registration: 'registered',
      diarienummer: 'KS 2026/0412',
    });
    expect((await store.eventsFor(record.id)).map((event) => event.type)).toEqual([
      'removal_outcome',
      'removal_outcome',
      'exported',
      'registered',
    ]);
  });

  it('is idempotent by event id and refuses an unknown record', async () => {
    const store = await freshStore();
    const record = await store.appendRecord(sampleInput());
    const id = crypto.randomUUID();
    const first = await store.addEvent(record.id, { type: 'exported', format: 'erms' }, { id });
    const again = await store.addEvent(record.id, { type: 'exported', format: 'erms' }, { id });
    expect(again).toEqual(first);
    expect(await store.eventsFor(record.id)).toHaveLength(1);
    await expectStoreError(
      store.addEvent(crypto.randomUUID(), { type: 'exported', format: 'csv' }),
      'not_found',
    );
  });
});

describe('listRecords', () => {
  it('filters by Stockholm date, platform and text', async () => {
    const times = ['2026-11-27T23:30:00Z', '2026-11-28T10:00:00Z', '2026-11-29T12:00:00Z'];
    const store = await openTestStore({ now: () => new Date(times.shift() ?? '2026-12-01T00:00:00Z') });
    opened.push(store);
    await store.appendRecord(sampleInput({ snapshot: sampleSnapshot({ text: 'Första' }) }));
    await store.appendRecord(
      sampleInput({ snapshot: sampleSnapshot({ platform: 'youtube', text: 'Andra ÅÄÖ' }) }),
    );
    await store.appendRecord(sampleInput({ snapshot: sampleSnapshot({ text: 'Tredje' }) }));

    const day = await store.listRecords({ from: '2026-11-28', to: '2026-11-28' });
    expect(day.map((record) => record.snapshot.text)).toEqual(['Första', 'Andra ÅÄÖ']);
    const youtube = await store.listRecords({ from: '2026-11-01', to: '2026-11-30', platform: 'youtube' });
    expect(youtube).toHaveLength(1);
    const found = await store.listRecords({ from: '2026-11-01', to: '2026-11-30', text: 'åäö' });
    expect(found.map((record) => record.snapshot.text)).toEqual(['Andra ÅÄÖ']);
  });
});

describe('verifyChain', () => {
  it('passes an untouched chain', async () => {
    const store = await freshStore();
    for (let i = 0; i < 5; i++) await store.appendRecord(sampleInput());
    expect(await store.verifyChain()).toEqual({ ok: true, count: 5 });
  });

  it('names the first record altered directly in IndexedDB', async () => {
    const store = await freshStore();
    const records = [];
    for (let i = 0; i < 5; i++) records.push(await store.appendRecord(sampleInput()));
    const db = await raw(store);
    for (const index of [3, 1]) {
      const stored = await db.get('records', records[index]?.id ?? '');
      stored.snapshot.text = 'Snällt omskrivet';
      await db.put('records', stored);
    }
    db.close();
    expect(await store.verifyChain()).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      recordId: records[1]?.id,
      reason: 'altered',
    });
  });

  it('names the first record removed directly from IndexedDB', async () => {
    const store = await freshStore();
    const records = [];
    for (let i = 0; i < 5; i++) records.push(await store.appendRecord(sampleInput()));
    const db = await raw(store);
    await db.delete('records', records[2]?.id ?? '');
    db.close();
    expect(await store.verifyChain()).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      recordId: records[2]?.id,
      reason: 'missing',
    });
  });

  it('notices the last record removed (the head remembers it)', async () => {
    const store = await freshStore();
    const records = [];
    for (let i = 0; i < 3; i++) records.push(await store.appendRecord(sampleInput()));
    const db = await raw(store);
    await db.delete('records', records[2]?.id ?? '');
    db.close();
    expect(await store.verifyChain()).toMatchObject({ ok: false, firstBadSeq: 2, recordId: records[2]?.id });
  });

  it('notices a replaced screenshot', async () => {
    const store = await freshStore();
    const screenshot = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    const record = await store.appendRecord({ ...sampleInput(), screenshot });
    const db = await raw(store);
    await db.put('screenshots', { recordId: record.id, blob: new Blob([new Uint8Array([9])]) });
    db.close();
    expect(await store.verifyChain()).toMatchObject({
      ok: false,
      reason: 'altered',
      detail: 'screenshot differs',
    });
  });
});

describe('deleteRegisteredRecord', () => {
  it('refuses a record that is not registered', async () => {
    const store = await freshStore();
    const record = await store.appendRecord(sampleInput());
    await expectStoreError(
      store.deleteRegisteredRecord(record.id, { shortId: shortId(record.id), by: 'Kim' }),
      'conflict',
    );
    expect(await store.getRecord(record.id)).not.toBeNull();
  });

  it('refuses a wrong confirmation', async () => {
    const store = await freshStore();
    const record = await store.appendRecord(sampleInput());
    await store.addEvent(record.id, { type: 'registered', diarienummer: 'KS 2026/1' });
    await expectStoreError(
      store.deleteRegisteredRecord(record.id, { shortId: 'WRONG', by: 'Kim' }),
      'invalid',
    );
  });

  it('leaves a tombstone so the chain still verifies, and logs the deletion', async () => {
    const store = await freshStore();
    const records = [];
    for (let i = 0; i < 3; i++) records.push(await store.appendRecord(sampleInput()));
    const target = records[1];
    if (!target) throw new Error('no record');
    await store.addEvent(target.id, { type: 'registered', diarienummer: 'KS 2026/7' });
    const tombstone = await store.deleteRegisteredRecord(target.id, {
      shortId: shortId(target.id).toLowerCase(),
      by: 'Kim Karlsson',
    });

    expect(tombstone).toMatchObject({ id: target.id, seq: 1, hash: target.hash, deleted: true });
    expect(await store.getRecord(target.id)).toBeNull();
    expect(await store.recordStatus(target.id)).toMatchObject({ deleted: true, diarienummer: 'KS 2026/7' });
    const kept = (await store.dump()).entries.find((entry) => entry.id === target.id);
    expect(kept).not.toHaveProperty('snapshot');
    expect(await store.getScreenshot(target.id)).toBeNull();
    expect(await store.verifyChain()).toEqual({ ok: true, count: 3 });
  });

  it('does not accept a tombstone forged without the events', async () => {
    const store = await freshStore();
    const record = await store.appendRecord(sampleInput());
    const db = await raw(store);
    const stored = await db.get('records', record.id);
    const { id, requestId, capturedAt, capturedDate, chainId, seq, prevId, prevHash, hash } = stored;
    await db.put('records', {
      id,
      requestId,
      capturedAt,
      capturedDate,
      chainId,
      seq,
      prevId,
      prevHash,
      hash,
      deleted: true,
      deletedAt: capturedAt,
    });
    db.close();
    expect(await store.verifyChain()).toMatchObject({
      ok: false,
      reason: 'unauthorised_deletion',
      recordId: record.id,
    });
  });
});

describe('errors', () => {
  it('maps QuotaExceededError to code quota and writes nothing', async () => {
    const store = await freshStore();
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await expectStoreError(store.appendRecord(sampleInput()), 'quota');
    expect(error.messageSv).toContain('Lagringsutrymmet är fullt');
    expect(error.messageEn).toContain('Storage is full');
    vi.restoreAllMocks();
    expect((await store.dump()).entries).toHaveLength(0);
    expect((await store.dump()).heads).toHaveLength(0);
  });

  it('maps a closed database to code closed', async () => {
    const store = await freshStore();
    store.close();
    await expectStoreError(store.appendRecord(sampleInput()), 'closed');
    await expectStoreError(store.getRecord(crypto.randomUUID()), 'closed');
  });

  it('reports closed once another context has upgraded the database', async () => {
    const store = await freshStore();
    await store.appendRecord(sampleInput());
    // Opening a higher version makes the store's connection close itself (blocking()).
    const other = await openDB(store.name, DB_VERSION + 1);
    other.close();
    const error = await expectStoreError(store.appendRecord(sampleInput()), 'closed');
    expect(error.messageEn).toContain('newer version');
  });
});

describe('schema upgrade', () => {
  it('upgrades a version 1 database with data to the current version and loses nothing', async () => {
    const name = uniqueDbName();
    const v1 = await openRecordStore(name, { version: 1, now: steppingClock() });
    const first = await v1.appendRecord(sampleInput());
    const secret = await v1.appendRecord(confidentialInput());
    await v1.addEvent(first.id, { type: 'registered', diarienummer: 'KS 2026/3' });
    const before = await v1.dump();
    v1.close();

    const v2 = await openRecordStore(name, { now: steppingClock('2026-12-01T09:00:00+01:00') });
    opened.push(v2);
    const db = await openDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('records').store.indexNames]).toContain('chainSeq');
    expect([...db.objectStoreNames]).toContain('channelShots');
    db.close();

    expect(await v2.dump()).toEqual(before);
    expect(await v2.getRecord(secret.id)).toEqual(secret);
    expect(await v2.verifyChain()).toEqual({ ok: true, count: 2 });
    const third = await v2.appendRecord(sampleInput());
    expect(third).toMatchObject({ seq: 2, prevHash: secret.hash });
  });

  it('upgrades a version 2 database to version 3 and can then keep channel screenshots', async () => {
    const name = uniqueDbName();
    const v2 = await openRecordStore(name, { version: 2, now: steppingClock() });
    await v2.appendRecord(sampleInput());
    const before = await v2.dump();
    v2.close();

    const v3 = await openRecordStore(name, { now: steppingClock('2026-12-01T09:00:00+01:00') });
    opened.push(v3);
    expect(await v3.dump()).toEqual(before);
    const image = new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], { type: 'image/png' });
    const shot = await v3.addChannelShot({
      channelId: 'fb-kommun',
      channelName: 'Tyresö kommun',
      url: 'https://www.facebook.com/tyresokommun',
      moderator: { name: 'Anna', title: 'Kommunikatör', unit: 'Kommunikationsenheten' },
      blob: image,
    });
    expect(shot).toMatchObject({ channelId: 'fb-kommun', capturedAt: '2026-12-01T09:00:00+01:00' });
    expect(shot.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await v3.listChannelShots()).toEqual([shot]);
    const stored = await v3.getChannelShotImage(shot.id);
    expect(new Uint8Array((await stored?.arrayBuffer()) ?? [])).toEqual(
      new Uint8Array(await image.arrayBuffer()),
    );
    expect(await v3.verifyChain()).toEqual({ ok: true, count: 1 });
  });
});
