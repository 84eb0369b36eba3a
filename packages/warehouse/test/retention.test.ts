import { type CohortRetentionOptions, cohortRetention } from '@cx/metrics';
import { CxLimitError, CxOptionsError, type Interaction, instantToEpochMs } from '@cx/model';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortRetentionQuery, type Engine, loadedInteractionTable, loadInteractions } from '../src/index.js';
import { expectClose } from './compare.js';
import { testEngines } from './engines.js';

// Events around the end of March 2026: Europe/Warsaw and New York change clocks (29 and 8 March), and week and
// month boundaries fall inside. Timestamps on a 30-minute grid make ties frequent.
const T0 = instantToEpochMs('2026-03-24T00:00:00Z');
const NAMES = ['signup', 'open', 'buy'] as const;

const eventsArb = fc
  .array(
    fc.record({
      actor: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      half: fc.integer({ min: 0, max: 48 * 20 }),
      name: fc.constantFrom(...NAMES),
      channel: fc.constantFrom('web', 'email'),
      value: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    }),
    { maxLength: 35 },
  )
  .map((rows) =>
    rows.map(
      (r, i): Interaction => ({
        id: `e${i}`,
        customerId: r.actor,
        timestamp: new Date(T0 + r.half * 1_800_000).toISOString(),
        name: r.name,
        channel: r.channel,
        properties: r.value === undefined ? {} : { value: r.value },
      }),
    ),
  );

const optionsArb: fc.Arbitrary<CohortRetentionOptions> = fc
  .record(
    {
      interval: fc.constantFrom('day', 'week', 'month', 'quarter' as const),
      periods: fc.integer({ min: 0, max: 5 }),
      cohortType: fc.constantFrom('first-time', 'first-ever', 'recurring' as const),
      startEvent: fc.constantFrom({}, { name: 'signup' }, { name: ['signup', 'open'], channel: 'web' }),
      returnEvent: fc.constantFrom({}, { name: 'buy' }),
      retention: fc.constantFrom('on', 'on-or-after' as const),
      brackets: fc.constantFrom([1, 2], [2, 1, 3]),
      window: fc.constantFrom('calendar', 'rolling' as const),
      rollingTruncation: fc.constantFrom('none', 'hour', 'day' as const),
      timeZone: fc.constantFrom('UTC', 'Europe/Warsaw', 'America/New_York'),
      weekStartsOn: fc.constantFrom(0, 1, 3 as const),
      minimumOccurrences: fc.constantFrom(1, 2),
      aggregate: fc.constantFrom(
        { property: 'value', operation: 'sum' as const },
        { property: 'value', operation: 'avg' as const },
      ),
      average: fc.constantFrom('pooled', 'mixpanel' as const),
      asOf: fc.constantFrom('2026-04-05T00:00:00Z', '2026-05-01T00:00:00Z'),
      from: fc.constant('2026-03-26T00:00:00Z'),
      to: fc.constant('2026-04-03T12:00:00Z'),
    },
    { requiredKeys: ['interval'] },
  )
  // Combinations cohortRetention refuses as conflicting options.
  .filter((o) => !(o.window === 'rolling' && o.cohortType === 'recurring'))
  .filter((o) => !(o.window === 'rolling' && o.interval === 'quarter'))
  .map((o) => {
    const { brackets, periods, rollingTruncation, ...rest } = o;
    return {
      ...rest,
      ...(brackets !== undefined ? { brackets } : periods !== undefined ? { periods } : {}),
      ...(o.window === 'rolling' && rollingTruncation !== undefined ? { rollingTruncation } : {}),
    };
  });

for (const testEngine of testEngines()) {
  describe(`cohort retention on ${testEngine.name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await testEngine.open();
    });
    afterAll(async () => engine?.close());

    it('every mode equals cohortRetention in process (ties, DST, period boundaries, empty and one-actor cohorts)', async () => {
      await fc.assert(
        fc.asyncProperty(eventsArb, optionsArb, async (events, options) => {
          await loadInteractions(engine, 'events', events);
          const expected = cohortRetention(events, options);
          const actual = await cohortRetentionQuery(loadedInteractionTable('events'), options).run(engine);
          expectClose(actual, expected);
        }),
        { numRuns: testEngine.name === 'duckdb' ? 60 : 25 },
      );
    }, 240_000);

    it('bounds the cohorts by maxPeriods and checks options as cohortRetention does', async () => {
      const e = (id: string, customerId: string, timestamp: string): Interaction => ({
        id,
        customerId,
        timestamp,
        name: 'open',
        channel: 'web',
        properties: {},
      });
      await loadInteractions(engine, 'far_events', [
        e('1', 'a', '2024-01-01T00:00:00Z'),
        e('2', 'b', '2290-06-01T00:00:00Z'),
      ]);
      const table = loadedInteractionTable('far_events');
      await expect(cohortRetentionQuery(table, { interval: 'day' }).run(engine)).rejects.toThrow(
        CxLimitError,
      );
      const wide = await cohortRetentionQuery(table, {
        interval: 'year',
        periods: 1,
        timeZone: 'Europe/Warsaw',
      }).run(engine);
      expect(wide.cohorts.filter((c) => c.size > 0).map((c) => c.period)).toEqual(['2024', '2290']);
      expect(() => cohortRetentionQuery(table, { period: 'day' } as never)).toThrow(CxOptionsError);
      expect(() => cohortRetentionQuery(table, { interval: 'day', periods: 2, brackets: [1] })).toThrow(
        /either periods or brackets/,
      );
    });
  });
}
