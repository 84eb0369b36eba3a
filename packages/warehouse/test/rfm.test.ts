import { fitBgNbd, fitGammaGamma, type RfmSummaryOptions, rfmSummary, type Transaction } from '@cx/metrics';
import { createSampleShop } from '@cx/sample-data';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable, type Engine, insertRows, rfmSummaryQuery } from '../src/index.js';
import { expectClose } from './compare.js';
import { recordingEngine, testEngines } from './engines.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const COLUMNS = [
  { name: 'id', type: 'text' },
  { name: 'customer', type: 'text' },
  { name: 'at', type: 'instant' },
  { name: 'amount', type: 'float' },
  { name: 'seq', type: 'int' },
] as const;

const transactionsArb = fc
  .array(
    fc.record({
      customer: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      hours: fc.integer({ min: 0, max: 24 * 120 }),
      // Whole amounts: every sum is exact whatever the order, so the model fits are identical.
      amount: fc.integer({ min: 0, max: 300 }),
      id: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map(
      (r): Transaction => ({
        customerId: r.customer,
        at: new Date(T0 + r.hours * 3_600_000).toISOString(),
        amount: r.amount,
        ...(r.id === undefined ? {} : { id: `t${r.id}` }),
      }),
    ),
  );

const optionsArb = fc.record(
  {
    calibrationEnd: fc.constantFrom('2026-03-01', '2026-04-15'),
    holdoutEnd: fc.constant('2026-05-01'),
    timeUnit: fc.constantFrom('day', 'week', 'month' as const),
    timeZone: fc.constantFrom('UTC', 'Europe/Warsaw', 'America/New_York'),
  },
  { requiredKeys: ['calibrationEnd', 'timeUnit'] },
) as fc.Arbitrary<RfmSummaryOptions>;

for (const testEngine of testEngines()) {
  describe(`RFM summary on ${testEngine.name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await testEngine.open();
    });
    afterAll(async () => engine?.close());

    it('equals rfmSummary in process (duplicates, holdout, local days, late customers)', async () => {
      await fc.assert(
        fc.asyncProperty(transactionsArb, optionsArb, async (transactions, options) => {
          await createTable(engine, 'orders', COLUMNS);
          await insertRows(
            engine,
            'orders',
            COLUMNS,
            transactions.map((t, seq) => ({
              id: t.id,
              customer: t.customerId,
              at: t.at,
              amount: t.amount,
              seq,
            })),
          );
          const table = {
            table: 'orders',
            customerId: 'customer',
            at: 'at',
            amount: 'amount',
            id: 'id',
            order: 'seq',
          };
          const recorded = recordingEngine(engine);
          expectClose(
            await rfmSummaryQuery(table, options).run(recorded.engine),
            rfmSummary(transactions, options),
          );
          // Local days from the library's zone offsets: no statement names the zone for the engine to convert.
          for (const text of recorded.statements)
            expect(text).not.toMatch(/Europe\/Warsaw|America\/New_York/);
        }),
        { numRuns: testEngine.name === 'duckdb' ? 50 : 20 },
      );
    }, 240_000);

    it('feeds BG/NBD and Gamma-Gamma with the same fits as in process', async () => {
      // The sample shop's orders, amounts rounded to whole units so that every sum is exact in any order.
      const transactions: Transaction[] = [...createSampleShop({ seed: 7, customers: 400 }).orders()].map(
        (o) => ({
          customerId: o.customerId,
          at: o.orderedAt,
          amount: Math.round(o.amount),
        }),
      );
      await createTable(engine, 'orders', COLUMNS);
      await insertRows(
        engine,
        'orders',
        COLUMNS,
        transactions.map((t) => ({ customer: t.customerId, at: t.at, amount: t.amount })),
      );
      const options = { calibrationEnd: '2025-09-30', timeUnit: 'week' } as const;
      const remote = await rfmSummaryQuery(
        { table: 'orders', customerId: 'customer', at: 'at', amount: 'amount' },
        options,
      ).run(engine);
      const local = rfmSummary(transactions, options);
      // Counts exact; the monetary value is a mean, which rfmSummary computes with its own summation (meanOf) and
      // the engine as a sum divided by the count: equal to 1e-9, not always to the last bit.
      expectClose(remote, local);
      // The fits are optimizer results: inputs equal to the last bit or two (the monetary means above) give
      // parameters equal to the optimizer's own convergence tolerance, so they are compared to 1e-6.
      expectClose(
        // Customers first seen on the calibration end (T = 0) carry no information for the model.
        fitBgNbd(
          remote.customers.filter((c) => c.T > 0),
          { timeUnit: 'week' },
        ),
        fitBgNbd(
          local.customers.filter((c) => c.T > 0),
          { timeUnit: 'week' },
        ),
        '$',
        1e-6,
      );
      const repeaters = (s: typeof local) => s.customers.filter((c) => c.frequency > 0);
      expectClose(fitGammaGamma(repeaters(remote)), fitGammaGamma(repeaters(local)), '$', 1e-6);
    });
  });
}
