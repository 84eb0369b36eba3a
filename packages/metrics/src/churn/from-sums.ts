import { epochMsToInstant, MS_PER_DAY } from '@cx/model';
import { churnRateOf } from './sweep/rows.js';
import type { ChurnPeriod, MidPeriodPolicy } from './types.js';

/**
 * The sums one period of churn is made of, as a database or another process computed them (epoch ms instants).
 *
 * @category Churn
 * @since 0.2.0
 */
export interface ChurnSums {
  /** The period's key in the calendar's zone (`Calendar.keyOfIndex` of `@cx/model`), e.g. `2024-01`. */
  readonly period: string;
  /** Its short English label (`Calendar.labelOfIndex`), e.g. `Jan 2024`. */
  readonly label: string;
  /** Period start (epoch ms, inclusive). */
  readonly start: number;
  /** Period end (epoch ms, exclusive). */
  readonly end: number;
  /** Customers active at the start. */
  readonly customersAtStart: number;
  /** Customers active at the end. */
  readonly customersAtEnd: number;
  /** Customers active at the start and not at the end. */
  readonly lostCustomers: number;
  /** Customers active at the end and not at the start. */
  readonly newCustomers: number;
  /** Ends of active spells in `(start, end]`. */
  readonly churnEvents: number;
  /** Customer-milliseconds of exposure in the period. */
  readonly exposureMs: number;
  /** `'eligible'` only: subscriptions with a renewal in the period, and those that ended at or before it. */
  readonly eligible?: number;
  /** `'eligible'` only: eligible subscriptions that ended at or before their renewal. */
  readonly eligibleLost?: number;
  /** MRR sums of the customers active at the start (see {@link RevenueRetention}). */
  readonly startMrr: number;
  /** MRR at the end of the customers active at the start. */
  readonly endMrr: number;
  /** MRR at the end of customers not active at the start. */
  readonly newMrr: number;
  /** Increases of still-active start customers. */
  readonly expansion: number;
  /** Decreases of still-active start customers. */
  readonly contraction: number;
  /** Start MRR of start customers inactive at the end. */
  readonly churned: number;
}

/**
 * Builds the {@link ChurnPeriod} that {@link churnSeries} reports from the period's sums: the rate of the policy,
 * NRR, GRR and revenue churn, with `null` where a denominator is 0.
 *
 * @param sums - The period's sums.
 * @param policy - The mid-period policy the sums were computed for.
 * @param asOf - Instant (epoch ms) up to which data is complete.
 * @returns The churn period.
 * @example
 * ```ts
 * import { churnPeriodFromSums } from '@cx/metrics';
 * const p = churnPeriodFromSums({
 *   period: '1970-01-01', label: '1 Jan 1970', start: 0, end: 86_400_000, customersAtStart: 500, customersAtEnd: 450, lostCustomers: 50, newCustomers: 0,
 *   churnEvents: 50, exposureMs: 0, startMrr: 27_000, endMrr: 30_000, newMrr: 0, expansion: 8_000, contraction: 0,
 *   churned: 5_000,
 * }, 'exclude', 86_400_000);
 * console.log(p.churnRate, p.revenue.nrr); // 0.1 1.1111111111111112
 * ```
 * @category Churn
 * @since 0.2.0
 */
export function churnPeriodFromSums(sums: ChurnSums, policy: MidPeriodPolicy, asOf: number): ChurnPeriod {
  const n = sums.customersAtStart;
  const days = sums.exposureMs / MS_PER_DAY;
  const e = sums.eligible ?? 0;
  const churnRate = churnRateOf(
    policy,
    n,
    sums.lostCustomers,
    days,
    sums.churnEvents,
    e,
    sums.eligibleLost ?? 0,
  );
  const sm = sums.startMrr;
  const ratio = (x: number): number | null => (sm === 0 ? null : x / sm);
  return {
    period: sums.period,
    label: sums.label,
    start: epochMsToInstant(sums.start),
    end: epochMsToInstant(sums.end),
    complete: sums.end <= asOf,
    policy,
    customersAtStart: n,
    customersAtEnd: sums.customersAtEnd,
    lostCustomers: sums.lostCustomers,
    newCustomers: sums.newCustomers,
    churnEvents: sums.churnEvents,
    exposureDays: days,
    ...(policy === 'eligible' ? { eligible: e, eligibleLost: sums.eligibleLost ?? 0 } : {}),
    churnRate,
    revenue: {
      startMrr: sm,
      endMrr: sums.endMrr,
      newMrr: sums.newMrr,
      expansion: sums.expansion,
      contraction: sums.contraction,
      churned: sums.churned,
      nrr: ratio(sm + sums.expansion - sums.contraction - sums.churned),
      grr: ratio(sm - sums.contraction - sums.churned),
      revenueChurnRate: ratio(sums.contraction + sums.churned),
      netRevenueChurnRate: ratio(sums.contraction + sums.churned - sums.expansion),
    },
  };
}
