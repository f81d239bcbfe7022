/**
 * Chain verification. Walks each chain in seq order and reports the first problem: a
 * record whose content no longer matches its hash, a link that does not connect, a chain
 * position with no record (removed), or a tombstone without the events that allow one.
 * Uses crypto.subtle, independent of the synchronous SHA-256 the writer uses.
 */
import { blobSha256, GENESIS_HASH, recordHash } from './canonical';
import {
  type ChainEntry,
  isTombstone,
  type RecordEvent,
  type RegisterRecord,
  registerRecordSchema,
  tombstoneSchema,
} from './record';
import type { StoreDump } from './store';

export type VerifyFailureReason =
  /** Content or screenshot differs from what was hashed at capture. */
  | 'altered'
  /** A chain position has no record: it was removed outside deleteRegisteredRecord. */
  | 'missing'
  /** prevHash/prevId do not point at the record before. */
  | 'broken_link'
  /** The stored value is not a record any more (wrong shape or types). */
  | 'malformed'
  /** A tombstone without both a registered and a deleted event. */
  | 'unauthorised_deletion'
  /** The stored chain head disagrees with the last record. */
  | 'head_mismatch';

export type VerifyResult =
  | { ok: true; count: number }
  | {
      ok: false;
      chainId: string;
      firstBadSeq: number;
      /** The record at firstBadSeq, when it can be named (a removed one via its successor's prevId). */
      recordId: string | null;
      reason: VerifyFailureReason;
      detail: string;
    };

type Failure = Extract<VerifyResult, { ok: false }>;

function groupByChain(entries: readonly ChainEntry[]): Map<string, ChainEntry[]> {
  const chains = new Map<string, ChainEntry[]>();
  for (const entry of entries) {
    const chain = chains.get(entry.chainId) ?? [];
    chain.push(entry);
    chains.set(entry.chainId, chain);
  }
  for (const chain of chains.values()) chain.sort((a, b) => a.seq - b.seq);
  return chains;
}

async function contentProblem(
  record: RegisterRecord,
  screenshots: ReadonlyMap<string, Blob>,
): Promise<string | null> {
  if ((await recordHash(record, record.prevHash)) !== record.hash) return 'content hash differs';
  const screenshot = screenshots.get(record.id) ?? null;
  if (record.screenshotSha256 === null) return screenshot ? 'screenshot added after capture' : null;
  if (!screenshot) return 'screenshot missing';
  return (await blobSha256(screenshot)) === record.screenshotSha256 ? null : 'screenshot differs';
}

function tombstoneProblem(id: string, events: readonly RecordEvent[]): string | null {
  const types = new Set(events.filter((event) => event.recordId === id).map((event) => event.type));
  return types.has('registered') && types.has('deleted')
    ? null
    : 'deleted without registered and deleted events';
}

interface ChainContext {
  chainId: string;
  screenshots: ReadonlyMap<string, Blob>;
  events: readonly RecordEvent[];
}

async function entryFailure(
  entry: ChainEntry,
  previous: ChainEntry | null,
  context: ChainContext,
): Promise<Omit<Failure, 'ok' | 'chainId' | 'firstBadSeq'> | null> {
  const recordId = entry.id;
  const schema = isTombstone(entry) ? tombstoneSchema : registerRecordSchema;
  const parsed = schema.safeParse(entry);
  if (!parsed.success)
    return { recordId, reason: 'malformed', detail: parsed.error.issues[0]?.message ?? '' };
  if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH) || entry.prevId !== (previous?.id ?? null)) {
    return { recordId, reason: 'broken_link', detail: 'prevHash/prevId do not match the record before' };
  }
  const problem = isTombstone(entry)
    ? tombstoneProblem(entry.id, context.events)
    : await contentProblem(entry, context.screenshots);
  if (!problem) return null;
  return { recordId, reason: isTombstone(entry) ? 'unauthorised_deletion' : 'altered', detail: problem };
}

async function verifyChainEntries(
  chain: readonly ChainEntry[],
  head: StoreDump['heads'][number] | undefined,
  context: ChainContext,
): Promise<Failure | null> {
  const fail = (firstBadSeq: number, rest: Omit<Failure, 'ok' | 'chainId' | 'firstBadSeq'>): Failure => ({
    ok: false,
    chainId: context.chainId,
    firstBadSeq,
    ...rest,
  });
  let previous: ChainEntry | null = null;
  for (const [expectedSeq, entry] of chain.entries()) {
    if (entry.seq !== expectedSeq) {
      const onlyOneMissing = entry.seq === expectedSeq + 1;
      return fail(expectedSeq, {
        recordId: onlyOneMissing ? entry.prevId : null,
        reason: 'missing',
        detail: `no record at ${expectedSeq}…${entry.seq - 1}`,
      });
    }
    const failure = await entryFailure(entry, previous, context);
    if (failure) return fail(entry.seq, failure);
    previous = entry;
  }
  return headFailure(previous, head, fail);
}

function headFailure(
  last: ChainEntry | null,
  head: StoreDump['heads'][number] | undefined,
  fail: (seq: number, rest: Omit<Failure, 'ok' | 'chainId' | 'firstBadSeq'>) => Failure,
): Failure | null {
  const lastSeq = last?.seq ?? -1;
  if (!head)
    return fail(lastSeq, { recordId: last?.id ?? null, reason: 'head_mismatch', detail: 'no chain head' });
  if (head.seq > lastSeq) {
    const missing = lastSeq + 1;
    return fail(missing, {
      recordId: head.seq === missing ? head.recordId : null,
      reason: 'missing',
      detail: `no record at ${missing}…${head.seq}`,
    });
  }
  if (head.seq < lastSeq || head.hash !== last?.hash || head.recordId !== last.id) {
    return fail(head.seq, {
      recordId: head.recordId,
      reason: 'head_mismatch',
      detail: 'head is not the last record',
    });
  }
  return null;
}

export async function verifyEntries(
  dump: Pick<StoreDump, 'entries' | 'events' | 'screenshots' | 'heads'>,
): Promise<VerifyResult> {
  const chains = groupByChain(dump.entries);
  for (const head of dump.heads) if (!chains.has(head.chainId)) chains.set(head.chainId, []);
  for (const [chainId, chain] of chains) {
    const head = dump.heads.find((candidate) => candidate.chainId === chainId);
    const failure = await verifyChainEntries(chain, head, {
      chainId,
      screenshots: dump.screenshots,
      events: dump.events,
    });
    if (failure) return failure;
  }
  return { ok: true, count: dump.entries.length };
}
