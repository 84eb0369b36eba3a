import type { Order } from '@cx/model';
import type { Transaction } from '../lifetime/btyd/rfm.js';
import { orderTime, type PurchaseOptions, purchaseStatuses } from './purchases.js';

/**
 * Turns purchases into RFM transactions for {@link rfmSummary} (and so BG/NBD, Pareto/NBD, Gamma-Gamma and CLV):
 * each order whose status counts as a purchase becomes `{ id, customerId, at, amount }`.
 *
 * @param orders - Validated orders.
 * @param options - Purchase statuses (default paid and fulfilled).
 * @returns One transaction per purchase, in input order.
 * @throws {@link @cx/model!CxValidationError} for an order without a valid `orderedAt` or bad statuses.
 * @example
 * ```ts
 * import { ordersToTransactions, rfmSummary } from '@cx/metrics';
 * const transactions = ordersToTransactions([
 *   { id: 'o1', customerId: 'c1', orderedAt: '2024-01-05T10:00:00Z', amount: 20, currency: 'PLN', status: 'paid', items: [], properties: {} },
 *   { id: 'o2', customerId: 'c1', orderedAt: '2024-02-05T10:00:00Z', amount: 30, currency: 'PLN', status: 'fulfilled', items: [], properties: {} },
 * ]);
 * const rfm = rfmSummary(transactions, { timeUnit: 'day', calibrationEnd: '2024-03-01' });
 * console.log(rfm.customers[0]?.frequency); // 1
 * ```
 * @category Orders
 * @since 0.1.0
 */
export function ordersToTransactions(orders: Iterable<Order>, options: PurchaseOptions = {}): Transaction[] {
  const statuses = purchaseStatuses(options, 'ordersToTransactions');
  const out: Transaction[] = [];
  let index = 0;
  for (const order of orders) {
    orderTime(order, index++);
    if (statuses.has(order.status))
      out.push({ id: order.id, customerId: order.customerId, at: order.orderedAt, amount: order.amount });
  }
  return out;
}
