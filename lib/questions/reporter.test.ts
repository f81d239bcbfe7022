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

  it('sends a long backlog one batch of 200 per task', () => {
    const sent: { questions: unknown[] }[] = [];
    const runs: Array<{ run: () => void; ms: number }> = [];
    const reporter = createQuestionReporter({
      send: async (message) => sent.push(message as { questions: unknown[] }),
      schedule: (run, ms) => runs.push({ run, ms }),
    });
    for (let i = 0; i < 450; i++) note(reporter, sampleSnapshot({ commentId: `q${i}` }), question);
    expect(runs.map(({ ms }) => ms)).toEqual([2000]);
    runs[0]?.run();
    expect(sent.map((message) => message.questions.length)).toEqual([200]);
    expect(runs.map(({ ms }) => ms)).toEqual([2000, 0]);
    note(reporter, sampleSnapshot({ commentId: 'late' }), question); // joins the backlog, no new timer
    runs[1]?.run();
    runs[2]?.run();
    expect(sent.map((message) => message.questions.length)).toEqual([200, 200, 51]);
    expect(runs).toHaveLength(3);
    note(reporter, sampleSnapshot({ commentId: 'later' }), question);
    expect(runs.map(({ ms }) => ms)).toEqual([2000, 0, 0, 2000]);
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
