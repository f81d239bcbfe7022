/**
 * The record store. It runs in a service worker that can be stopped at any moment, so
 * every fact lives in IndexedDB: a call resolves only after its transaction has committed,
 * and the chain head is read and advanced inside the transaction that writes the record.
 * The only thing kept in memory is the connection.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { z } from 'zod';
import type { PlatformId } from '../platforms/types';
import { parseCalendarDate, stockholmDate, toStockholmIso } from '../time/stockholm';
import { blobSha256, GENESIS_HASH, recordHashSync } from './canonical';
import {
  type ActiveChain,
  type ChainHead,
  type ModereraDB,
  type OpenOptions,
  openModereraDb,
  type StoredChannelShot,
  type StoredEntry,
  type StoredEvent,
  type StoredScreenshot,
} from './db';
import { StoreError, toStoreError } from './errors';
import {
  type ChainEntry,
  type ChannelShot,
  channelShotSchema,
  commentKey,
  type EventFacts,
  eventFactsSchema,
  isTombstone,
  LIMITS,
  type RecordEvent,
  type RecordInput,
  type RegisterRecord,
  recordInputSchema,
  shortId,
  type Tombstone,
} from './record';
import { deriveStatus, type RecordStatus, sortEvents } from './status';
import { type VerifyResult, verifyEntries } from './verify';

type Store = StoreNames<ModereraDB>;
type WriteTx<S extends Store[]> = IDBPTransaction<ModereraDB, S, 'readwrite'>;

export interface RecordStoreOptions extends Pick<OpenOptions, 'version'> {
  now?: () => Date;
  newId?: () => string;
}

export interface ListQuery {
  /** Stockholm calendar dates, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  platform?: PlatformId;
  /** Case-insensitive; matched against text, author, post, channel, note and ids. */
  text?: string;
}

/** Everything in the store, for a backup. */
export interface StoreDump {
  entries: ChainEntry[];
  events: RecordEvent[];
  screenshots: Map<string, Blob>;
  heads: Array<Pick<ChainHead, 'chainId' | 'seq' | 'hash' | 'recordId'>>;
  activeChainId: string | null;
  channelShots: ChannelShotWithImage[];
}

export type ChannelShotWithImage = ChannelShot & { blob: Blob };

export interface ChannelShotInput {
  channelId: string;
  channelName: string;
  url: string;
  moderator: ChannelShot['moderator'];
  blob: Blob;
}

export interface ImportSummary {
  addedRecords: number;
  addedEvents: number;
  skippedRecords: number;
  skippedEvents: number;
}

const headKey = (chainId: string): ChainHead['key'] => `head:${chainId}`;

function toStoredEntry(entry: ChainEntry): StoredEntry {
  const capturedDate = stockholmDate(new Date(entry.capturedAt));
  if (isTombstone(entry)) return { ...entry, capturedDate };
  return {
    ...entry,
    capturedDate,
    platform: entry.snapshot.platform,
    commentKey: commentKey(entry.snapshot),
  };
}

export function fromStoredEntry(stored: StoredEntry): ChainEntry {
  const { capturedDate: _date, platform: _platform, commentKey: _key, ...entry } = stored;
  return entry;
}

function toStoredEvent(event: RecordEvent): StoredEvent {
  return { ...event, atUtc: new Date(event.at).toISOString() };
}

function fromStoredEvent(stored: StoredEvent): RecordEvent {
  const { atUtc: _atUtc, ...event } = stored;
  return event;
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw toStoreError(result.error);
  return result.data;
}

/** Whether a record matches a search (already lower-cased, Swedish collation) in any field people search by. */
export function recordMatches(record: RegisterRecord, needle: string): boolean {
  const haystack = [
    record.snapshot.text,
    record.snapshot.authorName,
    record.snapshot.postTitle,
    record.snapshot.channelName,
    record.snapshot.commentId,
    record.decision.note,
    record.id,
    shortId(record.id),
  ];
  return haystack.some((value) => value?.toLocaleLowerCase('sv').includes(needle));
}

export class RecordStore {
  #db: IDBPDatabase<ModereraDB> | null = null;
  #closedByCaller = false;
  readonly #now: () => Date;
  readonly #newId: () => string;

  private constructor(
    readonly name: string,
    private readonly options: RecordStoreOptions,
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? (() => crypto.randomUUID());
  }

  static async open(name = 'moderera', options: RecordStoreOptions = {}): Promise<RecordStore> {
    const store = new RecordStore(name, options);
    await store.connection();
    return store;
  }

