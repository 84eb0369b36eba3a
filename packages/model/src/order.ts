import { z } from 'zod';
import { channelSchema } from './channel.js';
import { currencySchema, idSchema, propertiesSchema } from './json.js';
import { instantSchema } from './time/schemas.js';

/**
 * Schema of an order line.
 *
 * @example
 * ```ts
 * import { orderItemSchema } from '@cx/model';
 * console.log(orderItemSchema.parse({ sku: 'A-1', quantity: 2, unitPrice: 9.99 }).quantity); // 2
 * ```
 * @category Revenue
 * @since 0.1.0
 */
export const orderItemSchema = z
  .strictObject({
    sku: idSchema,
    name: z.string().optional(),
    quantity: z.number().int().positive(),
    unitPrice: z.number().nonnegative().finite(),
    category: z.string().optional(),
  })
  .meta({ id: 'OrderItem' });

/**
 * Schema of an order: a purchase by a customer at one instant.
 *
 * @example
 * ```ts
 * import { orderSchema } from '@cx/model';
 * const o = orderSchema.parse({
 *   id: 'o1', customerId: 'c1', orderedAt: '2026-03-01T10:00:00Z', amount: 19.98, currency: 'PLN', status: 'paid',
 * });
 * console.log(o.items); // []
 * ```
 * @category Revenue
 * @since 0.1.0
 */
export const orderSchema = z
  .strictObject({
    id: idSchema,
    customerId: idSchema,
    orderedAt: instantSchema,
    amount: z.number().nonnegative({ message: 'Expected a non-negative amount' }).finite(),
    currency: currencySchema,
    status: z.enum(['placed', 'paid', 'fulfilled', 'cancelled', 'refunded']),
    channel: channelSchema.optional(),
    touchpointId: idSchema.optional(),
    items: z.array(orderItemSchema).default([]),
    properties: propertiesSchema.default({}),
  })
  .meta({ id: 'Order' });

/**
 * An order (parsed form).
 *
 * @example
 * ```ts
 * import { orderSchema, type Order } from '@cx/model';
 * const order: Order = orderSchema.parse({ id: 'o1', customerId: 'c1', orderedAt: '2026-03-01T10:00:00Z', amount: 59.9, currency: 'PLN', status: 'paid' });
 * console.log(order.items); // []
 * ```
 * @category Revenue
 * @since 0.1.0
 */
export type Order = z.infer<typeof orderSchema>;

/**
 * An order as accepted on input.
 *
 * @example
 * ```ts
 * import { orderSchema, type OrderInput } from '@cx/model';
 * const input: OrderInput = { id: 'o2', customerId: 'c1', orderedAt: '2026-03-02T10:00:00Z', amount: 0, currency: 'EUR', status: 'cancelled' };
 * console.log(orderSchema.parse(input).status); // 'cancelled'
 * ```
 * @category Revenue
 * @since 0.1.0
 */
export type OrderInput = z.input<typeof orderSchema>;
