/**
 * Detectors for identifying data, run on the original text. They validate rather than merely
 * pattern-match: personnummer and samordningsnummer must be real dates with a valid Luhn check
 * digit (or be introduced by a word such as "personnummer"), phone numbers must have the length
 * of a Swedish number, bankgiro and plusgiro numbers must pass their check digit.
 */
import { isLetter, isSpace } from './chars';
import { inputCodes } from './normalise';
import type { Hit } from './types';

const ID_NUMBER = /(?<![\d+-])(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\d-])/g;
const ID_KEYWORD =
  /(?:personnummer|personnumret|personnr|person-nr|pnr|p-nr|samordningsnummer|samordningsnumret|födelsenummer|personal (?:id(?:entity)?|identity) number|ssn)\D{0,25}$/i;
const NOT_AN_ID =
  /(?:ärende|diarie|dnr|order|kund|faktura|referens|ref|ocr|objekt|artikel|beställning|avi)[a-zåäö]*\.?\s*(?:nr|nummer|number|no)?\.?\s*(?:är|:)?\s*$/i;
const PHONE =
  /(?<![\w+])(?:\+46|0046|0)[\s-]?(?:\(0\)\s?)?[1-9](?:[\s-]?\d){5,9}(?![\d])|(?<![\w+])\+(?:[1-35-9]\d{0,2}|4[0-57-9])[\s-]?\d(?:[\s-]?\d){6,12}(?!\d)/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/giu;
/** The part of EMAIL from the @ on: an e-mail address contains a match of it. Quick to search. */
const EMAIL_TAIL = /@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/iu;
const ADDRESS =
  /(?<![\p{L}])\p{L}{2,}(?:vägen|väg|gatan|gata|stigen|gränd|backen|allén|allé|torget|leden|liden|slingan|gången|kroken|platsen|udden|ringen|vagen|gatan|stigen|grand|alle)\s\d{1,3}(?:\s?[a-f])?(?![\p{L}\d])/giu;
/** ADDRESS anchored at lastIndex. */
const ADDRESS_AT = new RegExp(ADDRESS.source, 'iuy');
const BANK =
  /(?:bankgiro|bankgironummer|bg|plusgiro|plusgironummer|pg|postgiro|kontonummer|kontonr|bankkonto|clearingnummer|clearingnr|iban)\b[\s:.-]*(?:nr|nummer)?[\s:.-]*(?:är\s)?((?:SE)?\d[\d\s-]{1,24}\d)/giu;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let value = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return sum % 10 === 0;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12) return false;
  const realDay = day > 60 ? day - 60 : day;
  const leap = year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  const max = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 31);
  return realDay >= 1 && realDay <= max;
}

export interface IdNumberCheck {
  dateValid: boolean;
  luhnValid: boolean;
  coordination: boolean;
}

/** Checks a personnummer or samordningsnummer in any of its notations. */
export function checkIdNumber(value: string): IdNumberCheck | null {
  ID_NUMBER.lastIndex = 0;
  const m = new RegExp(`^${ID_NUMBER.source}$`).exec(value.trim());
  if (!m) return null;
  return checkParts(m);
}

function checkParts(m: RegExpExecArray): IdNumberCheck | null {
  const [, century, yy = '', mm = '', dd = '', separator, serial = ''] = m;
  if (century !== undefined && !['18', '19', '20'].includes(century)) return null;
  if (century !== undefined && separator === '+') return null;
  const year = century !== undefined ? Number(century + yy) : null;
  const day = Number(dd);
  return {
    dateValid: validDate(year, Number(mm), day),
    luhnValid: luhnValid(yy + mm + dd + serial),
    coordination: day > 60,
  };
}

