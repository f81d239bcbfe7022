import { describe, expect, it, vi } from 'vitest';
import { classify, prepareClassifierStep } from '../classifier';
import { classifyBatch } from '../classifier/batch';
import { MAX_CLASSIFY_BATCH, MAX_CLASSIFY_TEXT_CHARS, withoutEvidence } from '../classifier/schema';
import { type ContentToBackground, contentToBackground } from '../messaging/messages';
import { createClassifyClient } from './classify-client';

const TEXTS = ['Tack för en fin sommar!', 'Vad fan håller ni på med?', 'Gatlampan på Storgatan är trasig.'];
const WORDS = { profanity: ['sommar'] };

/** What the background does with a classify message (entrypoints/background.ts). */
function background(message: ContentToBackground) {
  if (message.type !== 'content.classify') throw new Error(`unexpected ${message.type}`);
  const classifications = classifyBatch(message.texts, message.extraWords);
  return {
    ok: true,
    data: { classifications: message.evidence ? classifications : classifications.map(withoutEvidence) },
  };
}

/** What a label shows of the text's classification. */
const labelOf = (text: string, settings = {}) => withoutEvidence(classify(text, settings));

const localApi = { classify, prepareClassifierStep };

describe('classifying for a content script', () => {
  it('asks the background, with the user’s words, and gives its classifications without evidence', async () => {
    const sent: ContentToBackground[] = [];
    const loadLocal = vi.fn(async () => localApi);
    const client = createClassifyClient({
      send: async (message) => {
        sent.push(message);
        return background(message);
      },
      loadLocal,
    });
    const results = await client.labels(TEXTS, { extraWords: WORDS });
    expect(results).toEqual(TEXTS.map((text) => labelOf(text, { extraWords: WORDS })));
    expect(results.some((result) => result === undefined || 'evidence' in result)).toBe(false);
    expect(results[0]?.flags).toEqual(['profanity']); // the user's word counted
    expect(sent).toEqual([{ type: 'content.classify', texts: TEXTS, extraWords: WORDS, evidence: false }]);
    expect(loadLocal).not.toHaveBeenCalled();
  });

  it('asks for one text with its evidence, for an open panel', async () => {
    const sent: ContentToBackground[] = [];
    const client = createClassifyClient({
      send: async (message) => {
        sent.push(message);
        return background(message);
      },
      loadLocal: async () => localApi,
    });
    const text = TEXTS[1] as string;
    const full = await client.full(text, { extraWords: WORDS });
    expect(full).toEqual(classify(text, { extraWords: WORDS }));
    expect(full.evidence.length).toBeGreaterThan(0);
    expect(sent).toEqual([{ type: 'content.classify', texts: [text], extraWords: WORDS, evidence: true }]);
  });

  it('refuses a reply without evidence when the evidence was asked for, and classifies locally', async () => {
    const fallbacks: string[] = [];
    const client = createClassifyClient({
      send: async (message) => {
        if (message.type !== 'content.classify') throw new Error(`unexpected ${message.type}`);
        return { ok: true, data: { classifications: classifyBatch(message.texts).map(withoutEvidence) } };
      },
      loadLocal: async () => localApi,
      onFallback: (reason) => fallbacks.push(reason),
    });
    const text = TEXTS[1] as string;
    expect(await client.full(text, {})).toEqual(classify(text));
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toContain('evidence');
  });

  it('asks in requests of at most MAX_CLASSIFY_BATCH texts, and keeps the order', async () => {
    const texts = Array.from({ length: MAX_CLASSIFY_BATCH + 3 }, (_, i) =>
      i % 2 ? `Fråga ${i}?` : `Tack ${i}`,
    );
    const sizes: number[] = [];
    const client = createClassifyClient({
      send: async (message) => {
        if (message.type === 'content.classify') sizes.push(message.texts.length);
        return background(message);
      },
      loadLocal: async () => localApi,
    });
    const results = await client.labels(texts, {});
    expect(sizes).toEqual([MAX_CLASSIFY_BATCH, 3]);
    expect(results.map((result) => result?.category)).toEqual(texts.map((text) => classify(text).category));
  });

  it('classifies a text too long for any request in the page, and only that one', async () => {
    const long = `Vad fan! ${'Gatlampan är trasig. '.repeat(MAX_CLASSIFY_TEXT_CHARS / 20)}`;
    expect(long.length).toBeGreaterThan(MAX_CLASSIFY_TEXT_CHARS);
    const texts = [TEXTS[0] as string, long, TEXTS[2] as string];
    const sent: ContentToBackground[] = [];
    const loadLocal = vi.fn(async () => localApi);
    const fallback = vi.fn();
    const client = createClassifyClient({
      send: async (message) => {
        sent.push(contentToBackground.parse(message)); // as the background checks it
        return background(message);
      },
      loadLocal,
      onFallback: fallback,
    });
    expect(await client.labels(texts, {})).toEqual(texts.map((text) => labelOf(text)));
    expect(sent.map((message) => message.type === 'content.classify' && message.texts)).toEqual([
      [TEXTS[0], TEXTS[2]],
    ]);
    expect(await client.full(long, {})).toEqual(classify(long));
    expect(sent).toHaveLength(1);
    expect(loadLocal).toHaveBeenCalledTimes(1);
    expect(fallback).not.toHaveBeenCalled(); // the background answered all it was asked
  });

  it('leaves only the too long text without a classification when the classifier cannot load here', async () => {
    const long = 'Hej! '.repeat(MAX_CLASSIFY_TEXT_CHARS / 4);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const client = createClassifyClient({
      send: async (message) => background(message),
      loadLocal: async () => {
        throw new Error('the classifier script could not be loaded');
      },
    });
    const texts = [TEXTS[0] as string, long, TEXTS[1] as string];
    expect(await client.labels(texts, {})).toEqual([
      labelOf(TEXTS[0] as string),
      undefined,
      labelOf(TEXTS[1] as string),
    ]);
    expect(String(errors.mock.calls[0]?.[0])).toContain('too long to send');
    errors.mockRestore();
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
      const client = createClassifyClient({
        send,
        loadLocal,
        onFallback: (reason) => fallbacks.push(reason),
      });
      expect(await client.labels(TEXTS, { extraWords: WORDS })).toEqual(
        TEXTS.map((text) => labelOf(text, { extraWords: WORDS })),
      );
      expect(await client.full(TEXTS[0] as string, {})).toEqual(classify(TEXTS[0] as string));
      expect(loadLocal).toHaveBeenCalledTimes(1);
      expect(fallbacks).toHaveLength(2);
      expect(fallbacks[0]).not.toBe('');
    },
  );

  it('classifies in the content script when the background does not answer in time', async () => {
    const fallbacks: string[] = [];
    const client = createClassifyClient({
      send: () => new Promise(() => {}),
      loadLocal: async () => localApi,
      onFallback: (reason) => fallbacks.push(reason),
      timeoutMs: 20,
    });
    expect(await client.labels(TEXTS, {})).toEqual(TEXTS.map((text) => labelOf(text)));
    expect(fallbacks).toEqual(['no answer within 20 ms']);
  });

  it('fails when neither can classify, and tries to import the classifier again next time', async () => {
    const loadLocal = vi
      .fn<() => Promise<typeof localApi>>()
      .mockRejectedValueOnce(new Error('the classifier script could not be loaded'))
      .mockResolvedValue(localApi);
    const client = createClassifyClient({
      send: () => Promise.reject(new Error('Extension context invalidated')),
      loadLocal,
    });
    await expect(client.labels(TEXTS, {})).rejects.toThrow('could not be loaded');
    expect((await client.labels(TEXTS, {})).map((result) => result?.category)).toEqual(
      TEXTS.map((text) => classify(text).category),
    );
    expect(loadLocal).toHaveBeenCalledTimes(2);
  });
});
