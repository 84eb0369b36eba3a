import { type ActivityChurnOptions, activityChurn } from '@cx/metrics';
import { CxOptionsError, CxValidationError, type Interaction, instantToEpochMs, type Order } from '@cx/model';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityChurnQuery,
  createTable,
  type Engine,
  insertRows,
  loadedInteractionTable,
  loadInteractions,
} from '../src/index.js';
import { testEngines } from './engines.js';

// Activity around the end of March 2026 (Europe/Warsaw and New York change clocks on 29 and 8 March), on a 6-hour
// grid so that ties and gaps of exactly `inactiveDays` occur.
const T0 = instantToEpochMs('2026-02-20T00:00:00Z');
const ORDER_COLUMNS = [
  { name: 'id', type: 'text' },
  { name: 'customer', type: 'text' },
  { name: 'at', type: 'instant' },
  { name: 'status', type: 'text' },
] as const;

const ordersArb = fc.array(
  fc.record({
    customer: fc.constantFrom('a', 'b', 'c', 'd'),
    steps: fc.integer({ min: 0, max: 4 * 70 }),
    status: fc.constantFrom('paid', 'fulfilled', 'placed', 'refunded' as const),
  }),
  { maxLength: 25 },
);
const interactionsArb = fc.array(
  fc.record({
    customer: fc.option(fc.constantFrom('a', 'b', 'e'), { nil: undefined }),
    steps: fc.integer({ min: 0, max: 4 * 70 }),
  }),
  { maxLength: 25 },
);
const optionsArb: fc.Arbitrary<ActivityChurnOptions> = fc.record(
  {
    inactiveDays: fc.constantFrom(1, 3, 7, 2.5),
    interval: fc.constantFrom('day', 'week', 'month' as const),
    timeZone: fc.constantFrom('UTC', 'Europe/Warsaw', 'America/New_York'),
    weekStartsOn: fc.constantFrom(0, 1 as const),
    asOf: fc.constantFrom('2026-04-01T00:00:00Z', '2026-05-15T12:00:00Z'),
    statuses: fc.constantFrom(['paid', 'fulfilled'], ['placed'] as Order['status'][]),
  },
  { requiredKeys: ['inactiveDays'] },
);

const at = (steps: number) => new Date(T0 + steps * 6 * 3_600_000).toISOString();

for (const testEngine of testEngines()) {
  describe(`activity churn on ${testEngine.name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await testEngine.open();
    });
    afterAll(async () => engine?.close());

    it('equals activityChurn in process (orders by status, identified interactions, DST, period boundaries, reactivation)', async () => {
      await fc.assert(
        fc.asyncProperty(
          ordersArb,
          interactionsArb,
          fc.constantFrom('both', 'orders', 'interactions'),
          optionsArb,
          async (orderRows, eventRows, which, options) => {
            const orders: Order[] = orderRows.map((r, i) => ({
              id: `o${i}`,
              customerId: r.customer,
              orderedAt: at(r.steps),
              amount: 10,
              currency: 'PLN',
              status: r.status,
              items: [],
              properties: {},
            }));
            const interactions: Interaction[] = eventRows.map((r, i) => ({
              id: `e${i}`,
              ...(r.customer === undefined ? { anonymousId: `anon${i}` } : { customerId: r.customer }),
              timestamp: at(r.steps),
              name: 'open',
              channel: 'web',
              properties: {},
            }));
            await createTable(engine, 'act_orders', ORDER_COLUMNS);
            await insertRows(
              engine,
              'act_orders',
              ORDER_COLUMNS,
              orders.map((o) => ({ id: o.id, customer: o.customerId, at: o.orderedAt, status: o.status })),
            );
            await loadInteractions(engine, 'act_events', interactions);
            const orderTable = { table: 'act_orders', customerId: 'customer', at: 'at', status: 'status' };
            const sources = {
              ...(which === 'interactions' ? {} : { orders: orderTable }),
              ...(which === 'orders' ? {} : { interactions: loadedInteractionTable('act_events') }),
            };
            const expected = activityChurn(
              {
                ...(which === 'interactions' ? {} : { orders }),
                ...(which === 'orders' ? {} : { interactions }),
              },
              options,
            );
            expect(await activityChurnQuery(sources, options).run(engine)).toEqual(expected);
          },
        ),
        { numRuns: testEngine.name === 'duckdb' ? 60 : 20 },
      );
    }, 240_000);

    it('checks options and mappings as activityChurn does, and names incomplete rows', async () => {
      const orders = { table: 'act_orders', customerId: 'customer', at: 'at' };
      expect(() => activityChurnQuery({ orders }, { inactiveDays: 0 })).toThrow(CxOptionsError);
      expect(() => activityChurnQuery({ orders }, { inactiveDays: 30, intervl: 'month' } as never)).toThrow(
        /activityChurnQuery/,
      );
      expect(() =>
        activityChurnQuery({ orders: { ...orders, amont: 'x' } as never }, { inactiveDays: 30 }),
      ).toThrow(CxOptionsError);
      expect(() => activityChurnQuery({ order: orders } as never, { inactiveDays: 30 })).toThrow(
        CxOptionsError,
      );
      await createTable(engine, 'act_bad', ORDER_COLUMNS);
      await insertRows(engine, 'act_bad', ORDER_COLUMNS, [
        { id: '1', customer: 'a', at: '2026-01-01T00:00:00Z', status: 'paid' },
        { id: '2', customer: null, at: '2026-01-02T00:00:00Z', status: 'paid' },
      ]);
      await expect(
        activityChurnQuery({ orders: { ...orders, table: 'act_bad' } }, { inactiveDays: 30 }).run(engine),
      ).rejects.toThrow(CxValidationError);
      expect(
        await activityChurnQuery({ orders: { ...orders, table: 'act_bad' } }, { inactiveDays: 30 })
          .run(engine)
          .catch((e: unknown) => (e as CxValidationError).issues[0]?.path),
      ).toEqual(['activity']);
    });
  });
}
