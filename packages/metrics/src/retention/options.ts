import type { Instant } from '@cx/model';
import { CxValidationError, instantToEpochMs } from '@cx/model';
import type { CalendarSpec } from './calendar.js';
import { checkInterval, checkTimeZone } from './calendar.js';

/**
 * Which events qualify as a start or a return event; every given criterion must hold, none given = any event.
 *
 * @category Retention
 * @since 0.1.0
 */
export interface EventMatcher {
  /** Event name, or any of several names. */
  readonly name?: string | readonly string[];
  /** Channel, or any of several channels. */
  readonly channel?: string | readonly string[];
  /** Touchpoint id, or any of several. */
  readonly touchpoint?: string | readonly string[];
  /** Stage id, or any of several. */
  readonly stage?: string | readonly string[];
}

/**
 * Options of {@link cohortRetention} and {@link createCohortRetentionAggregator}. Defaults follow PostHog
 * (first-time cohorts, day interval, calendar windows in UTC, "on" retention, 7 return periods).
 *
 * @category Retention
 * @since 0.1.0
 */
export interface CohortRetentionOptions {
  /** Size of a period: `'day'`, `'week'` or `'month'`. Default `'day'`. */
  readonly interval?: 'day' | 'week' | 'month';
  /** Number of return periods after period 0 (ignored when `brackets` are given). Default 7. */
  readonly periods?: number;
  /**
   * `'first-time'`: cohort of the first start event that matches every criterion (PostHog "first time",
   * Amplitude/Mixpanel "first time"); `'first-ever'`: the first event with a start name, and the actor is
   * dropped when it fails the other criteria (PostHog "first ever occurrence"); `'recurring'`: the actor joins
   * every period in which a start event occurs (PostHog "recurring", Mixpanel "compounded"). Default
   * `'first-time'`.
   */
  readonly cohortType?: 'first-time' | 'first-ever' | 'recurring';
  /** The start (cohort-defining) event. Default any event. */
  readonly startEvent?: EventMatcher;
  /** The return event. Default any event. */
  readonly returnEvent?: EventMatcher;
  /**
   * `'on'`: counted in each period in which the actor returned (N-day, Amplitude "Return On");
   * `'on-or-after'`: counted in every period up to the last one it returned in (unbounded; Amplitude
   * "Return On or After", Mixpanel "On or After", PostHog `cumulative`). Default `'on'`.
   */
  readonly retention?: 'on' | 'on-or-after';
  /**
   * Custom brackets: sizes in intervals of the return columns after period 0; column `i` covers offsets
   * `(S(i-1), S(i)]` where `S` is the running sum (PostHog custom brackets, e.g. `[1, 2, 4]` → Day 1, Days 2-3,
   * Days 4-7).
   */
  readonly brackets?: readonly number[];
  /**
   * `'calendar'`: periods are calendar days/weeks/months in `timeZone` (PostHog default); `'rolling'`: periods
   * of exactly 24 h, 7 × 24 h or 30 × 24 h from each actor's start event (Amplitude and Mixpanel default,
   * PostHog `24_hour_windows`). Default `'calendar'`.
   */
  readonly window?: 'calendar' | 'rolling';
  /** IANA time zone of the calendar (cohort periods, calendar windows). Default `'UTC'`. */
  readonly timeZone?: string;
  /** First day of a week, 0 = Sunday (PostHog default) … 6. Default 0. */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * Rolling windows only: truncate timestamps before measuring the distance to the start event, `'hour'` (as
   * Amplitude does for daily retention) or `'day'` (calendar day in `timeZone`, as Amplitude does for weekly and
   * monthly retention). Default `'none'`.
   */
  readonly rollingTruncation?: 'none' | 'hour' | 'day';
  /** A return period counts only when the actor did the return event at least this many times in it. Default 1. */
  readonly minimumOccurrences?: number;
  /**
   * Aggregate a numeric property of the return events per column (e.g. revenue): `'sum'` or `'avg'` (sum ÷
   * distinct actors with such events in the column, as PostHog). The property must be a numeric column
   * ({@link BuildInteractionColumnsOptions.numeric}).
   */
  readonly aggregate?: { readonly property: string; readonly operation: 'sum' | 'avg' };
  /** Instant up to which data is complete; periods ending later are flagged incomplete. Default: the last event. */
  readonly asOf?: Instant | number;
  /** Only cohorts whose period starts at or after this instant. */
  readonly from?: Instant | number;
  /** Only cohorts whose period starts before this instant. */
  readonly to?: Instant | number;
}

/** Options after validation and defaults (internal). */
export interface NormalizedRetentionOptions {
  readonly calendar: CalendarSpec;
  readonly interval: 'day' | 'week' | 'month';
  readonly cohortType: 'first-time' | 'first-ever' | 'recurring';
  readonly startEvent: EventMatcher;
  readonly returnEvent: EventMatcher;
  readonly retention: 'on' | 'on-or-after';
  readonly window: 'calendar' | 'rolling';
  readonly rollingTruncation: 'none' | 'hour' | 'day';
  readonly minimumOccurrences: number;
  readonly aggregate: CohortRetentionOptions['aggregate'];
  /** Column of each period offset `0 … maxOffset`; offsets beyond are ignored. */
  readonly offsetColumn: Int32Array;
  /** Last offset of each column. */
  readonly columnEnd: readonly number[];
  readonly labels: readonly string[];
  readonly asOf: number | undefined;
  readonly from: number;
  readonly to: number;
}

const UNIT_LABEL = { day: ['Day', 'Days'], week: ['Week', 'Weeks'], month: ['Month', 'Months'] } as const;

