import type { Subscription } from '@cx/model';
import type { Engine } from '../engine/engine.js';
import type { SubscriptionTable } from '../mapping/subscriptions.js';
import { createTable, insertRows, type LoadColumn } from './table.js';

const SUBSCRIPTION_COLUMNS: readonly LoadColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'customer_id', type: 'text' },
  { name: 'started_at', type: 'instant' },
  { name: 'ended_at', type: 'instant' },
  { name: 'amount', type: 'float' },
  { name: 'currency', type: 'text' },
  { name: 'billing_interval', type: 'text' },
];
const CHANGE_COLUMNS: readonly LoadColumn[] = [
  { name: 'subscription_id', type: 'text' },
  { name: 'at', type: 'instant' },
  { name: 'amount', type: 'float' },
  { name: 'seq', type: 'int' },
];

/**
 * The mapping of the tables written by {@link loadSubscriptions}.
 *
 * @param table - The subscription table.
 * @param changes - The amount-change table.
 * @returns The mapping.
 * @example
 * ```ts
 * import { loadedSubscriptionTable } from '@cx/warehouse';
 * console.log(loadedSubscriptionTable('subs', 'sub_changes').amountChanges?.table); // 'sub_changes'
 * ```
 * @category Loading
 * @since 0.1.0
 */
export function loadedSubscriptionTable(table: string, changes: string): SubscriptionTable {
  return {
    table,
    id: 'id',
    customerId: 'customer_id',
    startedAt: 'started_at',
    endedAt: 'ended_at',
    amount: 'amount',
    currency: 'currency',
    billingInterval: 'billing_interval',
    amountChanges: {
      table: changes,
      subscriptionId: 'subscription_id',
      at: 'at',
      amount: 'amount',
      order: 'seq',
    },
  };
}

/**
 * Writes subscriptions and their amount changes into two new tables (replacing tables of those names).
 *
 * @param engine - The engine.
 * @param table - The subscription table to create.
 * @param changes - The amount-change table to create.
 * @param subscriptions - Subscriptions (parsed form).
 * @returns The number of subscriptions written.
 * @throws {@link @cx/model!CxValidationError} when a value does not fit its column.
 * @example
 * ```ts
 * import { duckdbEngine, loadSubscriptions, sql } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await loadSubscriptions(engine, 'subs', 'sub_changes', [{ id: 's1', customerId: 'c1', status: 'active',
 *   startedAt: '2026-01-01T00:00:00Z', amount: 10, currency: 'EUR', billingInterval: 'month', amountChanges: [], properties: {} }]);
 * console.log(await engine.query(sql`SELECT count(*) AS n FROM subs`)); // [ { n: 1 } ]
 * await engine.close();
 * ```
 * @category Loading
 * @since 0.1.0
 */
export async function loadSubscriptions(
  engine: Engine,
  table: string,
  changes: string,
  subscriptions: Iterable<Subscription>,
): Promise<number> {
  await createTable(engine, table, SUBSCRIPTION_COLUMNS);
  await createTable(engine, changes, CHANGE_COLUMNS);
  const list = [...subscriptions];
  await insertRows(
    engine,
    changes,
    CHANGE_COLUMNS,
    list.flatMap((s) =>
      (s.amountChanges ?? []).map((c, seq) => ({ subscription_id: s.id, at: c.at, amount: c.amount, seq })),
    ),
  );
  return insertRows(
    engine,
    table,
    SUBSCRIPTION_COLUMNS,
    list.map((s) => ({
      id: s.id,
      customer_id: s.customerId,
      started_at: s.startedAt,
      ended_at: s.endedAt,
      amount: s.amount,
      currency: s.currency,
      billing_interval: s.billingInterval,
    })),
  );
}
