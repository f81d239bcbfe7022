/**
 * The content script's half of the unanswered-questions list: questions the labeller sees
 * are sent to the background in small batches (once per comment and page), and a reply
 * inserted through Moderera marks its question answered.
 */
import type { Classification } from '../classifier';
import type { CommentSnapshot } from '../platforms/types';
import { clipExcerpt } from './excerpt';
import type { SeenQuestion } from './questions';

const BATCH = 200;
const DELAY_MS = 2000;
/**
 * Reading a question's snapshot takes ~0.3-0.6 ms on a slow machine (2,000 YouTube comments):
 * 200 in one task made a long task, so questions are read a few milliseconds per task, and
 * sent when a batch is full or the backlog is done.
 */
const READ_BUDGET_MS = 8;

export interface QuestionReporterDeps {
  send(message: unknown): Promise<unknown>;
  schedule?: (run: () => void, ms: number) => void;
  now?: () => number;
}

function toSeen(snapshot: CommentSnapshot): SeenQuestion {
  return {
    platform: snapshot.platform,
    commentId: snapshot.commentId.slice(0, 1000),
    permalink: snapshot.permalink?.slice(0, 8192) ?? null,
    authorName: snapshot.authorName.slice(0, 1000),
    excerpt: clipExcerpt(snapshot.text),
    postedAt: snapshot.postedAt?.slice(0, 200) ?? null,
    postTitle: snapshot.postTitle?.slice(0, 10_000) ?? null,
  };
}

export function createQuestionReporter({
  send,
  schedule = (run, ms) => setTimeout(run, ms),
  now = () => performance.now(),
}: QuestionReporterDeps) {
  const reported = new Set<string>();
  let pending: { key: string; read: () => CommentSnapshot | null }[] = [];
  let outgoing: SeenQuestion[] = [];
  let scheduled = false;

  const sendOutgoing = () => {
    const questions = outgoing;
    outgoing = [];
    // Lost if the background is restarting; the next page load reports the question again.
    if (questions.length > 0) void send({ type: 'content.questionsSeen', questions }).catch(() => {});
  };

  const flush = () => {
    const started = now();
    let taken = 0;
    while (taken < pending.length) {
      const { key, read } = pending[taken++] as (typeof pending)[number];
      const snapshot = read();
      if (snapshot) outgoing.push(toSeen(snapshot));
      else reported.delete(key); // gone from the page by now: reported if it comes back
      if (outgoing.length >= BATCH) sendOutgoing();
      if (now() - started >= READ_BUDGET_MS) break;
    }
    pending = pending.slice(taken);
    if (pending.length > 0) {
      schedule(flush, 0);
      return;
    }
    sendOutgoing();
    scheduled = false;
  };

  const keyOf = (comment: Pick<CommentSnapshot, 'platform' | 'commentId'>) =>
    `${comment.platform}:${comment.commentId}`;

  return {
    /**
     * Notes a labelled comment; a question not reported yet is reported within seconds. Its
     * snapshot (author, time, permalink) is read only then, off the labelling's path, through
     * `read`, which gives the comment as the page shows it at that moment (null once it is gone).
     */
    seen(
      comment: Pick<CommentSnapshot, 'platform' | 'commentId'>,
      classification: Pick<Classification, 'category'>,
      read: () => CommentSnapshot | null,
    ): void {
      if (classification.category !== 'question') return;
      const key = keyOf(comment);
      if (reported.has(key)) return;
      reported.add(key);
      pending.push({ key, read });
      if (!scheduled) {
        scheduled = true;
        schedule(flush, DELAY_MS);
      }
    },
    answered(snapshot: Pick<CommentSnapshot, 'platform' | 'commentId'>): void {
      const message = {
        type: 'content.questionAnswered',
        platform: snapshot.platform,
        commentId: snapshot.commentId,
      };
      void send(message).catch(() => {});
    },
  };
}
