/**
 * What the record store keeps: a register record per removed comment (captured content,
 * never changed after capture) and append-only events about it.
 */
import { z } from 'zod';
import type { CommentSnapshot } from '../platforms/types';
import { PLATFORM_IDS } from '../platforms/types';
import { CATEGORY_IDS, FLAG_IDS, HINT_IDS } from '../policy/labels';

export const LIMITS = {
  text: 100_000,
  name: 1_000,
  url: 8_192,
  id: 1_000,
  title: 10_000,
  note: 10_000,
  short: 200,
  evidenceItems: 1_000,
  listItems: 100,
  screenshotBytes: 25 * 1024 * 1024,
} as const;

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();

/** ISO 8601 with an explicit offset (Z or ±HH:MM). */
const isoWithOffset = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'ISO 8601 with offset')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'a real date and time');

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 hex');

export const snapshotSchema = z.strictObject({
  platform: z.enum(PLATFORM_IDS),
  commentId: text(LIMITS.id).min(1),
  permalink: nullableText(LIMITS.url),
  authorName: text(LIMITS.name),
  authorUrl: nullableText(LIMITS.url),
  text: text(LIMITS.text),
  postedRaw: nullableText(LIMITS.short),
  postedAt: nullableText(LIMITS.short),
  edited: z.boolean(),
  isReply: z.boolean(),
  parentId: nullableText(LIMITS.id),
  postId: nullableText(LIMITS.id),
  postUrl: nullableText(LIMITS.url),
  postTitle: nullableText(LIMITS.title),
  channelName: nullableText(LIMITS.name),
  channelUrl: nullableText(LIMITS.url),
});

// Keeps the schema and the adapters' interface in step: compiling fails if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const snapshotMatchesInterface: Same<z.infer<typeof snapshotSchema>, CommentSnapshot> = true;
void snapshotMatchesInterface;

export const evidenceSchema = z.strictObject({
  target: text(LIMITS.short),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: text(LIMITS.note),
  rule: text(LIMITS.short),
});

export const classificationSchema = z.strictObject({
  category: z.enum(CATEGORY_IDS),
  flags: z.array(z.enum(FLAG_IDS)).max(FLAG_IDS.length),
  hints: z.array(z.enum(HINT_IDS)).max(HINT_IDS.length),
  evidence: z.array(evidenceSchema).max(LIMITS.evidenceItems),
  classifierVersion: text(LIMITS.short),
});

export const REMOVAL_ACTIONS = ['delete', 'hide', 'register_only'] as const;
export type RemovalAction = (typeof REMOVAL_ACTIONS)[number];

export const secrecySchema = z.strictObject({
  /** The OSL provision, e.g. 'OSL 21 kap. 1 §' (OSL 5 kap. 5 §: a marking names it). */
  provision: text(LIMITS.short).min(1),
  markedAt: isoWithOffset,
});

export const decisionSchema = z.strictObject({
  flags: z.array(z.enum(FLAG_IDS)).max(FLAG_IDS.length),
  action: z.enum(REMOVAL_ACTIONS),
  note: text(LIMITS.note),
  secrecy: secrecySchema.nullable(),
});

export const moderatorSchema = z.strictObject({
  name: text(LIMITS.short).min(1),
  title: text(LIMITS.short),
  unit: text(LIMITS.short),
});

/** What the caller hands to appendRecord. */
export const recordInputSchema = z.strictObject({
  /** Chosen by the caller once per capture, reused on retry: a second append with it is a no-op. */
  requestId: text(LIMITS.short).min(1),
  snapshot: snapshotSchema,
  classification: classificationSchema,
  decision: decisionSchema,
  moderator: moderatorSchema,
});

export type RecordInput = z.infer<typeof recordInputSchema> & {
  screenshot?: Blob | null;
};

const chainFields = {
  /** Identifies one hash chain; a store adopts a restored backup's chain as a second chain. */
  chainId: z.uuid(),
  seq: z.number().int().nonnegative(),
  /** The record before this one in the chain, so a removed record can be named. */
  prevId: z.uuid().nullable(),
  prevHash: sha256Hex,
  hash: sha256Hex,
};

