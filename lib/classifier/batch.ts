/**
 * Classifying for content scripts, in the background. Each request brings its own copy of the
 * user's words, and the classifier remembers compiled words by the object that holds them: so
 * equal words are kept as one object here, and compiled once while the background lives.
 */
import { classify, prepareClassifier } from './index';
import { CUE_TABLES, FLAG_LEXICONS } from './lexicon';
import type { Classification, ClassifierSettings } from './types';

type ExtraWords = NonNullable<ClassifierSettings['extraWords']>;

/** The word lists of the last few settings (pages of one browser share the user's settings). */
const KEPT_WORD_LISTS = 4;
const wordLists = new Map<string, ExtraWords>();

function sharedWordList(extraWords: ExtraWords): ExtraWords {
  const key = JSON.stringify(extraWords);
  const known = wordLists.get(key);
  if (known) return known;
  if (wordLists.size >= KEPT_WORD_LISTS) wordLists.delete(wordLists.keys().next().value as string);
  wordLists.set(key, extraWords);
  return extraWords;
}

export function classifyBatch(texts: readonly string[], extraWords: ExtraWords = {}): Classification[] {
  const settings: ClassifierSettings = { extraWords: sharedWordList(extraWords) };
  return texts.map((text) => classify(text, settings));
}

let warm = false;

/**
 * Gets the classifier ready for a page whose content script has just started: compiles the
 * lexicons and classifies their own example comments, so that the page's comments meet
 * compiled lexicons and code the engine has already optimised. Once while the background lives.
 */
export function warmClassifier(): void {
  if (warm) return;
  warm = true;
  prepareClassifier();
  for (const file of [...FLAG_LEXICONS, ...CUE_TABLES])
    for (const entry of file.entries) classify(entry.example);
}
