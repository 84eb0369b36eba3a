import {
  type Calendar,
  type CalendarInterval,
  CxValidationError,
  createCalendar,
  epochMsToInstant,
  type Instant,
  instantToEpochMs,
  intervalOption,
  maxPeriodsOption,
  timeZoneOption,
  type WeekStartsOn,
  weekStartsOnOption,
} from '@cx/model';
import { z } from 'zod';

/**
 * Options of every function of this package that buckets records by calendar time. The calendar is the one
 * of `@cx/model` (`createCalendar`): periods on the wall clock of `timeZone`, DST-correct.
 *
 * @category Time series
 * @since 0.2.0
 */
export interface TimeSeriesOptions {
  /** Bucket length: `day`, `week`, `month`, `quarter` or `year`. */
  readonly interval: CalendarInterval;
  /** IANA time zone whose calendar defines the buckets (default `UTC`). */
  readonly timeZone?: string;
  /** First day of a week bucket, 0 = Sunday … 6 = Saturday (default 1, Monday, as in ISO 8601). */
  readonly weekStartsOn?: WeekStartsOn;
  /** Whether to emit empty buckets between the first and the last record (default `true`). */
  readonly fillGaps?: boolean;
  /** Most buckets a series may span (default 10,000); beyond it `CxLimitError` names the record. */
  readonly maxPeriods?: number;
}

/** The schema of {@link TimeSeriesOptions}, to extend with a function's own options. */
export const timeSeriesShape = {
  interval: intervalOption,
  timeZone: timeZoneOption,
  weekStartsOn: weekStartsOnOption,
  fillGaps: z.boolean().default(true),
  maxPeriods: maxPeriodsOption,
};

/**
 * One calendar bucket of a time series: the bucket shape of every time series of the library (the trend buckets
 * and retention cohorts of `@cx/metrics` have the same `period`, `label`, `start` and `end`).
 *
 * @example
 * ```ts
 * import { scoreFeedback, sentimentOverTime, type TimeBucket } from '@cx/text';
 * const scored = scoreFeedback([
 *   { id: '1', text: 'Great app', source: 'review', createdAt: '2026-03-31T22:30:00Z', properties: {} },
 * ]);
 * const [bucket]: TimeBucket[] = sentimentOverTime(scored, { interval: 'month', timeZone: 'Europe/Warsaw' });
 * console.log(bucket?.period, bucket?.label, bucket?.start, bucket?.end);
 * // '2026-04' 'Apr 2026' '2026-03-31T22:00:00.000Z' '2026-04-30T22:00:00.000Z'
 * ```
 * @category Time series
 * @since 0.2.0
 */
export interface TimeBucket {
  /** The period's key in the calendar's zone: `2026-03-02` (day, or a week by its first day), `2026-03`, `2026-Q1`, `2026`. */
  readonly period: string;
  /** A short English label of the period: `2 Mar 2026`, `Week of 2 Mar 2026`, `Mar 2026`, `Q1 2026`, `2026`. */
  readonly label: string;
  /** First instant of the bucket (local midnight in the time zone), as a UTC instant. */
  readonly start: Instant;
  /** First instant after the bucket (the next bucket's `start`). */
  readonly end: Instant;
}

/** Epoch ms of a record's instant, or a CxValidationError naming the path. */
export function recordInstant(value: unknown, path: ReadonlyArray<string | number>): number {
  try {
    if (typeof value !== 'string') throw new TypeError('not a string');
    return instantToEpochMs(value);
  } catch {
    throw new CxValidationError([
      {
        path: [...path],
        message: `Expected a UTC instant such as 2026-03-01T09:30:00Z, got ${JSON.stringify(value)}`,
        code: 'invalid_instant',
      },
    ]);
  }
}

/**
 * Buckets items by calendar period with mergeable accumulators: `create` makes an empty accumulator, `add`
 * adds an item, `finish` reads it. Empty buckets between the first and the last are filled unless `fillGaps` is
 * false; the span is checked first (`calendar.checkSpan`), so work is bounded by `maxPeriods`, never by the
 * timestamps.
 */
export function timeSeries<T, A, R>(
  items: readonly T[],
  instantOf: (item: T) => unknown,
  path: (index: number) => ReadonlyArray<string | number>,
  options: { readonly calendar: Calendar; readonly fillGaps: boolean; readonly maxPeriods: number },
  create: () => A,
  add: (accumulator: A, item: T, index: number) => void,
  finish: (accumulator: A) => R,
): (TimeBucket & { readonly value: R })[] {
  const { calendar } = options;
  const groups = new Map<number, A>();
  let first: { ms: number; index: number } | undefined;
  let last: { ms: number; index: number } | undefined;
  items.forEach((item, index) => {
    const ms = recordInstant(instantOf(item), path(index));
    if (first === undefined || ms < first.ms) first = { ms, index };
    if (last === undefined || ms > last.ms) last = { ms, index };
    const period = calendar.indexOf(ms);
    let accumulator = groups.get(period);
    if (accumulator === undefined) {
      accumulator = create();
      groups.set(period, accumulator);
    }
    add(accumulator, item, index);
  });
  if (first === undefined || last === undefined) return [];
  checkBound(calendar, calendar.periodOfIndex(calendar.indexOf(first.ms)).start, path(first.index), 'starts');
  checkBound(calendar, calendar.periodOfIndex(calendar.indexOf(last.ms)).end, path(last.index), 'ends');
  if (options.fillGaps) {
    calendar.checkSpan(first.ms, last.ms, {
      maxPeriods: options.maxPeriods,
      path: path(last.index),
      what: 'The time series',
    });
  }
  const bucket = (index: number, value: R) => {
    const { key, start, end } = calendar.periodOfIndex(index);
    return {
      period: key,
      label: calendar.labelOfIndex(index),
      start: epochMsToInstant(start),
      end: epochMsToInstant(end),
      value,
    };
  };
  const periods = [...groups.keys()].sort((a, b) => a - b);
  if (!options.fillGaps) return periods.map((p) => bucket(p, finish(groups.get(p) as A)));
  const out: (TimeBucket & { readonly value: R })[] = [];
  const from = periods[0] as number;
  const to = periods.at(-1) as number;
  for (let p = from; p <= to; p++) {
    const accumulator = groups.get(p);
    out.push(bucket(p, finish(accumulator ?? create())));
  }
  return out;
}

/**
 * Checks that a bucket bound can be written as an instant (years 0000–9999): the day, week, month… of a record at the
 * very edge of that range may start before it or end after it (`9999-12-31` by day ends on `10000-01-01`).
 *
 * @throws CxValidationError (`out_of_range`) naming the record.
 */
function checkBound(calendar: Calendar, ms: number, at: ReadonlyArray<string | number>, which: string): void {
  try {
    epochMsToInstant(ms);
  } catch (error) {
    throw new CxValidationError(
      [
        {
          path: [...at],
          message: `The ${calendar.interval} of this record ${which} outside the years 0000–9999 that instants are written in`,
          code: 'out_of_range',
        },
      ],
      { cause: error },
    );
  }
}

/** The calendar of parsed time-series options. */
export function calendarOf(options: {
  readonly interval: CalendarInterval;
  readonly timeZone: string;
  readonly weekStartsOn: WeekStartsOn;
}): Calendar {
  return createCalendar({
    interval: options.interval,
    timeZone: options.timeZone,
    weekStartsOn: options.weekStartsOn,
  });
}
