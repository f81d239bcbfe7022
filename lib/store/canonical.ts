/**
 * Canonical JSON and the hashes of the record chain.
 *
 * hash = SHA-256(canonicalJson(hashedContent(record)) + prevHash), as lowercase hex over
 * UTF-8. The hashed content is the captured content plus the chain position (chainId, seq,
 * prevId) and the screenshot's own SHA-256; it excludes `hash`, `prevHash` (appended
 * instead) and derived index fields. A field added in a later schema version must not join
 * HASHED_FIELDS retroactively, or every older hash stops verifying.
 */
import type { RegisterRecord } from './record';
import { sha256HexSync } from './sha256-sync';

export const GENESIS_HASH = '0'.repeat(64);

export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | CanonicalValue[]
  | { [key: string]: CanonicalValue };

/** JSON with object keys sorted (by UTF-16 code units) and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('Canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new TypeError(`Canonical JSON cannot hold a ${typeof value}`);
}

export const HASHED_FIELDS = [
  'id',
  'requestId',
  'chainId',
  'seq',
  'prevId',
  'capturedAt',
  'snapshot',
  'classification',
  'decision',
  'moderator',
  'screenshotSha256',
] as const satisfies ReadonlyArray<keyof RegisterRecord>;

export type HashedContent = Pick<RegisterRecord, (typeof HASHED_FIELDS)[number]>;

export function hashedContent(record: HashedContent): HashedContent {
  const content: Partial<Record<keyof HashedContent, unknown>> = {};
  for (const field of HASHED_FIELDS) content[field] = record[field];
  return content as HashedContent;
}

function hashInput(content: HashedContent, prevHash: string): string {
  return canonicalJson(hashedContent(content)) + prevHash;
}

/** For use inside an IndexedDB transaction (see sha256-sync.ts). */
export function recordHashSync(content: HashedContent, prevHash: string): string {
  return sha256HexSync(hashInput(content, prevHash));
}

export async function sha256Hex(data: string | Uint8Array | ArrayBuffer): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function recordHash(content: HashedContent, prevHash: string): Promise<string> {
  return sha256Hex(hashInput(content, prevHash));
}

export async function blobSha256(blob: Blob): Promise<string> {
  return sha256Hex(await blob.arrayBuffer());
}
