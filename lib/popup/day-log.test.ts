import { afterEach, describe, expect, it } from 'vitest';
import type { RecordStore } from '../store/store';
import { confidentialInput, openTestStore, sampleInput, sampleSnapshot } from '../store/testing';
import { countItems, excerpt, newestFirst, searchItems, toLogRow } from './day-log';

const stores: RecordStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function dayWithThree() {
  const store = await openTestStore();
  stores.push(store);
  const first = await store.appendRecord(sampleInput());
  await store.appendRecord(confidentialInput());
  const third = await store.appendRecord(
    sampleInput({
      snapshot: sampleSnapshot({ commentId: 'c3', authorName: 'Åsa Öberg', text: 'Hej 👋\nrad två' }),
    }),
  );
  await store.addEvent(first.id, { type: 'removal_outcome', outcome: 'removed', reason: null });
  await store.addEvent(third.id, { type: 'registered', diarienummer: 'KS 2026/77' });
  return { store, items: await store.listWithEvents({ from: '2026-11-28', to: '2026-11-28' }) };
}

describe('the day log', () => {
  it('counts categories and the flags the moderator confirmed', async () => {
    const { items } = await dayWithThree();
    const counts = countItems(items);
    expect(counts.total).toBe(3);
    expect(counts.categories.offensive_confidential).toBe(3);
    expect(counts.flags.personal_attack).toBe(2);
    expect(counts.flags.confidential).toBe(1);
  });

  it('makes one row per record with time, author, excerpt, outcome and status', async () => {
    const { items } = await dayWithThree();
    const rows = newestFirst(items).map(toLogRow);
    expect(rows.map((row) => row.author)).toEqual(['Åsa Öberg', 'Bo Berg', 'Anna Andersson']);
    expect(rows[0]).toMatchObject({ time: '14:04', excerpt: 'Hej 👋 rad två', confidential: false });
    expect(rows[0]?.status).toMatchObject({ registration: 'registered', diarienummer: 'KS 2026/77' });
    expect(rows[1]?.confidential).toBe(true);
    expect(rows[2]?.status.removal).toBe('removed');
  });

  it('searches text, author, short id and diarienummer, case-insensitively', async () => {
    const { items } = await dayWithThree();
    expect(searchItems(items, 'ÅSA').map((item) => item.record.snapshot.commentId)).toEqual(['c3']);
    expect(searchItems(items, 'ks 2026/77')).toHaveLength(1);
    expect(searchItems(items, 'idioter')).toHaveLength(1);
    expect(searchItems(items, 'storgatan')).toHaveLength(1);
    const short = toLogRow(items[1] as (typeof items)[number]).shortId;
    expect(searchItems(items, short.toLowerCase())).toHaveLength(1);
    expect(searchItems(items, '   ')).toHaveLength(3);
  });

  it('cuts long texts to their first words', () => {
    expect(excerpt('ett två tre fyra', 3)).toBe('ett två tre …');
    expect(excerpt('  kort\n text ')).toBe('kort text');
  });
});

describe('bulk events', () => {
  it('marks many records in one transaction, or none when one is unknown', async () => {
    const { store, items } = await dayWithThree();
    const ids = items.map((item) => item.record.id);
    await store.addEventToMany(ids, { type: 'exported', format: 'csv' });
    for (const id of ids) expect((await store.recordStatus(id)).exportedFormats).toEqual(['csv']);
    await expect(
      store.addEventToMany([...ids, crypto.randomUUID()], { type: 'exported', format: 'json' }),
    ).rejects.toThrow();
    for (const id of ids) expect((await store.recordStatus(id)).exportedFormats).toEqual(['csv']);
  });

  it('reads events the same way for short and long lists', async () => {
    const store = await openTestStore();
    stores.push(store);
    for (let i = 0; i < 205; i++) await store.appendRecord(sampleInput());
    const all = await store.listWithEvents({ from: '2026-11-28', to: '2026-11-29' });
    await store.addEventToMany([all[7]?.record.id ?? ''], { type: 'registered', diarienummer: 'X 1' });
    const long = await store.listWithEvents({ from: '2026-11-28', to: '2026-11-29' });
    expect(long).toHaveLength(205);
    expect(long[7]?.events.map((event) => event.type)).toEqual(['registered']);
    expect(long.filter((item) => item.events.length > 0)).toHaveLength(1);
  });
});
