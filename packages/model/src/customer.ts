import { z } from 'zod';
import { consentSchema } from './consent.js';
import { idSchema, propertiesSchema } from './json.js';
import { instantSchema } from './time/schemas.js';

/**
 * Schema of the business account a B2B customer belongs to.
 *
 * @example
 * ```ts
 * import { accountSchema } from '@cx/model';
 * console.log(accountSchema.parse({ id: 'acc-1', name: 'Acme sp. z o.o.', employees: 120 }).name);
 * ```
 * @category Customers
 * @since 0.1.0
 */
export const accountSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    industry: z.string().optional(),
    employees: z.number().int().nonnegative().optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, { message: 'Expected an ISO 3166-1 alpha-2 country code' })
      .optional(),
    taxId: z.string().optional(),
  })
  .meta({ id: 'Account', description: 'A business (B2B) account or company.' });

/**
 * A business account.
 *
 * @example
 * ```ts
 * import type { Account } from '@cx/model';
 * const acme: Account = { id: 'acc-1', name: 'Acme sp. z o.o.', employees: 120, country: 'PL' };
 * console.log(acme.name);
 * ```
 * @category Customers
 * @since 0.1.0
 */
export type Account = z.infer<typeof accountSchema>;

const customerBase = {
  id: idSchema,
  name: z.string().optional(),
  email: z.email().optional(),
  personaId: idSchema.optional(),
  segment: z.string().optional(),
  attributes: propertiesSchema.default({}),
  consent: consentSchema.default({}),
  firstSeenAt: instantSchema,
};

/**
 * Schema of a consumer (B2C) customer.
 *
 * @example
 * ```ts
 * import { consumerCustomerSchema } from '@cx/model';
 * const c = consumerCustomerSchema.parse({ id: 'c1', type: 'consumer', firstSeenAt: '2026-01-01T00:00:00Z' });
 * console.log(c.attributes); // {}
 * ```
 * @category Customers
 * @since 0.1.0
 */
export const consumerCustomerSchema = z
  .strictObject({ ...customerBase, type: z.literal('consumer') })
  .meta({ id: 'ConsumerCustomer' });

/**
 * Schema of a business (B2B) customer: a contact person within an {@link Account}.
 *
 * @example
 * ```ts
 * import { businessCustomerSchema } from '@cx/model';
 * const c = businessCustomerSchema.parse({
 *   id: 'c2', type: 'business', firstSeenAt: '2026-01-01T00:00:00Z',
 *   account: { id: 'acc-1', name: 'Acme' }, role: 'Procurement',
 * });
 * console.log(c.account.name); // 'Acme'
 * ```
 * @category Customers
 * @since 0.1.0
 */
export const businessCustomerSchema = z
  .strictObject({
    ...customerBase,
    type: z.literal('business'),
    account: accountSchema,
    role: z.string().optional(),
  })
  .meta({ id: 'BusinessCustomer' });

/**
 * Schema of a customer: consumer or business, discriminated by `type`.
 *
 * @example
 * ```ts
 * import { customerSchema } from '@cx/model';
 * const result = customerSchema.safeParse({ id: 'c1', type: 'business', firstSeenAt: '2026-01-01T00:00:00Z' });
 * console.log(result.success); // false: a business customer needs an account
 * ```
 * @category Customers
 * @since 0.1.0
 */
export const customerSchema = z
  .discriminatedUnion('type', [consumerCustomerSchema, businessCustomerSchema])
  .meta({ id: 'Customer', description: 'A consumer or business customer.' });

/**
 * A customer (parsed form, defaults applied).
 *
 * @example
 * ```ts
 * import { customerSchema, type Customer } from '@cx/model';
 * const customer: Customer = customerSchema.parse({ id: 'c1', type: 'consumer', firstSeenAt: '2026-01-01T00:00:00Z' });
 * if (customer.type === 'business') console.log(customer.account.name);
 * else console.log(customer.attributes); // {}
 * ```
 * @category Customers
 * @since 0.1.0
 */
export type Customer = z.infer<typeof customerSchema>;

/**
 * A customer as accepted on input (defaulted fields optional).
 *
 * @example
 * ```ts
 * import { customerSchema, type CustomerInput } from '@cx/model';
 * const input: CustomerInput = { id: 'c2', type: 'business', firstSeenAt: '2026-01-01T00:00:00Z', account: { id: 'a1', name: 'Acme' } };
 * console.log(customerSchema.parse(input).consent); // {}
 * ```
 * @category Customers
 * @since 0.1.0
 */
export type CustomerInput = z.input<typeof customerSchema>;

/**
 * Whether a customer buys as a consumer or for a business.
 *
 * @example
 * ```ts
 * import type { CustomerType } from '@cx/model';
 * const types: CustomerType[] = ['consumer', 'business'];
 * console.log(types.join(' / '));
 * ```
 * @category Customers
 * @since 0.1.0
 */
export type CustomerType = Customer['type'];
