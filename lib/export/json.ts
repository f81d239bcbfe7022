/**
 * The lossless backup: every chain entry (tombstones too) with its hashes, screenshots as
 * base64, every event, and the chain heads, so a restore verifies exactly like the original.
 *
 * Versioned for schema changes: parseBackup runs migrateBackup, which lifts an older backup
 * step by step (MIGRATIONS[n] turns version n into n + 1) before validating it against the
 * current schema. A migration may add or reshape fields but must leave every hashed field
 * (see store/canonical.ts) as it was, or the restored records stop verifying.
 */
import { z } from 'zod';
import { blobSha256, GENESIS_HASH, recordHash } from '../store/canonical';
import {
  type ChainEntry,
  channelShotSchema,
  isTombstone,
  recordEventSchema,
  registerRecordSchema,
  tombstoneSchema,
} from '../store/record';
import type { ChannelShotWithImage, ImportSummary, RecordStore, StoreDump } from '../store/store';
import { toStockholmIso } from '../time/stockholm';

export const BACKUP_FORMAT = 'moderera-backup';
export const BACKUP_VERSION = 2;

const screenshotSchema = z.strictObject({
  mediaType: z.string().max(100),
  base64: z.base64(),
});

const liveRecordSchema = registerRecordSchema.extend({ screenshot: screenshotSchema.nullable() });

/** Picks the schema by the `deleted` marker, so an error names the field rather than "no union member". */
const backupRecordSchema = z
  .custom<z.infer<typeof liveRecordSchema> | z.infer<typeof tombstoneSchema>>()
  .check((ctx) => {
    const value = ctx.value as unknown;
    const isDeleted = typeof value === 'object' && value !== null && 'deleted' in value;
    const result = (isDeleted ? tombstoneSchema : liveRecordSchema).safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) {
      ctx.issues.push({ code: 'custom', message: issue.message, path: issue.path, input: value });
    }
  });

const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  activeChainId: z.uuid().nullable(),
  heads: z.array(
    z.strictObject({
      chainId: z.uuid(),
      seq: z.number().int().nonnegative(),
      hash: z.string(),
      recordId: z.uuid(),
    }),
  ),
  records: z.array(backupRecordSchema),
  events: z.array(recordEventSchema),
  /** Since version 2: the channels' six-monthly screenshots (policy 1.6). */
  channelScreenshots: z.array(channelShotSchema.extend({ screenshot: screenshotSchema })),
});

export type Backup = z.infer<typeof backupSchema>;
export type BackupRecord = Backup['records'][number];

export type BackupErrorCode = 'not_json' | 'foreign' | 'too_new' | 'corrupt' | 'hash_mismatch';

const MESSAGES: Record<BackupErrorCode, { sv: string; en: string }> = {
  not_json: { sv: 'Filen är inte en JSON-fil.', en: 'The file is not JSON.' },
  foreign: {
    sv: 'Filen är ingen säkerhetskopia från Moderera.',
    en: 'The file is not a Moderera backup.',
  },
  too_new: {
    sv: 'Säkerhetskopian kommer från en nyare version av Moderera. Uppdatera tillägget först.',
    en: 'The backup comes from a newer version of Moderera. Update the extension first.',
  },
  corrupt: {
    sv: 'Säkerhetskopian är skadad eller ofullständig. Inget har importerats.',
    en: 'The backup is damaged or incomplete. Nothing was imported.',
  },
  hash_mismatch: {
    sv: 'En post i säkerhetskopian stämmer inte med sin kontrollsumma (den har ändrats). Inget har importerats.',
    en: 'A record in the backup does not match its checksum (it was changed). Nothing was imported.',
  },
};

export class BackupError extends Error {
  override readonly name = 'BackupError';
  readonly messageSv: string;
  readonly messageEn: string;

  constructor(
    readonly code: BackupErrorCode,
    detail = '',
    options?: { cause?: unknown },
  ) {
    const { sv, en } = MESSAGES[code];
    const suffix = detail ? ` (${detail})` : '';
    super(`${sv} / ${en}${suffix}`, options);
    this.messageSv = sv + suffix;
    this.messageEn = en + suffix;
  }
}

type Migration = (backup: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] lifts version n to n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 1 predates channel screenshots: it had none.
  1: (backup) => ({ ...backup, version: 2, channelScreenshots: [] }),
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lifts a backup object of any known version to `target`. */
export function migrateBackup(
  raw: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target = BACKUP_VERSION,
): Record<string, unknown> {
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT) throw new BackupError('foreign');
  let backup = raw;
  if (typeof backup.version !== 'number' || !Number.isInteger(backup.version) || backup.version < 1) {
    throw new BackupError('corrupt', 'version');
  }
  if (backup.version > target) throw new BackupError('too_new', `version ${backup.version}`);
  while ((backup.version as number) < target) {
    const step = migrations[backup.version as number];
    if (!step) throw new BackupError('corrupt', `no migration from version ${String(backup.version)}`);
    backup = step(backup);
  }
  return backup;
}

