import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markAnswered, openQuestions, questionKey, rememberQuestions, type SeenQuestion } from './questions';

const question = (overrides: Partial<SeenQuestion> = {}): SeenQuestion => ({
  platform: 'facebook',
  commentId: '111',
  permalink: 'https://www.facebook.com/tyresokommun/posts/1?comment_id=111',
  authorName: 'Lars',
  excerpt: 'När öppnar badet?',
  postedAt: null,
  postTitle: null,
  ...overrides,
});

describe('questions seen and answered', () => {
  const area = fakeBrowser.storage.local;
  beforeEach(() => fakeBrowser.reset());

  it('due at the end of the next working day; a Friday question waits over the weekend', async () => {
    // Friday 27 November 2026, 15:00 Stockholm.
    await rememberQuestions(
      area,
      [question({ postedAt: '2026-11-27T15:00:00+01:00' })],
      new Date('2026-11-27T15:05:00+01:00'),
    );
    const [open] = await openQuestions(area, new Date('2026-11-28T10:00:00+01:00'));
    expect(open?.due.toISOString()).toBe('2026-11-30T22:59:59.999Z');
    expect(open?.overdue).toBe(false);
    const [late] = await openQuestions(area, new Date('2026-12-01T08:00:00+01:00'));
    expect(late?.overdue).toBe(true);
  });

  it('keeps the first sighting when seen again, and leaves the list once answered', async () => {
    await rememberQuestions(area, [question()], new Date('2026-11-24T09:00:00Z'));
    expect(
      await rememberQuestions(
        area,
        [question(), question({ commentId: '222' })],
        new Date('2026-11-25T09:00:00Z'),
      ),
    ).toBe(1);
    const stored = (await area.get(questionKey(question())))[questionKey(question())] as {
      firstSeenAt: string;
    };
    expect(stored.firstSeenAt).toBe('2026-11-24T09:00:00.000Z');
    await markAnswered(area, question(), new Date('2026-11-25T10:00:00Z'));
    const open = await openQuestions(area, new Date('2026-11-25T11:00:00Z'));
    expect(open.map((q) => q.commentId)).toEqual(['222']);
  });

  it('drops unreadable entries and questions answered long ago', async () => {
    await area.set({ 'question:facebook:bad': { nonsense: true }, unrelated: 1 });
    await rememberQuestions(area, [question()], new Date('2026-10-01T09:00:00Z'));
    await markAnswered(area, question(), new Date('2026-10-01T10:00:00Z'));
    await openQuestions(area, new Date('2026-11-28T10:00:00Z'));
    expect(Object.keys(await area.get(null))).toEqual(['unrelated']);
  });
});
