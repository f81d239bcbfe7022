/**
 * The background's half of "remove and register" (policy section 3): the record is written
 * and committed first; only then may the content script remove the comment on the platform,
 * and what happened is recorded as an event. Pending removals are remembered in session
 * storage, not in memory, so a service worker that dies mid-flow loses nothing: a retried
 * registration with the same request id finds the committed record, and a tab closed before
 * the outcome came leaves the outcome "unknown".
 */
import { pngBlobFromBase64 } from '../capture/png';
import { signatureComplete } from '../replies/compose';
import type { Settings } from '../settings/settings';
import type { RegisterRecord, RemovalOutcome } from '../store/record';
import { LIMITS, shortId } from '../store/record';
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
  /** Whether the record has its screenshot. */
  screenshotStored: boolean;
  /** Why a screenshot that was sent was not stored (not a PNG, too large); null otherwise. */
  screenshotRejected: string | null;
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
    const screenshot = request.screenshot
      ? pngBlobFromBase64(request.screenshot.base64, LIMITS.screenshotBytes)
      : null;
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
      // A screenshot that is not a sane PNG is left out; the record is never refused for it.
      screenshot: screenshot?.ok ? screenshot.blob : null,
    });
    if (record.screenshotSha256 === null) {
      const missing =
        request.screenshotMissing ??
        (screenshot && !screenshot.ok
          ? { failure: 'rejected', detail: screenshot.reason }
          : { failure: 'unavailable', detail: null });
      // The id makes a retried registration add it once.
      await records.addEvent(
        record.id,
        { type: 'screenshot_missing', ...missing },
        { id: derivedEventId(record.id, 'ff') },
      );
    }
    const removeNow = record.decision.action !== 'register_only' && !(await hasOutcome(records, record.id));
    if (removeNow) {
      const pending = await readPending();
      pending[record.id] = { tabId, since: toStockholmIso(now()) };
      await writePending(pending);
    }
    return {
      recordId: record.id,
      shortId: shortId(record.id),
      removeNow,
      screenshotStored: record.screenshotSha256 !== null,
      screenshotRejected: screenshot && !screenshot.ok ? screenshot.reason : null,
    };
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
      { id: derivedEventId(recordId, 'ee') },
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

/** A stable event id per record and kind, so a fact is written once however often it is reported. */
function derivedEventId(recordId: string, kind: 'ee' | 'ff'): string {
  return `${recordId.slice(0, 24)}0000000000${kind}`;
}