  close(): void {
    this.#closedByCaller = true;
    this.#db?.close();
    this.#db = null;
  }

  /** Reopens after the browser closed the connection; refuses after close(). */
  private async connection(): Promise<IDBPDatabase<ModereraDB>> {
    if (this.#closedByCaller) throw new StoreError('closed');
    if (this.#db) return this.#db;
    try {
      this.#db = await openModereraDb(this.name, {
        version: this.options.version,
        onClosed: () => {
          this.#db = null;
        },
      });
      return this.#db;
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /**
   * Runs body in one readwrite transaction and resolves after the commit. Any failure
   * aborts the transaction, so nothing of it is written.
   */
  private async write<S extends Store[], T>(stores: S, body: (tx: WriteTx<S>) => Promise<T>): Promise<T> {
    const db = await this.connection();
    let tx: WriteTx<S>;
    try {
      tx = db.transaction(stores, 'readwrite');
    } catch (error) {
      throw toStoreError(error);
    }
    const done = tx.done;
    done.catch(() => undefined);
    try {
      const result = await body(tx);
      await done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already committed or aborted.
      }
      throw toStoreError(tx.error ?? error);
    }
  }

  private async read<T>(body: (db: IDBPDatabase<ModereraDB>) => Promise<T>): Promise<T> {
    const db = await this.connection();
    try {
      return await body(db);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /**
   * Saves a captured comment as the next record of the chain. Idempotent by requestId: a
   * retry after a service-worker restart gets the record the first call wrote.
   */
  async appendRecord(input: RecordInput): Promise<RegisterRecord> {
    const { screenshot = null, ...rest } = input;
    const parsed = parseOrThrow(recordInputSchema, rest);
    const screenshotSha256 = await this.screenshotDigest(screenshot);
    const id = this.#newId();
    const capturedAt = toStockholmIso(this.#now());
    const newChainId = this.#newId();

    return this.write(['records', 'meta', 'screenshots'], async (tx) => {
      const existing = await tx.objectStore('records').index('requestId').get(parsed.requestId);
      if (existing) return this.existingForRetry(existing);

      const meta = tx.objectStore('meta');
      const active = (await meta.get('activeChain')) as ActiveChain | undefined;
      const chainId = active?.chainId ?? newChainId;
      const head = (await meta.get(headKey(chainId))) as ChainHead | undefined;
      const chained = {
        id,
        capturedAt,
        ...parsed,
        screenshotSha256,
        chainId,
        seq: head ? head.seq + 1 : 0,
        prevId: head?.recordId ?? null,
        prevHash: head?.hash ?? GENESIS_HASH,
      };
      const record: RegisterRecord = { ...chained, hash: recordHashSync(chained, chained.prevHash) };

      await tx.objectStore('records').add(toStoredEntry(record));
      if (screenshot) await tx.objectStore('screenshots').put({ recordId: id, blob: screenshot });
      if (!active) await meta.put({ key: 'activeChain', chainId });
      await meta.put({ key: headKey(chainId), chainId, seq: record.seq, hash: record.hash, recordId: id });
      return record;
    });
  }

  private existingForRetry(stored: StoredEntry): RegisterRecord {
    const entry = fromStoredEntry(stored);
    if (isTombstone(entry)) {
      throw new StoreError('conflict', {
        sv: 'Posten med detta anrops-id har redan registrerats och raderats.',
        en: 'The record with this request id was already registered and deleted.',
      });
    }
    return entry;
  }

  private async screenshotDigest(screenshot: Blob | null): Promise<string | null> {
    if (!screenshot) return null;
    if (screenshot.size > LIMITS.screenshotBytes) {
      throw new StoreError('invalid', {
        sv: `Skärmbilden är större än ${LIMITS.screenshotBytes} byte.`,
        en: `The screenshot is larger than ${LIMITS.screenshotBytes} bytes.`,
      });
    }
    return blobSha256(screenshot);
  }

  /**
   * Appends a fact about a record. Pass `id` to make a retry safe: an event with that id
   * already stored is returned instead of a second one. Deletion has its own method.
   */
  async addEvent(recordId: string, facts: EventFacts, options: { id?: string } = {}): Promise<RecordEvent> {
    const parsedFacts = parseOrThrow(eventFactsSchema, facts);
    if (parsedFacts.type === 'deleted') {
      throw new StoreError('invalid', {
        sv: 'Använd deleteRegisteredRecord för att radera.',
        en: 'Use deleteRegisteredRecord to delete.',
      });
    }
    const event = {
      ...parsedFacts,
      id: options.id ?? this.#newId(),
      recordId,
      at: toStockholmIso(this.#now()),
    };
    z.uuid().parse(event.id);

    return this.write(['records', 'events'], async (tx) => {
      const existing = await tx.objectStore('events').get(event.id);
      if (existing) return fromStoredEvent(existing);
      const record = await tx.objectStore('records').get(recordId);
      if (!record) throw new StoreError('not_found');
      if (isTombstone(record)) {
        throw new StoreError('conflict', { sv: 'Posten är raderad.', en: 'The record has been deleted.' });
      }
      await tx.objectStore('events').add(toStoredEvent(event));
      return event;
    });
  }

  /** A live record; null when there is none or it has been deleted (see recordStatus). */
  async getRecord(id: string): Promise<RegisterRecord | null> {
    const stored = await this.read((db) => db.get('records', id));
    if (!stored) return null;
    const entry = fromStoredEntry(stored);
    return isTombstone(entry) ? null : entry;
  }

  async getScreenshot(recordId: string): Promise<Blob | null> {
    const stored = await this.read((db) => db.get('screenshots', recordId));
    return stored?.blob ?? null;
  }

  /** Live records captured on Stockholm dates from…to, in chain order. */
  async listRecords(query: ListQuery): Promise<RegisterRecord[]> {
    parseCalendarDate(query.from);
    parseCalendarDate(query.to);
    const range = IDBKeyRange.bound(query.from, query.to);
    const stored = await this.read((db) => db.getAllFromIndex('records', 'capturedDate', range));
    const needle = query.text?.trim().toLocaleLowerCase('sv') ?? '';
    return stored
      .map(fromStoredEntry)
      .filter((entry): entry is RegisterRecord => !isTombstone(entry))
      .filter((record) => !query.platform || record.snapshot.platform === query.platform)
      .filter((record) => !needle || recordMatches(record, needle))
      .sort((a, b) => Date.parse(a.capturedAt) - Date.parse(b.capturedAt) || a.seq - b.seq);
  }

  /**
   * The records of a query with their events, read in one transaction: per record through
   * the index for a short list, all events at once for a long one (10,000 index reads cost
   * far more than one getAll).
   */
  async listWithEvents(query: ListQuery): Promise<Array<{ record: RegisterRecord; events: RecordEvent[] }>> {
    const records = await this.listRecords(query);
    const events = await this.read(async (db) => {
      const tx = db.transaction('events', 'readonly');
      if (records.length > 200) return tx.store.getAll();
      const byRecord = await Promise.all(
        records.map((record) => tx.store.index('recordId').getAll(record.id)),
      );
      return byRecord.flat();
    });
    const grouped = new Map<string, RecordEvent[]>(records.map((record) => [record.id, []]));
    for (const event of events) grouped.get(event.recordId)?.push(fromStoredEvent(event));
    return records.map((record) => ({ record, events: sortEvents(grouped.get(record.id) ?? []) }));
  }

  /**
   * The same fact about many records in one transaction (e.g. "exported as CSV" after an
   * export): all of them or none. Deleted or unknown records are refused.
   */
  async addEventToMany(recordIds: readonly string[], facts: EventFacts): Promise<RecordEvent[]> {
    const parsedFacts = parseOrThrow(eventFactsSchema, facts);
    if (parsedFacts.type === 'deleted') {
      throw new StoreError('invalid', {
        sv: 'Använd deleteRegisteredRecord för att radera.',
        en: 'Use deleteRegisteredRecord to delete.',
      });
    }
    const at = toStockholmIso(this.#now());
    const events = recordIds.map((recordId) => ({ ...parsedFacts, id: this.#newId(), recordId, at }));
    return this.write(['records', 'events'], async (tx) => {
      // All requests at once: IndexedDB runs them in order, without a round trip each.
      const records = await Promise.all(events.map((event) => tx.objectStore('records').get(event.recordId)));
      for (const record of records) {
        if (!record) throw new StoreError('not_found');
        if (isTombstone(record)) {
          throw new StoreError('conflict', { sv: 'Posten är raderad.', en: 'The record has been deleted.' });
        }
      }
      await Promise.all(events.map((event) => tx.objectStore('events').add(toStoredEvent(event))));
      return events;
    });
  }

  async eventsFor(recordId: string): Promise<RecordEvent[]> {
    const stored = await this.read((db) => db.getAllFromIndex('events', 'recordId', recordId));
    return sortEvents(stored.map(fromStoredEvent));
  }

  async recordStatus(recordId: string): Promise<RecordStatus> {
    return deriveStatus(await this.eventsFor(recordId));
  }

  /** Checks every chain link and content hash; names the first record altered or removed. */
  async verifyChain(): Promise<VerifyResult> {
    const dump = await this.dump();
    return verifyEntries(dump);
  }

  /**
   * Deletes a record that the diarium already holds (a `registered` event exists), e.g. at
   * culling. The chain must keep verifying and must still show that something was there, so
   * the record becomes a tombstone in place: id, chain position, hashes and capture time
   * stay; content and screenshot go. verifyChain checks a tombstone's links (its content
   * hash can no longer be recomputed) and that its registered and deleted events exist.
   * `confirm.shortId` must be the record's short id, typed by the person deleting.
   */
  async deleteRegisteredRecord(id: string, confirm: { shortId: string; by: string }): Promise<Tombstone> {
    if (confirm.shortId.trim().toUpperCase() !== shortId(id)) {
      throw new StoreError('invalid', {
        sv: 'Bekräftelsen matchar inte postens korta id.',
        en: "The confirmation does not match the record's short id.",
      });
    }
    const at = toStockholmIso(this.#now());
    const eventId = this.#newId();
    return this.write(['records', 'events', 'screenshots'], async (tx) => {
      const stored = await tx.objectStore('records').get(id);
      if (!stored) throw new StoreError('not_found');
      const entry = fromStoredEntry(stored);
      if (isTombstone(entry))
        throw new StoreError('conflict', { sv: 'Redan raderad.', en: 'Already deleted.' });
      const events = await tx.objectStore('events').index('recordId').getAll(id);
      if (!events.some((event) => event.type === 'registered')) {
        throw new StoreError('conflict', {
          sv: 'Posten är inte registrerad i diariet och får inte raderas.',
          en: 'The record is not registered in the diarium and must not be deleted.',
        });
      }
      const tombstone = toTombstone(entry, at);
      await tx.objectStore('records').put(toStoredEntry(tombstone));
      await tx.objectStore('screenshots').delete(id);
      await tx
        .objectStore('events')
        .add(toStoredEvent({ id: eventId, recordId: id, at, type: 'deleted', by: confirm.by }));
      return tombstone;
    });
  }

  /** Keeps a screenshot of a channel page (policy 1.6), with its SHA-256, like a record. */
  async addChannelShot(input: ChannelShotInput): Promise<ChannelShot> {
    const sha256 = await this.screenshotDigest(input.blob);
    const shot = parseOrThrow(channelShotSchema, {
      id: this.#newId(),
      channelId: input.channelId,
      channelName: input.channelName,
      url: input.url,
      capturedAt: toStockholmIso(this.#now()),
      moderator: input.moderator,
      mediaType: input.blob.type || 'image/png',
      sha256,
    });
    await this.write(['channelShots'], async (tx) => {
      await tx.objectStore('channelShots').add(toStoredChannelShot({ ...shot, blob: input.blob }));
    });
    return shot;
  }

  /** Every channel screenshot's facts, newest first (without the images). */
  async listChannelShots(): Promise<ChannelShot[]> {
    const stored = await this.read((db) => db.getAll('channelShots'));
    return stored
      .map(({ blob: _blob, capturedDate: _date, ...shot }) => shot)
      .sort((a, b) => Date.parse(b.capturedAt) - Date.parse(a.capturedAt));
  }

  async getChannelShotImage(id: string): Promise<Blob | null> {
    const stored = await this.read((db) => db.get('channelShots', id));
    return stored?.blob ?? null;
  }

  /** Everything in the store (for backup and verification). */
  async dump(): Promise<StoreDump> {
    return this.read(async (db) => {
      // Only tests open a version-1 or -2 database, which has no channel screenshots yet.
      const withShots = db.objectStoreNames.contains('channelShots');
      const stores: Store[] = ['records', 'events', 'meta', 'screenshots'];
      const tx = db.transaction(withShots ? [...stores, 'channelShots'] : stores, 'readonly');
      const [entries, events, meta, screenshots, channelShots] = await Promise.all([
        tx.objectStore('records').getAll(),
        tx.objectStore('events').getAll(),
        tx.objectStore('meta').getAll(),
        tx.objectStore('screenshots').getAll(),
        withShots ? tx.objectStore('channelShots').getAll() : [],
      ]);
      await tx.done;
      return {
        entries: entries.map(fromStoredEntry),
        events: sortEvents(events.map(fromStoredEvent)),
        screenshots: new Map(screenshots.map((shot) => [shot.recordId, shot.blob])),
        heads: meta
          .filter(isHead)
          .map(({ chainId, seq, hash, recordId }) => ({ chainId, seq, hash, recordId })),
        activeChainId:
          meta.find((value): value is ActiveChain => value.key === 'activeChain')?.chainId ?? null,
        channelShots: channelShots.map(fromStoredChannelShot),
      };
    });
  }

  /**
   * Adds entries, screenshots and events that are missing; never overwrites. The caller has
   * verified the hashes (see importBackup). All or nothing: a clash (same id or same chain
   * position with a different hash, or a broken link to a stored neighbour) aborts it all.
   */
  async importVerified(dump: StoreDump): Promise<ImportSummary> {
    const summary: ImportSummary = { addedRecords: 0, addedEvents: 0, skippedRecords: 0, skippedEvents: 0 };
    return this.write(['records', 'events', 'meta', 'screenshots', 'channelShots'], async (tx) => {
      for (const shot of dump.channelShots) {
        if (!(await tx.objectStore('channelShots').get(shot.id))) {
          await tx.objectStore('channelShots').add(toStoredChannelShot(shot));
        }
      }
      for (const entry of dump.entries) {
        const added = await importEntry(tx, entry, dump.screenshots.get(entry.id) ?? null);
        if (added) summary.addedRecords++;
        else summary.skippedRecords++;
      }
      for (const event of dump.events) {
        if (await tx.objectStore('events').get(event.id)) summary.skippedEvents++;
        else {
          await tx.objectStore('events').add(toStoredEvent(event));
          summary.addedEvents++;
        }
      }
      await importHeads(tx, dump);
      return summary;
    });
  }
}

function isHead(value: { key: string }): value is ChainHead {
  return value.key.startsWith('head:');
}

function toTombstone(record: RegisterRecord, deletedAt: string): Tombstone {
  const { id, requestId, capturedAt, chainId, seq, prevId, prevHash, hash } = record;
  return { id, requestId, capturedAt, deleted: true, deletedAt, chainId, seq, prevId, prevHash, hash };
}

type ImportTx = WriteTx<Array<'records' | 'events' | 'meta' | 'screenshots' | 'channelShots'>>;

function toStoredChannelShot(shot: ChannelShotWithImage): StoredChannelShot {
  return { ...shot, capturedDate: stockholmDate(new Date(shot.capturedAt)) };
}

function fromStoredChannelShot(stored: StoredChannelShot): ChannelShotWithImage {
  const { capturedDate: _date, ...shot } = stored;
  return shot;
}

function importConflict(entry: ChainEntry, why: string): StoreError {
  return new StoreError('conflict', {
    sv: `Posten ${entry.id} (nr ${entry.seq}) krockar med en sparad post: ${why}. Inget importerades.`,
    en: `Record ${entry.id} (no. ${entry.seq}) clashes with a stored record: ${why}. Nothing was imported.`,
  });
}

async function importEntry(tx: ImportTx, entry: ChainEntry, screenshot: Blob | null): Promise<boolean> {
  const records = tx.objectStore('records');
  const existing = await records.get(entry.id);
  if (existing) {
    if (existing.hash !== entry.hash) throw importConflict(entry, 'different hash');
    return false;
  }
  const chainSeq = records.index('chainSeq');
  if (await chainSeq.get([entry.chainId, entry.seq])) throw importConflict(entry, 'chain position taken');
  const before = await chainSeq.get([entry.chainId, entry.seq - 1]);
  if (before && before.hash !== entry.prevHash) throw importConflict(entry, 'previous record does not link');
  const after = await chainSeq.get([entry.chainId, entry.seq + 1]);
  if (after && after.prevHash !== entry.hash) throw importConflict(entry, 'next record does not link');
  await records.add(toStoredEntry(entry));
  if (screenshot && !isTombstone(entry)) {
    await tx
      .objectStore('screenshots')
      .put({ recordId: entry.id, blob: screenshot } satisfies StoredScreenshot);
  }
  return true;
}

async function importHeads(tx: ImportTx, dump: StoreDump): Promise<void> {
  const meta = tx.objectStore('meta');
  for (const head of dump.heads) {
    const current = (await meta.get(headKey(head.chainId))) as ChainHead | undefined;
    if (!current || current.seq < head.seq) await meta.put({ key: headKey(head.chainId), ...head });
  }
  if (!(await meta.get('activeChain')) && dump.activeChainId) {
    await meta.put({ key: 'activeChain', chainId: dump.activeChainId });
  }
}

export function openRecordStore(name = 'moderera', options: RecordStoreOptions = {}): Promise<RecordStore> {
  return RecordStore.open(name, options);
}
