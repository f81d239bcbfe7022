/** Reading JSON Lines files of labelled comments (the format of shared/policy/LABELS.md). */
import { readFileSync } from 'node:fs';
import {
  CATEGORY_IDS,
  type CategoryId,
  FLAG_IDS,
  type FlagId,
  HINT_IDS,
  type HintId,
} from '../../lib/policy/labels';

export interface LabelledComment {
  id: string;
  text: string;
  category: CategoryId;
  flags: FlagId[];
  hints: HintId[];
  also: CategoryId[];
}

function isOneOf<T extends string>(ids: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (ids as readonly string[]).includes(value);
}

function listOf<T extends string>(ids: readonly T[], value: unknown): T[] {
  return Array.isArray(value) ? value.filter((item): item is T => isOneOf(ids, item)) : [];
}

export function readLabelled(path: string): LabelledComment[] {
  const out: LabelledComment[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const record = JSON.parse(line) as Record<string, unknown>;
    const { id, text, category } = record;
    if (typeof id !== 'string' || typeof text !== 'string' || !isOneOf(CATEGORY_IDS, category)) {
      throw new Error(`${path}:${index + 1}: not a labelled comment`);
    }
    out.push({
      id,
      text,
      category,
      flags: listOf(FLAG_IDS, record.flags),
      hints: listOf(HINT_IDS, record.hints),
      also: listOf(CATEGORY_IDS, record.also),
    });
  });
  return out;
}
