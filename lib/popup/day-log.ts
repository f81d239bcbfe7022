/** What the popup shows of a range of records: counts, one row per record, and search. */
import type { ExportItem } from '../export/describe';
import { CATEGORY_IDS, type CategoryId, FLAG_IDS, type FlagId } from '../policy/labels';
import { shortId } from '../store/record';
import { deriveStatus, type RecordStatus } from '../store/status';
import { recordMatches } from '../store/store';
import { stockholmClock, stockholmDate } from '../time/stockholm';

export interface LogRow {
  id: string;
  shortId: string;
  date: string;
  time: string;
  platform: ExportItem['record']['snapshot']['platform'];
  author: string;
  excerpt: string;
  category: CategoryId;
  flags: FlagId[];
  confidential: boolean;
  status: RecordStatus;
}

export interface Counts {
  total: number;
  categories: Record<CategoryId, number>;
  flags: Record<FlagId, number>;
}

const EXCERPT_WORDS = 10;

/** The first words of a text on one line, with an ellipsis when there is more. */
export function excerpt(text: string, words = EXCERPT_WORDS): string {
  const all = text.split(/\s+/).filter(Boolean);
  const head = all.slice(0, words).join(' ');
  return all.length > words ? `${head} …` : head;
}

export function toLogRow({ record, events }: ExportItem): LogRow {
  const captured = new Date(record.capturedAt);
  return {
    id: record.id,
    shortId: shortId(record.id),
    date: stockholmDate(captured),
    time: stockholmClock(captured).slice(0, 5),
    platform: record.snapshot.platform,
    author: record.snapshot.authorName,
    excerpt: excerpt(record.snapshot.text),
    category: record.classification.category,
    flags: record.decision.flags,
    confidential: record.decision.secrecy !== null,
    status: deriveStatus(events),
  };
}

/** Counts by the category the classifier gave and the flags the moderator confirmed. */
export function countItems(items: readonly ExportItem[]): Counts {
  const categories = Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0])) as Record<CategoryId, number>;
  const flags = Object.fromEntries(FLAG_IDS.map((id) => [id, 0])) as Record<FlagId, number>;
  for (const { record } of items) {
    categories[record.classification.category]++;
    for (const flag of record.decision.flags) flags[flag]++;
  }
  return { total: items.length, categories, flags };
}

/** The items a search matches: text, author, post, channel, note, ids and diarienummer. */
export function searchItems(items: readonly ExportItem[], query: string): ExportItem[] {
  const needle = query.trim().toLocaleLowerCase('sv');
  if (!needle) return [...items];
  return items.filter(
    (item) =>
      recordMatches(item.record, needle) ||
      item.events.some(
        (event) => event.type === 'registered' && event.diarienummer.toLocaleLowerCase('sv').includes(needle),
      ),
  );
}

/** Newest first, as people read a log. */
export function newestFirst(items: readonly ExportItem[]): ExportItem[] {
  return [...items].sort(
    (a, b) =>
      Date.parse(b.record.capturedAt) - Date.parse(a.record.capturedAt) || b.record.seq - a.record.seq,
  );
}
