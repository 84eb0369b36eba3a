import type { Instant, Subscription } from '@cx/model';
import { CxValidationError, instantToEpochMs } from '@cx/model';
import type { CalendarInterval } from '../retention/calendar.js';
import { checkInterval, checkTimeZone, PeriodCalendar } from '../retention/calendar.js';
import type { SubscriptionColumns } from './columns.js';
import { isSubscriptionColumns } from './columns.js';
import { subscriptionTable } from './subscriptions.js';
import { churnSweep, customerChurnSweep } from './sweep.js';

/**
 * How customers who join during a period are treated by {@link periodChurn} and {@link churnSeries}.
 *
 * - `'exclude'`: lost ÷ customers at period start; joiners count in neither (500 → 450 = 10%).
 * - `'exposure'`: every churn in the period (joiners' too) ÷ customer-days of exposure in the period.
 * - `'eligible'`: subscriptions that ended at or before a renewal falling in the period ÷ subscriptions with a
 *   renewal in the period that were live when that billing cycle began (renewal-eligible denominator).
 *
 * @category Churn
 * @since 0.1.0
 */
export type MidPeriodPolicy = 'exclude' | 'exposure' | 'eligible';

/**
 * Revenue movements of the customers present at a period's start (monthly recurring revenue, MRR).
 *
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
 * Churn of one period.
 *
 * @category Churn
 * @since 0.1.0
 */
