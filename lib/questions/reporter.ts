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

export interface QuestionReporterDeps {
  send(message: unknown): Promise<unknown>;
  schedule?: (run: () => void, ms: number) => void;
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
}: QuestionReporterDeps) {
  const reported = new Set<string>();
  let pending: SeenQuestion[] = [];
  let scheduled = false;

  // One batch per task: serialising 2,000 questions at once took one ~25 ms task on a slow machine.
  const flush = () => {
    const questions = pending.slice(0, BATCH);
    pending = pending.slice(BATCH);
    // Lost if the background is restarting; the next page load reports the question again.
    void send({ type: 'content.questionsSeen', questions }).catch(() => {});
    if (pending.length > 0) schedule(flush, 0);
    else scheduled = false;
  };

  const keyOf = (comment: Pick<CommentSnapshot, 'platform' | 'commentId'>) =>
    `${comment.platform}:${comment.commentId}`;

  return {
    /** Whether `seen` would report this comment: a question not reported yet (its snapshot can wait till then). */
    wants(comment: Pick<CommentSnapshot, 'platform' | 'commentId'>, classification: Classification): boolean {
      return classification.category === 'question' && !reported.has(keyOf(comment));
    },
    seen(snapshot: CommentSnapshot, classification: Classification): void {
      if (classification.category !== 'question') return;
      const key = keyOf(snapshot);
      if (reported.has(key)) return;
      reported.add(key);
      pending.push(toSeen(snapshot));
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
