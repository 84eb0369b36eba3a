import type { CalendarInterval, Instant, WeekStartsOn } from '@cx/model';
import { intervalOption, maxPeriodsOption, timeZoneOption, weekStartsOnOption } from '@cx/model';
import { z } from 'zod';
import { epochOf, instantOption } from './instant-option.js';

/**
 * Which events qualify as a start or a return event; every given criterion must hold, none given = any event.
 *
 * @example
 * ```ts
 * import type { EventMatcher } from '@cx/metrics';
 * const purchaseOnline: EventMatcher = { name: 'purchase', channel: ['web', 'mobile-app'] };
 * console.log(purchaseOnline.channel); // [ 'web', 'mobile-app' ]
 * ```
 * @category Retention
 * @since 0.1.0
 */
export interface EventMatcher {
  /** Event name, or any of several names. */
  readonly name?: string | readonly string[] | undefined;
  /** Channel, or any of several channels. */
  readonly channel?: string | readonly string[] | undefined;
  /** Touchpoint id, or any of several. */
  readonly touchpoint?: string | readonly string[] | undefined;
  /** Stage id, or any of several. */
  readonly stage?: string | readonly string[] | undefined;
}

/**
 * Options of {@link cohortRetention} and {@link CohortRetentionAccumulator}. Defaults follow PostHog
 * (first-time cohorts, calendar windows in UTC, "on" retention, 7 return periods); the `interval` has no default.
 *
 * @example
 * ```ts
 * import type { CohortRetentionOptions } from '@cx/metrics';
 * const options: CohortRetentionOptions = { interval: 'month', periods: 6, timeZone: 'Europe/Warsaw' };
 * console.log(options.interval); // 'month'
 * ```
 * @category Retention
 * @since 0.1.0
 */
export interface CohortRetentionOptions {
  /**
   * Length of a cohort period and of a return period: `'day'`, `'week'`, `'month'`, `'quarter'` or `'year'`
   * (required; `period` is its old name). Rolling windows take `'day'`, `'week'` or `'month'`.
   */
  readonly interval: CalendarInterval;
  /** Number of return periods after period 0, 0 to 10,000. Default 7; not together with `brackets`. */
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
   * Days 4-7). The sizes add up to at most 10,000. Not together with `periods`.
   */
  readonly brackets?: readonly number[];
  /**
   * `'calendar'`: periods are calendar periods in `timeZone` (PostHog default); `'rolling'`: periods of exactly
   * 24 h, 7 × 24 h or 30 × 24 h from each actor's start event (Amplitude and Mixpanel default, PostHog
   * `24_hour_windows`). Default `'calendar'`.
   */
  readonly window?: 'calendar' | 'rolling';
  /** IANA time zone of the calendar (cohort periods, calendar windows). Default `'UTC'`. */
  readonly timeZone?: string;
  /** First day of a week, 0 = Sunday … 6 = Saturday. Default 1 (Monday, ISO 8601); PostHog uses 0. */
  readonly weekStartsOn?: WeekStartsOn;
  /**
   * Rolling windows only: truncate timestamps before measuring the distance to the start event, `'hour'` (as
   * Amplitude does for daily retention) or `'day'` (calendar day in `timeZone`, as Amplitude does for weekly and
   * monthly retention). Default `'none'`.
   */
  readonly rollingTruncation?: 'none' | 'hour' | 'day';
  /** A return period counts only when the actor did the return event at least this many times in it (1–65,535). */
  readonly minimumOccurrences?: number;
  /**
   * Aggregate a numeric property of the return events per column (e.g. revenue): `'sum'` or `'avg'` (sum ÷
   * distinct actors with such events in the column, as PostHog). The property must be a numeric column
   * ({@link BuildInteractionColumnsOptions.numeric}).
   */
  readonly aggregate?: { readonly property: string; readonly operation: 'sum' | 'avg' };
  /**
   * How the average row weighs the cohorts: `'pooled'` (default) divides the retained actors of the complete
   * cohorts by their sizes (Σ c ÷ Σ p, each cohort's rate weighted by its size); `'mixpanel'` follows Mixpanel's
   * documented rule (Σ c·w ÷ Σ p·w with w = p ÷ Σ p, each rate weighted by its size squared). See
   * `docs/retention.md`.
   */
  readonly average?: 'pooled' | 'mixpanel';
  /** Instant up to which data is complete; periods ending later are flagged incomplete. Default: the last event. */
  readonly asOf?: Instant;
  /** Only cohorts whose period ends after this instant (the period holding it and later ones). */
  readonly from?: Instant;
  /** Only cohorts whose period starts before this instant. */
  readonly to?: Instant;
  /** Most cohort periods from the first cohort to the last (default 10,000); beyond it a `CxLimitError`. */
  readonly maxPeriods?: number;
}

