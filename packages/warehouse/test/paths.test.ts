import { type TopPathsOptions, topPaths } from '@cx/metrics';
import type { Interaction } from '@cx/model';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Engine, loadedInteractionTable, loadInteractions, topPathsQuery } from '../src/index.js';
import { expectClose } from './compare.js';
import { testEngines } from './engines.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

const eventsArb = fc
  .array(
    fc.record({
      actor: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      minute: fc.integer({ min: 0, max: 30 }),
      touchpoint: fc.option(fc.constantFrom('home', 'search', 'cart', 'Checkout'), { nil: undefined }),
      id: fc.constantFrom('x', 'Y', 'é'),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map(
      (r, i): Interaction => ({
        id: `${r.id}${i}`,
        customerId: r.actor,
        timestamp: new Date(T0 + r.minute * 60_000).toISOString(),
        name: 'view',
        channel: 'web',
        ...(r.touchpoint === undefined ? {} : { touchpointId: r.touchpoint }),
        properties: {},
      }),
    ),
  );

const optionsArb: fc.Arbitrary<TopPathsOptions> = fc.record(
  {
    by: fc.constantFrom('touchpointId', 'name', 'channel' as const),
    limit: fc.integer({ min: 1, max: 4 }),
    maxLength: fc.integer({ min: 1, max: 4 }),
    collapseRepeats: fc.boolean(),
  },
  { requiredKeys: [] },
);

for (const testEngine of testEngines()) {
  describe(`top paths on ${testEngine.name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await testEngine.open();
    });
    afterAll(async () => engine?.close());

    it('equals topPaths in process (ties by id and by path, repeats, cut length, actors without a path)', async () => {
      await fc.assert(
        fc.asyncProperty(eventsArb, optionsArb, async (events, options) => {
          await loadInteractions(engine, 'events', events);
          const actual = await topPathsQuery(loadedInteractionTable('events'), options).run(engine);
          expectClose(actual, topPaths(events, options));
        }),
        { numRuns: testEngine.name === 'duckdb' ? 60 : 25 },
      );
    }, 240_000);
  });
}
