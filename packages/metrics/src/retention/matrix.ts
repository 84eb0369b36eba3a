import type { CalendarInterval, Instant } from '@cx/model';

/**
 * One cohort (row) of a {@link RetentionMatrix}: a bucket keyed by `period`, with its `start` and `end` instants
 * (the bucket shape of every time series of the library).
 *
 * @example
 * ```ts
 * import { cohortRetention, type RetentionCohort } from '@cx/metrics';
 * const e = { id: '1', customerId: 'a', timestamp: '2024-01-01T10:00:00Z', name: 'open', channel: 'web' as const, properties: {} };
 * const row: RetentionCohort | undefined = cohortRetention([e], { interval: 'month', timeZone: 'Europe/Warsaw' }).cohorts[0];
 * console.log(row?.period, row?.label, row?.start); // '2024-01' 'Jan 2024' '2023-12-31T23:00:00.000Z'
 * ```
 * @category Retention
 * @since 0.1.0
 */
export interface RetentionCohort {
  /** The cohort's period key in the calendar's zone: `2024-01-31` (day), `2024-01-29` (week), `2024-01`, `2024-Q1`, `2024`. */
  readonly period: string;
  /** A short English label of the period: `31 Jan 2024`, `Week of 29 Jan 2024`, `Jan 2024`, `Q1 2024`, `2024`. */
  readonly label: string;
  /** Start of the cohort's period (UTC instant of local midnight). */
  readonly start: Instant;
  /** End (exclusive) of the cohort's period. */
  readonly end: Instant;
  /** Actors in the cohort. */
  readonly size: number;
  /** Actors counted per column; column 0 is the cohort itself (= `size`). */
  readonly counts: readonly number[];
  /** `counts / size` per column; `null` when the cohort is empty. */
  readonly rates: ReadonlyArray<number | null>;
  /** Whether each column's time has fully elapsed by `asOf` (incomplete columns are left out of the average). */
  readonly complete: readonly boolean[];
  /** With `aggregate`: the sum (or average per returning actor) of the property per column. */
  readonly values?: readonly number[];
  /** With `aggregate`: actors with at least one qualifying return event per column. */
  readonly valueActors?: readonly number[];
}

/**
 * The average row of a {@link RetentionMatrix}, over complete cells only.
 *
 * @example
 * ```ts
 * import type { RetentionAverage } from '@cx/metrics';
 * // Mixpanel's documented example: cohorts of 1,000 and 500 with 500 and 400 retained.
 * const pooled: RetentionAverage = { weighting: 'pooled', sizes: [1500], counts: [900], rates: [0.6], cohorts: [2] };
 * console.log(pooled.rates[0]); // 0.6
 * ```
 * @category Retention
 * @since 0.1.0
 */
export interface RetentionAverage {
  /** The rule of `rates` (option `average`). */
  readonly weighting: 'pooled' | 'mixpanel';
  /** Sum of the sizes of the cohorts whose column is complete. */
  readonly sizes: readonly number[];
  /** Sum of their counts. */
  readonly counts: readonly number[];
  /**
   * `'pooled'`: `counts / sizes` (each cohort's rate weighted by its size); `'mixpanel'`: Σ c·p ÷ Σ p² over the
   * complete cohorts (Mixpanel's Σ c·w ÷ Σ p·w with w = p ÷ Σ p). `null` when no cohort is complete.
   */
  readonly rates: ReadonlyArray<number | null>;
  /** Number of cohorts included per column. */
  readonly cohorts: readonly number[];
}

/**
 * A cohort retention matrix: one row per cohort period, one column per return period (or bracket).
 *
 * @example
 * ```ts
 * import { cohortRetention, type RetentionMatrix } from '@cx/metrics';
 * const matrix: RetentionMatrix = cohortRetention([], { interval: 'week', periods: 2 });
 * console.log(matrix.columns, matrix.cohorts.length); // [ 'Week 0', 'Week 1', 'Week 2' ] 0
 * ```
 * @category Retention
 * @since 0.1.0
 */
export interface RetentionMatrix {
  /** The calendar interval of cohorts and return periods. */
  readonly interval: CalendarInterval;
  /** The IANA time zone of the calendar. */
  readonly timeZone: string;
  /** Column labels, e.g. `['Day 0', 'Day 1', …]` or with brackets `['Day 0', 'Days 1-3', …]`. */
  readonly columns: readonly string[];
  /** Cohort rows, in time order (empty periods between the first and last cohort included, with size 0). */
  readonly cohorts: readonly RetentionCohort[];
  /** Average row over complete cells. */
  readonly average: RetentionAverage;
  /** The instant completeness was judged against. */
  readonly asOf: Instant;
}
