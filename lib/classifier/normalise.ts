/**
 * Normalises a comment once for lexicon matching: lowercase, accents stripped (å, ä, ö kept),
 * leetspeak inside words mapped to letters, runs of three or more equal letters folded to one,
 * spaced-out letters ("f i t t a") joined. Tokens are separated by single spaces and the string
 * starts and ends with a space, so whole-word matching needs only a space lookaround.
 * Every character keeps the span in the original text it came from.
 *
 * The classifier works on `normaliseCodes`, which fills module-level typed arrays that are reused
 * by every call (allocating them per comment costs more than the scan); `normalise` copies the
 * result into a standalone object.
 */

import { isSpace } from './chars';

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

/**
 * The normalised text as character codes in reusable buffers, valid until the next call of
 * `normaliseCodes`. Only the first `length` elements of each array are meaningful.
 */
export interface NormalisedCodes {
  length: number;
  /** Codes of `text` (matching folds å, ä, ö as it reads them). */
  codes: Uint16Array;
  origStart: Int32Array;
  origEnd: Int32Array;
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

/** Not computed yet: a unit's kind and lowercased code are worked out the first time it is seen. */
const UNKNOWN = 255;
/**
 * Kind and lowercased, accent-stripped code of every BMP code unit, each computed once. Lazily:
 * working out all 12,000 letters up front took ~13 ms of the content script's first task.
 */
const KIND = new Uint8Array(0x10000).fill(UNKNOWN);
const LOWER = new Uint16Array(0x10000);
const LEET_CODE = new Uint16Array(128);
for (const [symbol, letter] of Object.entries(LEET)) LEET_CODE[symbol.charCodeAt(0)] = letter.charCodeAt(0);

function learnUnit(code: number): void {
  KIND[code] = OTHER;
  // Letters above U+3000 (CJK and the like) are not in the lexicons; they count as separators.
  if (code >= 0x3000 || (code >= 0xd800 && code <= 0xdfff)) return;
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

/** Makes sure KIND and LOWER know every unit of the input (the 0 after it included). */
function learnUnits(input: Uint16Array, inputLength: number): void {
  for (let i = 0; i <= inputLength; i++) {
    const code = input[i] ?? 0;
    if (KIND[code] === UNKNOWN) learnUnit(code);
  }
}

/** The input's code units (a typed array reads faster than charCodeAt on every kind of string). */
let source = new Uint16Array(256);

/**
 * Copies the UTF-16 code units of `input` into a reusable buffer, followed by a 0, and returns
 * the buffer. The next call overwrites it (`normalise` and `normaliseKey` call this too).
 */
export function inputCodes(input: string): Uint16Array {
  const length = input.length;
  if (source.length < length + 1) source = new Uint16Array(Math.max(length + 1, source.length * 2));
  const out = source;
  for (let i = 0; i < length; i++) out[i] = input.charCodeAt(i);
  out[length] = 0;
  return out;
}

/** Output position of the first character of every token, before spaced letters are joined. */
let tokenStarts = new Int32Array(256);

const scratch: NormalisedCodes = {
  length: 0,
  codes: new Uint16Array(512),
  origStart: new Int32Array(512),
  origEnd: new Int32Array(512),
};

function ensureCapacity(inputLength: number): void {
  if (tokenStarts.length < inputLength + 1) {
    tokenStarts = new Int32Array(Math.max(inputLength + 1, tokenStarts.length * 2));
  }
  // 1 + characters + one space per token.
  const out = 2 * inputLength + 2;
  if (scratch.codes.length < out) {
    const size = Math.max(out, scratch.codes.length * 2);
    scratch.codes = new Uint16Array(size);
    scratch.origStart = new Int32Array(size);
    scratch.origEnd = new Int32Array(size);
  }
}

function isLetterAt(input: Uint16Array, i: number, from: number, to: number): boolean {
  return i >= from && i < to && KIND[input[i] ?? 0] === LETTER_KIND;
}

function mapCode(input: Uint16Array, i: number, from: number, to: number, letters: number): number {
  const code = input[i] ?? 0;
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
    if (leet === 0 || letters < 2) return code;
    const touchesLetter = isLetterAt(input, i - 1, from, to) || isLetterAt(input, i + 1, from, to);
    return touchesLetter ? leet : code;
  }
  const masked =
    isLetterAt(input, i - 1, from, to) &&
    i + 1 < to &&
    (isLetterAt(input, i + 1, from, to) || input[i + 1] === 42);
  return masked ? code : 0;
}

/**
 * Resolves one run of token characters [from, to) of the input, with `letters` letters, and
 * writes it at `at` of the output, runs of three equal letters folded. Returns the end.
 */
function writeToken(input: Uint16Array, from: number, to: number, letters: number, at: number): number {
  const { codes, origStart, origEnd } = scratch;
  let out = at;
  if (letters === to - from) {
    for (let i = from; i < to; i++) {
      const code = LOWER[input[i] ?? 0] ?? 0;
      codes[out] = code;
      origStart[out] = i;
      origEnd[out] = i + 1;
      out++;
    }
  } else {
    for (let i = from; i < to; i++) {
      const code = mapCode(input, i, from, to, letters);
      if (code === 0) continue;
      codes[out] = code;
      origStart[out] = i;
      origEnd[out] = i + 1;
      out++;
    }
  }
  return foldRepeats(at, out);
}

/** Folds runs of three or more equal letters ("jäääävla") in output [from, to) to one; returns the new end. */
function foldRepeats(from: number, to: number): number {
  const { codes, origStart, origEnd } = scratch;
  // Most tokens have no run of three: find the first one before moving anything.
  let first = -1;
  for (let k = from + 2; k < to; k++) {
    const code = codes[k] ?? 0;
    if (code === codes[k - 1] && code === codes[k - 2] && !(code >= 48 && code <= 57)) {
      first = k - 2;
      break;
    }
  }
  if (first < 0) return to;
  // `first` starts a run: no earlier three equal codes were found.
  let read = first;
  let write = first;
  while (read < to) {
    const code = codes[read] ?? 0;
    let runEnd = read + 1;
    while (runEnd < to && codes[runEnd] === code) runEnd++;
    const foldRun = runEnd - read >= 3 && !(code >= 48 && code <= 57);
    const keepEnd = foldRun ? read + 1 : runEnd;
    for (let k = read; k < keepEnd; k++) {
      codes[write] = codes[k] ?? 0;
      origStart[write] = origStart[k] ?? 0;
      origEnd[write] = foldRun ? (origEnd[runEnd - 1] ?? 0) : (origEnd[k] ?? 0);
      write++;
    }
    read = runEnd;
  }
  return write;
}

/**
 * Normalises the text whose code units `input` holds (from `inputCodes`) into the shared buffers
 * and returns them. The buffers are overwritten by the next call, so callers must be done with
 * them first (the classifier is synchronous).
 *
 * Tokens are written as they are found, each after a space; three or more single letters in a
 * row are joined afterwards, which only removes the spaces between them.
 */
export function normaliseCodes(input: Uint16Array, inputLength: number): NormalisedCodes {
  ensureCapacity(inputLength);
  learnUnits(input, inputLength);
  const { codes, origStart, origEnd } = scratch;
  // `pos` is where the space before the next token goes.
  let pos = 0;
  let previousEnd = 0;
  let tokens = 0;
  let singles = 0;
  let joinable = false;
  let i = 0;
  while (i < inputLength) {
    const code = input[i] ?? 0;
    if (KIND[code] === OTHER) {
      // A separator; a high surrogate takes the unit after it along.
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      continue;
    }
    // A run of token characters. While it holds only letters (the common case) it is written
    // from pos + 1 as it is scanned; otherwise it is rewritten by writeToken.
    const runStart = i;
    let write = pos + 1;
    let letters = 0;
    let previous = -1;
    let same = 0;
    let repeats = false;
    for (; i < inputLength; i++) {
      const unit = input[i] ?? 0;
      const kind = KIND[unit] ?? 0;
      if (kind === OTHER) break;
      if (kind !== LETTER_KIND) continue;
      letters++;
      const lower = LOWER[unit] ?? 0;
      codes[write] = lower;
      origStart[write] = i;
      origEnd[write] = i + 1;
      write++;
      if (lower === previous) {
        same++;
        if (same >= 3) repeats = true;
      } else {
        previous = lower;
        same = 1;
      }
    }
    let end: number;
    if (letters === i - runStart) end = repeats ? foldRepeats(pos + 1, write) : write;
    else end = writeToken(input, runStart, i, letters, pos + 1);
    if (end > pos + 1) {
      codes[pos] = SPACE;
      origStart[pos] = previousEnd;
      origEnd[pos] = origStart[pos + 1] ?? 0;
      tokenStarts[tokens] = pos + 1;
      tokens++;
      const first = codes[pos + 1] ?? 0;
      if (end === pos + 2 && !(first >= 48 && first <= 57)) {
        singles++;
        if (singles >= 3) joinable = true;
      } else {
        singles = 0;
      }
      previousEnd = origEnd[end - 1] ?? previousEnd;
      pos = end;
    }
  }
  if (joinable) pos = joinSpacedLetters(input, tokens, pos);
  codes[pos] = SPACE;
  origStart[pos] = previousEnd;
  origEnd[pos] = inputLength;
  scratch.length = pos + 1;
  return scratch;
}

/** Whether token `token` is one character that is not a digit. */
function isSingle(token: number, tokens: number, end: number): boolean {
  const start = tokenStarts[token] ?? 0;
  const next = token + 1 < tokens ? (tokenStarts[token + 1] ?? 0) - 1 : end;
  if (next - start !== 1) return false;
  const code = scratch.codes[start] ?? 0;
  return !(code >= 48 && code <= 57);
}

/** [\s._\-*\/]: what may separate spaced-out letters. */
function isSpacer(code: number): boolean {
  return code === 46 || code === 95 || code === 45 || code === 42 || code === 47 || isSpace(code);
}

/** Whether the input between single-letter tokens `token` and `token + 1` is 1–2 spacer characters. */
function spacerGap(input: Uint16Array, token: number): boolean {
  const from = scratch.origEnd[tokenStarts[token] ?? 0] ?? 0;
  const to = scratch.origStart[tokenStarts[token + 1] ?? 0] ?? 0;
  const size = to - from;
  if (size < 1 || size > 2) return false;
  for (let i = from; i < to; i++) if (!isSpacer(input[i] ?? 0)) return false;
  return true;
}

/**
 * Joins three or more single letters separated by a space or a dot ("f i t t a", "k.u.k") into one
 * token by removing the spaces between them; `end` is the end of the output. Returns the new end.
 */
function joinSpacedLetters(input: Uint16Array, tokens: number, end: number): number {
  const { codes, origStart, origEnd } = scratch;
  let write = 0;
  let i = 0;
  while (i < tokens) {
    let j = i;
    while (j + 1 < tokens && isSingle(j, tokens, end) && isSingle(j + 1, tokens, end)) {
      if (!spacerGap(input, j)) break;
      j++;
    }
    const size = j - i >= 2 ? j - i + 1 : 1;
    // The space before the group, then the characters of its tokens.
    for (let token = i; token < i + size; token++) {
      const from = token === i ? (tokenStarts[token] ?? 0) - 1 : (tokenStarts[token] ?? 0);
      const to = token + 1 < tokens ? (tokenStarts[token + 1] ?? 0) - 1 : end;
      for (let k = from; k < to; k++) {
        codes[write] = codes[k] ?? 0;
        origStart[write] = origStart[k] ?? 0;
        origEnd[write] = origEnd[k] ?? 0;
        write++;
      }
    }
    i += size;
  }
  return write;
}

/** The string of the first `length` codes. */
export function decode(codes: Uint16Array, length: number): string {
  if (length <= 4096) {
    return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  }
  let text = '';
  for (let i = 0; i < length; i += 4096) {
    text += String.fromCharCode.apply(
      null,
      codes.subarray(i, Math.min(length, i + 4096)) as unknown as number[],
    );
  }
  return text;
}

export function normalise(input: string): NormalisedText {
  const result = normaliseCodes(inputCodes(input), input.length);
  const { length } = result;
  const text = decode(result.codes, length);
  return {
    text,
    folded: foldSwedish(text),
    origStart: Array.from(result.origStart.subarray(0, length)),
    origEnd: Array.from(result.origEnd.subarray(0, length)),
  };
}

/** A lowercase word of plain Swedish letters normalises to itself, unless it repeats a letter three times. */
const PLAIN_WORD = /^[a-zåäö]+$/;
const TRIPLE_LETTER = /(.)\1\1/;

/**
 * Normalises a lexicon word the same way as a comment, without the surrounding spaces.
 * Compiling the lexicons normalises ~1,200 words in a content script's first moments, most of
 * them plain, so those take a shortcut (classifier tests check it gives the same keys).
 */
export function normaliseKey(word: string): string {
  if (PLAIN_WORD.test(word) && !TRIPLE_LETTER.test(word)) return word;
  const result = normaliseCodes(inputCodes(word), word.length);
  return decode(result.codes, result.length).trim();
}
