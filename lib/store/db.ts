/**
 * The IndexedDB schema and its upgrades. Each version's step runs once, in order, inside
 * the versionchange transaction, so a database of any older version reaches the current one
 * with its data. Never edit a released step; add the next one.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { PlatformId } from '../platforms/types';
import type { ChainEntry, ChannelShot, RecordEvent } from './record';

export const DB_VERSION = 3;

/** Index fields stored beside a chain entry; derived from it, not part of its hash. */
export interface DerivedFields {
  /** Stockholm calendar date of capturedAt (YYYY-MM-DD). */
  capturedDate: string;
  /** Absent on tombstones: a deleted record's comment is no longer findable by its ids. */
  platform?: PlatformId;
  commentKey?: string;
}

export type StoredEntry = ChainEntry & DerivedFields;

/** `atUtc` sorts correctly as text, which `at` (local offset) does not across DST changes. */
export type StoredEvent = RecordEvent & { atUtc: string };

export interface ChainHead {
  key: `head:${string}`;
  chainId: string;
  seq: number;
  hash: string;
  recordId: string;
}

export interface ActiveChain {
  key: 'activeChain';
  chainId: string;
}

export type MetaValue = ChainHead | ActiveChain;

export interface StoredScreenshot {
  recordId: string;
  blob: Blob;
}

/** A channel screenshot (policy 1.6) with the Stockholm date it was taken, for the index. */
export type StoredChannelShot = ChannelShot & { capturedDate: string; blob: Blob };

export interface ModereraDB extends DBSchema {
  records: {
    key: string;
    value: StoredEntry;
    indexes: {
      capturedDate: string;
      platform: string;
      commentKey: string;
      requestId: string;
      /** Since version 2. */
      chainSeq: [string, number];
    };
  };
  events: {
    key: string;
    value: StoredEvent;
    indexes: {
      recordId: string;
      at: string;
      /** Since version 2. */
      type: string;
    };
  };
  meta: { key: string; value: MetaValue };
  screenshots: { key: string; value: StoredScreenshot };
  /** Since version 3. */
  channelShots: {
    key: string;
    value: StoredChannelShot;
    indexes: { channelId: string; capturedDate: string };
  };
}

type UpgradeTransaction = IDBPTransaction<ModereraDB, StoreNames<ModereraDB>[], 'versionchange'>;

function createVersion1(db: IDBPDatabase<ModereraDB>): void {
  const records = db.createObjectStore('records', { keyPath: 'id' });
  records.createIndex('capturedDate', 'capturedDate');
  records.createIndex('platform', 'platform');
  records.createIndex('commentKey', 'commentKey');
  records.createIndex('requestId', 'requestId', { unique: true });
  const events = db.createObjectStore('events', { keyPath: 'id' });
  events.createIndex('recordId', 'recordId');
  events.createIndex('at', 'atUtc');
  db.createObjectStore('meta', { keyPath: 'key' });
  db.createObjectStore('screenshots', { keyPath: 'recordId' });
}

/**
 * Version 2: records by chain position (verifyChain walks it; import checks collisions)
 * and events by type. Index creation indexes the existing rows; if two rows clashed on
 * the unique chainSeq the upgrade would abort and leave version 1 untouched.
 */
function upgradeToVersion2(tx: UpgradeTransaction): void {
  tx.objectStore('records').createIndex('chainSeq', ['chainId', 'seq'], { unique: true });
  tx.objectStore('events').createIndex('type', 'type');
}

/** Version 3: the six-monthly screenshots of each official channel (policy section 1.6). */
function upgradeToVersion3(db: IDBPDatabase<ModereraDB>): void {
  const shots = db.createObjectStore('channelShots', { keyPath: 'id' });
  shots.createIndex('channelId', 'channelId');
  shots.createIndex('capturedDate', 'capturedDate');
}

export interface OpenOptions {
  /** Only tests open an older version, to exercise upgrades. */
  version?: number;
  /** Called when the browser closes the connection (another context upgrades, or the disk goes away). */
  onClosed?: () => void;
}

export function openModereraDb(name: string, options: OpenOptions = {}): Promise<IDBPDatabase<ModereraDB>> {
  const version = options.version ?? DB_VERSION;
  return openDB<ModereraDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      const target = newVersion ?? version;
      if (oldVersion < 1) createVersion1(db);
      if (oldVersion < 2 && target >= 2) upgradeToVersion2(tx);
      if (oldVersion < 3 && target >= 3) upgradeToVersion3(db);
    },
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      options.onClosed?.();
    },
    terminated() {
      options.onClosed?.();
    },
  });
}
