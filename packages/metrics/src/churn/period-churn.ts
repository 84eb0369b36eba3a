import type { Instant, Subscription } from '@cx/model';
import { CxValidationError, instantIssue, instantToEpochMsOrNaN, parseOptions } from '@cx/model';
import { epochOf } from '../retention/instant-option.js';
import type { SubscriptionColumns } from './columns.js';
import type { PeriodChurnOptions } from './options.js';
import { periodChurnOptionsSchema } from './options.js';
import { customerChurnSweep } from './sweep/customers.js';
import { churnSweep } from './sweep/full.js';
import { tableOf } from './table.js';
import type { ChurnMeasures, ChurnPeriodOf } from './types.js';

/** Epoch ms of a period bound given as an argument, or a typed error naming it (internal). */
function boundOf(value: unknown, name: 'start' | 'end'): number {
  const issue = instantIssue(value, { path: [name] });
  if (issue !== null) throw new CxValidationError([issue], { subject: 'arguments of periodChurn' });
  return instantToEpochMsOrNaN(value as string);
}

/**
 * Customer churn and revenue retention (GRR, NRR, expansion, contraction, churned MRR) over any interval.
 *
 * A customer is active at `t` while any of their subscriptions is (`startedAt ≤ t < endedAt`); the state at the
 * period's `end` instant is its end state (and the next period's start state). Amounts are converted to
 * monthly recurring revenue by billing interval (a week is 12/52 of a month) and follow `amountChanges`; revenue
 * figures are exact integer sums converted once, each the double nearest the exact value (see {@link churnSeries}
 * for the units and the fallback). The result's `period` is the ISO 8601 interval `start/end`.
 *
 * @param subscriptions - Subscriptions (one currency, unless only customers are counted), in any order, or a table from
 *   {@link prepareSubscriptions} (checked once, faster when asking many questions of the same data).
 * @param start - Period start (inclusive), a UTC instant.
 * @param end - Period end (exclusive), a UTC instant.
 * @typeParam M - The measures asked for (`'all'` unless `options.measures` says `'customers'`).
 * @param options - Mid-period policy, measures, completeness instant and worker threads.
 * @returns The churn of the period: a {@link ChurnPeriod}, or a {@link CustomerChurnPeriod} (no revenue) with
 *   `measures: 'customers'`.
 * @throws {@link @cx/model!CxOptionsError} for unknown option keys, `null` options, unknown policies or measures
 *   and an `asOf` that is not a UTC instant.
 * @throws {@link @cx/model!CxValidationError} for a `start` or `end` that is not a UTC instant, `end` not after
 *   `start`, and bad subscriptions (end before start, negative amounts, unknown billing intervals, mixed
 *   currencies, bad instants such as 30 February), with their positions.
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
  options?: PeriodChurnOptions<M>,
): ChurnPeriodOf<M> {
  const o = parseOptions(periodChurnOptionsSchema, options, 'periodChurn');
  const from = boundOf(start, 'start');
  const to = boundOf(end, 'end');
  if (to <= from) {
    throw new CxValidationError(
      [{ path: ['end'], message: `Expected end ${end} after start ${start}`, code: 'end_before_start' }],
      { subject: 'arguments of periodChurn' },
    );
  }
  const table = tableOf(subscriptions, { oneCurrency: o.measures !== 'customers' });
  const asOf = epochOf(o.asOf) ?? table.maxTime;
  const interval = `${new Date(from).toISOString()}/${new Date(to).toISOString()}`;
  const periods = { bounds: Float64Array.of(from, to), keys: [interval], labels: [interval] };
  const sweep = o.measures === 'customers' ? customerChurnSweep : churnSweep;
  return sweep(table, periods, o.midPeriodPolicy, asOf, o.workers)[0] as ChurnPeriodOf<M>;
}
