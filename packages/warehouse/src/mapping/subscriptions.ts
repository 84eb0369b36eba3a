import { z } from 'zod';
import { optionsError, parseSettings } from '../engine/settings.js';
import {
  type FieldSource,
  fieldSourceSchema,
  type InstantSource,
  instantSourceSchema,
  type TableName,
  tableNameSchema,
} from './column.js';

/**
 * Subscriptions in a table, with their amount changes (upgrades, downgrades) in another, declared once.
 *
 * @category Mapping
 * @since 0.1.0
 */
export interface SubscriptionTable {
  /** The table or view. */
  readonly table: TableName;
  /** Subscription id (needed to link amount changes). */
  readonly id?: FieldSource;
  /** The customer. */
  readonly customerId: FieldSource;
  /** Start instant. */
  readonly startedAt: InstantSource;
  /** End instant; NULL = still active. */
  readonly endedAt?: InstantSource;
  /** Amount per billing interval (numeric column). */
  readonly amount: string;
  /** Currency (one across all rows). */
  readonly currency: FieldSource;
  /** Billing interval: `week`, `month`, `quarter` or `year` (a column with a value map, or a constant). */
  readonly billingInterval: FieldSource;
  /** Amount changes: the new amount from an instant on. */
  readonly amountChanges?: {
    /** The table. */
    readonly table: TableName;
    /** Column with the subscription id. */
    readonly subscriptionId: string;
    /** From when the new amount applies. */
    readonly at: InstantSource;
    /** The new amount per billing interval. */
    readonly amount: string;
    /** Order of changes of one subscription at the same instant (the later one applies); default none. */
    readonly order?: string;
  };
}

const subscriptionTableSchema = z.strictObject({
  table: tableNameSchema,
  id: fieldSourceSchema.optional(),
  customerId: fieldSourceSchema,
  startedAt: instantSourceSchema,
  endedAt: instantSourceSchema.optional(),
  amount: z.string().min(1),
  currency: fieldSourceSchema,
  billingInterval: fieldSourceSchema,
  amountChanges: z
    .strictObject({
      table: tableNameSchema,
      subscriptionId: z.string().min(1),
      at: instantSourceSchema,
      amount: z.string().min(1),
      order: z.string().min(1).optional(),
    })
    .optional(),
});

/**
 * Declares a subscription table (strictly checked).
 *
 * @param mapping - Table, columns and the amount-change table.
 * @returns The checked mapping.
 * @throws {@link @cx/model!CxOptionsError} for unknown keys, invalid entries, or amount changes without `id`.
 * @example
 * ```ts
 * import { subscriptionTable } from '@cx/warehouse';
 * const subs = subscriptionTable({
 *   table: 'subscriptions', customerId: 'customer', startedAt: 'started', endedAt: 'ended', amount: 'price',
 *   currency: { constant: 'EUR' }, billingInterval: { column: 'plan', values: { M: 'month', Y: 'year' } },
 * });
 * console.log(subs.amount); // 'price'
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export function subscriptionTable(mapping: SubscriptionTable): SubscriptionTable {
  const m = parseSettings(subscriptionTableSchema, mapping, 'subscriptionTable') as SubscriptionTable;
  if (m.amountChanges !== undefined && m.id === undefined) {
    throw optionsError(
      'subscriptionTable',
      ['id'],
      'Expected id mapped: amount changes are linked by subscription id',
      'missing_option',
    );
  }
  return m;
}
