import type { Subscription } from '@cx/model';
import type { SubscriptionColumns } from './columns.js';
import { subscriptionTable } from './subscriptions.js';
import { simpleFormOf } from './sweep/simple-form.js';

/**
 * Checks subscriptions once and turns them into {@link SubscriptionColumns}, the typed-array table that
 * {@link churnSeries} and {@link periodChurn} take without checking it again (prepare once, query many times).
 *
 * @param subscriptions - Subscriptions (one currency), in any order.
 * @returns The prepared table.
 * @throws {@link @cx/model!CxValidationError} for end before start, negative amounts, unknown billing intervals,
 *   amount changes out of order, mixed currencies or bad instants, with paths `[index, field]` (first 100 issues).
 * @example
 * ```ts
 * import { churnSeries, prepareSubscriptions } from '@cx/metrics';
 * const table = prepareSubscriptions([
 *   { id: 's1', customerId: 'c1', status: 'cancelled', startedAt: '2026-01-10T00:00:00Z', endedAt: '2026-02-20T00:00:00Z',
 *     amount: 29, currency: 'EUR', billingInterval: 'month', amountChanges: [], properties: {} },
 *   { id: 's2', customerId: 'c2', status: 'active', startedAt: '2025-12-01T00:00:00Z',
 *     amount: 10, currency: 'EUR', billingInterval: 'month', amountChanges: [], properties: {} },
 * ]);
 * console.log(table.count, table.customerIds); // 2 [ 'c1', 'c2' ]
 * const series = churnSeries(table, { interval: 'month', from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' });
 * console.log(series.map((p) => [p.customersAtStart, p.lostCustomers])); // [ [ 1, 0 ], [ 2, 1 ] ]
 * ```
 * @category Churn
 * @since 0.1.0
 */
export function prepareSubscriptions(subscriptions: Iterable<Subscription>): SubscriptionColumns {
  const table = subscriptionTable(subscriptions);
  simpleFormOf(table); // the sweeps' sorted form of the simple customers, built here rather than by the first query
  return table;
}