function detectIdNumbers(text: string, hits: Hit[]): void {
  ID_NUMBER.lastIndex = 0;
  for (let m = ID_NUMBER.exec(text); m !== null; m = ID_NUMBER.exec(text)) {
    const check = checkParts(m);
    if (!check?.dateValid) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const introduced = ID_KEYWORD.test(before);
    if (!introduced && (!check.luhnValid || NOT_AN_ID.test(before))) continue;
    const kind = check.coordination ? 'samordningsnummer' : 'personnummer';
    const rule = check.luhnValid ? `confidential:${kind}` : `confidential:${kind}-keyword`;
    hits.push({
      group: 'confidential',
      role: 'id-number',
      weight: 2,
      rule,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
}

function overlaps(hits: readonly Hit[], start: number, end: number): boolean {
  return hits.some((hit) => hit.start < end && start < hit.end);
}

function detectPhones(text: string, hits: Hit[]): void {
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m !== null; m = PHONE.exec(text)) {
    const digits = m[0].replace(/\D/g, '');
    const national =
      m[0].startsWith('+46') || m[0].startsWith('0046') ? digits.replace(/^0{0,2}46/, '') : digits;
    const swedish = m[0].startsWith('0') && !m[0].startsWith('00');
    if (swedish && (national.length < 8 || national.length > 10)) continue;
    if (overlaps(hits, m.index, m.index + m[0].length)) continue;
    hits.push({
      group: 'confidential',
      role: 'identifier',
      weight: 0,
      rule: 'confidential:phone',
      start: m.index,
      end: m.index + m[0].length,
    });
  }
}

function detectSimple(regex: RegExp, rule: string, text: string, hits: Hit[]): void {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    hits.push({
      group: 'confidential',
      role: 'identifier',
      weight: 0,
      rule,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
}

function detectBank(text: string, hits: Hit[]): void {
  BANK.lastIndex = 0;
  for (let m = BANK.exec(text); m !== null; m = BANK.exec(text)) {
    const keyword = m[0].toLowerCase();
    const digits = (m[1] ?? '').replace(/\D/g, '');
    const end = m.index + m[0].length;
    if (/^(?:bankgiro|bg)/.test(keyword)) {
      if (digits.length >= 7 && digits.length <= 8 && luhnValid(digits)) {
        hits.push({
          group: 'confidential',
          role: 'identifier',
          weight: 0,
          rule: 'confidential:bankgiro',
          start: m.index,
          end,
        });
      }
    } else if (/^(?:plusgiro|pg|postgiro)/.test(keyword)) {
      if (digits.length >= 2 && digits.length <= 8 && luhnValid(digits)) {
        hits.push({
          group: 'confidential',
          role: 'identifier',
          weight: 0,
          rule: 'confidential:plusgiro',
          start: m.index,
          end,
        });
      }
    } else if (digits.length >= 9 && digits.length <= 22) {
      hits.push({
        group: 'confidential',
        role: 'bank-account',
        weight: 2,
        rule: 'confidential:bank-account',
        start: m.index,
        end,
      });
    }
  }
}

/** The street-name endings of ADDRESS, lowercase. */
const STREET_ENDINGS = [
  'vägen',
  'väg',
  'gatan',
  'gata',
  'stigen',
  'gränd',
  'backen',
  'allén',
  'allé',
  'torget',
  'leden',
  'liden',
  'slingan',
  'gången',
  'kroken',
  'platsen',
  'udden',
  'ringen',
  'vagen',
  'grand',
  'alle',
];

/**
 * The letter a code unit matches in a case-insensitive Unicode expression (simple case folding),
 * for the letters of STREET_ENDINGS: ASCII and Ä, Å, É uppercase, the Kelvin sign (k), the long
 * s (s) and the Ångström sign (å).
 */
function streetFold(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code === 0xc4 || code === 0xc5 || code === 0xc9) return code + 32;
  if (code === 0x212a) return 107;
  if (code === 0x17f) return 115;
  if (code === 0x212b) return 0xe5;
  return code;
}

/** Whether a street-name ending ends at `end` (exclusive). */
function streetEndingAt(units: Uint16Array, end: number): boolean {
  for (const ending of STREET_ENDINGS) {
    const from = end - ending.length;
    if (from < 0) continue;
    let k = 0;
    while (k < ending.length && streetFold(units[from + k] ?? 0) === ending.charCodeAt(k)) k++;
    if (k === ending.length) return true;
  }
  return false;
}

const ASTRAL_LETTER = /^\p{L}$/u;

/** Where the run of letters (\p{L} code points) that ends at `end` (exclusive) starts. */
function letterRunStart(text: string, units: Uint16Array, end: number): number {
  let i = end;
  while (i > 0) {
    const unit = units[i - 1] ?? 0;
    if (unit >= 0xdc00 && unit <= 0xdfff && i >= 2) {
      const high = units[i - 2] ?? 0;
      if (high >= 0xd800 && high <= 0xdbff) {
        if (!ASTRAL_LETTER.test(text.slice(i - 2, i))) break;
        i -= 2;
        continue;
      }
    }
    if (!isLetter(unit)) break;
    i--;
  }
  return i;
}

/**
 * Street addresses, as a global scan with ADDRESS finds them. A match is a whole run of letters
 * (it starts where no letter precedes) ending in a street-name ending, then a space and a digit.
 * So it can start only at the start of a letter run that ends before a space and a digit, with a
 * street-name ending: ADDRESS runs anchored there, in text order, each after the previous match.
 */
function detectAddresses(text: string, units: Uint16Array, length: number, hits: Hit[]): void {
  let from = 0;
  for (let i = 1; i + 1 < length; i++) {
    const next = units[i + 1] ?? 0;
    if (!isSpace(units[i] ?? 0) || next < 48 || next > 57 || !streetEndingAt(units, i)) continue;
    const start = letterRunStart(text, units, i);
    if (start < from) continue;
    ADDRESS_AT.lastIndex = start;
    const m = ADDRESS_AT.exec(text);
    if (m === null) continue;
    const end = start + m[0].length;
    hits.push({
      group: 'confidential',
      role: 'identifier',
      weight: 0,
      rule: 'confidential:address',
      start,
      end,
    });
    from = end;
  }
}

/**
 * All identifying data in the text: id numbers first, so phone numbers do not claim them.
 * One scan counts what each detector needs before its expression can match (an id number has six
 * digits in a row, a phone number at least seven digits, an e-mail address an @, a street address
 * a space before a digit, a bank number two digits) and skips the detectors that cannot.
 */
export function detectIdentifiers(text: string, codes?: Uint16Array): Hit[] {
  const hits: Hit[] = [];
  const units = codes ?? inputCodes(text);
  const length = text.length;
  let digits = 0;
  let run = 0;
  let longestRun = 0;
  let at = false;
  let spaceDigit = false;
  for (let i = 0; i < length; i++) {
    const code = units[i] ?? 0;
    if (code >= 48 && code <= 57) {
      digits++;
      run++;
      if (run > longestRun) longestRun = run;
      if (!spaceDigit && i > 0) {
        const before = units[i - 1] ?? 0;
        spaceDigit = before === 32 || (before >= 9 && before <= 13) || (before > 127 && isSpace(before));
      }
    } else {
      run = 0;
      if (code === 64) at = true;
    }
  }
  if (digits === 0 && !at) return hits;
  if (longestRun >= 6) detectIdNumbers(text, hits);
  if (digits >= 7) detectPhones(text, hits);
  if (at && EMAIL_TAIL.test(text)) detectSimple(EMAIL, 'confidential:email', text, hits);
  if (spaceDigit) detectAddresses(text, units, length, hits);
  if (digits >= 2) detectBank(text, hits);
  return hits;
}
