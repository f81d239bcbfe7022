/**
 * Questions seen on the platforms and whether they have been answered (policy 3.2: within
 * one working day). Kept in the extension's storage.local, one key per question, so two
 * tabs reporting at once never overwrite each other's questions.
 */
import { z } from 'zod';
import { PLATFORM_IDS } from '../platforms/types';
import { dueDate } from '../time/working-days';
import { EXCERPT_CHARS } from './excerpt';

export { clipExcerpt } from './excerpt';

export const QUESTION_PREFIX = 'question:';
/** Answered questions are forgotten after this many days, unanswered ones after the longer span. */
const KEEP_ANSWERED_DAYS = 14;
const KEEP_OPEN_DAYS = 60;
const DAY_MS = 86_400_000;

export const seenQuestionSchema = z.strictObject({
  platform: z.enum(PLATFORM_IDS),
  commentId: z.string().min(1).max(1000),
  permalink: z.string().max(8192).nullable(),
  authorName: z.string().max(1000),
  excerpt: z.string().max(EXCERPT_CHARS),
  /** ISO time the page gave for the post, if any. */
  postedAt: z.string().max(200).nullable(),
  postTitle: z.string().max(10_000).nullable(),
});
export type SeenQuestion = z.infer<typeof seenQuestionSchema>;

const storedQuestionSchema = seenQuestionSchema.extend({
  firstSeenAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type StoredQuestion = z.infer<typeof storedQuestionSchema>;

export interface OpenQuestion extends StoredQuestion {
  key: string;
  due: Date;
  overdue: boolean;
}

export interface QuestionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export function questionKey(question: Pick<SeenQuestion, 'platform' | 'commentId'>): string {
  return `${QUESTION_PREFIX}${question.platform}:${question.commentId}`;
}

/** Remembers questions not seen before; a question seen again keeps its first sighting. */
export async function rememberQuestions(area: QuestionArea, questions: readonly SeenQuestion[], now: Date) {
  const keys = questions.map(questionKey);
  const known = await area.get(keys);
  const fresh: Record<string, StoredQuestion> = {};
  for (const question of questions) {
    const key = questionKey(question);
    if (known[key] !== undefined || key in fresh) continue;
    fresh[key] = { ...question, firstSeenAt: now.toISOString(), answeredAt: null };
  }
  if (Object.keys(fresh).length > 0) await area.set(fresh);
  return Object.keys(fresh).length;
}

/** Marks a question answered; a question never seen is left alone. */
export async function markAnswered(
  area: QuestionArea,
  question: Pick<SeenQuestion, 'platform' | 'commentId'>,
  now: Date,
): Promise<void> {
  const key = questionKey(question);
  const parsed = storedQuestionSchema.safeParse((await area.get(key))[key]);
  if (!parsed.success) return;
  await area.set({ [key]: { ...parsed.data, answeredAt: now.toISOString() } });
}

function receivedAt(question: StoredQuestion): Date {
  const posted = question.postedAt ? new Date(question.postedAt) : null;
  return posted && !Number.isNaN(posted.getTime()) ? posted : new Date(question.firstSeenAt);
}

/** Unanswered questions, soonest due first; drops stale and unreadable entries as it goes. */
export async function openQuestions(area: QuestionArea, now: Date): Promise<OpenQuestion[]> {
  const all = await area.get(null);
  const open: OpenQuestion[] = [];
  const stale: string[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(QUESTION_PREFIX)) continue;
    const parsed = storedQuestionSchema.safeParse(value);
    if (!parsed.success) {
      stale.push(key);
      continue;
    }
    const question = parsed.data;
    const age = now.getTime() - Date.parse(question.answeredAt ?? question.firstSeenAt);
    if (age > (question.answeredAt ? KEEP_ANSWERED_DAYS : KEEP_OPEN_DAYS) * DAY_MS) stale.push(key);
    if (question.answeredAt) continue;
    const due = dueDate(receivedAt(question));
    open.push({ ...question, key, due, overdue: now > due });
  }
  if (stale.length > 0) await area.remove(stale);
  return open
    .filter((question) => !stale.includes(question.key))
    .sort((a, b) => a.due.getTime() - b.due.getTime() || a.firstSeenAt.localeCompare(b.firstSeenAt));
}
