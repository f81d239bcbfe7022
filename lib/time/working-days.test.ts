import { describe, expect, it } from 'vitest';
import { toStockholmIso } from './stockholm';
import { dueDate, easterSunday, isWorkingDay, nextWorkingDay, swedishDaysOff } from './working-days';

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('swedishDaysOff', () => {
  it('lists the 2026 days off', () => {
    expect([...swedishDaysOff(2026).entries()].sort()).toEqual([
      ['2026-01-01', 'nyårsdagen'],
      ['2026-01-06', 'trettondedag jul'],
      ['2026-04-03', 'långfredagen'],
      ['2026-04-05', 'påskdagen'],
      ['2026-04-06', 'annandag påsk'],
      ['2026-05-01', 'första maj'],
      ['2026-05-14', 'Kristi himmelsfärdsdag'],
      ['2026-05-24', 'pingstdagen'],
      ['2026-06-06', 'Sveriges nationaldag'],
      ['2026-06-19', 'midsommarafton'],
      ['2026-06-20', 'midsommardagen'],
      ['2026-10-31', 'alla helgons dag'],
      ['2026-12-24', 'julafton'],
      ['2026-12-25', 'juldagen'],
      ['2026-12-26', 'annandag jul'],
      ['2026-12-31', 'nyårsafton'],
    ]);
  });

  it('knows the moving 2027 days', () => {
    const days = swedishDaysOff(2027);
    expect(days.get('2027-03-26')).toBe('långfredagen');
    expect(days.get('2027-03-29')).toBe('annandag påsk');
    expect(days.get('2027-05-06')).toBe('Kristi himmelsfärdsdag');
    expect(days.get('2027-06-25')).toBe('midsommarafton');
    expect(days.get('2027-06-26')).toBe('midsommardagen');
    expect(days.get('2027-11-06')).toBe('alla helgons dag');
  });
});

describe('isWorkingDay / nextWorkingDay', () => {
  it('knows weekends and holidays', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true);
    expect(isWorkingDay('2026-11-28')).toBe(false);
    expect(isWorkingDay('2026-06-19')).toBe(false);
    expect(isWorkingDay('2026-06-22')).toBe(true);
  });

  it('skips easter', () => {
    expect(nextWorkingDay('2026-04-02')).toBe('2026-04-07');
  });
});

const due = (iso: string) => toStockholmIso(dueDate(new Date(iso)));

describe('dueDate', () => {
  it('is the end of the next working day', () => {
    expect(due('2026-11-24T09:00:00+01:00')).toBe('2026-11-25T23:59:59+01:00');
  });

  it('moves a question on Friday 21:30 to the end of Monday', () => {
    expect(due('2026-11-27T21:30:00+01:00')).toBe('2026-11-30T23:59:59+01:00');
  });

  it('counts the Stockholm date, not the UTC date, late in the evening', () => {
    // 2026-11-26T23:30:00Z is Friday 00:30 in Stockholm: due Monday, not Friday.
    expect(due('2026-11-26T23:30:00Z')).toBe('2026-11-30T23:59:59+01:00');
  });

  it('skips julafton, juldagen, annandag jul and the weekend', () => {
    expect(due('2026-12-23T21:00:00+01:00')).toBe('2026-12-28T23:59:59+01:00');
    expect(due('2026-12-24T20:00:00+01:00')).toBe('2026-12-28T23:59:59+01:00');
  });

  it('skips nyårsafton and nyårsdagen', () => {
    expect(due('2026-12-30T10:00:00+01:00')).toBe('2027-01-04T23:59:59+01:00');
  });

  it('skips midsommarafton', () => {
    expect(due('2026-06-18T12:00:00+02:00')).toBe('2026-06-22T23:59:59+02:00');
  });

  it('skips the Easter days in 2027', () => {
    expect(due('2027-03-25T16:00:00+01:00')).toBe('2027-03-30T23:59:59+02:00');
  });

  it('moves a Saturday question to Monday', () => {
    expect(due('2026-11-28T14:02:03+01:00')).toBe('2026-11-30T23:59:59+01:00');
  });

  it('ends at the last millisecond of the day', () => {
    expect(dueDate(new Date('2026-11-24T09:00:00+01:00')).toISOString()).toBe('2026-11-25T22:59:59.999Z');
  });
});
