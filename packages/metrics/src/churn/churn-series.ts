import type { IssuePath, Subscription } from '@cx/model';
import { CxValidationError, createCalendar, parseOptions } from '@cx/model';
import { epochOf } from '../retention/instant-option.js';
import type { SubscriptionColumns } from './columns.js';
import type { ChurnSeriesOptions } from './options.js';
import { churnSeriesOptionsSchema, RENAMED_CHURN_OPTIONS } from './options.js';
import { customerChurnSweep } from './sweep/customers.js';
import { churnSweep } from './sweep/full.js';
import { recordAt, tableOf } from './table.js';
import type { ChurnMeasures, ChurnPeriodOf, PeriodBounds } from './types.js';

/**
 * Churn and revenue retention per calendar period in an IANA time zone, DST-correct: one bucket per period, keyed
 * by its `period` in the zone (`2024-01` for January in Warsaw), with its `start` and `end` instants.
 *
 * The series covers the periods from the one containing `from` (default: the earliest start) through the last one
 * starting before `to` (default: `asOf`, itself by default the latest instant in the data). Its length is bounded by
 * `maxPeriods`: a subscription ending on 9999-12-31 stretches the default window to that date and gets a
 * `CxLimitError` naming it, never an endless loop; give `to` to choose the window instead.
 *
 * With `measures: 'customers'` only the customer counts and the churn rate of the requested policy are computed
 * (each period a {@link CustomerChurnPeriod} with `revenue: null`), with the same counts as the full mode and in
 * less time: use it when revenue retention is not wanted.
 *
 * Revenue figures are exact: every MRR is an integer number of units of `1 / mrrScale` of the currency (see
 * `mrrScale` of {@link SubscriptionColumns}), the sums are integer sums, and each figure (and each ratio of two
 * sums) is converted to a number once, so it is the double nearest the exact value, whatever the order of the
 * subscriptions.
 * When the amounts cannot be scaled (an amount with more than 6 decimal places, or totals of 2^52 units or more;
 * `mrrScale` is then 0) revenue is summed in floating point in customer order instead, and may be off in the last
 * bits.
 *
 * @param subscriptions - Subscriptions (one currency, unless only customers are counted), in any order, or a table from
 *   {@link prepareSubscriptions} or {@link readSubscriptionColumnsCsv} (not checked again).
 * @typeParam M - The measures asked for (`'all'` unless `options.measures` says `'customers'`).
 * @param options - `interval` (required), time zone, first day of the week, window, bound, mid-period policy,
 *   measures and completeness instant.
 * @returns One {@link ChurnPeriod} (or, with `measures: 'customers'`, {@link CustomerChurnPeriod}) per period, in
 *   time order.
 * @throws {@link @cx/model!CxOptionsError} for a missing or unknown `interval` (`period` is the old name), unknown
 *   time zones, option keys, policies or measures, `null` options, and instants that are not UTC instants.
 * @throws {@link @cx/model!CxLimitError} (`too_many_periods`) when the window spans more than `maxPeriods`
 *   periods, naming the record (or the option) that stretches it.
 * @throws {@link @cx/model!CxValidationError} for `to` not after `from`, and the subscription errors of
 *   {@link periodChurn}.
 * @example
 * ```ts
 * import { churnSeries } from '@cx/metrics';
 * const subscription = {
 *   id: 's1', customerId: 'c1', status: 'cancelled' as const, startedAt: '2026-01-10T00:00:00Z',
 *   endedAt: '2026-02-20T00:00:00Z', amount: 29, currency: 'EUR', billingInterval: 'month' as const,
 *   amountChanges: [], properties: {},
 * };
 * const series = churnSeries([subscription], { interval: 'month', timeZone: 'Europe/Berlin', to: '2026-02-15T00:00:00Z' });
 * console.log(series.map((p) => [p.period, p.customersAtStart, p.lostCustomers])); // [ [ '2026-01', 0, 0 ], [ '2026-02', 1, 1 ] ]
 * const counts = churnSeries([subscription], { interval: 'month', to: '2026-02-15T00:00:00Z', measures: 'customers' });
 * console.log(counts.map((p) => [p.customersAtStart, p.lostCustomers, p.churnRate, p.revenue])); // [ [ 0, 0, null, null ], [ 1, 1, 1, null ] ]
 * ```
 * @category Churn
 * @since 0.1.0
 */
export function churnSeries<M extends ChurnMeasures = 'all'>(
  subscriptions: Iterable<Subscription> | SubscriptionColumns,
  options: ChurnSeriesOptions<M>,
): Array<ChurnPeriodOf<M>> {
  const o = parseOptions(churnSeriesOptionsSchema, options, 'churnSeries', {
    renamed: RENAMED_CHURN_OPTIONS,
  });
  const calendar = createCalendar({
    interval: o.interval,
    timeZone: o.timeZone,
    weekStartsOn: o.weekStartsOn,
  });
  const table = tableOf(subscriptions, { oneCurrency: o.measures !== 'customers' });
  if (table.count === 0 && (o.from === undefined || o.to === undefined)) return [];
  const asOf = epochOf(o.asOf) ?? table.maxTime;
  const from = epochOf(o.from) ?? table.minTime;
  const to = epochOf(o.to) ?? asOf;
  if (to <= from) {
    throw new CxValidationError(
      [
        {
          path: o.to !== undefined ? ['to'] : o.asOf !== undefined ? ['asOf'] : [],
          message: `Expected the window to end after it starts, got from ${new Date(from).toISOString()} to ${new Date(to).toISOString()}${o.to === undefined && o.asOf === undefined ? ' (the latest instant in the data); give `to` or `asOf`' : ''}`,
          code: 'end_before_start',
        },
      ],
      { subject: 'window of churnSeries' },
    );
  }
  // Periods from the one holding `from` through the last one starting before `to`; at most maxPeriods of them.
  const count = calendar.checkSpan(from, to - 1, {
    maxPeriods: o.maxPeriods,
    path: spanPath(o, table),
    what: 'The churn series (give `to` to choose a shorter window)',
  });
  const first = calendar.indexOf(from);
  const bounds = new Float64Array(count + 1);
  const keys: string[] = [];
  const labels: string[] = [];
  for (let p = 0; p <= count; p++) bounds[p] = calendar.startOfIndex(first + p);
  for (let p = 0; p < count; p++) {
    keys.push(calendar.keyOfIndex(first + p));
    labels.push(calendar.labelOfIndex(first + p));
  }
  const periods: PeriodBounds = { bounds, keys, labels };
  const sweep = o.measures === 'customers' ? customerChurnSweep : churnSweep;
  return sweep(table, periods, o.midPeriodPolicy, asOf, o.workers) as Array<ChurnPeriodOf<M>>;
}

/** What stretches the window when it is too long: the option that set its end, else the record (internal). */
function spanPath(
  o: {
    readonly from?: string | undefined;
    readonly to?: string | undefined;
    readonly asOf?: string | undefined;
  },
  table: SubscriptionColumns,
): IssuePath {
  if (o.to !== undefined) return o.from === undefined ? recordAt(table, table.minTime) : ['to'];
  if (o.asOf !== undefined) return ['asOf'];
  return recordAt(table, table.maxTime);
}
