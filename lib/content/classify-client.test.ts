import { describe, expect, it, vi } from 'vitest';
import { classify, prepareClassifierStep } from '../classifier';
import { classifyBatch } from '../classifier/batch';
import { MAX_CLASSIFY_BATCH } from '../classifier/schema';
import type { ContentToBackground } from '../messaging/messages';
import { createClassifyClient } from './classify-client';

const TEXTS = ['Tack för en fin sommar!', 'Vad fan håller ni på med?', 'Gatlampan på Storgatan är trasig.'];
const WORDS = { profanity: ['sommar'] };

/** What the background does with a classify message (entrypoints/background.ts). */
function background(message: ContentToBackground) {
  if (message.type !== 'content.classify') throw new Error(`unexpected ${message.type}`);
  return { ok: true, data: { classifications: classifyBatch(message.texts, message.extraWords) } };
}

const localApi = { classify, prepareClassifierStep };

describe('classifying for a content script', () => {
  it('asks the background, with the user’s words, and gives its classifications', async () => {
    const sent: ContentToBackground[] = [];
    const loadLocal = vi.fn(async () => localApi);
    const classifyTexts = createClassifyClient({
      send: async (message) => {
        sent.push(message);
        return background(message);
      },
      loadLocal,
    });
    const results = await classifyTexts(TEXTS, { extraWords: WORDS });
    expect(results).toEqual(TEXTS.map((text) => classify(text, { extraWords: WORDS })));
    expect(results[0]?.flags).toEqual(['profanity']); // the user's word counted
    expect(sent).toEqual([{ type: 'content.classify', texts: TEXTS, extraWords: WORDS }]);
    expect(loadLocal).not.toHaveBeenCalled();
  });

  it('asks in requests of at most MAX_CLASSIFY_BATCH texts, and keeps the order', async () => {
    const texts = Array.from({ length: MAX_CLASSIFY_BATCH + 3 }, (_, i) =>
      i % 2 ? `Fråga ${i}?` : `Tack ${i}`,
    );
    const sizes: number[] = [];
    const classifyTexts = createClassifyClient({
      send: async (message) => {
        if (message.type === 'content.classify') sizes.push(message.texts.length);
        return background(message);
      },
      loadLocal: async () => localApi,
    });
    const results = await classifyTexts(texts, {});
    expect(sizes).toEqual([MAX_CLASSIFY_BATCH, 3]);
    expect(results.map((result) => result.category)).toEqual(texts.map((text) => classify(text).category));
  });

  it.each([
    ['the background cannot be reached', () => Promise.reject(new Error('Could not establish connection'))],
    ['the background refuses', async () => ({ ok: false, error: { code: 'failed', message: 'boom' } })],
    ['the reply has too few classifications', async () => ({ ok: true, data: { classifications: [] } })],
    [
      'the reply is malformed',
      async () => ({
        ok: true,
        data: {
          classifications: TEXTS.map(() => ({ category: 'spam', flags: [], hints: [], evidence: [] })),
        },
      }),
    ],
  ])(
    'classifies in the content script, once it has imported the classifier, when %s',
    async (_case, send) => {
      const loadLocal = vi.fn(async () => localApi);
      const fallbacks: string[] = [];
      const classifyTexts = createClassifyClient({
        send,
        loadLocal,
        onFallback: (reason) => fallbacks.push(reason),
      });
      expect(await classifyTexts(TEXTS, { extraWords: WORDS })).toEqual(
        TEXTS.map((text) => classify(text, { extraWords: WORDS })),
      );
      expect(await classifyTexts(TEXTS.slice(0, 1), {})).toEqual([classify(TEXTS[0] as string)]);
      expect(loadLocal).toHaveBeenCalledTimes(1);
      expect(fallbacks).toHaveLength(2);
      expect(fallbacks[0]).not.toBe('');
    },
  );

  it('classifies in the content script when the background does not answer in time', async () => {
    const fallbacks: string[] = [];
    const classifyTexts = createClassifyClient({
      send: () => new Promise(() => {}),
      loadLocal: async () => localApi,
      onFallback: (reason) => fallbacks.push(reason),
      timeoutMs: 20,
    });
    expect(await classifyTexts(TEXTS, {})).toEqual(TEXTS.map((text) => classify(text)));
    expect(fallbacks).toEqual(['no answer within 20 ms']);
  });

  it('fails when neither can classify, and tries to import the classifier again next time', async () => {
    const loadLocal = vi
      .fn<() => Promise<typeof localApi>>()
      .mockRejectedValueOnce(new Error('the classifier script could not be loaded'))
      .mockResolvedValue(localApi);
    const classifyTexts = createClassifyClient({
      send: () => Promise.reject(new Error('Extension context invalidated')),
      loadLocal,
    });
    await expect(classifyTexts(TEXTS, {})).rejects.toThrow('could not be loaded');
    expect((await classifyTexts(TEXTS, {})).map((result) => result.category)).toEqual(
      TEXTS.map((text) => classify(text).category),
    );
    expect(loadLocal).toHaveBeenCalledTimes(2);
  });
});
