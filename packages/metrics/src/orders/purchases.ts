import type { Order } from '@cx/model';
import { CxValidationError, instantToEpochMs } from '@cx/model';

/**
 * Which orders count as purchases, shared by the order functions.
 *
 * @category Orders
 * @since 0.1.0
 */
export interface PurchaseOptions {
  /**
   * Order statuses that count as a purchase. Default `['paid', 'fulfilled']`: placed (unpaid), cancelled and
   * refunded orders are not purchases.
   */
  readonly statuses?: ReadonlyArray<Order['status']>;
}

const STATUSES: ReadonlyArray<Order['status']> = ['placed', 'paid', 'fulfilled', 'cancelled', 'refunded'];

/** The purchase statuses of the options, checked (internal). */
export function purchaseStatuses(options: PurchaseOptions, fn: string): ReadonlySet<Order['status']> {
  const statuses = options.statuses ?? ['paid', 'fulfilled'];
  if (!Array.isArray(statuses) || statuses.length === 0 || statuses.some((s) => !STATUSES.includes(s))) {
    throw new CxValidationError(
      [
        {
          path: ['options', 'statuses'],
          code: 'invalid_value',
          message: `Expected a non-empty list of ${STATUSES.join(', ')}, got ${JSON.stringify(statuses)}`,
        },
      ],
      { subject: `${fn} options` },
    );
  }
  return new Set(statuses);
}

/** Epoch ms of an order's `orderedAt`, or a typed error naming the order (internal). */
export function orderTime(order: Order, index: number): number {
  let ms = Number.NaN;
  try {
    ms = instantToEpochMs(order.orderedAt);
  } catch {
    // reported below with the order's position
  }
  if (!Number.isFinite(ms)) {
    throw new CxValidationError([
      {
        path: [index, 'orderedAt'],
        code: 'invalid_date',
        message: `Expected a UTC instant such as 2026-03-01T09:30:00Z, got ${JSON.stringify(order?.orderedAt)} (order ${JSON.stringify(order?.id)})`,
      },
    ]);
  }
  return ms;
}
