import { describe, expect, it } from 'vitest';
import { classifyBatch } from './batch';
import { classify } from './index';

describe('classifying a batch for content scripts', () => {
  it('gives what classify gives for each text, in order, with the user’s words', () => {
    const texts = ['Tack för hjälpen!', 'Hur söker man bygglov?', 'Det här är ett tjolahopp'];
    const words = { profanity: ['tjolahopp'] };
    expect(classifyBatch(texts, words)).toEqual(texts.map((text) => classify(text, { extraWords: words })));
    expect(classifyBatch(texts, words)[2]?.flags).toEqual(['profanity']);
    // Equal word lists from later requests (new objects each time) give the same answers.
    expect(classifyBatch(texts, { profanity: ['tjolahopp'] })).toEqual(classifyBatch(texts, words));
    expect(classifyBatch(texts)[2]?.flags).toEqual([]);
  });
});
