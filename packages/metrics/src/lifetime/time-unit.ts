import { CxValidationError } from '@cx/model';
import { z } from 'zod';
import { checkNumber } from './parameters.js';

/**
 * Units of time for recency, T and horizons. Fixed lengths: `month` is an average Gregorian month
 * (365.25/12 = 30.4375 days), `quarter` 91.3125 days, `year` 365.25 days — never "30 days per month".
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export type TimeUnit = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * Length of each {@link TimeUnit} in days.
 *
 * @example
 * ```ts
 * import { TIME_UNIT_DAYS } from '@cx/metrics';
 * console.log(TIME_UNIT_DAYS.week, TIME_UNIT_DAYS.month); // 7 30.4375
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export const TIME_UNIT_DAYS: Readonly<Record<TimeUnit, number>> = {
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 365.25 / 12,
  quarter: 365.25 / 4,
  year: 365.25,
};

/** The option naming a {@link TimeUnit} (internal). */
export const timeUnitOption = z.enum(['hour', 'day', 'week', 'month', 'quarter', 'year'], {
  error: 'Expected a time unit: "hour", "day", "week", "month", "quarter" or "year"',
});

/** Throws CxValidationError (`invalid_value`) at `path` unless `unit` is a known TimeUnit (internal). */
export function checkTimeUnit(unit: unknown, path: readonly (string | number)[]): TimeUnit {
  if (typeof unit !== 'string' || !Object.hasOwn(TIME_UNIT_DAYS, unit)) {
    throw new CxValidationError([
      {
        path,
        message: `Unknown time unit ${JSON.stringify(unit)}; expected one of ${Object.keys(TIME_UNIT_DAYS).join(', ')}`,
        code: 'invalid_value',
      },
    ]);
  }
  return unit as TimeUnit;
}

/**
 * Converts a duration between time units.
 *
 * @param value - The duration in `from` units.
 * @param from - Its unit.
 * @param to - The wanted unit.
 * @returns The duration in `to` units.
 * @throws {@link @cx/model!CxValidationError} for an unknown unit or a value that is not a finite number.
 * @example
 * ```ts
 * import { convertDuration } from '@cx/metrics';
 * console.log(convertDuration(1, 'year', 'week').toFixed(4)); // '52.1786'
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function convertDuration(value: number, from: TimeUnit, to: TimeUnit): number {
  checkNumber(value, 'value', { min: Number.NEGATIVE_INFINITY });
  return (value * TIME_UNIT_DAYS[checkTimeUnit(from, ['from'])]) / TIME_UNIT_DAYS[checkTimeUnit(to, ['to'])];
}
