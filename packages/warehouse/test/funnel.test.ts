import { type FunnelOptions, funnel } from '@cx/metrics';
import type { Interaction } from '@cx/model';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Engine, funnelQuery, loadedInteractionTable, loadInteractions } from '../src/index.js';
import { expectClose } from './compare.js';
import { testEngines } from './engines.js';

const T0 = Date.parse('2026-03-28T20:00:00Z');

const eventsArb = fc
  .array(
    fc.record({
      actor: fc.constantFrom('a', 'b', 'c', 'd'),
      quarter: fc.integer({ min: 0, max: 4 * 72 }),
      name: fc.constantFrom('view', 'cart', 'checkout', 'buy', 'support'),
      channel: fc.constantFrom('web', 'mobile-app'),
      value: fc.option(fc.constantFrom(10, 20), { nil: undefined }),
      id: fc.constantFrom('x', 'y', 'Z', 'é'),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map(
      (r, i): Interaction => ({
        // Ids that sort differently under a locale collation than by code units (the in-process order).
        id: `${r.id}${i}`,
        customerId: r.actor,
        timestamp: new Date(T0 + r.quarter * 900_000).toISOString(),
        name: r.name,
        channel: r.channel as Interaction['channel'],
        properties: r.value === undefined ? {} : { value: r.value },
      }),
    ),
  );

const optionsArb: fc.Arbitrary<FunnelOptions> = fc
  .record(
    {
      steps: fc.constantFrom<FunnelOptions['steps']>(
        [{ name: 'view' }, { name: 'cart' }, { name: 'buy' }],
        [{ name: 'view' }, { name: 'buy', window: { hours: 6 } }],
        [
          { name: ['view', 'cart'] },
          { name: 'checkout', channel: 'web' },
          { name: 'buy', properties: { value: 20 } },
        ],
        [{ name: 'view' }, { name: 'view' }],
      ),
      window: fc.constantFrom({ hours: 1 }, { hours: 12 }, { days: 14 }),
      order: fc.constantFrom('sequential', 'strict', 'any' as const),
      counting: fc.constantFrom('uniques', 'totals' as const),
      exclusions: fc.constantFrom<NonNullable<FunnelOptions['exclusions']>>(
        [{ name: 'support' }],
        [{ name: 'support', fromStep: 1 }],
      ),
      exclusionEffect: fc.constantFrom('remove', 'drop-off' as const),
      breakdown: fc.constantFrom(
        { field: 'channel' as const },
        { property: 'value', attribution: 'last-touch' as const },
        { field: 'channel' as const, attribution: { step: 1 } },
      ),
      percentiles: fc.constant([10, 50, 99]),
    },
    { requiredKeys: ['steps'] },
  )
  .filter((o) => !(o.order === 'any' && o.steps.some((s) => s.window !== undefined)))
  .filter((o) => o.steps.length > 2 || !(o.exclusions ?? []).some((x) => x.fromStep === 1));

for (const testEngine of testEngines()) {
  describe(`funnels on ${testEngine.name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await testEngine.open();
    });
    afterAll(async () => engine?.close());

    it('every option equals funnel() in process (ties by id, windows, exclusions, breakdowns)', async () => {
      await fc.assert(
        fc.asyncProperty(eventsArb, optionsArb, async (events, options) => {
          await loadInteractions(engine, 'events', events);
          const actual = await funnelQuery(loadedInteractionTable('events'), options).run(engine);
          expectClose(actual, funnel(events, options));
        }),
        { numRuns: testEngine.name === 'duckdb' ? 60 : 25 },
      );
    }, 240_000);
  });
}
