import type { Instant } from '@cx/model';

/**
 * How customers who join during a period are treated by {@link periodChurn} and {@link churnSeries}.
 *
 * - `'exclude'`: lost ÷ customers at period start; joiners count in neither (500 → 450 = 10%).
 * - `'exposure'`: every churn in the period (joiners' too) ÷ customer-days of exposure in the period.
 * - `'eligible'`: subscriptions that ended at or before a renewal falling in the period ÷ subscriptions with a
 *   renewal in the period that were live when that billing cycle began (renewal-eligible denominator).
 *
 * @example
 * ```ts
 * import type { MidPeriodPolicy } from '@cx/metrics';
 * const policy: MidPeriodPolicy = 'exposure';
 * console.log(policy);
 * ```
 * @category Churn
 * @since 0.1.0
 */
export type MidPeriodPolicy = 'exclude' | 'exposure' | 'eligible';

/**
 * Revenue movements of the customers present at a period's start (monthly recurring revenue, MRR).
 *
 * @example
 * ```ts
 * import type { RevenueRetention } from '@cx/metrics';
 * const keys: Array<keyof RevenueRetention> = ['startMrr', 'nrr', 'grr'];
 * console.log(keys.length); // 3
 * ```
 * @category Churn
 * @since 0.1.0
 */
export interface RevenueRetention {
  /** MRR at the period start. */
  readonly startMrr: number;
  /** MRR at the period end of the customers present at the start. */
  readonly endMrr: number;
  /** MRR at the end of customers not present at the start. */
  readonly newMrr: number;
  /** Increases of still-active start customers. */
  readonly expansion: number;
  /** Decreases of still-active start customers. */
  readonly contraction: number;
  /** Start MRR of start customers inactive at the end. */
  readonly churned: number;
  /** Net revenue retention (start + expansion − contraction − churned) ÷ start; `null` when start is 0. */
  readonly nrr: number | null;
  /** Gross revenue retention (start − contraction − churned) ÷ start, at most 1; `null` when start is 0. */
  readonly grr: number | null;
  /** Gross revenue churn (contraction + churned) ÷ start = 1 − GRR. */
  readonly revenueChurnRate: number | null;
  /** Net revenue churn (contraction + churned − expansion) ÷ start = 1 − NRR (negative when expansion wins). */
  readonly netRevenueChurnRate: number | null;
}

/**
 * Churn of one period: a bucket keyed by `period`, with its `start` and `end` instants (the bucket shape of every
 * time series of the library).
 *
 * @example
 * ```ts
 * import { churnSeries, type ChurnPeriod } from '@cx/metrics';
 * const series: ChurnPeriod[] = churnSeries([], {
 *   interval: 'month', timeZone: 'Europe/Warsaw', from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z',
 * });
 * console.log(series[0]?.period, series[0]?.start); // '2024-01' '2023-12-31T23:00:00.000Z'
 * ```
 * @category Churn
 * @since 0.1.0
 */
export interface ChurnPeriod {
  /**
   * The period's key in the calendar's zone (`2024-01`, `2024-Q1`, `2024-01-29` for a week by its first day); for
   * {@link periodChurn}, which takes any interval, the ISO 8601 interval `start/end`.
   */
  readonly period: string;
  /** A short English label: `Jan 2024`, `Week of 29 Jan 2024`, `Q1 2024`; for {@link periodChurn} the `period`. */
  readonly label: string;
  /** Period start (inclusive). */
  readonly start: Instant;
  /** Period end (exclusive). */
  readonly end: Instant;
  /** Whether the period ended by `asOf`. */
  readonly complete: boolean;
  /** The policy the rate follows. */
  readonly policy: MidPeriodPolicy;
  /** Customers active at the start. */
  readonly customersAtStart: number;
  /** Customers active at the end. */
  readonly customersAtEnd: number;
  /** Customers active at the start and not at the end. */
  readonly lostCustomers: number;
  /** Customers active at the end and not at the start. */
  readonly newCustomers: number;
  /** Churn events (ends of a customer's active spell in `(start, end]`) in the period, joiners included. */
  readonly churnEvents: number;
  /** Customer-days of exposure in the period. */
  readonly exposureDays: number;
  /** `'eligible'` only: subscriptions with a renewal in the period (the denominator). */
  readonly eligible?: number;
  /** `'eligible'` only: those that ended at or before that renewal. */
  readonly eligibleLost?: number;
  /** The churn rate under `policy` (per customer-day for `'exposure'`); `null` when the denominator is 0. */
  readonly churnRate: number | null;
  /** Revenue churn and retention of the period. */
  readonly revenue: RevenueRetention;
}

/**
 * What {@link periodChurn} and {@link churnSeries} compute.
 *
 * - `'all'` (default): every field of {@link ChurnPeriod}, revenue retention included.
 * - `'customers'`: customer counts and the churn rate of the requested policy only, as a
 *   {@link CustomerChurnPeriod} (`revenue: null`; `exposureDays: null` unless the policy is `'exposure'`). The
 *   counts are the same as in `'all'` mode; it is faster (no revenue sums, no other policy's denominator).
 *
 * @example
 * ```ts
 * import type { ChurnMeasures } from '@cx/metrics';
 * const measures: ChurnMeasures = 'customers';
 * console.log(measures);
 * ```
 * @category Churn
 * @since 0.1.0
 */
export type ChurnMeasures = 'all' | 'customers';

/**
 * Customer churn of one period without revenue (`measures: 'customers'`): the fields of {@link ChurnPeriod}
 * with the same values, except that nothing is computed that the requested policy does not need.
 *
 * @example
 * ```ts
 * import { periodChurn, type CustomerChurnPeriod } from '@cx/metrics';
 * const counts: CustomerChurnPeriod = periodChurn([], '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', { measures: 'customers' });
 * console.log(counts.revenue, counts.churnRate); // null null
 * ```
 * @category Churn
 * @since 0.1.0
 */
export interface CustomerChurnPeriod extends Omit<ChurnPeriod, 'exposureDays' | 'revenue'> {
  /** Customer-days of exposure in the period under `'exposure'`; `null` (not computed) under other policies. */
  readonly exposureDays: number | null;
  /** Always `null`: revenue is not computed in `'customers'` mode (use `measures: 'all'`). */
  readonly revenue: null;
}

/**
 * The period type {@link periodChurn} and {@link churnSeries} return for measures `M`: {@link ChurnPeriod} for
 * `'all'`, {@link CustomerChurnPeriod} for `'customers'`.
 *
 * @example
 * ```ts
 * import type { ChurnPeriodOf, CustomerChurnPeriod } from '@cx/metrics';
 * const same: ChurnPeriodOf<'customers'> extends CustomerChurnPeriod ? true : false = true;
 * console.log(same); // true
 * ```
 * @category Churn
 * @since 0.1.0
 */
export type ChurnPeriodOf<M extends ChurnMeasures> = M extends 'customers'
  ? CustomerChurnPeriod
  : ChurnPeriod;

/** The periods a sweep computes: bounds (epoch ms, one more than periods), keys and labels (internal). */
export interface PeriodBounds {
  readonly bounds: Float64Array;
  readonly keys: readonly string[];
  readonly labels: readonly string[];
}
