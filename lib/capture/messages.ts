/**
 * The message a content script sends to have its comment captured, and what comes back.
 * Coordinates come from a page we do not control, so they are bounded before any use.
 */
import { z } from 'zod';

const coordinate = z.number().min(-1_000_000).max(1_000_000);
const length = z.number().positive().max(1_000_000);

export const captureCommentSchema = z.strictObject({
  /** The comment's bounding rectangle in CSS pixels of the viewport. */
  rect: z.strictObject({ x: coordinate, y: coordinate, width: length, height: length }),
  /** The viewport the rectangle is measured in (innerWidth × innerHeight). */
  viewport: z.strictObject({ width: length, height: length }),
});

export type CaptureCommentRequest = z.infer<typeof captureCommentSchema>;

/**
 * Why a register record has no screenshot: no permission, the tab was not the one shown,
 * the comment was not on screen, the browser failed, the background refused the image, or
 * the page offers no way to capture it.
 */
export const CAPTURE_FAILURES = [
  'no_permission',
  'tab_hidden',
  'not_visible',
  'failed',
  'rejected',
  'unavailable',
] as const;
export type CaptureFailure = (typeof CAPTURE_FAILURES)[number];

export type CaptureOutcome =
  | { ok: true; base64: string }
  | { ok: false; failure: CaptureFailure; detail: string | null };
