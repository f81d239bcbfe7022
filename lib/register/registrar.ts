/**
 * The background's half of "remove and register" (policy section 3): the record is written
 * and committed first; only then may the content script remove the comment on the platform,
 * and what happened is recorded as an event. Pending removals are remembered in session
 * storage, not in memory, so a service worker that dies mid-flow loses nothing: a retried
 * registration with the same request id finds the committed record, and a tab closed before
 * the outcome came leaves the outcome "unknown".
 */
import { signatureComplete } from '../replies/compose';
import type { Settings } from '../settings/settings';
import type { RegisterRecord, RemovalOutcome } from '../store/record';
import { shortId } from '../store/record';
import type { RecordStore } from '../store/store';
import { toStockholmIso } from '../time/stockholm';
import type { RegisterRequest } from './messages';

export const PENDING_KEY = 'pendingRemovals';

interface Pending {
  tabId: number;
  since: string;
}

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface RegistrarDeps {
  store: () => Promise<RecordStore>;
  settings: () => Promise<Settings>;
  session: SessionArea;
  now?: () => Date;
}

export interface Registered {
  recordId: string;
  shortId: string;
  /** Whether the content script should now remove the comment on the platform. */
  removeNow: boolean;
}

export class RegistrationError extends Error {
  override name = 'RegistrationError';
}

export function createRegistrar({ store, settings, session, now = () => new Date() }: RegistrarDeps) {
  const readPending = async (): Promise<Record<string, Pending>> =>
    ((await session.get(PENDING_KEY))[PENDING_KEY] as Record<string, Pending> | undefined) ?? {};

  const writePending = (pending: Record<string, Pending>) => session.set({ [PENDING_KEY]: pending });

  async function register(request: RegisterRequest, tabId: number): Promise<Registered> {
    const { signature } = await settings();
    if (!signatureComplete(signature)) {
      throw new RegistrationError(
        'Ange ditt namn, din titel och din enhet i inställningarna innan du registrerar. Inget har tagits bort.',
      );
    }
    const records = await store();
    const record: RegisterRecord = await records.appendRecord({
      requestId: request.requestId,
      snapshot: request.snapshot,
      classification: request.classification,
      decision: {
        ...request.decision,
        secrecy: request.decision.secrecy
          ? { provision: request.decision.secrecy.provision, markedAt: toStockholmIso(now()) }
          : null,
      },
      moderator: signature,
    });
    const removeNow = record.decision.action !== 'register_only' && !(await hasOutcome(records, record.id));
    if (removeNow) {
      const pending = await readPending();
      pending[record.id] = { tabId, since: toStockholmIso(now()) };
      await writePending(pending);
    }
    return { recordId: record.id, shortId: shortId(record.id), removeNow };
  }

  async function recordOutcome(
    recordId: string,
    outcome: RemovalOutcome,
    reason: string | null,
  ): Promise<void> {
    const records = await store();
    if (!(await records.getRecord(recordId))) throw new RegistrationError(`Ingen post med id ${recordId}.`);
    // One outcome per record and attempt: the event id makes a repeated message a no-op.
    await records.addEvent(
      recordId,
      { type: 'removal_outcome', outcome, reason },
      { id: outcomeEventId(recordId) },
    );
    const pending = await readPending();
    delete pending[recordId];
    await writePending(pending);
  }

  /** A closed tab can no longer report: its pending removals are recorded as unknown. */
  async function tabClosed(tabId: number): Promise<void> {
    const pending = await readPending();
    for (const [recordId, entry] of Object.entries(pending)) {
      if (entry.tabId === tabId)
        await recordOutcome(recordId, 'unknown', 'Fliken stängdes innan plattformen svarade.');
    }
  }

  /** After a restart: pending removals whose tab is gone get outcome unknown. */
  async function sweep(tabExists: (tabId: number) => Promise<boolean>): Promise<void> {
    const pending = await readPending();
    for (const [recordId, entry] of Object.entries(pending)) {
      if (!(await tabExists(entry.tabId))) {
        await recordOutcome(recordId, 'unknown', 'Fliken stängdes innan plattformen svarade.');
      }
    }
  }

  return { register, recordOutcome, tabClosed, sweep };
}

async function hasOutcome(records: RecordStore, recordId: string): Promise<boolean> {
  return (await records.eventsFor(recordId)).some((event) => event.type === 'removal_outcome');
}

/** A stable event id per record, so the outcome is written once however often it is reported. */
function outcomeEventId(recordId: string): string {
  return `${recordId.slice(0, 24)}0000000000ee`.slice(0, 36);
}
