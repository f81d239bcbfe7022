import { describe, expect, it } from 'vitest';
import { contentToBackground } from '../messaging/messages';
import type { CommentSnapshot } from '../platforms/types';
import { sampleSnapshot } from '../store/testing';
import { createQuestionReporter } from './reporter';

/** Notes a comment whose snapshot the page gives as it is. */
function note(
  reporter: ReturnType<typeof createQuestionReporter>,
  snapshot: CommentSnapshot,
  classification: never,
) {
  reporter.seen(snapshot, classification, () => snapshot);
}

const question = { category: 'question', flags: [], hints: [], evidence: [] } as never;
const praise = { category: 'praise', flags: [], hints: [], evidence: [] } as never;

describe('question reporter', () => {
  it('sends each question once, batched, as a valid message; other categories not at all', () => {
    const sent: unknown[] = [];
    const runs: Array<() => void> = [];
    const reporter = createQuestionReporter({
      send: async (message) => sent.push(message),
      schedule: (run) => runs.push(run),
    });
    note(reporter, sampleSnapshot({ commentId: 'q1', text: 'När öppnar\nbadet?' }), question);
    note(reporter, sampleSnapshot({ commentId: 'q1' }), question);
    note(reporter, sampleSnapshot({ commentId: 'p1' }), praise);
    note(reporter, sampleSnapshot({ commentId: 'q2', text: 'x'.repeat(5000) }), question);
    expect(runs).toHaveLength(1);
    runs[0]?.();
    expect(sent).toHaveLength(1);
    const parsed = contentToBackground.parse(sent[0]);
    expect(parsed.type === 'content.questionsSeen' && parsed.questions.map((q) => q.commentId)).toEqual([
      'q1',
      'q2',
    ]);
    expect(parsed.type === 'content.questionsSeen' && parsed.questions[0]?.excerpt).toBe('När öppnar badet?');
  });

  it('reads a long backlog a few milliseconds per task and sends it in batches of 200', () => {
    const sent: { questions: unknown[] }[] = [];
    const runs: Array<{ run: () => void; ms: number }> = [];
    let clock = 0;
    let readsPerTask: number[] = [];
    const reporter = createQuestionReporter({
      send: async (message) => sent.push(message as { questions: unknown[] }),
      schedule: (run, ms) => runs.push({ run, ms }),
      now: () => clock,
    });
    const noteSlow = (commentId: string) => {
      const snapshot = sampleSnapshot({ commentId });
      reporter.seen(snapshot, question, () => {
        clock += 1; // each read takes 1 ms
        readsPerTask = [...readsPerTask.slice(0, -1), (readsPerTask.at(-1) ?? 0) + 1];
        return snapshot;
      });
    };
    for (let i = 0; i < 450; i++) noteSlow(`q${i}`);
    expect(runs.map(({ ms }) => ms)).toEqual([2000]);
    const runNext = (index: number) => {
      readsPerTask = [...readsPerTask, 0];
      runs[index]?.run();
    };
    runNext(0);
    expect(readsPerTask).toEqual([8]);
    expect(sent).toEqual([]);
    expect(runs.map(({ ms }) => ms)).toEqual([2000, 0]);
    noteSlow('late'); // joins the backlog, no new timer
    for (let i = 1; i < runs.length; i++) runNext(i);
    expect(Math.max(...readsPerTask)).toBe(8);
    expect(readsPerTask.reduce((sum, reads) => sum + reads, 0)).toBe(451);
    expect(sent.map((message) => message.questions.length)).toEqual([200, 200, 51]);
    noteSlow('later');
    expect(runs.at(-1)?.ms).toBe(2000);
  });

  it('reads a question only when it reports it, as the page shows it then; one gone by then is skipped and may come back', () => {
    const sent: { questions: { commentId: string; authorName: string }[] }[] = [];
    const runs: Array<() => void> = [];
    const reporter = createQuestionReporter({
      send: async (message) => sent.push(message as (typeof sent)[number]),
      schedule: (run) => runs.push(run),
    });
    const reads: string[] = [];
    let onPage = true;
    const read = (commentId: string, authorName: string) => () => {
      reads.push(commentId);
      return commentId === 'gone' && !onPage ? null : sampleSnapshot({ commentId, authorName });
    };
    reporter.seen({ platform: 'facebook', commentId: 'q1' }, question, read('q1', 'Anna (edited)'));
    reporter.seen({ platform: 'facebook', commentId: 'p1' }, praise, read('p1', 'Per'));
    onPage = false;
    reporter.seen({ platform: 'facebook', commentId: 'gone' }, question, read('gone', 'Gunnar'));
    expect(reads).toEqual([]);
    runs[0]?.();
    expect(reads).toEqual(['q1', 'gone']);
    expect(sent.flatMap((message) => message.questions.map((q) => `${q.commentId} ${q.authorName}`))).toEqual(
      ['q1 Anna (edited)'],
    );
    onPage = true;
    reporter.seen({ platform: 'facebook', commentId: 'gone' }, question, read('gone', 'Gunnar'));
    reporter.seen({ platform: 'facebook', commentId: 'q1' }, question, read('q1', 'Anna'));
    runs[1]?.();
    expect(sent.flatMap((message) => message.questions.map((q) => q.commentId))).toEqual(['q1', 'gone']);
  });

  it('reports an inserted reply as an answer', () => {
    const sent: unknown[] = [];
    createQuestionReporter({ send: async (message) => sent.push(message) }).answered(sampleSnapshot());
    expect(contentToBackground.parse(sent[0])).toMatchObject({
      type: 'content.questionAnswered',
      platform: 'facebook',
    });
  });
});
