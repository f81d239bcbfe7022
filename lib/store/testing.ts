/** Builders for tests of the store and the exports. Not used by production code. */
import type { CommentSnapshot } from '../platforms/types';
import { isTombstone, type RecordInput, type RegisterRecord } from './record';
import { openRecordStore, type RecordStore, type RecordStoreOptions } from './store';

let counter = 0;

export function uniqueDbName(prefix = 'moderera-test'): string {
  counter += 1;
  return `${prefix}-${counter}-${crypto.randomUUID()}`;
}

export function sampleSnapshot(overrides: Partial<CommentSnapshot> = {}): CommentSnapshot {
  return {
    platform: 'facebook',
    commentId: '1234567890_987654321',
    permalink: 'https://www.facebook.com/tyresokommun/posts/1?comment_id=987654321',
    authorName: 'Anna Andersson',
    authorUrl: 'https://www.facebook.com/anna.andersson',
    text: 'Ni är idioter allihop på kommunen!',
    postedRaw: '5 november 2025 kl. 14:02',
    postedAt: '2025-11-05T14:02:00+01:00',
    edited: false,
    isReply: false,
    parentId: null,
    postId: '1',
    postUrl: 'https://www.facebook.com/tyresokommun/posts/1',
    postTitle: 'Nya öppettider på biblioteket',
    channelName: 'Tyresö kommun',
    channelUrl: 'https://www.facebook.com/tyresokommun',
    ...overrides,
  };
}

export function sampleInput(overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    requestId: crypto.randomUUID(),
    snapshot: sampleSnapshot(),
    classification: {
      category: 'offensive_confidential',
      flags: ['personal_attack'],
      hints: [],
      evidence: [{ target: 'text', start: 6, end: 13, text: 'idioter', rule: 'insult-word' }],
      classifierVersion: 'rules-1.0.0',
    },
    decision: { flags: ['personal_attack'], action: 'delete', note: '', secrecy: null },
    moderator: { name: 'Kim Karlsson', title: 'Kommunikatör', unit: 'Kommunikationsenheten' },
    ...overrides,
  };
}

export function confidentialInput(overrides: Partial<RecordInput> = {}): RecordInput {
  return sampleInput({
    snapshot: sampleSnapshot({
      commentId: 'c-secret',
      authorName: 'Bo Berg',
      text: 'Min granne Eva Ek på Storgatan 5 har fått försörjningsstöd och barnen är LVU-placerade.',
    }),
    classification: {
      category: 'offensive_confidential',
      flags: ['confidential', 'offensive_personal_data'],
      hints: [],
      evidence: [],
      classifierVersion: 'rules-1.0.0',
    },
    decision: {
      flags: ['confidential'],
      action: 'delete',
      note: 'Uppgifter om socialtjänst',
      secrecy: { provision: 'OSL 26 kap. 1 §', markedAt: '2026-11-28T14:05:00+01:00' },
    },
    ...overrides,
  });
}

/** A clock that starts at `start` and moves one minute per call. */
export function steppingClock(start = '2026-11-28T14:02:03+01:00'): () => Date {
  let ms = Date.parse(start);
  return () => {
    const now = new Date(ms);
    ms += 60_000;
    return now;
  };
}

export function openTestStore(options: RecordStoreOptions = {}): Promise<RecordStore> {
  return openRecordStore(uniqueDbName(), { now: steppingClock(), ...options });
}

/** Every live record of the store with its events, in chain order. */
export async function exportItems(store: RecordStore) {
  const dump = await store.dump();
  return dump.entries
    .filter((entry): entry is RegisterRecord => !isTombstone(entry))
    .sort((a, b) => a.seq - b.seq)
    .map((record) => ({ record, events: dump.events.filter((event) => event.recordId === record.id) }));
}
