/**
 * Wall-clock time in Europe/Stockholm. Records, exports and deadlines speak Swedish local
 * time; computing dates in UTC would put an evening in Sweden on the wrong day.
 */

export const STOCKHOLM_TIME_ZONE = 'Europe/Stockholm';

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

let wallTimeFormat: Intl.DateTimeFormat | null = null;

/** Made on first use: a formatter with a time zone takes ~8 ms to make (ICU loads the zone). */
function wallTimeFormatter(): Intl.DateTimeFormat {
  wallTimeFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: STOCKHOLM_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  return wallTimeFormat;
}

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
}

function wallTimeFromIntl(date: Date): WallTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of wallTimeFormatter().formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function wallTimeAsUtcMs(wall: WallTime): number {
  const utc = new Date(0);
  utc.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  utc.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return utc.getTime();
}

const HOUR_MS = 3_600_000;
/**
 * Stockholm's offset per UTC hour. The offset only changes on whole UTC hours (01:00 UTC in
 * March and October), so one Intl call per hour serves every instant in it: exporting
 * 10,000 records asks Intl a few hundred times instead of 80,000.
 */
const offsetByUtcHour = new Map<number, number>();

function offsetMinutesAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    offset = Math.round((wallTimeAsUtcMs(wallTimeFromIntl(new Date(start))) - start) / 60_000);
    if (offsetByUtcHour.size >= 50_000) offsetByUtcHour.clear();
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

export function stockholmWallTime(date: Date): WallTime {
  assertValidDate(date);
  const shifted = new Date(date.getTime() + offsetMinutesAt(date.getTime()) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** Minutes east of UTC in Stockholm at this instant: 60 in winter, 120 in summer. */
export function stockholmOffsetMinutes(date: Date): number {
  assertValidDate(date);
  return offsetMinutesAt(date.getTime());
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `2026-11-28T14:02:03+01:00`: Stockholm wall time with its offset, second precision. */
export function toStockholmIso(date: Date): string {
  const wall = stockholmWallTime(date);
  const offset = formatOffset(stockholmOffsetMinutes(date));
  return `${formatCalendarDate(wall)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${offset}`;
}

export function formatCalendarDate(wall: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The Stockholm calendar date (YYYY-MM-DD) of an instant. */
export function stockholmDate(date: Date): string {
  return formatCalendarDate(stockholmWallTime(date));
}

/** `HH:MM` in Stockholm. */
export function stockholmClock(date: Date): string {
  const wall = stockholmWallTime(date);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/**
 * The instant at which Stockholm clocks show this wall time. Stockholm is UTC+1 or UTC+2,
 * so one of two candidates matches. In the repeated autumn hour the first (summer time)
 * occurrence wins; in the skipped spring hour the result is the instant one hour later.
 */
export function fromStockholmWallTime(wall: WallTime, milliseconds = 0): Date {
  const asUtc = wallTimeAsUtcMs(wall);
  const candidates = [asUtc - 120 * 60_000, asUtc - 60 * 60_000];
  const matching = candidates.find((ms) => wallTimeAsUtcMs(stockholmWallTime(new Date(ms))) === asUtc);
  return new Date((matching ?? asUtc - 60 * 60_000) + milliseconds);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseCalendarDate(text: string): { year: number; month: number; day: number } {
  const match = CALENDAR_DATE.exec(text);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${text}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`No such date: ${text}`);
  }
  return { year, month, day };
}

/** A calendar date shifted by whole days (pure date arithmetic, no time zone involved). */
export function addCalendarDays(date: string, days: number): string {
  const { year, month, day } = parseCalendarDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatCalendarDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekdayOf(date: string): number {
  const { year, month, day } = parseCalendarDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
