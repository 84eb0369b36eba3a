import { CxValidationError } from '@cx/model';
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, format, startOfDay, startOfMonth, startOfWeek } from 'date-fns';

/**
 * Calendar interval of a time series.
 *
 * @category Time series
 * @since 0.1.0
 */
export type TimeInterval = 'day' | 'week' | 'month';

/**
 * Options of every function that buckets records by calendar time.
 *
 * @category Time series
 * @since 0.1.0
 */
export interface TimeBucketOptions {
  /** Bucket length. */
  readonly interval: TimeInterval;
  /** IANA time zone whose calendar defines the buckets, e.g. `Europe/Warsaw` (default `UTC`). */
  readonly timeZone?: string;
  /** First day of a week bucket, 0 = Sunday … 6 = Saturday (default 1, Monday, as in ISO 8601). */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** Whether to emit empty buckets between the first and the last record (default `true`). */
  readonly fillGaps?: boolean;
}

/** A bucket key: the UTC instant of its start and the local calendar date of its start. */
export interface BucketKey {
  readonly start: string;
  readonly date: string;
  readonly ms: number;
}

/** Checks the options and returns functions to find a bucket and the one after it. */
export function bucketer(options: TimeBucketOptions): {
  readonly of: (ms: number) => BucketKey;
  readonly next: (key: BucketKey) => BucketKey;
} {
  const timeZone = options.timeZone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new CxValidationError([
      {
        path: ['timeZone'],
        message: `Expected an IANA time zone such as Europe/Warsaw, got ${JSON.stringify(timeZone)}`,
        code: 'invalid_time_zone',
      },
    ]);
  }
  if (!['day', 'week', 'month'].includes(options.interval)) {
    throw new CxValidationError([
      {
        path: ['interval'],
        message: `Expected interval day, week or month, got ${JSON.stringify(options.interval)}`,
        code: 'invalid_enum_value',
      },
    ]);
  }
  const weekStartsOn = options.weekStartsOn ?? 1;
  const key = (date: TZDate): BucketKey => ({
    start: new Date(date.getTime()).toISOString(),
    date: format(date, 'yyyy-MM-dd'),
    ms: date.getTime(),
  });
  const start = (ms: number): TZDate => {
    const local = new TZDate(ms, timeZone);
    if (options.interval === 'day') return startOfDay(local);
    if (options.interval === 'week') return startOfWeek(local, { weekStartsOn });
    return startOfMonth(local);
  };
  return {
    of: (ms) => key(start(ms)),
    next: (k) => {
      const local = new TZDate(k.ms, timeZone);
      const moved =
        options.interval === 'day'
          ? addDays(local, 1)
          : options.interval === 'week'
            ? addWeeks(local, 1)
            : addMonths(local, 1);
      return key(start(moved.getTime()));
    },
  };
}

/** Epoch ms of an instant string, or a CxValidationError naming the path. */
export function instantMs(value: unknown, path: ReadonlyArray<string | number>): number {
  const ms = typeof value === 'string' && /Z$/u.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new CxValidationError([
      {
        path: [...path],
        message: `Expected a UTC instant such as 2026-03-01T09:30:00Z, got ${JSON.stringify(value)}`,
        code: 'invalid_instant',
      },
    ]);
  }
  return ms;
}

/** One bucket of a generic time series. */
export interface SeriesBucket<R> {
  readonly start: string;
  readonly date: string;
  readonly value: R;
}

/**
 * Buckets items by calendar time with mergeable accumulators: `create` makes an empty accumulator,
 * `add` adds an item, `finish` reads it. Empty buckets between the first and last are filled unless
 * `fillGaps` is false.
 */
export function timeSeries<T, A, R>(
  items: readonly T[],
  instantOf: (item: T) => unknown,
  path: (index: number) => ReadonlyArray<string | number>,
  options: TimeBucketOptions,
  create: () => A,
  add: (accumulator: A, item: T, index: number) => void,
  finish: (accumulator: A) => R,
): SeriesBucket<R>[] {
  const buckets = bucketer(options);
  const groups = new Map<number, { key: BucketKey; accumulator: A }>();
  items.forEach((item, index) => {
    const key = buckets.of(instantMs(instantOf(item), path(index)));
    let group = groups.get(key.ms);
    if (group === undefined) {
      group = { key, accumulator: create() };
      groups.set(key.ms, group);
    }
    add(group.accumulator, item, index);
  });
  const out: SeriesBucket<R>[] = [];
  let previous: BucketKey | undefined;
  for (const group of [...groups.values()].sort((a, b) => a.key.ms - b.key.ms)) {
    if (previous !== undefined && options.fillGaps !== false) {
      for (let gap = buckets.next(previous); gap.ms < group.key.ms; gap = buckets.next(gap)) {
        out.push({ start: gap.start, date: gap.date, value: finish(create()) });
      }
    }
    out.push({ start: group.key.start, date: group.key.date, value: finish(group.accumulator) });
    previous = group.key;
  }
  return out;
}
