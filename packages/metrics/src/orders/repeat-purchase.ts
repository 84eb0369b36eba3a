import type { Order } from '@cx/model';
import { cohortRetention } from '../retention/cohort-retention.js';
import type { RetentionMatrix } from '../retention/matrix.js';
import type { CohortRetentionOptions } from '../retention/options.js';
import type { PurchaseOptions } from './purchases.js';
import { ordersToInteractions } from './to-interactions.js';

/**
 * Options of {@link repeatPurchaseRetention}: the purchase statuses, and the calendar of {@link cohortRetention}
 * (`interval`, `periods`, `timeZone`, `weekStartsOn`, `retention`, `asOf`, `from`, `to`).
 *
 * @category Orders
 * @since 0.1.0
 */
export interface RepeatPurchaseOptions
  extends PurchaseOptions,
    Pick<
      CohortRetentionOptions,
      'interval' | 'periods' | 'timeZone' | 'weekStartsOn' | 'retention' | 'asOf' | 'from' | 'to'
    > {}

/**
 * Repeat-purchase cohort retention straight from orders: customers are grouped by the calendar period of their
 * first purchase; column `k` is the share of the cohort that purchased again in the `k`-th period after it
 * (`retention: 'on'`), or in that period or a later one (`'on-or-after'`). Column 0 is the cohort itself.
 *
 * Definition: {@link cohortRetention} with `cohortType: 'first-time'`, any purchase as the start and the return
 * event, and purchases as made by {@link ordersToInteractions} (paid and fulfilled orders by default).
 *
 * @param orders - Validated orders, in any order.
 * @param options - Purchase statuses and calendar (`interval` is required, as in {@link cohortRetention}).
 * @returns The retention matrix.
 * @throws {@link @cx/model!CxValidationError} for orders without a valid `orderedAt`, or bad options.
 * @example
 * ```ts
 * import { repeatPurchaseRetention } from '@cx/metrics';
 * const order = (id: string, customerId: string, orderedAt: string) =>
 *   ({ id, customerId, orderedAt, amount: 10, currency: 'PLN', status: 'paid' as const, items: [], properties: {} });
 * const matrix = repeatPurchaseRetention(
 *   [order('o1', 'a', '2024-01-05T10:00:00Z'), order('o2', 'b', '2024-01-20T10:00:00Z'), order('o3', 'a', '2024-02-03T10:00:00Z')],
 *   { interval: 'month', periods: 1, timeZone: 'Europe/Warsaw', asOf: '2024-03-01T00:00:00Z' },
 * );
 * console.log(matrix.cohorts[0]?.size, matrix.cohorts[0]?.counts); // 2 [ 2, 1 ]
 * ```
 * @category Orders
 * @since 0.1.0
 */
export function repeatPurchaseRetention(
  orders: Iterable<Order>,
  options: RepeatPurchaseOptions,
): RetentionMatrix {
  const { statuses, ...calendar } = options;
  const purchases = ordersToInteractions(orders, {
    channel: 'other',
    ...(statuses !== undefined ? { statuses } : {}),
  });
  return cohortRetention(purchases, { ...calendar, cohortType: 'first-time' });
}
