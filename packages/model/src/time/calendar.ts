import { z } from 'zod';
import type { IssuePath } from '../errors/issue-path.js';
import { CxLimitError, type LimitLocation } from '../errors/limit-error.js';
import { parseOptions } from '../options/parse-options.js';
import { intervalOption, timeZoneOption, weekStartsOnOption } from '../options/schemas.js';
import { calendarArgumentError, checkEpochMs, checkInteger, MAX_EPOCH_MS } from './calendar-arguments.js';
import { civilFromDays, daysFromCivil, weekdayOfDays } from './civil.js';
import { DEFAULT_MAX_PERIODS, MS_PER_DAY } from './constants.js';
import { resolveLocalTime, zoneOffsetMs } from './zone.js';

/**
 * The length of a calendar bucket. One word, `interval`, in every package.
 *
 * @example
 * ```ts
 * import type { CalendarInterval } from '@cx/model';
 * const interval: CalendarInterval = 'month';
 * console.log(interval);
 * ```
 * @category Time
 * @since 0.2.0
 */
export type CalendarInterval = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * First day of a week: 0 = Sunday, 1 = Monday (the default everywhere, as in ISO 8601) … 6 = Saturday.
 *
 * @example
 * ```ts
 * import type { WeekStartsOn } from '@cx/model';
 * const us: WeekStartsOn = 0; // weeks from Sunday, as in the United States
 * console.log(us);
 * ```
 * @category Time
 * @since 0.2.0
 */
export type WeekStartsOn = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Options of a {@link Calendar}: the same three options, with the same defaults, wherever the library buckets time.
 *
 * @example
 * ```ts
 * import { createCalendar, type CalendarOptions } from '@cx/model';
 * const options: CalendarOptions = { interval: 'week', timeZone: 'Europe/Warsaw' };
 * console.log(createCalendar(options).weekStartsOn); // 1
 * ```
 * @category Time
 * @since 0.2.0
 */
export interface CalendarOptions {
  /** Bucket length. */
  readonly interval: CalendarInterval;
  /** IANA time zone whose wall clock defines the buckets (default `UTC`). */
  readonly timeZone?: string;
  /** First day of a week bucket (default 1, Monday). */
  readonly weekStartsOn?: WeekStartsOn;
}

/**
 * One calendar period: its key and its bounds `[start, end)` in epoch milliseconds.
 *
 * @example
 * ```ts
 * import { createCalendar, type CalendarPeriod } from '@cx/model';
 * const january: CalendarPeriod = createCalendar({ interval: 'month', timeZone: 'Europe/Warsaw' }).periodOf(Date.UTC(2024, 0, 15));
 * console.log(january.key, new Date(january.start).toISOString()); // '2024-01' '2023-12-31T23:00:00.000Z'
 * ```
 * @category Time
 * @since 0.2.0
 */
export interface CalendarPeriod {
  /** The period's key in the calendar's zone: `2024-01-31`, `2024-01-29` (a week, by its first day), `2024-01`, `2024-Q1`, `2024`. */
  readonly key: string;
  /** Its first instant, epoch milliseconds. */
  readonly start: number;
  /** The first instant of the next period, epoch milliseconds. */
  readonly end: number;
}

const calendarSchema = z.strictObject({
  interval: intervalOption,
  timeZone: timeZoneOption,
  weekStartsOn: weekStartsOnOption,
});

/** Local day numbers of instants a `Date` holds, in any zone (offsets are under a day): ±1e8 days, one more below. */
const MIN_LOCAL_DAY = -1e8 - 1;
const MAX_LOCAL_DAY = 1e8;

