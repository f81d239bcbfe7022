/**
 * What a classification looks like on the wire: the background classifies for the content
 * scripts, and a content script checks each reply before it labels anything with it. zod's
 * "mini" API, built on first use, like the settings (content scripts load this).
 */
import { z } from 'zod/mini';
import { CATEGORY_IDS, FLAG_IDS, HINT_IDS } from '../policy/labels';
import type { Classification, LabelClassification } from './types';

/** At most this many texts are classified in one request (a content script asks per slice of work). */
export const MAX_CLASSIFY_BATCH = 2000;

/**
 * The longest text a request may carry: longer than any platform allows a comment to be
 * (WordPress: 65,525 bytes). A longer one (a page's odd markup) is classified in the page.
 */
export const MAX_CLASSIFY_TEXT_CHARS = 200_000;

function buildSchemas() {
  const offset = z.number().check(z.int(), z.nonnegative());
  const evidence = z.object({
    target: z.enum([...FLAG_IDS, ...CATEGORY_IDS, ...HINT_IDS]),
    start: offset,
    end: offset,
    text: z.string(),
    rule: z.string(),
  });
  const label = {
    category: z.enum(CATEGORY_IDS),
    flags: z.array(z.enum(FLAG_IDS)),
    hints: z.array(z.enum(HINT_IDS)),
    confidence: z.number().check(z.gte(0), z.lte(1)),
  };
  return {
    labels: z.object({ classifications: z.array(z.object(label)) }),
    full: z.object({ classifications: z.array(z.object({ ...label, evidence: z.array(evidence) })) }),
  };
}

let schemas: ReturnType<typeof buildSchemas> | null = null;

/** The classifications with their evidence of a reply to `count` texts, or an error that says what is wrong. */
export function parseClassifications(data: unknown, count: number): Classification[] {
  schemas ??= buildSchemas();
  return checked(schemas.full.safeParse(data), count);
}

/** The label classifications (no evidence) of a reply to `count` texts, or an error. */
export function parseLabelClassifications(data: unknown, count: number): LabelClassification[] {
  schemas ??= buildSchemas();
  return checked(schemas.labels.safeParse(data), count);
}

type Parsed<T> =
  | { success: true; data: { classifications: T[] } }
  | { success: false; error: z.core.$ZodError };

function checked<T>(parsed: Parsed<T>, count: number): T[] {
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`unreadable classifications (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`);
  }
  const { classifications } = parsed.data;
  if (classifications.length !== count)
    throw new Error(`${classifications.length} classifications for ${count} texts`);
  return classifications;
}

/** The classification a label shows (see `LabelClassification`). */
export function withoutEvidence({ evidence: _evidence, ...label }: Classification): LabelClassification {
  return label;
}