function time(value: Instant | number | undefined, path: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new CxValidationError([
      { path: [path], message: `Expected finite epoch milliseconds, got ${value}`, code: 'invalid_date' },
    ]);
  }
  try {
    return instantToEpochMs(value);
  } catch (error) {
    throw new CxValidationError(
      [
        {
          path: [path],
          message: `Expected a UTC instant, got ${JSON.stringify(value)}`,
          code: 'invalid_date',
        },
      ],
      { cause: error },
    );
  }
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, path: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw new CxValidationError([
    {
      path: [path],
      message: `Expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}`,
      code: 'invalid_value',
    },
  ]);
}

/** Validates options and applies defaults (internal). */
export function normalizeRetentionOptions(options: CohortRetentionOptions): NormalizedRetentionOptions {
  const interval = checkInterval(options.interval ?? 'day', ['day', 'week', 'month'] as const, ['interval']);
  const timeZone = checkTimeZone(options.timeZone ?? 'UTC', ['timeZone']);
  const weekStartsOn = options.weekStartsOn ?? 0;
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    throw new CxValidationError([
      {
        path: ['weekStartsOn'],
        message: `Expected an integer 0 (Sunday) to 6, got ${weekStartsOn}`,
        code: 'invalid_value',
      },
    ]);
  }
  const cohortType = oneOf(
    options.cohortType,
    ['first-time', 'first-ever', 'recurring'] as const,
    'first-time',
    'cohortType',
  );
  const retention = oneOf(options.retention, ['on', 'on-or-after'] as const, 'on', 'retention');
  const window = oneOf(options.window, ['calendar', 'rolling'] as const, 'calendar', 'window');
  const rollingTruncation = oneOf(
    options.rollingTruncation,
    ['none', 'hour', 'day'] as const,
    'none',
    'rollingTruncation',
  );
  if (window === 'rolling' && cohortType === 'recurring') {
    throw new CxValidationError([
      {
        path: ['cohortType'],
        message:
          'Recurring cohorts need calendar windows: a rolling window has no single start event to anchor to',
        code: 'unsupported_combination',
      },
    ]);
  }
  const minimumOccurrences = options.minimumOccurrences ?? 1;
  if (!Number.isInteger(minimumOccurrences) || minimumOccurrences < 1) {
    throw new CxValidationError([
      {
        path: ['minimumOccurrences'],
        message: `Expected a positive integer, got ${minimumOccurrences}`,
        code: 'invalid_value',
      },
    ]);
  }
  const [singular, plural] = UNIT_LABEL[interval];
  const labels = [`${singular} 0`];
  const columnEnd = [0];
  if (options.brackets !== undefined) {
    if (!Array.isArray(options.brackets) || options.brackets.length === 0) {
      throw new CxValidationError([
        { path: ['brackets'], message: 'Expected at least one bracket size', code: 'invalid_value' },
      ]);
    }
    let sum = 0;
    options.brackets.forEach((size, i) => {
      if (!Number.isInteger(size) || size < 1) {
        throw new CxValidationError([
          {
            path: ['brackets', i],
            message: `Expected a bracket size of at least 1 interval, got ${size}`,
            code: 'invalid_value',
          },
        ]);
      }
      const start = sum + 1;
      sum += size;
      // Labels as PostHog's retention table: "Day 0", then "Days 1-3" (or "Days 4" for a one-interval bracket).
      labels.push(start === sum ? `${plural} ${start}` : `${plural} ${start}-${sum}`);
      columnEnd.push(sum);
    });
  } else {
    const periods = options.periods ?? 7;
    if (!Number.isInteger(periods) || periods < 0 || periods > 10_000) {
      throw new CxValidationError([
        {
          path: ['periods'],
          message: `Expected an integer from 0 to 10000, got ${periods}`,
          code: 'invalid_value',
        },
      ]);
    }
    for (let k = 1; k <= periods; k++) {
      labels.push(`${singular} ${k}`);
      columnEnd.push(k);
    }
  }
  const maxOffset = columnEnd[columnEnd.length - 1] as number;
  const offsetColumn = new Int32Array(maxOffset + 1);
  let column = 0;
  for (let offset = 0; offset <= maxOffset; offset++) {
    while ((columnEnd[column] as number) < offset) column++;
    offsetColumn[offset] = column;
  }
  const asOf = options.asOf === undefined ? undefined : time(options.asOf, 'asOf', 0);
  if (options.aggregate !== undefined) {
    oneOf(options.aggregate.operation, ['sum', 'avg'] as const, 'sum', 'aggregate');
    if (typeof options.aggregate.property !== 'string' || options.aggregate.property.length === 0) {
      throw new CxValidationError([
        { path: ['aggregate', 'property'], message: 'Expected a property name', code: 'invalid_value' },
      ]);
    }
  }
  return {
    calendar: { interval, timeZone, weekStartsOn },
    interval,
    cohortType,
    startEvent: options.startEvent ?? {},
    returnEvent: options.returnEvent ?? {},
    retention,
    window,
    rollingTruncation,
    minimumOccurrences,
    aggregate: options.aggregate,
    offsetColumn,
    columnEnd,
    labels,
    asOf,
    from: time(options.from, 'from', Number.NEGATIVE_INFINITY),
    to: time(options.to, 'to', Number.POSITIVE_INFINITY),
  };
}

/** Marks the dictionary entries a criterion accepts (`undefined` = any) (internal). */
export function acceptedIndices(
  dictionary: readonly string[],
  criterion: string | readonly string[] | undefined,
): Uint8Array | undefined {
  if (criterion === undefined) return undefined;
  const wanted = new Set(typeof criterion === 'string' ? [criterion] : criterion);
  const accepted = new Uint8Array(dictionary.length);
  dictionary.forEach((value, i) => {
    if (wanted.has(value)) accepted[i] = 1;
  });
  return accepted;
}
