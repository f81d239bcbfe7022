/**
 * Detectors for identifying data, run on the original text. They validate rather than merely
 * pattern-match: personnummer and samordningsnummer must be real dates with a valid Luhn check
 * digit (or be introduced by a word such as "personnummer"), phone numbers must have the length
 * of a Swedish number, bankgiro and plusgiro numbers must pass their check digit.
 */
import type { Hit } from './types';

const ID_NUMBER = /(?<![\d+-])(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\d-])/g;
const ID_KEYWORD =
  /(?:personnummer|personnumret|personnr|person-nr|pnr|p-nr|samordningsnummer|samordningsnumret|födelsenummer|personal (?:id(?:entity)?|identity) number|ssn)\D{0,25}$/i;
const NOT_AN_ID =
  /(?:ärende|diarie|dnr|order|kund|faktura|referens|ref|ocr|objekt|artikel|beställning|avi)[a-zåäö]*\.?\s*(?:nr|nummer|number|no)?\.?\s*(?:är|:)?\s*$/i;
const PHONE =
  /(?<![\w+])(?:\+46|0046|0)[\s-]?(?:\(0\)\s?)?[1-9](?:[\s-]?\d){5,9}(?![\d])|(?<![\w+])\+(?:[1-35-9]\d{0,2}|4[0-57-9])[\s-]?\d(?:[\s-]?\d){6,12}(?!\d)/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/giu;
const ADDRESS =
  /(?<![\p{L}])\p{L}{2,}(?:vägen|väg|gatan|gata|stigen|gränd|backen|allén|allé|torget|leden|liden|slingan|gången|kroken|platsen|udden|ringen|vagen|gatan|stigen|grand|alle)\s\d{1,3}(?:\s?[a-f])?(?![\p{L}\d])/giu;
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

/** All identifying data in the text: id numbers first, so phone numbers do not claim them. */
export function detectIdentifiers(text: string): Hit[] {
  const hits: Hit[] = [];
  if (!/\d/.test(text) && !text.includes('@')) return hits;
  detectIdNumbers(text, hits);
  detectPhones(text, hits);
  detectSimple(EMAIL, 'confidential:email', text, hits);
  detectSimple(ADDRESS, 'confidential:address', text, hits);
  detectBank(text, hits);
  return hits;
}
