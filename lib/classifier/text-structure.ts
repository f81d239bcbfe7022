/** Sentences and quoted passages of the original text, for rules that look at context. */
import { charBits, isSpace, LETTER_OR_NUMBER, UPPER } from './chars';

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

/**
 * Quoted passages. Sentence ends are found as /[.!?…]+(?=\s|$)|\n+|[.!?]+(?=\p{Lu})/gu would find
 * them, scanned by hand.
 */
const QUOTED = /(?<=^|[\s(:,])(['"“”‘’«»])([^'"“”‘’«»\n]{1,120}?)(['"“”‘’«»])(?=$|[\s.,!?:;)])/gu;

/** [.!?…\n:] */
function isBoundary(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026 || code === 10 || code === 58;
}

/** ['"“”‘’«»] */
function isQuote(code: number): boolean {
  return (
    code === 39 ||
    code === 34 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0xab ||
    code === 0xbb
  );
}

const ASTRAL_UPPER = /^\p{Lu}$/u;

/** Whether the code point at `index` is \p{Lu} (a surrogate pair is one code point). */
function upperAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return ASTRAL_UPPER.test(text.slice(index, index + 2));
  }
  return (charBits(code) & UPPER) !== 0;
}

/** 1: . ! ? (either sentence-end run), 2: … (only before a space or the end), 0: neither. */
function endMark(code: number): number {
  return code === 46 || code === 33 || code === 63 ? 1 : code === 0x2026 ? 2 : 0;
}

/** Appends the end offset of every sentence end of the text to `out`. */
function sentenceEnds(text: string, out: number[]): void {
  const length = text.length;
  let p = 0;
  while (p < length) {
    const code = text.charCodeAt(p);
    if (code === 10) {
      let q = p + 1;
      while (q < length && text.charCodeAt(q) === 10) q++;
      out.push(q);
      p = q;
      continue;
    }
    if (endMark(code) === 0) {
      p++;
      continue;
    }
    // [.!?…]+ followed by \s or the end.
    let q = p + 1;
    while (q < length && endMark(text.charCodeAt(q)) !== 0) q++;
    if (q === length || isSpace(text.charCodeAt(q))) {
      out.push(q);
      p = q;
      continue;
    }
    // [.!?]+ followed by an uppercase letter.
    if (endMark(code) === 1) {
      let r = p + 1;
      while (r < length && endMark(text.charCodeAt(r)) === 1) r++;
      if (r < length && upperAt(text, r)) {
        out.push(r);
        p = r;
        continue;
      }
    }
    p++;
  }
}

/** Sentences and quotes are found when a rule first asks for them. */
class Structure implements TextStructure {
  private boundaries: number[] | null = null;
  private quotes: number[] | null = null;

  constructor(private readonly text: string) {}

  private sentenceEnds(): number[] {
    if (this.boundaries === null) {
      this.boundaries = [];
      sentenceEnds(this.text, this.boundaries);
    }
    return this.boundaries;
  }

  private quoted(): number[] {
    if (this.quotes === null) {
      const { text } = this;
      const quotes: number[] = [];
      let marks = false;
      for (let i = 0, length = text.length; i < length; i++) {
        if (isQuote(text.charCodeAt(i))) {
          marks = true;
          break;
        }
      }
      if (marks) {
        QUOTED.lastIndex = 0;
        for (let m = QUOTED.exec(text); m !== null; m = QUOTED.exec(text)) {
          quotes.push(m.index, m.index + m[0].length);
        }
      }
      this.quotes = quotes;
    }
    return this.quotes;
  }

  sentenceOf(offset: number): number {
    const boundaries = this.sentenceEnds();
    let index = 0;
    while (index < boundaries.length && (boundaries[index] ?? 0) <= offset) index++;
    return index;
  }

  startsSentence(offset: number): boolean {
    const { text } = this;
    for (let i = offset - 1; i >= 0; i--) {
      const code = text.charCodeAt(i);
      if (isBoundary(code)) return true;
      if ((charBits(code) & LETTER_OR_NUMBER) !== 0) return false;
      if (code === 64) return false;
    }
    return true;
  }

  exclaims(offset: number): boolean {
    const { text } = this;
    let end = text.length;
    for (const boundary of this.sentenceEnds()) {
      if (boundary > offset) {
        end = boundary;
        break;
      }
    }
    let i = end - 1;
    while (i >= offset && isSpace(text.charCodeAt(i))) i--;
    return i >= offset && text.charCodeAt(i) === 33;
  }

  isQuoted(offset: number): boolean {
    const quotes = this.quoted();
    for (let i = 0; i < quotes.length; i += 2) {
      if (offset >= (quotes[i] ?? 0) && offset < (quotes[i + 1] ?? 0)) return true;
    }
    return false;
  }
}

export function analyseStructure(text: string): TextStructure {
  return new Structure(text);
}
