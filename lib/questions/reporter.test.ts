import { describe, expect, it } from 'vitest';
import { contentToBackground } from '../messaging/messages';
import { sampleSnapshot } from '../store/testing';
import { createQuestionReporter } from './reporter';

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
    expect(reporter.wants(sampleSnapshot({ commentId: 'q1' }), question)).toBe(true);
    reporter.seen(sampleSnapshot({ commentId: 'q1', text: 'När öppnar\nbadet?' }), question);
    expect(reporter.wants(sampleSnapshot({ commentId: 'q1' }), question)).toBe(false);
    expect(reporter.wants(sampleSnapshot({ commentId: 'p1' }), praise)).toBe(false);
    reporter.seen(sampleSnapshot({ commentId: 'q1' }), question);
    reporter.seen(sampleSnapshot({ commentId: 'p1' }), praise);
    reporter.seen(sampleSnapshot({ commentId: 'q2', text: 'x'.repeat(5000) }), question);
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
    for (let i = 0; i < 450; i++) reporter.seen(sampleSnapshot({ commentId: `q${i}` }), question);
    expect(runs.map(({ ms }) => ms)).toEqual([2000]);
    runs[0]?.run();
    expect(sent.map((message) => message.questions.length)).toEqual([200]);
    expect(runs.map(({ ms }) => ms)).toEqual([2000, 0]);
    reporter.seen(sampleSnapshot({ commentId: 'late' }), question); // joins the backlog, no new timer
    runs[1]?.run();
    runs[2]?.run();
    expect(sent.map((message) => message.questions.length)).toEqual([200, 200, 51]);
    expect(runs).toHaveLength(3);
    reporter.seen(sampleSnapshot({ commentId: 'later' }), question);
    expect(runs.map(({ ms }) => ms)).toEqual([2000, 0, 0, 2000]);
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
