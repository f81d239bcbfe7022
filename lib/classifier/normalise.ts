/**
 * Normalises a comment once for lexicon matching: lowercase, accents stripped (å, ä, ö kept),
 * leetspeak inside words mapped to letters, runs of three or more equal letters folded to one,
 * spaced-out letters ("f i t t a") joined. Tokens are separated by single spaces and the string
 * starts and ends with a space, so whole-word matching needs only a space lookaround.
 * Every character keeps the span in the original text it came from.
 */

export interface NormalisedText {
  /** ' ' + tokens joined by ' ' + ' ' */
  readonly text: string;
  /** `text` with å, ä, ö folded to a, a, o (same length, same offsets). */
  readonly folded: string;
  /** Original UTF-16 start offset of each character of `text`. */
  readonly origStart: readonly number[];
  /** Original UTF-16 end offset (exclusive) of each character of `text`. */
  readonly origEnd: readonly number[];
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '€': 'e',
};

const ACCENTS: Record<string, string> = {
  á: 'a',
  à: 'a',
  â: 'a',
  ã: 'a',
  æ: 'ä',
  ç: 'c',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  í: 'i',
  ì: 'i',
  î: 'i',
  ï: 'i',
  ñ: 'n',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  õ: 'o',
  ø: 'ö',
  ú: 'u',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ý: 'y',
  ÿ: 'y',
};

const LETTER = /\p{L}/u;
const SWEDISH_FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o' };

/** Folds å, ä, ö to a, a, o: the spelling of a keyboard without them. */
export function foldSwedish(value: string): string {
  return value.replace(/[åäö]/g, (char) => SWEDISH_FOLD[char] ?? char);
}

const OTHER = 0;
const LETTER_KIND = 1;
const DIGIT = 2;
const LEET_KIND = 3;
const STAR = 4;
const SPACE = 32;

/** Kind and lowercased, accent-stripped code of every BMP code unit, computed once. */
const KIND = new Uint8Array(0x10000);
const LOWER = new Uint16Array(0x10000);
const LEET_CODE = new Uint16Array(128);

function initTables(): void {
  // Letters above U+3000 (CJK and the like) are not in the lexicons; they count as separators.
  for (let code = 0; code < 0x3000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCharCode(code);
    if (code >= 48 && code <= 57) KIND[code] = DIGIT;
    else if (char === '*') KIND[code] = STAR;
    else if (char in LEET) KIND[code] = LEET_KIND;
    else if (LETTER.test(char)) {
      const lower = char.toLowerCase().charAt(0);
      KIND[code] = LETTER_KIND;
      LOWER[code] = (ACCENTS[lower] ?? lower).charCodeAt(0);
    }
  }
  for (const [symbol, letter] of Object.entries(LEET)) LEET_CODE[symbol.charCodeAt(0)] = letter.charCodeAt(0);
}
initTables();

/** Output characters with their original spans; sized to the input, `length` is the fill. */
interface Buffers {
  chars: number[];
  starts: number[];
  ends: number[];
  length: number;
}

function isLetterAt(input: string, i: number, from: number, to: number): boolean {
  return i >= from && i < to && KIND[input.charCodeAt(i)] === LETTER_KIND;
}

function mapCode(input: string, i: number, from: number, to: number, letters: number): number {
  const code = input.charCodeAt(i);
  const kind = KIND[code];
  if (kind === LETTER_KIND) return LOWER[code] ?? code;
  if (kind === LEET_KIND) {
    const inside =
      code === 36
        ? isLetterAt(input, i + 1, from, to)
        : isLetterAt(input, i - 1, from, to) && isLetterAt(input, i + 1, from, to);
    return inside && letters >= 2 ? (LEET_CODE[code] ?? 0) : 0;
  }
  if (kind === DIGIT) {
    const leet = LEET_CODE[code] ?? 0;
    const touchesLetter = isLetterAt(input, i - 1, from, to) || isLetterAt(input, i + 1, from, to);
    return leet !== 0 && letters >= 2 && touchesLetter ? leet : code;
  }
  const next = input.charCodeAt(i + 1);
  const masked =
    isLetterAt(input, i - 1, from, to) && i + 1 < to && (isLetterAt(input, i + 1, from, to) || next === 42);
  return masked ? code : 0;
}

/** Resolves one run of token characters [from, to) of the input and appends it, folded, to `out`. */
function appendToken(input: string, from: number, to: number, out: Buffers): void {
  let letters = 0;
  for (let i = from; i < to; i++) if (KIND[input.charCodeAt(i)] === LETTER_KIND) letters++;
  const tokenStart = out.length;
  for (let i = from; i < to; i++) {
    const mapped = mapCode(input, i, from, to, letters);
    if (mapped === 0) continue;
    out.chars[out.length] = mapped;
    out.starts[out.length] = i;
    out.ends[out.length] = i + 1;
    out.length++;
  }
  foldRepeats(out, tokenStart);
}