/** What {@link Calendar.checkSpan} takes besides the two instants: checked, as every options object is. */
const spanBoundSchema = z.strictObject({
  maxPeriods: z.number().int().positive().optional(),
  path: z.array(z.union([z.string(), z.number().int().nonnegative()])).optional(),
  what: z.string().min(1).optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  source: z.string().min(1).optional(),
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
/** A year as ISO 8601 writes it: four digits for 0000–9999, else a sign and six digits (expanded representation). */
const year = (y: number): string =>
  y >= 0 && y <= 9999 ? pad(y, 4) : `${y < 0 ? '-' : '+'}${pad(Math.abs(y), 6)}`;

/**
 * The one calendar of the library: buckets time by day, week, month, quarter or year on the wall clock of an IANA
 * time zone, DST-correct (a local day may last 23 or 25 hours; a period starts at the first instant of its first
 * local day). Periods are numbered on an absolute scale (`indexOf`), so the number of periods between two instants
 * is a subtraction, never a loop: work never grows with the span of the timestamps.
 *
 * Create one with {@link createCalendar}.
 *
 * @example
 * ```ts
 * import { createCalendar } from '@cx/model';
 * const months = createCalendar({ interval: 'month', timeZone: 'Europe/Warsaw' });
 * const t = Date.UTC(2024, 0, 31, 23, 30); // 00:30 on 1 February in Warsaw
 * console.log(months.keyOf(t)); // '2024-02'
 * console.log(months.indexOf(Date.UTC(2024, 5, 1)) - months.indexOf(t)); // 4
 * ```
 * @category Time
 * @since 0.2.0
 */
export class Calendar {
  /** Bucket length. */
  readonly interval: CalendarInterval;
  /** IANA zone of the wall clock. */
  readonly timeZone: string;
  /** First day of a week bucket. */
  readonly weekStartsOn: WeekStartsOn;
  readonly #civil = { y: 0, m: 0, d: 0 };
  /** The period numbers of the instants a `Date` holds: the range every method taking a period number accepts. */
  readonly #minIndex: number;
  readonly #maxIndex: number;

  /**
   * Creates a calendar (the same as {@link createCalendar}).
   *
   * @param options - `interval` (required), `timeZone` (default `UTC`), `weekStartsOn` (default 1, Monday).
   * @throws {@link CxOptionsError} for an unknown key, an unknown zone, or a value out of range.
   */
  constructor(options: CalendarOptions) {
    const o = parseOptions(calendarSchema, options, 'Calendar');
    this.interval = o.interval;
    this.timeZone = o.timeZone;
    this.weekStartsOn = o.weekStartsOn as WeekStartsOn;
    this.#minIndex = this.#indexOfDay(MIN_LOCAL_DAY);
    this.#maxIndex = this.#indexOfDay(MAX_LOCAL_DAY);
  }

  /** Checks a period-number argument of `method` (internal). */
  #checkIndex(method: string, index: number, name = 'index'): void {
    checkInteger(
      method,
      name,
      index,
      this.#minIndex,
      this.#maxIndex,
      `an integer period number (${this.interval}s of the instants a Date holds)`,
    );
  }

  /**
   * The local day number (days since 1970-01-01 on the zone's wall clock) of an instant.
   *
   * @param ms - Epoch milliseconds.
   * @returns The day number.
   * @throws {@link CxValidationError} (`out_of_range`, `invalid_type`) unless `ms` is a number a `Date` can hold.
   */
  localDayOf(ms: number): number {
    checkEpochMs('localDayOf', 'ms', ms);
    return Math.floor((ms + zoneOffsetMs(this.timeZone, ms)) / MS_PER_DAY);
  }

  /**
   * The absolute number of the period holding an instant: local days, weeks or months since 1970, quarters or years
   * since year 0. Consecutive periods have consecutive numbers.
   *
   * @param ms - Epoch milliseconds.
   * @returns The period number.
   * @throws {@link CxValidationError} (`out_of_range`, `invalid_type`) unless `ms` is a number a `Date` can hold.
   */
  indexOf(ms: number): number {
    checkEpochMs('indexOf', 'ms', ms);
    return this.#indexOfDay(Math.floor((ms + zoneOffsetMs(this.timeZone, ms)) / MS_PER_DAY));
  }

  /**
   * The period number of a local day number.
   *
   * @param day - Days since 1970-01-01 on the wall clock.
   * @returns The period number.
   * @throws {@link CxValidationError} (`out_of_range`) unless `day` is an integer within the days of a `Date`.
   */
  indexOfLocalDay(day: number): number {
    checkInteger('indexOfLocalDay', 'day', day, MIN_LOCAL_DAY, MAX_LOCAL_DAY);
    return this.#indexOfDay(day);
  }

  /** {@link Calendar.indexOfLocalDay} of a checked day. */
  #indexOfDay(day: number): number {
    switch (this.interval) {
      case 'day':
        return day;
      case 'week':
        return Math.floor((day - ((this.weekStartsOn - 4 + 7) % 7)) / 7);
      default: {
        const c = this.#civil;
        civilFromDays(day, c);
        if (this.interval === 'month') return c.y * 12 + (c.m - 1);
        if (this.interval === 'quarter') return c.y * 4 + Math.floor((c.m - 1) / 3);
        return c.y;
      }
    }
  }

  /** The local day number on which period `index` starts. */
  #firstDay(index: number): number {
    switch (this.interval) {
      case 'day':
        return index;
      case 'week':
        return index * 7 + ((this.weekStartsOn - 4 + 7) % 7);
      case 'month':
        return daysFromCivil(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1, 1);
      case 'quarter':
        return daysFromCivil(Math.floor(index / 4), (((index % 4) + 4) % 4) * 3 + 1, 1);
      default:
        return daysFromCivil(index, 1, 1);
    }
  }

  /**
   * The first instant of period `index` (local midnight of its first day; when midnight falls in a DST gap, the
   * first instant after it).
   *
   * @param index - A period number from {@link Calendar.indexOf}.
   * @returns Epoch milliseconds.
   * @throws {@link CxValidationError} (`out_of_range`) unless `index` is an integer period number of an instant a
   *   `Date` holds, and the period starts within that range too (the first period of the range may not).
   */
  startOfIndex(index: number): number {
    this.#checkIndex('startOfIndex', index);
    return this.#startOf('startOfIndex', index);
  }

  /** The start of checked period `index`, for `method`'s errors. */
  #startOf(method: string, index: number): number {
    const start = resolveLocalTime(this.#firstDay(index) * MS_PER_DAY, this.timeZone, 'compatible') as number;
    if (!(start >= -MAX_EPOCH_MS && start <= MAX_EPOCH_MS))
      throw calendarArgumentError(method, 'index', index, 'a period that starts within the range of a Date');
    return start;
  }

  /**
   * The first instant of the period holding an instant.
   *
   * @param ms - Epoch milliseconds.
   * @returns Epoch milliseconds of the period's start.
   * @throws {@link CxValidationError} (`out_of_range`, `invalid_type`) unless `ms` is a number a `Date` can hold.
   */
  startOf(ms: number): number {
    checkEpochMs('startOf', 'ms', ms);
    return this.#startOf('startOf', this.indexOf(ms));
  }

  /**
   * The start of the period `amount` periods after (or before, when negative) the one holding an instant.
   *
   * @param ms - Epoch milliseconds.
   * @param amount - Whole number of periods.
   * @returns Epoch milliseconds of that period's start.
   * @throws {@link CxValidationError} (`out_of_range`, `invalid_type`) unless `ms` is a number a `Date` can hold and
   *   `amount` an integer that keeps the period within that range.
   */
  add(ms: number, amount: number): number {
    checkEpochMs('add', 'ms', ms);
    const index = this.indexOf(ms);
    // The periods a Date's range holds, counted from the one holding `ms`.
    checkInteger(
      'add',
      'amount',
      amount,
      this.#minIndex - index,
      this.#maxIndex - index,
      'a whole number of periods',
    );
    return this.#startOf('add', index + amount);
  }

  /**
   * The key of period `index` in the calendar's zone.
   *
   * @param index - A period number.
   * @returns `2024-01-31` (day), `2024-01-29` (week, its first day), `2024-01`, `2024-Q1` or `2024`.
   * @throws {@link CxValidationError} (`out_of_range`) unless `index` is an integer period number of an instant a
   *   `Date` holds.
   */
  keyOfIndex(index: number): string {
    this.#checkIndex('keyOfIndex', index);
    if (this.interval === 'quarter') return `${year(Math.floor(index / 4))}-Q${(((index % 4) + 4) % 4) + 1}`;
    if (this.interval === 'year') return year(index);
    const c = this.#civil;
    civilFromDays(this.#firstDay(index), c);
    if (this.interval === 'month') return `${year(c.y)}-${pad(c.m, 2)}`;
    return `${year(c.y)}-${pad(c.m, 2)}-${pad(c.d, 2)}`;
  }

  /**
   * The key of the period holding an instant.
   *
   * @param ms - Epoch milliseconds.
   * @returns The key (see {@link Calendar.keyOfIndex}).
   * @throws {@link CxValidationError} (`out_of_range`, `invalid_type`) unless `ms` is a number a `Date` can hold.
   */
  keyOf(ms: number): string {
    checkEpochMs('keyOf', 'ms', ms);
    return this.keyOfIndex(this.indexOf(ms));
  }

  /**
   * A short English label of period `index`: `31 Jan 2024`, `Week of 29 Jan 2024`, `Jan 2024`, `Q1 2024`, `2024`.
   *
   * @param index - A period number.
   * @returns The label.
   * @throws {@link CxValidationError} (`out_of_range`) unless `index` is an integer period number of an instant a
   *   `Date` holds.
   */
  labelOfIndex(index: number): string {
    this.#checkIndex('labelOfIndex', index);
    if (this.interval === 'quarter') return `Q${(((index % 4) + 4) % 4) + 1} ${year(Math.floor(index / 4))}`;
    if (this.interval === 'year') return year(index);
    const c = this.#civil;
    civilFromDays(this.#firstDay(index), c);
    const month = `${MONTHS[c.m - 1]} ${year(c.y)}`;
    if (this.interval === 'month') return month;
    return `${this.interval === 'week' ? 'Week of ' : ''}${c.d} ${month}`;
  }

  /**
   * The period holding an instant: key and bounds.
   *
   * @param ms - Epoch milliseconds.
   * @returns The period.
   * @throws {@link CxValidationError} (`out_of_range`, `invalid_type`) unless `ms` is a number a `Date` can hold.
   */
  periodOf(ms: number): CalendarPeriod {
    checkEpochMs('periodOf', 'ms', ms);
    return this.#period('periodOf', this.indexOf(ms));
  }

  /**
   * Period `index`: key and bounds.
   *
   * @param index - A period number.
   * @returns The period.
   * @throws {@link CxValidationError} (`out_of_range`) unless the period and the next start within the range of a
   *   `Date`.
   */
  periodOfIndex(index: number): CalendarPeriod {
    this.#checkIndex('periodOfIndex', index);
    return this.#period('periodOfIndex', index);
  }

  /** Period `index` (checked), for `method`'s errors: the last period of a Date's range has no end. */
  #period(method: string, index: number): CalendarPeriod {
    if (index === this.#maxIndex)
      throw calendarArgumentError(method, 'index', index, 'a period that ends within the range of a Date');
    return {
      key: this.keyOfIndex(index),
      start: this.#startOf(method, index),
      end: this.#startOf(method, index + 1),
    };
  }

  /**
   * Checks that a series from `fromMs` to `toMs` spans at most `maxPeriods` periods, and returns how many it spans.
   *
   * @param fromMs - The first instant.
   * @param toMs - The last instant.
   * @param bound - `maxPeriods` (default {@link DEFAULT_MAX_PERIODS}), the `path` of the record holding `toMs`,
   *   its `line` and `source` when it was read from text, and `what` the series is, for the error.
   * @returns The number of periods from the one holding `fromMs` through the one holding `toMs`.
   * @throws {@link CxLimitError} (`too_many_periods`) beyond the bound.
   * @throws {@link CxValidationError} (`out_of_range`, `invalid_type`) unless both instants are numbers a `Date` can
   *   hold.
   * @throws {@link CxOptionsError} for an unknown key of `bound` or a value of the wrong type (`maxPeriods` and
   *   `line` positive integers).
   */
  checkSpan(
    fromMs: number,
    toMs: number,
    bound: {
      readonly maxPeriods?: number;
      readonly path?: IssuePath;
      readonly what?: string;
    } & LimitLocation = {},
  ): number {
    checkEpochMs('checkSpan', 'fromMs', fromMs);
    checkEpochMs('checkSpan', 'toMs', toMs);
    parseOptions(spanBoundSchema, bound, 'Calendar.checkSpan');
    const max = bound.maxPeriods ?? DEFAULT_MAX_PERIODS;
    const count = Math.abs(this.indexOf(toMs) - this.indexOf(fromMs)) + 1;
    if (count > max) {
      const a = new Date(Math.min(fromMs, toMs)).toISOString();
      const b = new Date(Math.max(fromMs, toMs)).toISOString();
      throw new CxLimitError(
        'too_many_periods',
        `${bound.what ?? 'The series'} from ${a} to ${b} spans ${count} ${this.interval}s; raise maxPeriods if that is intended`,
        {
          limit: max,
          actual: count,
          ...(bound.path === undefined ? {} : { path: bound.path }),
          ...(bound.line === undefined ? {} : { line: bound.line }),
          ...(bound.column === undefined ? {} : { column: bound.column }),
          ...(bound.source === undefined ? {} : { source: bound.source }),
        },
      );
    }
    return count;
  }
}

/**
 * Creates the calendar for an interval, a time zone and a first day of the week.
 *
 * @param options - `interval` (required), `timeZone` (default `UTC`), `weekStartsOn` (default 1, Monday).
 * @returns The calendar.
 * @throws {@link CxOptionsError} for an unknown key, an unknown zone, or a value out of range.
 * @example
 * ```ts
 * import { createCalendar } from '@cx/model';
 * const weeks = createCalendar({ interval: 'week', timeZone: 'America/New_York', weekStartsOn: 0 });
 * console.log(weeks.keyOf(Date.UTC(2024, 2, 13, 12))); // '2024-03-10' (a Sunday)
 * ```
 * @category Time
 * @since 0.2.0
 */
export function createCalendar(options: CalendarOptions): Calendar {
  return new Calendar(options);
}

/** Day of the week (0 = Sunday) of a local day number; re-exported for kernels that bucket by weekday (internal). */
export const weekdayOfLocalDay = weekdayOfDays;