/** Reads and validates a backup file; throws BackupError for anything that is not a sound one. */
export function parseBackup(text: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BackupError('not_json', undefined, { cause: error });
  }
  const result = backupSchema.safeParse(migrateBackup(raw));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new BackupError('corrupt', issue ? `${issue.path.join('.')}: ${issue.message}` : '', {
      cause: result.error,
    });
  }
  return result.data;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function blobToBase64(blob: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

async function toBackupRecord(entry: ChainEntry, screenshot: Blob | undefined): Promise<BackupRecord> {
  if (isTombstone(entry)) return entry;
  if (!screenshot) return { ...entry, screenshot: null };
  return {
    ...entry,
    screenshot: { mediaType: screenshot.type || 'image/png', base64: await blobToBase64(screenshot) },
  };
}

/** The backup object of a store dump (see RecordStore.dump). */
export async function buildBackup(dump: StoreDump, exportedAt: Date): Promise<Backup> {
  const entries = [...dump.entries].sort((a, b) => a.chainId.localeCompare(b.chainId) || a.seq - b.seq);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: toStockholmIso(exportedAt),
    activeChainId: dump.activeChainId,
    heads: dump.heads,
    records: await Promise.all(entries.map((entry) => toBackupRecord(entry, dump.screenshots.get(entry.id)))),
    events: [...dump.events],
    channelScreenshots: await Promise.all(
      [...dump.channelShots]
        .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt) || a.id.localeCompare(b.id))
        .map(async ({ blob, ...shot }) => ({
          ...shot,
          screenshot: { mediaType: blob.type || shot.mediaType, base64: await blobToBase64(blob) },
        })),
    ),
  };
}

export async function backupJson(dump: StoreDump, exportedAt: Date): Promise<string> {
  return JSON.stringify(await buildBackup(dump, exportedAt), null, 1);
}

function splitRecord(record: BackupRecord): { entry: ChainEntry; screenshot: Blob | null } {
  if (isTombstone(record)) return { entry: record, screenshot: null };
  const { screenshot, ...entry } = record;
  if (!screenshot) return { entry, screenshot: null };
  return { entry, screenshot: new Blob([base64ToBytes(screenshot.base64)], { type: screenshot.mediaType }) };
}

async function recordProblem(entry: ChainEntry, screenshot: Blob | null): Promise<string | null> {
  if (isTombstone(entry)) return null;
  if ((await recordHash(entry, entry.prevHash)) !== entry.hash) return 'content';
  const screenshotHash = screenshot ? await blobSha256(screenshot) : null;
  return screenshotHash === entry.screenshotSha256 ? null : 'screenshot';
}

function linkProblem(entry: ChainEntry, previous: ChainEntry | undefined): boolean {
  if (entry.seq === 0) return entry.prevHash !== GENESIS_HASH || entry.prevId !== null;
  if (!previous || previous.seq !== entry.seq - 1) return false;
  return entry.prevHash !== previous.hash || entry.prevId !== previous.id;
}

/** Checks every record's hash and every link between neighbours the backup holds. */
async function verifyBackup(parts: Array<{ entry: ChainEntry; screenshot: Blob | null }>): Promise<void> {
  const byPosition = new Map(parts.map(({ entry }) => [`${entry.chainId}:${entry.seq}`, entry]));
  for (const { entry, screenshot } of parts) {
    const problem = await recordProblem(entry, screenshot);
    if (problem) throw new BackupError('hash_mismatch', `${entry.id}: ${problem}`);
    if (linkProblem(entry, byPosition.get(`${entry.chainId}:${entry.seq - 1}`))) {
      throw new BackupError('hash_mismatch', `${entry.id}: link`);
    }
  }
}

/**
 * Restores a backup into a store: verifies every hash first, then adds what the store lacks
 * in one transaction. Never overwrites; a clash with a stored record aborts everything
 * (StoreError 'conflict'), a record that fails its hash aborts before writing (BackupError).
 */
export async function importBackup(store: RecordStore, backup: Backup): Promise<ImportSummary> {
  const parts = backup.records.map(splitRecord);
  await verifyBackup(parts);
  verifyHeads(backup, parts);
  const channelShots = await Promise.all(backup.channelScreenshots.map(verifiedChannelShot));
  const screenshots = new Map<string, Blob>();
  for (const { entry, screenshot } of parts) if (screenshot) screenshots.set(entry.id, screenshot);
  return store.importVerified({
    entries: parts.map(({ entry }) => entry),
    events: backup.events,
    screenshots,
    heads: backup.heads,
    activeChainId: backup.activeChainId,
    channelShots,
  });
}

/** A chain head must agree with the record it names when the backup holds that record. */
function verifyHeads(backup: Backup, parts: Array<{ entry: ChainEntry }>): void {
  const byId = new Map(parts.map(({ entry }) => [entry.id, entry]));
  for (const head of backup.heads) {
    const entry = byId.get(head.recordId);
    if (entry && (entry.hash !== head.hash || entry.seq !== head.seq || entry.chainId !== head.chainId)) {
      throw new BackupError('hash_mismatch', `head of chain ${head.chainId}`);
    }
  }
}

async function verifiedChannelShot({
  screenshot,
  ...shot
}: Backup['channelScreenshots'][number]): Promise<ChannelShotWithImage> {
  const blob = new Blob([base64ToBytes(screenshot.base64)], { type: screenshot.mediaType });
  if ((await blobSha256(blob)) !== shot.sha256)
    throw new BackupError('hash_mismatch', `${shot.id}: screenshot`);
  return { ...shot, blob };
}
