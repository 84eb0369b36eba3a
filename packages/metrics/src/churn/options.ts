import type { CalendarInterval, Instant, WeekStartsOn } from '@cx/model';
import { intervalOption, maxPeriodsOption, timeZoneOption, weekStartsOnOption } from '@cx/model';
import { z } from 'zod';
import { workersOption } from '../parallel/workers-option.js';
import { instantOption } from '../retention/instant-option.js';
import type { ChurnMeasures, MidPeriodPolicy } from './types.js';

/**
 * Options of {@link periodChurn}.
 *
 * @typeParam M - The measures asked for.
 * @example
 * ```ts
 * import type { PeriodChurnOptions } from '@cx/metrics';
 * const options: PeriodChurnOptions<'customers'> = { midPeriodPolicy: 'exposure', measures: 'customers' };
 * console.log(options.measures); // 'customers'
 * ```
 * @category Churn
 * @since 0.1.0
 */
export interface PeriodChurnOptions<M extends ChurnMeasures = 'all'> {
  /** How customers joining mid-period are treated. Default `'exclude'`. */
  readonly midPeriodPolicy?: MidPeriodPolicy;
  /** `'customers'` computes the customer counts and churn rate only (no revenue); default `'all'`. */
  readonly measures?: M;
  /** Instant up to which data is complete (a UTC instant). Default: the latest instant in the subscriptions. */
  readonly asOf?: Instant;
  /**
   * Worker threads that sweep ranges of customers beside the calling thread (0 to 16; default 0: the calling
   * thread only). The result is the same: customers are split only when every sum is exact in any order (counts;
   * revenue in exact integer units, see `SubscriptionColumns.mrrScale`; exposure in whole milliseconds), and only
   * in tables of 65,536 customers or more; the customers with one subscription and no amount change are then summed
   * from the table's sorted form on the calling thread while the workers take the others. The first split sweep of
   * a table copies its arrays into shared memory (kept while the table lives) and starts the workers (kept, without
   * holding the process open); the call stays synchronous.
   */
  readonly workers?: number;
}

/**
 * Options of {@link churnSeries}: the calendar (`interval`, `timeZone`, `weekStartsOn`), the analysis window
 * (`from`, `to`, bounded by `maxPeriods`) and the options of {@link periodChurn}.
 *
 * @typeParam M - The measures asked for.
 * @example
 * ```ts
 * import type { ChurnSeriesOptions } from '@cx/metrics';
 * const options: ChurnSeriesOptions = { interval: 'month', timeZone: 'Europe/Warsaw', to: '2026-01-01T00:00:00Z' };
 * console.log(options.interval); // 'month'
 * ```
 * @category Churn
 * @since 0.1.0
 */
export interface ChurnSeriesOptions<M extends ChurnMeasures = 'all'> extends PeriodChurnOptions<M> {
  /** Calendar interval of the periods: `day`, `week`, `month`, `quarter` or `year` (required). */
  readonly interval: CalendarInterval;
  /** IANA time zone of the calendar. Default `'UTC'`. */
  readonly timeZone?: string;
  /** First day of a week, 0 = Sunday … 6 = Saturday. Default 1 (Monday, ISO 8601). */
  readonly weekStartsOn?: WeekStartsOn;
  /** First period: the one containing this instant. Default: the earliest start. */
  readonly from?: Instant;
  /** Periods starting before this instant. Default: `asOf`. */
  readonly to?: Instant;
  /** Most periods the series may span (default 10,000); beyond it a `CxLimitError` names the record. */
  readonly maxPeriods?: number;
}

const policyOption = z
  .enum(['exclude', 'exposure', 'eligible'], { error: 'Expected "exclude", "exposure" or "eligible"' })
  .default('exclude');
const measuresOption = z
  .enum(['all', 'customers'], { error: 'Expected "all" or "customers"' })
  .default('all');

/** The schema of {@link PeriodChurnOptions} (internal). */
export const periodChurnOptionsSchema = z.strictObject({
  midPeriodPolicy: policyOption,
  measures: measuresOption,
  asOf: instantOption.optional(),
  workers: workersOption,
});

/** The schema of {@link ChurnSeriesOptions} (internal). */
export const churnSeriesOptionsSchema = z.strictObject({
  ...periodChurnOptionsSchema.shape,
  interval: intervalOption,
  timeZone: timeZoneOption,
  weekStartsOn: weekStartsOnOption,
  from: instantOption.optional(),
  to: instantOption.optional(),
  maxPeriods: maxPeriodsOption,
});

/** Keys of earlier versions, by their new name (internal). */
export const RENAMED_CHURN_OPTIONS = { period: 'interval' } as const;
