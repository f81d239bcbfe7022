/**
 * Every message between the extension's parts, typed by direction and validated with zod on
 * receipt. Content scripts run on pages we do not control, so what they send is untrusted.
 */
import { z } from 'zod';
import { captureCommentSchema } from '../capture/messages';
import { MAX_CLASSIFY_BATCH, MAX_CLASSIFY_TEXT_CHARS } from '../classifier/schema';
import { PLATFORM_IDS } from '../platforms/types';
import { FLAG_IDS } from '../policy/labels';
import { seenQuestionSchema } from '../questions/questions';
import { registerRequestSchema, removalOutcomeSchema } from '../register/messages';

const platformId = z.enum(PLATFORM_IDS);
const count = z.number().int().min(0).max(1_000_000);

/** Messages a content script sends to the background. */
export const contentToBackground = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('content.pageStatus'),
      platform: platformId,
      labelled: count,
      toRemove: count,
      layoutProblem: z.boolean(),
    })
    .strict(),
  z.object({ type: z.literal('content.openOptions') }).strict(),
  /** A content script has started: the classifier gets ready for its comments. */
  z.object({ type: z.literal('content.prepareClassifier') }).strict(),
  /** Comment texts to classify, with the user's own words; the reply is one classification each. */
  z
    .object({
      type: z.literal('content.classify'),
      texts: z.array(z.string().max(MAX_CLASSIFY_TEXT_CHARS)).min(1).max(MAX_CLASSIFY_BATCH),
      extraWords: z.partialRecord(z.enum(FLAG_IDS), z.array(z.string().max(100)).max(1000)),
      /** false: what labels show, without the evidence (lib/classifier/types.ts, LabelClassification). */
      evidence: z.boolean(),
    })
    .strict(),
  z
    .object({
      type: z.literal('content.questionsSeen'),
      questions: z.array(seenQuestionSchema).min(1).max(200),
    })
    .strict(),
  seenQuestionSchema
    .pick({ platform: true, commentId: true })
    .extend({ type: z.literal('content.questionAnswered') }),
  registerRequestSchema.extend({ type: z.literal('content.register') }),
  removalOutcomeSchema.extend({ type: z.literal('content.removalOutcome') }),
  captureCommentSchema.extend({ type: z.literal('content.captureComment') }),
]);

/** Messages the popup or options page sends to the background. */
export const extensionPageToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('popup.activateOnTab'), tabId: z.number().int().min(0) }).strict(),
  z.object({ type: z.literal('options.blogHostsChanged') }).strict(),
  /** After a channel screenshot or a change to the channel register: the reminder badge is recomputed. */
  z.object({ type: z.literal('popup.channelShotTaken') }).strict(),
]);

export type ContentToBackground = z.infer<typeof contentToBackground>;
export type ExtensionPageToBackground = z.infer<typeof extensionPageToBackground>;
export type MessageToBackground = ContentToBackground | ExtensionPageToBackground;

export type ErrorCode = 'invalid_message' | 'wrong_sender' | 'failed';

export type Reply<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string } };

export function okReply<T>(data: T): Reply<T> {
  return { ok: true, data };
}

export function errorReply(code: ErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

/** A one-line description of why a message was refused, for logs and error replies. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(meddelandet)'}: ${issue.message}`)
    .join('; ');
}
