/**
 * The content script's half of "remove and register": screenshot of the comment → snapshot
 * and screenshot committed in the background → only then the native removal → its outcome
 * reported. Any failure before the record is committed stops the flow with the comment still
 * on the platform; a failed screenshot does not: the record is written without one and the
 * moderator is told why.
 */
import type { CaptureFailure, CaptureOutcome } from '../capture/messages';
import { PNG_MEDIA_TYPE } from '../capture/png';
import type { Classification } from '../classifier';
import { CLASSIFIER_VERSION } from '../classifier/version';
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
  /** Captures the comment as it looks now, before anything is stored; absent where it cannot be. */
  capture?: () => Promise<CaptureOutcome>;
}

/** Whether the record got its screenshot, and if not, why. */
export type ScreenshotState =
  | { stored: true }
  | { stored: false; failure: CaptureFailure; detail: string | null };

export type FlowResult =
  | {
      stage: 'registered';
      shortId: string;
      recordId: string;
      removal: RemovalResult | null;
      screenshot: ScreenshotState;
    }
  | { stage: 'not_registered'; message: string };

const RETRIES = 3;

export async function removeAndRegister(
  snapshot: CommentSnapshot,
  classification: Classification,
  decision: Decision,
  deps: FlowDeps,
): Promise<FlowResult> {
  const captured = await captureSafely(deps);
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
    screenshot: captured.ok ? { mediaType: PNG_MEDIA_TYPE, base64: captured.base64 } : null,
    screenshotMissing: captured.ok
      ? null
      : { failure: captured.failure, detail: captured.detail?.slice(0, 10_000) ?? null },
  };
  const reply = await sendWithRetry(request, deps);
  if (!reply.ok) return { stage: 'not_registered', message: reply.error.message };
  const registered = reply.data as Registered;
  const screenshot = screenshotState(captured, registered);
  const done = { stage: 'registered' as const, shortId: registered.shortId, recordId: registered.recordId };
  if (!registered.removeNow) return { ...done, removal: null, screenshot };
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
  return { ...done, removal, screenshot };
}

async function captureSafely(deps: FlowDeps): Promise<CaptureOutcome> {
  if (!deps.capture) return { ok: false, failure: 'unavailable', detail: null };
  try {
    return await deps.capture();
  } catch (error) {
    return { ok: false, failure: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}

function screenshotState(captured: CaptureOutcome, registered: Registered): ScreenshotState {
  // A retry may find the record an earlier attempt stored, screenshot and all.
  if (registered.screenshotStored) return { stored: true };
  if (!captured.ok) return { stored: false, failure: captured.failure, detail: captured.detail };
  return { stored: false, failure: 'rejected', detail: registered.screenshotRejected };
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
