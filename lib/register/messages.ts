/** What a content script sends to register a comment, validated before anything is stored. */
import { z } from 'zod';
import {
  classificationSchema,
  decisionSchema,
  LIMITS,
  REMOVAL_OUTCOMES,
  snapshotSchema,
} from '../store/record';

export const registerRequestSchema = z.strictObject({
  /** Made once per click on "remove and register", reused on retry so nothing is stored twice. */
  requestId: z.uuid(),
  snapshot: snapshotSchema,
  classification: classificationSchema,
  decision: decisionSchema.extend({
    /** The provision only; the background stamps when it was marked. */
    secrecy: z.strictObject({ provision: z.string().min(1).max(LIMITS.short) }).nullable(),
  }),
});

export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const removalOutcomeSchema = z.strictObject({
  recordId: z.uuid(),
  outcome: z.enum(REMOVAL_OUTCOMES).exclude(['unknown']),
  reason: z.string().max(LIMITS.note).nullable(),
});
