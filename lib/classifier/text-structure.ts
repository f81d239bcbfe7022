/** Sentences and quoted passages of the original text, for rules that look at context. */

export interface TextStructure {
  /** The index of the sentence an original offset falls in. */
  sentenceOf(offset: number): number;
  /** Whether only spaces, emojis or punctuation precede the offset within its sentence. */
  startsSentence(offset: number): boolean;
  /** Whether the sentence of the offset ends with an exclamation mark ("Vilken fin film!"). */
  exclaims(offset: number): boolean;
  /** Whether the offset lies inside quotation marks (reported speech, a quoted slogan). */
  isQuoted(offset: number): boolean;
}

const SENTENCE_END = /[.!?…]+(?=\s|$)|\n+|[.!?]+(?=\p{Lu})/gu;
const QUOTED = /(?<=^|[\s(:,])(['"“”‘’«»])([^'"“”‘’«»\n]{1,120}?)(['"“”‘’«»])(?=$|[\s.,!?:;)])/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const BOUNDARY_CHAR = /[.!?…\n:]/;

export function analyseStructure(text: string): TextStructure {
  const boundaries: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) {
    boundaries.push(m.index + m[0].length);
  }
  const quotes: [number, number][] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m !== null; m = QUOTED.exec(text)) {
    quotes.push([m.index, m.index + m[0].length]);
  }
  return {
    sentenceOf(offset) {
      let index = 0;
      while (index < boundaries.length && (boundaries[index] ?? 0) <= offset) index++;
      return index;
    },
    startsSentence(offset) {
      for (let i = offset - 1; i >= 0; i--) {
        const char = text.charAt(i);
        if (BOUNDARY_CHAR.test(char)) return true;
        if (WORD_CHAR.test(char)) return false;
        if (char === '@') return false;
      }
      return true;
    },
    exclaims(offset) {
      const end = boundaries.find((boundary) => boundary > offset) ?? text.length;
      return /!\s*$/.test(text.slice(offset, end));
    },
    isQuoted(offset) {
      return quotes.some(([start, end]) => offset >= start && offset < end);
    },
  };
}
