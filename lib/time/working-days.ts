/**
 * Swedish working days, counted on Stockholm calendar dates.
 *
 * Non-working days: Saturdays, Sundays, the public holidays of lag (1989:253) om allmänna
 * helgdagar, and the eves that lag (1930:173) om beräkning av lagstadgad tid treats like
 * holidays (midsommarafton, julafton, nyårsafton).
 */
import {
  addCalendarDays,
  formatCalendarDate,
  fromStockholmWallTime,
  parseCalendarDate,
  stockholmDate,
  weekdayOf,
} from './stockholm';

/** Easter Sunday (Gregorian calendar), by the anonymous Meeus/Jones/Butcher computus. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatCalendarDate({ year, month, day });
}

/** The first date on or after `from` that falls on `weekday` (0 = Sunday … 6 = Saturday). */
function firstWeekdayOnOrAfter(from: string, weekday: number): string {
  return addCalendarDays(from, (weekday - weekdayOf(from) + 7) % 7);
}

const SATURDAY = 6;
const FRIDAY = 5;

/** Every day off in a year that is not simply a weekend, with its Swedish name. */
export function swedishDaysOff(year: number): Map<string, string> {
  const date = (month: number, day: number) => formatCalendarDate({ year, month, day });
  const easter = easterSunday(year);
  const entries: Array<[string, string]> = [
    [date(1, 1), 'nyårsdagen'],
    [date(1, 6), 'trettondedag jul'],
    [addCalendarDays(easter, -2), 'långfredagen'],
    [easter, 'påskdagen'],
    [addCalendarDays(easter, 1), 'annandag påsk'],
    [date(5, 1), 'första maj'],
    [addCalendarDays(easter, 39), 'Kristi himmelsfärdsdag'],
    [addCalendarDays(easter, 49), 'pingstdagen'],
    [date(6, 6), 'Sveriges nationaldag'],
    [firstWeekdayOnOrAfter(date(6, 19), FRIDAY), 'midsommarafton'],
    [firstWeekdayOnOrAfter(date(6, 20), SATURDAY), 'midsommardagen'],
    [firstWeekdayOnOrAfter(date(10, 31), SATURDAY), 'alla helgons dag'],
    [date(12, 24), 'julafton'],
    [date(12, 25), 'juldagen'],
    [date(12, 26), 'annandag jul'],
    [date(12, 31), 'nyårsafton'],
  ];
  return new Map(entries);
}

export function isWorkingDay(date: string): boolean {
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === SATURDAY) return false;
  return !swedishDaysOff(parseCalendarDate(date).year).has(date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string): string {
  let candidate = addCalendarDays(date, 1);
  while (!isWorkingDay(candidate)) candidate = addCalendarDays(candidate, 1);
  return candidate;
}

/**
 * When a question received at `receivedAt` should be answered ("helst inom en arbetsdag",
 * policy 3.2 and Bilaga 1).
 *
 * Due = the last millisecond (23:59:59.999 Stockholm time) of the first working day after
 * the Stockholm calendar day on which the question arrived. Whole days, not 24 hours from
 * arrival: a question at 08:00 and one at 16:55 on the same day share a deadline, which is
 * how people plan a working day, and a question on Friday evening, on a weekend or on a
 * holiday is due at the end of the next working day, as lag (1930:173) moves deadlines.
 * It is overdue when now > due. End of calendar day rather than end of office hours because
 * office hours differ between units; a unit that wants 16:30 can apply it to the date.
 */
export function dueDate(receivedAt: Date): Date {
  const dueDay = parseCalendarDate(nextWorkingDay(stockholmDate(receivedAt)));
  return fromStockholmWallTime({ ...dueDay, hour: 23, minute: 59, second: 59 }, 999);
}