const MAX_OFFSETS = 10_000;

const valueOrList = z.union(
  [z.string().min(1), z.array(z.string().min(1)).min(1, { error: 'Expected at least one value' })],
  { error: 'Expected a value or a non-empty list of values' },
);

const matcherSchema = z.strictObject(
  {
    name: valueOrList.optional(),
    channel: valueOrList.optional(),
    touchpoint: valueOrList.optional(),
    stage: valueOrList.optional(),
  },
  { error: 'Expected an event matcher such as { name: "purchase" }' },
);

/** The schema of {@link CohortRetentionOptions} (internal). */
export const cohortRetentionOptionsSchema = z
  .strictObject({
    interval: intervalOption,
    periods: z.number().int().min(0).max(MAX_OFFSETS).optional(),
    cohortType: z
      .enum(['first-time', 'first-ever', 'recurring'], {
        error: 'Expected "first-time", "first-ever" or "recurring"',
      })
      .default('first-time'),
    startEvent: matcherSchema.default({}),
    returnEvent: matcherSchema.default({}),
    retention: z.enum(['on', 'on-or-after'], { error: 'Expected "on" or "on-or-after"' }).default('on'),
    brackets: z
      .array(z.number().int().min(1, { error: 'Expected a bracket size of at least 1 interval' }))
      .min(1, { error: 'Expected at least one bracket size' })
      .optional(),
    window: z
      .enum(['calendar', 'rolling'], { error: 'Expected "calendar" or "rolling"' })
      .default('calendar'),
    timeZone: timeZoneOption,
    weekStartsOn: weekStartsOnOption,
    rollingTruncation: z
      .enum(['none', 'hour', 'day'], { error: 'Expected "none", "hour" or "day"' })
      .optional(),
    minimumOccurrences: z.number().int().min(1).max(65_535).default(1),
    aggregate: z
      .strictObject({
        property: z.string().min(1, { error: 'Expected a property name' }),
        operation: z.enum(['sum', 'avg'], { error: 'Expected "sum" or "avg"' }),
      })
      .optional(),
    average: z.enum(['pooled', 'mixpanel'], { error: 'Expected "pooled" or "mixpanel"' }).default('pooled'),
    asOf: instantOption.optional(),
    from: instantOption.optional(),
    to: instantOption.optional(),
    maxPeriods: maxPeriodsOption,
  })
  .superRefine((o, ctx) => {
    const conflict = (path: string, message: string): void => {
      ctx.addIssue({ code: 'custom', path: [path], message, params: { code: 'conflicting_options' } });
    };
    if (o.brackets !== undefined && o.periods !== undefined) {
      conflict('brackets', 'Give either periods or brackets: brackets set the return columns themselves');
    }
    if (o.brackets !== undefined && o.brackets.reduce((a, b) => a + b, 0) > MAX_OFFSETS) {
      ctx.addIssue({
        code: 'custom',
        path: ['brackets'],
        message: `Expected bracket sizes adding up to at most ${MAX_OFFSETS} intervals`,
        params: { code: 'out_of_range' },
      });
    }
    if (o.window === 'calendar' && o.rollingTruncation !== undefined) {
      conflict('rollingTruncation', 'rollingTruncation applies to rolling windows only (window: "rolling")');
    }
    if (o.window === 'rolling' && o.cohortType === 'recurring') {
      conflict(
        'cohortType',
        'Recurring cohorts need calendar windows: a rolling window has no single start event to anchor to',
      );
    }
    if (o.window === 'rolling' && (o.interval === 'quarter' || o.interval === 'year')) {
      conflict('interval', 'Rolling windows are 24 hours, 7 days or 30 days: use day, week or month');
    }
    if (o.from !== undefined && o.to !== undefined && (epochOf(o.to) ?? 0) <= (epochOf(o.from) ?? 0)) {
      conflict('to', `Expected to after from, got from ${o.from} and to ${o.to}`);
    }
  });

/** Options after parsing, with defaults (plain JSON: what snapshots store and merges compare) (internal). */
export type ParsedRetentionOptions = z.output<typeof cohortRetentionOptionsSchema>;

/** Keys of earlier versions, by their new name (internal). */
export const RENAMED_RETENTION_OPTIONS = { period: 'interval' } as const;
