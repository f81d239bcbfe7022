import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  formatCalendarDate,
  fromStockholmWallTime,
  stockholmDate,
  stockholmOffsetMinutes,
  stockholmWallTime,
  toStockholmIso,
  weekdayOf,
} from './stockholm';

describe('toStockholmIso', () => {
  it('writes winter time with +01:00', () => {
    expect(toStockholmIso(new Date('2026-11-28T13:02:03.456Z'))).toBe('2026-11-28T14:02:03+01:00');
  });

  it('writes summer time with +02:00', () => {
    expect(toStockholmIso(new Date('2026-07-01T10:00:00Z'))).toBe('2026-07-01T12:00:00+02:00');
  });

  it('follows the spring transition (2026-03-29 02:00 → 03:00)', () => {
    expect(toStockholmIso(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(toStockholmIso(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
  });

  it('follows the autumn transition (2026-10-25 03:00 → 02:00)', () => {
    expect(toStockholmIso(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(toStockholmIso(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
  });

  it('round-trips through Date', () => {
    const instant = new Date('2026-10-25T01:30:00Z');
    expect(new Date(toStockholmIso(instant)).getTime()).toBe(instant.getTime());
  });

  it('rejects an invalid date', () => {
    expect(() => toStockholmIso(new Date('nope'))).toThrow(RangeError);
  });
});

describe('stockholmDate', () => {
  it('puts a late UTC evening on the next Stockholm day', () => {
    expect(stockholmDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(stockholmDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(stockholmDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
  });
});

describe('stockholmOffsetMinutes', () => {
  it('is 60 in winter and 120 in summer', () => {
    expect(stockholmOffsetMinutes(new Date('2027-01-15T12:00:00Z'))).toBe(60);
    expect(stockholmOffsetMinutes(new Date('2027-07-15T12:00:00Z'))).toBe(120);
  });
});

describe('fromStockholmWallTime', () => {
  it('finds the instant of a wall time in winter and summer', () => {
    const wall = { year: 2026, month: 12, day: 28, hour: 23, minute: 59, second: 59 };
    expect(fromStockholmWallTime(wall).toISOString()).toBe('2026-12-28T22:59:59.000Z');
    expect(fromStockholmWallTime({ ...wall, month: 6, day: 1 }).toISOString()).toBe(
      '2026-06-01T21:59:59.000Z',
    );
  });

  it('takes the first occurrence of a repeated autumn hour and skips the spring gap', () => {
    const autumn = { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 };
    expect(fromStockholmWallTime(autumn).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    const spring = { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 };
    expect(toStockholmIso(fromStockholmWallTime(spring))).toBe('2026-03-29T03:30:00+02:00');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months and years', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('knows the weekday', () => {
    expect(weekdayOf('2026-12-24')).toBe(4);
  });
});

describe('the per-hour offset cache', () => {
  it('agrees with Intl on 5,000 instants from 1970 to 2100, DST edges included', () => {
    const intl = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const instants = Array.from({ length: 5000 }, () => Math.floor(random() * Date.UTC(2100, 0, 1)));
    instants.push(
      Date.UTC(2026, 2, 29, 0, 59, 59),
      Date.UTC(2026, 2, 29, 1),
      Date.UTC(2026, 9, 25, 0, 59, 59),
    );
    for (const ms of instants) {
      const date = new Date(ms);
      const wall = stockholmWallTime(date);
      const expected = intl.format(date).replace(' ', 'T');
      const actual = `${formatCalendarDate(wall)}T${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}:${String(wall.second).padStart(2, '0')}`;
      expect(actual, date.toISOString()).toBe(expected);
    }
  });
});
