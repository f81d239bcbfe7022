/**
 * The content script's half of "remove and register": snapshot → record committed in the
 * background → only then the native removal → its outcome reported. Any failure before the
 * record is committed stops the flow with the comment still on the platform.
 */
import type { Classification } from '../classifier';
import { CLASSIFIER_VERSION } from '../classifier';
import type { Reply } from '../messaging/messages';
import type { CommentSnapshot, RemovalMode, RemovalResult } from '../platforms/types';
import type { RemovalAction } from '../store/record';
import type { RegisterRequest } from './messages';
import type { Registered } from './registrar';

export interface Decision {
  flags: RegisterRequest['decision']['flags'];
  action: RemovalAction;
  note: string;
  secrecyProvision: string | null;
}

export interface FlowDeps {
  send(message: unknown): Promise<Reply<unknown>>;
  remove(mode: RemovalMode): Promise<RemovalResult>;
  newRequestId?: () => string;
  /** Waits between retries of a message the background did not answer (it may be restarting). */
  pause?: (ms: number) => Promise<void>;
}

export type FlowResult =
  | { stage: 'registered'; shortId: string; recordId: string; removal: RemovalResult | null }
  | { stage: 'not_registered'; message: string };

const RETRIES = 3;

export async function removeAndRegister(
  snapshot: CommentSnapshot,
  classification: Classification,
  decision: Decision,
  deps: FlowDeps,
): Promise<FlowResult> {
  const request = {
    type: 'content.register',
    requestId: (deps.newRequestId ?? (() => crypto.randomUUID()))(),
    snapshot,
    classification: {
      category: classification.category,
      flags: classification.flags,
      hints: classification.hints,
      evidence: classification.evidence,
      classifierVersion: CLASSIFIER_VERSION,
    },
    decision: {
      flags: decision.flags,
      action: decision.action,
      note: decision.note,
      secrecy: decision.secrecyProvision ? { provision: decision.secrecyProvision } : null,
    },
  };
  const reply = await sendWithRetry(request, deps);
  if (!reply.ok) return { stage: 'not_registered', message: reply.error.message };
  const registered = reply.data as Registered;
  if (!registered.removeNow) {
    return { stage: 'registered', shortId: registered.shortId, recordId: registered.recordId, removal: null };
  }
  const mode: RemovalMode = decision.action === 'hide' ? 'hide' : 'delete';
  let removal: RemovalResult;
  try {
    removal = await deps.remove(mode);
  } catch (error) {
    removal = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  await sendWithRetry(
    {
      type: 'content.removalOutcome',
      recordId: registered.recordId,
      outcome: removal.ok ? removal.outcome : 'failed',
      reason: removal.ok ? null : removal.reason,
    },
    deps,
  );
  return { stage: 'registered', shortId: registered.shortId, recordId: registered.recordId, removal };
}

/** The same message again while the background does not answer; its request id makes a repeat harmless. */
async function sendWithRetry(message: unknown, deps: FlowDeps): Promise<Reply<unknown>> {
  const pause = deps.pause ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  let lastError = '';
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    try {
      const reply = await deps.send(message);
      if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
      lastError = 'no reply';
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await pause(300 * (attempt + 1));
  }
  return {
    ok: false,
    error: { code: 'failed', message: `Tillägget svarade inte (${lastError}). Inget har tagits bort.` },
  };
}