export const registerRecordSchema = z.strictObject({
  id: z.uuid(),
  requestId: text(LIMITS.short).min(1),
  capturedAt: isoWithOffset,
  snapshot: snapshotSchema,
  classification: classificationSchema,
  decision: decisionSchema,
  moderator: moderatorSchema,
  /** SHA-256 of the screenshot bytes; the bytes live in the `screenshots` store. */
  screenshotSha256: sha256Hex.nullable(),
  ...chainFields,
});

export type RegisterRecord = z.infer<typeof registerRecordSchema>;

/**
 * What stays of a record deleted after registration: its place in the chain and its hash,
 * so the chain still verifies (links are checked; the content hash cannot be, by design).
 */
export const tombstoneSchema = z.strictObject({
  id: z.uuid(),
  requestId: text(LIMITS.short).min(1),
  capturedAt: isoWithOffset,
  deleted: z.literal(true),
  deletedAt: isoWithOffset,
  ...chainFields,
});

export type Tombstone = z.infer<typeof tombstoneSchema>;
export type ChainEntry = RegisterRecord | Tombstone;

export function isTombstone(entry: ChainEntry): entry is Tombstone {
  return 'deleted' in entry && entry.deleted === true;
}

/**
 * A screenshot of a whole channel page (policy 1.6: every six months or at major changes),
 * kept like a record: who took it, when, of what, and the SHA-256 of the image bytes.
 */
export const channelShotSchema = z.strictObject({
  id: z.uuid(),
  channelId: text(LIMITS.short).min(1),
  channelName: text(LIMITS.name),
  url: text(LIMITS.url),
  capturedAt: isoWithOffset,
  moderator: moderatorSchema,
  mediaType: text(LIMITS.short),
  sha256: sha256Hex,
});
export type ChannelShot = z.infer<typeof channelShotSchema>;

export const EXPORT_FORMATS = ['csv', 'json', 'erms', 'report', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const REMOVAL_OUTCOMES = ['removed', 'hidden', 'failed', 'unknown'] as const;
export type RemovalOutcome = (typeof REMOVAL_OUTCOMES)[number];

const removalOutcomeFacts = z.strictObject({
  type: z.literal('removal_outcome'),
  outcome: z.enum(REMOVAL_OUTCOMES),
  /** Why it failed or is unknown ("tab closed", the platform's error …). */
  reason: nullableText(LIMITS.note),
});
const exportedFacts = z.strictObject({ type: z.literal('exported'), format: z.enum(EXPORT_FORMATS) });
const registeredFacts = z.strictObject({
  type: z.literal('registered'),
  diarienummer: text(LIMITS.short).min(1),
});
const deletedFacts = z.strictObject({ type: z.literal('deleted'), by: text(LIMITS.short) });
/** Why a record has no screenshot (no permission, comment off screen …), kept for the registrar. */
const screenshotMissingFacts = z.strictObject({
  type: z.literal('screenshot_missing'),
  failure: text(LIMITS.short).min(1),
  detail: nullableText(LIMITS.note),
});

export const eventFactsSchema = z.discriminatedUnion('type', [
  removalOutcomeFacts,
  exportedFacts,
  registeredFacts,
  deletedFacts,
  screenshotMissingFacts,
]);
export type EventFacts = z.infer<typeof eventFactsSchema>;

const eventBase = {
  id: z.uuid(),
  recordId: z.uuid(),
  at: isoWithOffset,
};

export const recordEventSchema = z.discriminatedUnion('type', [
  removalOutcomeFacts.extend(eventBase),
  exportedFacts.extend(eventBase),
  registeredFacts.extend(eventBase),
  deletedFacts.extend(eventBase),
  screenshotMissingFacts.extend(eventBase),
]);
export type RecordEvent = z.infer<typeof recordEventSchema>;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * 8 characters for people ("K7M2-9QXA" said on the phone): the first 40 bits of the id in
 * Crockford base32, which has no I, L, O or U to misread. Collisions become likely only
 * around a million records; the full id stays the key.
 */
export function shortId(id: string): string {
  const hex = id.replace(/-/g, '').slice(0, 10);
  if (!/^[0-9a-fA-F]{10}$/.test(hex)) throw new RangeError(`Not a record id: ${id}`);
  let bits = BigInt(`0x${hex}`);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = (CROCKFORD[Number(bits & 31n)] ?? '0') + out;
    bits >>= 5n;
  }
  return out;
}

export function commentKey(snapshot: Pick<CommentSnapshot, 'platform' | 'commentId'>): string {
  return `${snapshot.platform}:${snapshot.commentId}`;
}
