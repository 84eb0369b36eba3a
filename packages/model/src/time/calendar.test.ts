import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CxLimitError } from '../errors/limit-error.js';
import { CxOptionsError } from '../errors/options-error.js';
import { createCalendar } from './calendar.js';
import { MS_PER_DAY, MS_PER_HOUR } from './constants.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('the calendar', () => {
  it('labels periods in its own zone: a January cohort in Warsaw is "2024-01", not "2023-12"', () => {
    const months = createCalendar({ interval: 'month', timeZone: 'Europe/Warsaw' });
    // 00:30 on 1 January 2024 in Warsaw (+01:00) is 23:30 UTC on 31 December.
    const t = Date.UTC(2023, 11, 31, 23, 30);
    expect(months.keyOf(t)).toBe('2024-01');
    expect(iso(months.startOf(t))).toBe('2023-12-31T23:00:00.000Z');
    expect(months.periodOf(t)).toEqual({
      key: '2024-01',
      start: Date.UTC(2023, 11, 31, 23),
      end: Date.UTC(2024, 0, 31, 23),
    });
    expect(months.labelOfIndex(months.indexOf(t))).toBe('Jan 2024');
  });

  it('starts weeks on Monday by default and on any given day', () => {
    const t = Date.UTC(2024, 2, 13, 12); // Wednesday 13 March 2024
    expect(createCalendar({ interval: 'week' }).keyOf(t)).toBe('2024-03-11'); // Monday
    expect(createCalendar({ interval: 'week', weekStartsOn: 0 }).keyOf(t)).toBe('2024-03-10'); // Sunday
    expect(createCalendar({ interval: 'week', weekStartsOn: 6 }).keyOf(t)).toBe('2024-03-09'); // Saturday
    expect(createCalendar({ interval: 'week', weekStartsOn: 3 }).keyOf(t)).toBe('2024-03-13'); // the day itself
    expect(
      createCalendar({ interval: 'week' }).labelOfIndex(createCalendar({ interval: 'week' }).indexOf(t)),
    ).toBe('Week of 11 Mar 2024');
  });

  it('keys quarters and years, and days across DST', () => {
    expect(createCalendar({ interval: 'quarter' }).keyOf(Date.UTC(2024, 4, 5))).toBe('2024-Q2');
    expect(
      createCalendar({ interval: 'year', timeZone: 'Pacific/Auckland' }).keyOf(Date.UTC(2024, 11, 31, 12)),
    ).toBe('2025');
    const days = createCalendar({ interval: 'day', timeZone: 'Europe/Warsaw' });
    // 31 March 2024 in Warsaw lasts 23 hours; 27 October 2024 lasts 25.
    const spring = days.periodOf(Date.UTC(2024, 2, 31, 12));
    expect([spring.key, (spring.end - spring.start) / MS_PER_HOUR]).toEqual(['2024-03-31', 23]);
    const autumn = days.periodOf(Date.UTC(2024, 9, 27, 12));
    expect([autumn.key, (autumn.end - autumn.start) / MS_PER_HOUR]).toEqual(['2024-10-27', 25]);
  });

  it('starts a day at its first instant when midnight does not exist', () => {
    // Santiago (America/Santiago) sprang forward at 00:00 on 8 September 2024: the day starts at 01:00 (−03:00).
    const days = createCalendar({ interval: 'day', timeZone: 'America/Santiago' });
    expect(iso(days.startOf(Date.UTC(2024, 8, 8, 12)))).toBe('2024-09-08T04:00:00.000Z');
  });

  it('counts periods by subtraction, whatever the span', () => {
    const months = createCalendar({ interval: 'month', timeZone: 'America/New_York' });
    expect(months.indexOf(Date.UTC(9999, 5, 15)) - months.indexOf(Date.UTC(2024, 5, 15))).toBe(
      (9999 - 2024) * 12,
    );
    expect(months.keyOfIndex(months.indexOf(Date.UTC(9999, 5, 15)))).toBe('9999-06');
    expect(months.keyOfIndex(months.indexOf(Date.UTC(2024, 0, 15)) - 1)).toBe('2023-12');
    expect(iso(months.add(Date.UTC(2024, 0, 31, 12), 1))).toBe('2024-02-01T05:00:00.000Z');
  });

  it('writes years outside 0000–9999 in the ISO 8601 expanded form', () => {
    const months = createCalendar({ interval: 'month' });
    expect(months.keyOfIndex(-1)).toBe('-000001-12'); // month index = 12 y + (m − 1)
    expect(months.keyOfIndex(10_000 * 12)).toBe('+010000-01');
    expect(createCalendar({ interval: 'year' }).keyOfIndex(-1)).toBe('-000001');
    expect(createCalendar({ interval: 'quarter' }).labelOfIndex(-1)).toBe('Q4 -000001');
  });

  it('bounds a series by maxPeriods with a typed error naming the record', () => {
    const days = createCalendar({ interval: 'day' });
    expect(days.checkSpan(Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 31))).toBe(31);
    let error: unknown;
    try {
      days.checkSpan(Date.UTC(2024, 0, 1), Date.UTC(9999, 0, 1), {
        path: [1, 'respondedAt'],
        what: 'The trend',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CxLimitError);
    expect(error).toMatchObject({ code: 'too_many_periods', limit: 10_000, path: [1, 'respondedAt'] });
    expect((error as Error).message).toMatch(/The trend from 2024-01-01T00:00:00.000Z to 9999-01-01/);
    expect(days.checkSpan(0, 20_000 * MS_PER_DAY, { maxPeriods: 30_000 })).toBe(20_001);
    // Read from text: the line and the file are kept as fields and named in the message.
    expect(() =>
      days.checkSpan(0, 20_000 * MS_PER_DAY, { path: [7, 'timestamp'], line: 9, source: 'events.csv' }),
    ).toThrow(
      expect.objectContaining({
        line: 9,
        source: 'events.csv',
        message: expect.stringMatching(/\(limit 10000, at \/7\/timestamp, events\.csv:9\)$/),
      }),
    );
  });

  it('agrees with a day-by-day walk of local dates (property)', () => {
    const zones = ['UTC', 'Europe/Warsaw', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    const localDate = (ms: number, timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(ms);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (timeZone, t) => {
          const days = createCalendar({ interval: 'day', timeZone });
          const period = days.periodOf(t);
          expect(period.key).toBe(localDate(t, timeZone));
          expect(period.start <= t && t < period.end).toBe(true);
          expect(localDate(period.start, timeZone)).toBe(period.key);
          expect(localDate(period.start - 1, timeZone)).not.toBe(period.key);
          const months = createCalendar({ interval: 'month', timeZone });
          expect(months.keyOf(t)).toBe(localDate(t, timeZone).slice(0, 7));
        },
      ),
    );
  });

  it('checks its options', () => {
    expect(() => createCalendar({ interval: 'monthly' as never })).toThrow(CxOptionsError);
    expect(() => createCalendar({ interval: 'month', timeZone: 'Europe/Warsow' })).toThrow(CxOptionsError);
    expect(() => createCalendar({ interval: 'week', weekStartsOn: 7 as never })).toThrow(CxOptionsError);
    expect(() => createCalendar({ interval: 'week', weekStart: 0 } as never)).toThrow(
      /did you mean "weekStartsOn"/,
    );
    expect(() => createCalendar(null as never)).toThrow(CxOptionsError);
    expect(() => createCalendar({} as never)).toThrow(/interval/);
  });
});
