import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CxOptionsError } from '../errors/options-error.js';
import { CxValidationError } from '../errors/validation-error.js';
import { createCalendar } from './calendar.js';
import { MS_PER_DAY } from './constants.js';

/** The `{ path, code }` of the one issue of a calendar argument error thrown by `f`. */
function issueOf(f: () => unknown): { subject: string; path: unknown; code: unknown } {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(CxValidationError);
    const e = error as CxValidationError;
    const issue = e.issues[0];
    return { subject: e.message.split(':')[0] as string, path: issue?.path, code: issue?.code };
  }
  throw new Error('expected a CxValidationError');
}

describe('the calendar’s arguments', () => {
  const months = createCalendar({ interval: 'month', timeZone: 'Europe/Warsaw' });

  it('rejects an instant that is not a Date’s (NaN, ±Infinity, beyond ±8.64e15, a string) in every method', () => {
    // Before, indexOf(NaN) was NaN and keyOf(NaN) the key "+000NaN-NaN": a NaN period with no error.
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      8.64e15 + 1,
      -8.64e15 - 1,
    ]) {
      for (const [method, call] of [
        ['localDayOf', () => months.localDayOf(bad)],
        ['indexOf', () => months.indexOf(bad)],
        ['keyOf', () => months.keyOf(bad)],
        ['startOf', () => months.startOf(bad)],
        ['periodOf', () => months.periodOf(bad)],
        ['add', () => months.add(bad, 1)],
      ] as const)
        expect(issueOf(call)).toEqual({
          subject: `Invalid argument of Calendar.${method}`,
          path: ['ms'],
          code: 'out_of_range',
        });
      expect(issueOf(() => months.checkSpan(bad, 0))).toMatchObject({ path: ['fromMs'] });
      expect(issueOf(() => months.checkSpan(0, bad))).toMatchObject({ path: ['toMs'] });
    }
    // A string is not coerced ('5' + offset would be string concatenation).
    expect(issueOf(() => months.indexOf('5' as unknown as number))).toMatchObject({ code: 'invalid_type' });
  });

  it('accepts the whole range of a Date, and names its ends in the period grammar', () => {
    // 8.64e15 ms = 100,000,000 days after 1970-01-01: 275760-09-13 (UTC; 02:00 in Warsaw, same day).
    expect(months.keyOf(8.64e15)).toBe('+275760-09');
    expect(months.keyOf(-8.64e15)).toBe('-271821-04');
    const days = createCalendar({ interval: 'day' });
    expect(days.indexOf(8.64e15)).toBe(1e8);
    expect(days.indexOf(-8.64e15)).toBe(-1e8);
    expect(days.startOf(8.64e15)).toBe(8.64e15);
  });

  it('rejects a period number that is not an integer, or beyond the periods of a Date’s range', () => {
    // Before, startOfIndex(1.5) was an instant in year −1970 and keyOfIndex(NaN) "+000NaN-NaN".
    for (const bad of [1.5, Number.NaN, 1e15, -1e15])
      for (const [method, call] of [
        ['startOfIndex', () => months.startOfIndex(bad)],
        ['keyOfIndex', () => months.keyOfIndex(bad)],
        ['labelOfIndex', () => months.labelOfIndex(bad)],
        ['periodOfIndex', () => months.periodOfIndex(bad)],
      ] as const)
        expect(issueOf(call)).toEqual({
          subject: `Invalid argument of Calendar.${method}`,
          path: ['index'],
          code: 'out_of_range',
        });
    // Month numbers are 12 y + (m − 1): September 275760 is 12 × 275760 + 8 = 3,309,128, the last; the next is not.
    expect(months.keyOfIndex(3_309_128)).toBe('+275760-09');
    expect(issueOf(() => months.keyOfIndex(3_309_129))).toMatchObject({ path: ['index'] });
    // Its start (1 September 275760) is within the range, but it has no end within it.
    expect(months.startOfIndex(3_309_128)).toBe(Date.UTC(275760, 8, 1) - 2 * 3_600_000);
    expect(() => months.periodOfIndex(3_309_128)).toThrow(
      /a period that ends within the range of a Date; got 3309128/,
    );
    // April −271821 is the first month number (12 × −271821 + 3); it starts before the range (20 April).
    expect(months.keyOfIndex(-3_261_849)).toBe('-271821-04');
    expect(issueOf(() => months.startOfIndex(-3_261_849))).toMatchObject({
      subject: 'Invalid argument of Calendar.startOfIndex',
    });
    expect(issueOf(() => createCalendar({ interval: 'day' }).indexOfLocalDay(0.5))).toMatchObject({
      path: ['day'],
    });
  });

  it('rejects an amount of periods that is not a whole number or leaves the range', () => {
    expect(issueOf(() => months.add(0, 0.5))).toMatchObject({ path: ['amount'], code: 'out_of_range' });
    expect(issueOf(() => months.add(0, 1e7))).toMatchObject({ path: ['amount'] });
    expect(months.add(Date.UTC(2024, 0, 15), -1)).toBe(Date.UTC(2023, 11, 1) - 3_600_000);
  });

  it('checks the bound of checkSpan as options: unknown keys and wrong types are errors', () => {
    expect(() => months.checkSpan(0, 1, { maxPeriod: 3 } as never)).toThrow(CxOptionsError);
    expect(() => months.checkSpan(0, 1, { maxPeriods: -1 })).toThrow(CxOptionsError);
    // NaN used to be no bound at all: `count > NaN` is never true.
    expect(() => months.checkSpan(0, 1, { maxPeriods: Number.NaN })).toThrow(CxOptionsError);
    expect(() => months.checkSpan(0, 1, { line: 0 })).toThrow(CxOptionsError);
    expect(months.checkSpan(0, 31 * MS_PER_DAY, { maxPeriods: 2, line: 3, source: 'a.csv' })).toBe(2);
  });

  it('never answers NaN for an instant it accepts (property)', () => {
    const zones = ['UTC', 'Europe/Warsaw', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    const intervals = ['day', 'week', 'month', 'quarter', 'year'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...intervals),
        fc.integer({ min: -8.64e15, max: 8.64e15 }),
        (timeZone, interval, ms) => {
          const calendar = createCalendar({ interval, timeZone });
          const index = calendar.indexOf(ms);
          expect(Number.isInteger(index)).toBe(true);
          expect(calendar.keyOf(ms)).not.toMatch(/NaN/);
          try {
            const start = calendar.startOf(ms);
            expect(start <= ms).toBe(true);
          } catch (error) {
            // Only the first period of the range may start before it.
            expect(error).toBeInstanceOf(CxValidationError);
            expect(ms - -8.64e15 < 367 * MS_PER_DAY).toBe(true);
          }
        },
      ),
    );
  });
});
