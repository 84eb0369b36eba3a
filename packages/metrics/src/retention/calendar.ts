import { CxValidationError } from '@cx/model';
import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  startOfDay,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
} from 'date-fns';

/**
 * A calendar interval used to bucket time (in an IANA time zone).
 *
 * @category Retention
 * @since 0.1.0
 */
export type CalendarInterval = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Options that fix a calendar (internal). */
export interface CalendarSpec {
  readonly interval: CalendarInterval;
  readonly timeZone: string;
  readonly weekStartsOn: 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** Throws a {@link CxValidationError} at `path` unless `timeZone` is an IANA zone the runtime knows (internal). */
export function checkTimeZone(timeZone: unknown, path: ReadonlyArray<string | number>): string {
  if (typeof timeZone === 'string' && timeZone.length > 0) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      return timeZone;
    } catch {
      // fall through
    }
  }
  throw new CxValidationError([
    {
      path,
      message: `Expected an IANA time zone such as "Europe/Berlin", got ${JSON.stringify(timeZone)}`,
      code: 'invalid_time_zone',
    },
  ]);
}

const INTERVALS: readonly CalendarInterval[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Throws unless `interval` is one of `allowed` (internal). */
export function checkInterval<T extends CalendarInterval>(
  interval: unknown,
  allowed: readonly T[],
  path: ReadonlyArray<string | number>,
): T {
  if ((allowed as readonly unknown[]).includes(interval)) return interval as T;
  throw new CxValidationError([
    {
      path,
      message: `Expected a time unit among ${allowed.join(', ')}, got ${JSON.stringify(interval)}`,
      code: INTERVALS.includes(interval as CalendarInterval) ? 'unsupported_unit' : 'invalid_unit',
    },
  ]);
}

function startOf(date: TZDate, spec: CalendarSpec): TZDate {
  switch (spec.interval) {
    case 'day':
      return startOfDay(date);
    case 'week':
      return startOfWeek(date, { weekStartsOn: spec.weekStartsOn });
    case 'month':
      return startOfMonth(date);
    case 'quarter':
      return startOfQuarter(date);
    case 'year':
      return startOfYear(date);
  }
}

function add(date: TZDate, amount: number, interval: CalendarInterval): TZDate {
  switch (interval) {
    case 'day':
      return addDays(date, amount);
    case 'week':
      return addWeeks(date, amount);
    case 'month':
      return addMonths(date, amount);
    case 'quarter':
      return addQuarters(date, amount);
    case 'year':
      return addYears(date, amount);
  }
}

/**
 * Period boundaries of a calendar in a time zone, DST-correct (a zone's day may last 23 or 25 hours), from the
 * period containing `from` until at least `through` (internal). Period `i` is `[starts[i], starts[i + 1])`.
 */
export class PeriodCalendar {
  starts: Float64Array;
  readonly spec: CalendarSpec;
  #anchor: TZDate;
  #count: number;

  constructor(spec: CalendarSpec, from: number, through: number) {
    this.spec = spec;
    this.#anchor = startOf(new TZDate(from, spec.timeZone), spec);
    this.#count = 0;
    this.starts = new Float64Array(0);
    this.ensure(through);
  }

  /** Extends the boundaries so that the last period ends after `through`. */
  ensure(through: number): void {
    if (this.#count > 1 && (this.starts[this.#count - 1] as number) > through) return;
    const values: number[] = Array.from(this.starts.subarray(0, this.#count));
    let i = values.length;
    for (;;) {
      const start = add(this.#anchor, i, this.spec.interval).getTime();
      values.push(start);
      i++;
      if (start > through && values.length > 1) break;
    }
    this.starts = Float64Array.from(values);
    this.#count = values.length;
  }

  /** Number of complete periods described (the last boundary only closes the one before it). */
  get periods(): number {
    return this.#count - 1;
  }

  /** Index of the period holding `time` (`-1` before the first, `periods` at or after the last boundary). */
  indexOf(time: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = this.#count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Start of period `index` (extending the calendar when needed). */
  start(index: number): number {
    if (index >= this.#count) {
      this.ensure(add(this.#anchor, index + 1, this.spec.interval).getTime());
    }
    return this.starts[index] as number;
  }
}
