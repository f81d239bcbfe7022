/** What a content script sends to register a comment, validated before anything is stored. */
import { z } from 'zod';
import { CAPTURE_FAILURES } from '../capture/messages';
import { maxBase64Length, PNG_MEDIA_TYPE } from '../capture/png';
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
  /**
   * The comment as it looked, cropped from the visible tab; null (or absent) when it could
   * not be captured. The registrar checks that the bytes are a PNG before storing them.
   */
  screenshot: z
    .strictObject({
      mediaType: z.literal(PNG_MEDIA_TYPE),
      base64: z.base64().max(maxBase64Length(LIMITS.screenshotBytes)),
    })
    .nullable()
    .optional(),
  /** Why there is no screenshot, when there is none; recorded as an event. */
  screenshotMissing: z
    .strictObject({ failure: z.enum(CAPTURE_FAILURES), detail: z.string().max(LIMITS.note).nullable() })
    .nullable()
    .optional(),
});

export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const removalOutcomeSchema = z.strictObject({
  recordId: z.uuid(),
  outcome: z.enum(REMOVAL_OUTCOMES).exclude(['unknown']),
  reason: z.string().max(LIMITS.note).nullable(),
});
