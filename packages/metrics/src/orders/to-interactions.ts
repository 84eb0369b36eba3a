import type { Channel, Interaction, Order } from '@cx/model';
import { CxValidationError } from '@cx/model';
import { orderTime, type PurchaseOptions, purchaseStatuses } from './purchases.js';

/**
 * Options of {@link ordersToInteractions}.
 *
 * @category Orders
 * @since 0.1.0
 */
export interface OrdersToInteractionsOptions extends PurchaseOptions {
  /** Event name of a purchase. Default `'purchase'`. */
  readonly name?: string;
  /** Channel of orders that do not say theirs; without it such an order is an error. */
  readonly channel?: Channel;
}

/**
 * Turns purchases into interactions, so that cohort retention, funnels and paths run on orders with no glue code:
 * each order whose status counts as a purchase becomes one event named `purchase` (or `name`) at `orderedAt`, with
 * the order's id, customer, channel and touchpoint, and `amount`, `currency` and `status` in its properties.
 *
 * @param orders - Validated orders.
 * @param options - Purchase statuses, event name, channel for orders without one.
 * @returns One interaction per purchase, in input order.
 * @throws {@link @cx/model!CxValidationError} for an order without a valid `orderedAt`, an order without a channel
 *   when no `channel` option is given, or bad statuses.
 * @example
 * ```ts
 * import { ordersToInteractions } from '@cx/metrics';
 * const events = ordersToInteractions(
 *   [{ id: 'o1', customerId: 'c1', orderedAt: '2024-01-05T10:00:00Z', amount: 20, currency: 'PLN', status: 'paid', items: [], properties: {} }],
 *   { channel: 'web' },
 * );
 * console.log(events[0]?.name, events[0]?.properties); // 'purchase' { amount: 20, currency: 'PLN', status: 'paid' }
 * ```
 * @category Orders
 * @since 0.1.0
 */
export function ordersToInteractions(
  orders: Iterable<Order>,
  options: OrdersToInteractionsOptions = {},
): Interaction[] {
  const statuses = purchaseStatuses(options, 'ordersToInteractions');
  const name = options.name ?? 'purchase';
  const out: Interaction[] = [];
  let index = 0;
  for (const order of orders) {
    const i = index++;
    orderTime(order, i);
    if (!statuses.has(order.status)) continue;
    const channel = order.channel ?? options.channel;
    if (channel === undefined) {
      throw new CxValidationError([
        {
          path: [i, 'channel'],
          code: 'missing_field',
          message: `Order ${JSON.stringify(order.id)} has no channel: give the channel option for orders without one`,
        },
      ]);
    }
    out.push({
      id: order.id,
      customerId: order.customerId,
      timestamp: order.orderedAt,
      name,
      channel,
      ...(order.touchpointId !== undefined ? { touchpointId: order.touchpointId } : {}),
      properties: { amount: order.amount, currency: order.currency, status: order.status },
    });
  }
  return out;
}