export interface ChurnPeriod {
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
 * @category Churn
 * @since 0.1.0
 */
export type ChurnMeasures = 'all' | 'customers';

/**
 * Customer churn of one period without revenue (`measures: 'customers'`): the fields of {@link ChurnPeriod}
 * with the same values, except that nothing is computed that the requested policy does not need.
 *
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
 * @category Churn
 * @since 0.1.0
 */
export type ChurnPeriodOf<M extends ChurnMeasures> = M extends 'customers'
  ? CustomerChurnPeriod
  : ChurnPeriod;

/**
 * Options of {@link periodChurn}.
 *
 * @category Churn
 * @since 0.1.0
 */
export interface PeriodChurnOptions<M extends ChurnMeasures = 'all'> {
  /** How customers joining mid-period are treated. Default `'exclude'`. */
  readonly midPeriodPolicy?: MidPeriodPolicy;
  /** `'customers'` computes the customer counts and churn rate only (no revenue); default `'all'`. */
  readonly measures?: M;
  /** Instant up to which data is complete. Default: the latest instant in the subscriptions. */
  readonly asOf?: Instant;
}

/**
 * Options of {@link churnSeries}.
 *
 * @category Churn
 * @since 0.1.0
 */
export interface ChurnSeriesOptions<M extends ChurnMeasures = 'all'> extends PeriodChurnOptions<M> {
  /** Calendar interval of the periods. Default `'month'`. */
  readonly interval?: CalendarInterval;
  /** IANA time zone of the calendar. Default `'UTC'`. */
  readonly timeZone?: string;
  /** First day of a week (0 = Sunday). Default 1 (Monday, ISO). */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** First period: the one containing this instant. Default: the earliest start. */
  readonly from?: Instant;
  /** Periods starting before this instant. Default: `asOf`. */
  readonly to?: Instant;
}

function instant(value: Instant | undefined, path: string, fallback: number): number {
  if (value === undefined) return fallback;
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

function tableOf(subscriptions: Iterable<Subscription> | SubscriptionColumns): SubscriptionColumns {
  return isSubscriptionColumns(subscriptions) ? subscriptions : subscriptionTable(subscriptions);
}

function measuresOf(value: unknown): ChurnMeasures {
  if (value === undefined || value === 'all' || value === 'customers') return value ?? 'all';
  throw new CxValidationError([
    {
      path: ['measures'],
      message: `Expected "all" or "customers", got ${JSON.stringify(value)}`,
      code: 'invalid_value',
    },
  ]);
}

function policyOf(value: unknown): MidPeriodPolicy {
  if (value === undefined) return 'exclude';
  if (value === 'exclude' || value === 'exposure' || value === 'eligible') return value;
  throw new CxValidationError([
    {
      path: ['midPeriodPolicy'],
      message: `Expected "exclude", "exposure" or "eligible", got ${JSON.stringify(value)}`,
      code: 'invalid_value',
    },
  ]);
}

/**
 * Customer churn and revenue retention (GRR, NRR, expansion, contraction, churned MRR) over any interval.
 *
 * A customer is active at `t` while any of their subscriptions is (`startedAt ≤ t < endedAt`); the state at the
 * period's `end` instant is its end state (and the next period's start state). Amounts are converted to
 * monthly recurring revenue by billing interval (a week is 12/52 of a month) and follow `amountChanges`.
 *
 * @param subscriptions - Subscriptions (one currency), in any order, or a table from
 *   {@link prepareSubscriptions} (checked once, faster when asking many questions of the same data).
 * @param start - Period start (inclusive).
 * @param end - Period end (exclusive).
 * @typeParam M - The measures asked for (`'all'` unless `options.measures` says `'customers'`).
 * @param options - Mid-period policy, measures and completeness instant.
 * @returns The churn of the period: a {@link ChurnPeriod}, or a {@link CustomerChurnPeriod} (no revenue) with
 *   `measures: 'customers'`.
 * @throws {@link @cx/model!CxValidationError} for end before start (period or subscription), negative amounts,
 *   unknown billing intervals, mixed currencies, unknown policies or measures, or bad instants, with their
 *   positions.
 * @example
 * ```ts
 * import { periodChurn } from '@cx/metrics';
 * const sub = (id: string, endedAt?: string) => ({
 *   id, customerId: id, status: endedAt ? 'cancelled' as const : 'active' as const, startedAt: '2025-12-01T00:00:00Z',
 *   ...(endedAt ? { endedAt } : {}), amount: 10, currency: 'EUR', billingInterval: 'month' as const, amountChanges: [], properties: {},
 * });
 * const result = periodChurn([sub('a'), sub('b', '2026-01-15T00:00:00Z')], '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z');
 * console.log(result.churnRate, result.revenue.grr); // 0.5 0.5
 * const counts = periodChurn([sub('a'), sub('b', '2026-01-15T00:00:00Z')], '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', { measures: 'customers' });
 * console.log(counts.churnRate, counts.lostCustomers, counts.revenue); // 0.5 1 null
 * ```
 * @category Churn
 * @since 0.1.0
 */
export function periodChurn<M extends ChurnMeasures = 'all'>(
  subscriptions: Iterable<Subscription> | SubscriptionColumns,
  start: Instant,
  end: Instant,
  options: PeriodChurnOptions<M> = {},
): ChurnPeriodOf<M> {
  const policy = policyOf(options.midPeriodPolicy);
  const measures = measuresOf(options.measures);
  const from = instant(start, 'start', 0);
  const to = instant(end, 'end', 0);
  if (to <= from) {
    throw new CxValidationError([
      { path: ['end'], message: `Expected end ${end} after start ${start}`, code: 'end_before_start' },
    ]);
  }
  const table = tableOf(subscriptions);
  const asOf = instant(options.asOf, 'asOf', table.maxTime);
  const bounds = Float64Array.of(from, to);
  const sweep = measures === 'customers' ? customerChurnSweep : churnSweep;
  return sweep(table, bounds, policy, asOf)[0] as ChurnPeriodOf<M>;
}

/**
 * Churn and revenue retention per calendar period (month by default) in an IANA time zone, DST-correct.
 *
 * With `measures: 'customers'` only the customer counts and the churn rate of the requested policy are computed
 * (each period a {@link CustomerChurnPeriod} with `revenue: null`), with the same counts as the full mode and in
 * less time: use it when revenue retention is not wanted.
 *
 * @param subscriptions - Subscriptions (one currency), in any order, or a table from
 *   {@link prepareSubscriptions} or {@link readSubscriptionColumnsCsv} (not checked again).
 * @typeParam M - The measures asked for (`'all'` unless `options.measures` says `'customers'`).
 * @param options - Interval, time zone, range, mid-period policy, measures and completeness instant.
 * @returns One {@link ChurnPeriod} (or, with `measures: 'customers'`, {@link CustomerChurnPeriod}) per period, in
 *   time order.
 * @throws {@link @cx/model!CxValidationError} for unknown intervals, time zones or measures, bad instants, and
 *   the subscription errors of {@link periodChurn}.
 * @example
 * ```ts
 * import { churnSeries } from '@cx/metrics';
 * const series = churnSeries(
 *   [{ id: 's1', customerId: 'c1', status: 'cancelled', startedAt: '2026-01-10T00:00:00Z', endedAt: '2026-02-20T00:00:00Z',
 *      amount: 29, currency: 'EUR', billingInterval: 'month', amountChanges: [], properties: {} }],
 *   { interval: 'month', timeZone: 'Europe/Berlin', to: '2026-02-15T00:00:00Z' },
 * );
 * console.log(series.map((p) => [p.customersAtStart, p.lostCustomers])); // [ [ 0, 0 ], [ 1, 1 ] ]
 * const counts = churnSeries(
 *   [{ id: 's1', customerId: 'c1', status: 'cancelled', startedAt: '2026-01-10T00:00:00Z', endedAt: '2026-02-20T00:00:00Z',
 *      amount: 29, currency: 'EUR', billingInterval: 'month', amountChanges: [], properties: {} }],
 *   { interval: 'month', to: '2026-02-15T00:00:00Z', measures: 'customers' },
 * );
 * console.log(counts.map((p) => [p.customersAtStart, p.lostCustomers, p.churnRate, p.revenue])); // [ [ 0, 0, null, null ], [ 1, 1, 1, null ] ]
 * ```
 * @category Churn
 * @since 0.1.0
 */
export function churnSeries<M extends ChurnMeasures = 'all'>(
  subscriptions: Iterable<Subscription> | SubscriptionColumns,
  options: ChurnSeriesOptions<M> = {},
): Array<ChurnPeriodOf<M>> {
  const policy = policyOf(options.midPeriodPolicy);
  const measures = measuresOf(options.measures);
  const interval = checkInterval(
    options.interval ?? 'month',
    ['day', 'week', 'month', 'quarter', 'year'] as const,
    ['interval'],
  );
  const timeZone = checkTimeZone(options.timeZone ?? 'UTC', ['timeZone']);
  const table = tableOf(subscriptions);
  if (table.count === 0 && (options.from === undefined || options.to === undefined)) return [];
  const asOf = instant(options.asOf, 'asOf', table.maxTime);
  const from = instant(options.from, 'from', table.minTime);
  const to = instant(options.to, 'to', asOf);
  if (to <= from) {
    throw new CxValidationError([
      { path: ['to'], message: 'Expected to after from', code: 'end_before_start' },
    ]);
  }
  const calendar = new PeriodCalendar(
    { interval, timeZone, weekStartsOn: options.weekStartsOn ?? 1 },
    from,
    to,
  );
  const bounds: number[] = [];
  for (let p = 0; calendar.start(p) < to; p++) bounds.push(calendar.start(p));
  bounds.push(calendar.start(bounds.length));
  const sweep = measures === 'customers' ? customerChurnSweep : churnSweep;
  return sweep(table, Float64Array.from(bounds), policy, asOf) as Array<ChurnPeriodOf<M>>;
}
