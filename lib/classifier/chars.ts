/**
 * Facts about single UTF-16 code units, exactly as regular expressions see a code unit on its own
 * (a lone surrogate is no letter or space), computed on first use and remembered: building full
 * tables up front would cost tens of milliseconds at load for characters comments rarely contain.
 */

/** \s */
export const SPACE = 1;
/** \p{L} */
export const LETTER = 2;
/** [\p{L}\p{N}] */
export const LETTER_OR_NUMBER = 4;
/** \p{Lu} */
export const UPPER = 8;
const KNOWN = 128;

const BITS = new Uint8Array(0x10000);
const SPACE_RE = /\s/u;
const LETTER_RE = /\p{L}/u;
const LETTER_OR_NUMBER_RE = /[\p{L}\p{N}]/u;
const UPPER_RE = /\p{Lu}/u;

/** The facts (SPACE | LETTER | LETTER_OR_NUMBER | UPPER) about a code unit. */
export function charBits(code: number): number {
  const known = BITS[code] ?? 0;
  if (known !== 0) return known;
  const char = String.fromCharCode(code);
  let bits = KNOWN;
  if (SPACE_RE.test(char)) bits |= SPACE;
  if (LETTER_RE.test(char)) bits |= LETTER;
  if (LETTER_OR_NUMBER_RE.test(char)) bits |= LETTER_OR_NUMBER;
  if (UPPER_RE.test(char)) bits |= UPPER;
  BITS[code] = bits;
  return bits;
}

export function isSpace(code: number): boolean {
  return (charBits(code) & SPACE) !== 0;
}

export function isLetter(code: number): boolean {
  return (charBits(code) & LETTER) !== 0;
}

/** 0: not computed yet; else 1 + the lowercase code unit, or 0x10000 + 1 when special. */
const LOWER = new Int32Array(0x10000);
/** Returned by lowerUnit for a unit whose lowercase is longer or depends on context (İ, Σ). */
export const SPECIAL_LOWER = -1;

/**
 * The lowercase of a code unit as String.prototype.toLowerCase gives it for the character alone,
 * or SPECIAL_LOWER. Surrogates map to themselves: lowercasing an astral letter changes only its low
 * surrogate, and within the same high surrogate.
 */
export function lowerUnit(code: number): number {
  const known = LOWER[code] ?? 0;
  if (known !== 0) return known === 0x10001 ? SPECIAL_LOWER : known - 1;
  let lower = code;
  if (code < 0xd800 || code > 0xdfff) {
    const result = String.fromCharCode(code).toLowerCase();
    lower = result.length !== 1 || code === 0x3a3 ? SPECIAL_LOWER : result.charCodeAt(0);
  }
  LOWER[code] = lower === SPECIAL_LOWER ? 0x10001 : lower + 1;
  return lower;
}
