import { z } from 'zod';
import { currencySchema, idSchema, propertiesSchema } from './json.js';
import { instantSchema } from './time/schemas.js';

/**
 * Schema of a change of a subscription's recurring amount (upgrade, downgrade) from an instant on.
 *
 * @example
 * ```ts
 * import { amountChangeSchema } from '@cx/model';
 * console.log(amountChangeSchema.parse({ at: '2026-04-01T00:00:00Z', amount: 49 }).amount); // 49
 * ```
 * @category Revenue
 * @since 0.1.0
 */
export const amountChangeSchema = z
  .strictObject({ at: instantSchema, amount: z.number().nonnegative().finite() })
  .meta({ id: 'AmountChange' });

/**
 * Schema of a subscription (contract) for revenue, churn and retention.
 *
 * `amount` is the recurring amount per `billingInterval` at the start; `amountChanges` lists later
 * changes in time order. `endedAt` absent means the subscription is still active.
 *
 * @example
 * ```ts
 * import { subscriptionSchema } from '@cx/model';
 * const s = subscriptionSchema.parse({
 *   id: 's1', customerId: 'c1', plan: 'pro', status: 'cancelled', startedAt: '2026-01-01T00:00:00Z',
 *   endedAt: '2026-04-01T00:00:00Z', amount: 29, currency: 'EUR',
 * });
 * console.log(s.billingInterval); // 'month'
 * ```
 * @category Revenue
 * @since 0.1.0
 */
export const subscriptionSchema = z
  .strictObject({
    id: idSchema,
    customerId: idSchema,
    plan: z.string().min(1).optional(),
    status: z.enum(['trialing', 'active', 'past_due', 'paused', 'cancelled', 'expired']),
    startedAt: instantSchema,
    endedAt: instantSchema.optional(),
    cancelledAt: instantSchema.optional(),
    amount: z.number().nonnegative({ message: 'Expected a non-negative amount' }).finite(),
    currency: currencySchema,
    billingInterval: z.enum(['week', 'month', 'quarter', 'year']).default('month'),
    amountChanges: z.array(amountChangeSchema).default([]),
    properties: propertiesSchema.default({}),
  })
  .superRefine((s, ctx) => {
    if (s.endedAt !== undefined && Date.parse(s.endedAt) < Date.parse(s.startedAt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['endedAt'],
        message: `Expected endedAt ${s.endedAt} not before startedAt ${s.startedAt}`,
      });
    }
    let previous = Date.parse(s.startedAt);
    s.amountChanges.forEach((change, i) => {
      const at = Date.parse(change.at);
      if (at < previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['amountChanges', i, 'at'],
          message: 'Expected amount changes in time order, not before startedAt',
        });
      }
      previous = at;
    });
  })
  .meta({
    id: 'Subscription',
    description: 'A subscription; endedAt ≥ startedAt is checked by the library.',
  });

/**
 * A subscription (parsed form).
 *
 * @example
 * ```ts
 * import { subscriptionSchema, type Subscription } from '@cx/model';
 * const sub: Subscription = subscriptionSchema.parse({ id: 's1', customerId: 'c1', status: 'active', startedAt: '2026-01-01T00:00:00Z', amount: 29, currency: 'EUR' });
 * console.log(sub.billingInterval, sub.amountChanges); // 'month' []
 * ```
 * @category Revenue
 * @since 0.1.0
 */
export type Subscription = z.infer<typeof subscriptionSchema>;

/**
 * A subscription as accepted on input.
 *
 * @example
 * ```ts
 * import { subscriptionSchema, type SubscriptionInput } from '@cx/model';
 * const input: SubscriptionInput = { id: 's2', customerId: 'c1', status: 'trialing', startedAt: '2026-02-01T00:00:00Z', amount: 0, currency: 'PLN' };
 * console.log(subscriptionSchema.parse(input).status); // 'trialing'
 * ```
 * @category Revenue
 * @since 0.1.0
 */
export type SubscriptionInput = z.input<typeof subscriptionSchema>;