/** Folds runs of three or more equal letters ("jäääävla") in out[from…] to one. */
function foldRepeats(out: Buffers, from: number): void {
  let write = from;
  let read = from;
  const { chars, starts, ends } = out;
  while (read < out.length) {
    const code = chars[read] ?? 0;
    let runEnd = read + 1;
    while (runEnd < out.length && chars[runEnd] === code) runEnd++;
    const fold = runEnd - read >= 3 && !(code >= 48 && code <= 57);
    const keepEnd = fold ? read + 1 : runEnd;
    for (let k = read; k < keepEnd; k++) {
      chars[write] = chars[k] ?? 0;
      starts[write] = starts[k] ?? 0;
      ends[write] = fold ? (ends[runEnd - 1] ?? 0) : (ends[k] ?? 0);
      write++;
    }
    read = runEnd;
  }
  out.length = write;
}

const SPACER = /^[\s._\-*/]{1,2}$/;

interface TokenSpan {
  from: number;
  to: number;
}

export function normalise(input: string): NormalisedText {
  // Plain arrays: allocating typed arrays per comment costs more than the whole scan.
  const buffers: Buffers = { chars: [], starts: [], ends: [], length: 0 };
  const spans: TokenSpan[] = [];
  let runStart = -1;
  for (let i = 0; i <= input.length; i++) {
    const code = i < input.length ? input.charCodeAt(i) : 0;
    const kind = i < input.length ? KIND[code] : OTHER;
    if (kind !== OTHER) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      const from = buffers.length;
      appendToken(input, runStart, i, buffers);
      if (buffers.length > from) spans.push({ from, to: buffers.length });
      runStart = -1;
    }
    if (code >= 0xd800 && code <= 0xdbff) i++;
  }
  return assemble(input, buffers, joinSpacedLetters(input, buffers, spans));
}

/** Joins three or more single letters separated by a space or a dot: "f i t t a", "k.u.k". */
function joinSpacedLetters(input: string, buffers: Buffers, spans: TokenSpan[]): TokenSpan[][] {
  const isSingle = (span: TokenSpan | undefined) => {
    if (!span || span.to - span.from !== 1) return false;
    const code = buffers.chars[span.from] ?? 0;
    return !(code >= 48 && code <= 57);
  };
  const groups: TokenSpan[][] = [];
  let i = 0;
  while (i < spans.length) {
    let j = i;
    while (j + 1 < spans.length && isSingle(spans[j]) && isSingle(spans[j + 1])) {
      const gap = input.slice(buffers.ends[spans[j]?.from ?? 0], buffers.starts[spans[j + 1]?.from ?? 0]);
      if (!SPACER.test(gap)) break;
      j++;
    }
    const size = j - i >= 2 ? j - i + 1 : 1;
    groups.push(spans.slice(i, i + size));
    i += size;
  }
  return groups;
}

function assemble(input: string, buffers: Buffers, groups: TokenSpan[][]): NormalisedText {
  let length = 1;
  for (const group of groups) for (const span of group) length += span.to - span.from;
  length += groups.length;
  const codes: number[] = new Array(length);
  const foldedCodes: number[] = new Array(length);
  const origStart: number[] = new Array(length);
  const origEnd: number[] = new Array(length);
  let pos = 0;
  let previousEnd = 0;
  for (const group of groups) {
    const firstStart = buffers.starts[group[0]?.from ?? 0] ?? previousEnd;
    codes[pos] = SPACE;
    origStart[pos] = previousEnd;
    origEnd[pos] = firstStart;
    pos++;
    for (const span of group) {
      for (let k = span.from; k < span.to; k++) {
        codes[pos] = buffers.chars[k] ?? SPACE;
        origStart[pos] = buffers.starts[k] ?? 0;
        origEnd[pos] = buffers.ends[k] ?? 0;
        pos++;
      }
    }
    previousEnd = origEnd[pos - 1] ?? previousEnd;
  }
  codes[pos] = SPACE;
  origStart[pos] = previousEnd;
  origEnd[pos] = input.length;
  for (let i = 0; i < length; i++) {
    const code = codes[i] ?? SPACE;
    foldedCodes[i] = code === 0xe5 || code === 0xe4 ? 0x61 : code === 0xf6 ? 0x6f : code;
  }
  return { text: decode(codes), folded: decode(foldedCodes), origStart, origEnd };
}

function decode(codes: readonly number[]): string {
  let text = '';
  for (let i = 0; i < codes.length; i += 4096) {
    text += String.fromCharCode(...codes.slice(i, i + 4096));
  }
  return text;
}

/** Normalises a lexicon word the same way as a comment, without the surrounding spaces. */
export function normaliseKey(word: string): string {
  return normalise(word).text.trim();
}
