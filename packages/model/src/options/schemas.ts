import { z } from 'zod';
import {
  DEFAULT_MAX_PERIODS,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
  MS_PER_WEEK,
} from '../time/constants.js';
import { isTimeZone } from '../time/zone.js';

/**
 * The confidence level of every interval and test: a probability strictly between 0 and 1 (`0.9`, not `90`),
 * default `0.95`. One name, `level`, in every package.
 *
 * @example
 * ```ts
 * import { levelOption } from '@cx/model';
 * console.log(levelOption.parse(undefined), levelOption.safeParse(95).success); // 0.95 false
 * ```
 * @category Options
 * @since 0.2.0
 */
export const levelOption = z
  .number({ error: 'Expected a confidence level, a number strictly between 0 and 1 such as 0.95' })
  .gt(0, { error: 'Expected a confidence level strictly between 0 and 1 (0.95, not 95)' })
  .lt(1, { error: 'Expected a confidence level strictly between 0 and 1 (0.95, not 95)' })
  .default(0.95);

/**
 * An IANA time zone such as `Europe/Warsaw`, checked against the runtime's zone data; default `UTC`.
 *
 * @example
 * ```ts
 * import { timeZoneOption } from '@cx/model';
 * console.log(timeZoneOption.parse(undefined), timeZoneOption.safeParse('CET+1').success); // 'UTC' false
 * ```
 * @category Options
 * @since 0.2.0
 */
export const timeZoneOption = z
  .string({ error: 'Expected an IANA time zone such as "Europe/Warsaw"' })
  .refine(isTimeZone, { error: 'Expected an IANA time zone such as "Europe/Warsaw" or "UTC"' })
  .default('UTC');

/**
 * The length of a calendar bucket: `day`, `week`, `month`, `quarter` or `year`. Required where it appears.
 *
 * @example
 * ```ts
 * import { intervalOption } from '@cx/model';
 * console.log(intervalOption.safeParse('month').success, intervalOption.safeParse('monthly').success); // true false
 * ```
 * @category Options
 * @since 0.2.0
 */
export const intervalOption = z.enum(['day', 'week', 'month', 'quarter', 'year'], {
  error: 'Expected an interval: "day", "week", "month", "quarter" or "year"',
});

/**
 * The first day of a week bucket, 0 = Sunday … 6 = Saturday; default 1 (Monday, ISO 8601) everywhere.
 *
 * @example
 * ```ts
 * import { weekStartsOnOption } from '@cx/model';
 * console.log(weekStartsOnOption.parse(undefined)); // 1
 * ```
 * @category Options
 * @since 0.2.0
 */
export const weekStartsOnOption = z
  .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)], {
    error: 'Expected a weekday number, 0 (Sunday) to 6 (Saturday)',
  })
  .default(1);

/**
 * The alternative hypothesis of a test: `two-sided` (default), `greater` or `less`. One name, `alternative`, as in R.
 *
 * @example
 * ```ts
 * import { alternativeOption } from '@cx/model';
 * console.log(alternativeOption.parse(undefined)); // 'two-sided'
 * ```
 * @category Options
 * @since 0.2.0
 */
export const alternativeOption = z
  .enum(['two-sided', 'greater', 'less'], { error: 'Expected "two-sided", "greater" or "less"' })
  .default('two-sided');

/**
 * A length of time given in units, e.g. `{ days: 14 }` or `{ hours: 1, minutes: 30 }`: the one way to state a window
 * or a gap. Units are fixed lengths (a day is 24 hours); at least one unit, every amount finite and ≥ 0, the total
 * more than zero. A bare number is rejected, because its unit would be a guess.
 *
 * @example
 * ```ts
 * import { durationSchema } from '@cx/model';
 * console.log(durationSchema.safeParse(3_600_000).success, durationSchema.safeParse({ hours: 1 }).success); // false true
 * ```
 * @category Options
 * @since 0.2.0
 */
export const durationSchema = z
  .strictObject(
    {
      weeks: z.number().min(0).optional(),
      days: z.number().min(0).optional(),
      hours: z.number().min(0).optional(),
      minutes: z.number().min(0).optional(),
      seconds: z.number().min(0).optional(),
      milliseconds: z.number().min(0).optional(),
    },
    { error: 'Expected a duration object such as { days: 14 } or { hours: 1 } (a bare number has no unit)' },
  )
  .refine((d) => durationToMs(d) > 0, {
    error: 'Expected a duration longer than zero, such as { days: 14 }',
  });

/**
 * A length of time in units (see {@link durationSchema}).
 *
 * @example
 * ```ts
 * import { durationToMs, type Duration } from '@cx/model';
 * const window: Duration = { days: 14 };
 * console.log(durationToMs(window)); // 1209600000
 * ```
 * @category Options
 * @since 0.2.0
 */
export interface Duration {
  /** Weeks of 7 days. */
  readonly weeks?: number | undefined;
  /** Days of 24 hours. */
  readonly days?: number | undefined;
  /** Hours. */
  readonly hours?: number | undefined;
  /** Minutes. */
  readonly minutes?: number | undefined;
  /** Seconds. */
  readonly seconds?: number | undefined;
  /** Milliseconds. */
  readonly milliseconds?: number | undefined;
}

/**
 * The length of a {@link Duration} in milliseconds.
 *
 * @param duration - The duration.
 * @returns Milliseconds.
 * @example
 * ```ts
 * import { durationToMs } from '@cx/model';
 * console.log(durationToMs({ hours: 1, minutes: 30 })); // 5400000
 * ```
 * @category Options
 * @since 0.2.0
 */
export function durationToMs(duration: Duration): number {
  return (
    (duration.weeks ?? 0) * MS_PER_WEEK +
    (duration.days ?? 0) * MS_PER_DAY +
    (duration.hours ?? 0) * MS_PER_HOUR +
    (duration.minutes ?? 0) * MS_PER_MINUTE +
    (duration.seconds ?? 0) * MS_PER_SECOND +
    (duration.milliseconds ?? 0)
  );
}

/**
 * The bound on the number of calendar periods a series may span: a whole number from 1 to 10,000,000 (see
 * {@link DEFAULT_MAX_PERIODS}).
 *
 * @example
 * ```ts
 * import { maxPeriodsOption } from '@cx/model';
 * console.log(maxPeriodsOption.parse(undefined)); // 10000
 * ```
 * @category Options
 * @since 0.2.0
 */
export const maxPeriodsOption = z
  .number()
  .int({ error: 'Expected a whole number of periods' })
  .min(1, { error: 'Expected at least 1 period' })
  .max(10_000_000, { error: 'Expected at most 10,000,000 periods' })
  .default(DEFAULT_MAX_PERIODS);
