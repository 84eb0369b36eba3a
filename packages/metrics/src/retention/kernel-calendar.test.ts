import type { Interaction } from '@cx/model';
import { instantToEpochMs, MS_PER_DAY } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns } from '../columnar/build.js';
import { retentionOfColumns } from './kernel.js';
import { planRetention } from './normalize.js';
import type { CohortRetentionOptions } from './options.js';

const BASE = instantToEpochMs('2026-01-01T00:00:00Z');

const eventArb = fc.record({
  actor: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  // Hours over 14 months, plus instants on Warsaw and New York month starts and DST changes.
  ms: fc.oneof(
    fc.integer({ min: -30 * 24, max: 420 * 24 }).map((h) => BASE + h * 3_600_000),
    fc
      .constantFrom(
        '2026-01-31T23:00:00Z',
        '2026-03-29T01:00:00Z',
        '2026-03-31T22:00:00Z',
        '2026-04-01T04:00:00Z',
        '2026-10-25T01:00:00Z',
        '2026-11-01T06:00:00Z',
      )
      .map(instantToEpochMs),
  ),
  name: fc.constantFrom('open', 'purchase', 'view'),
  channel: fc.constantFrom('web', 'email'),
  stage: fc.constantFrom('buy', 'use'),
});

const matcherArb = fc.oneof(
  fc.constant({}),
  fc.constant({ name: 'purchase' }),
  fc.constant({ name: ['open', 'view'], channel: 'web' }),
  fc.constant({ stage: 'use' }),
);

const optionsArb: fc.Arbitrary<CohortRetentionOptions> = fc
  .record({
    interval: fc.constantFrom('day', 'week', 'month', 'quarter'),
    timeZone: fc.constantFrom('UTC', 'Europe/Warsaw', 'America/New_York'),
    weekStartsOn: fc.constantFrom(0, 1),
    cohortType: fc.constantFrom('first-time', 'first-ever'),
    retention: fc.constantFrom('on', 'on-or-after'),
    columns: fc.oneof(
      fc.integer({ min: 0, max: 30 }).map((periods) => ({ periods })),
      fc.constant({ brackets: [1, 2, 4] }),
    ),
    startEvent: matcherArb,
    returnEvent: matcherArb,
    window: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  })
  .map(
    (r) =>
      ({
        interval: r.interval,
        timeZone: r.timeZone,
        weekStartsOn: r.weekStartsOn,
        cohortType: r.cohortType,
        retention: r.retention,
        ...r.columns,
        startEvent: r.startEvent,
        returnEvent: r.returnEvent,
        ...(r.window === undefined
          ? {}
          : {
              from: new Date(BASE + r.window * MS_PER_DAY).toISOString(),
              to: new Date(BASE + (r.window + 120) * MS_PER_DAY).toISOString(),
            }),
      }) as CohortRetentionOptions,
  );

describe('countCalendarReturns (the calendar fast path of cohort retention)', () => {
  it('gives the matrix of the general kernel (property: zones, DST, intervals, matchers, brackets, windows)', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), optionsArb, (rows, options) => {
        const events: Interaction[] = rows.map((r, i) => ({
          id: `e${i}`,
          customerId: r.actor,
          timestamp: new Date(r.ms).toISOString(),
          name: r.name,
          channel: r.channel as 'web',
          stageId: r.stage,
          properties: {},
        }));
        const columns = buildInteractionColumns(events);
        const plan = planRetention(options, 'test');
        const locate = (j: number) => ['time', j];
        const fast = retentionOfColumns(columns, plan, undefined, locate);
        const general = retentionOfColumns(columns, plan, undefined, locate, 'general');
        expect(fast).toEqual(general);
      }),
      { numRuns: 500 },
    );
  });

  it('counts a return per calendar month, on and on-or-after (hand example)', () => {
    // a: cohort January (10 Jan), returns in February and April → on: Month 1 and Month 3; on-or-after: 1, 2, 3.
    // b: cohort January, no return. c: cohort March, returns in March only (Month 0).
    const e = (actor: string, timestamp: string): Interaction => ({
      id: `${actor}${timestamp}`,
      customerId: actor,
      timestamp,
      name: 'open',
      channel: 'web',
      properties: {},
    });
    const columns = buildInteractionColumns([
      e('a', '2026-01-10T00:00:00Z'),
      e('a', '2026-02-03T00:00:00Z'),
      e('a', '2026-04-30T23:59:59Z'),
      e('b', '2026-01-20T00:00:00Z'),
      e('c', '2026-03-01T00:00:00Z'),
      e('c', '2026-03-31T00:00:00Z'),
    ]);
    const locate = (j: number) => ['time', j];
    const on = retentionOfColumns(
      columns,
      planRetention({ interval: 'month', periods: 3 }, 't'),
      undefined,
      locate,
    );
    expect(on.cohorts.map((c) => [c.period, c.counts])).toEqual([
      ['2026-01', [2, 1, 0, 1]],
      ['2026-02', [0, 0, 0, 0]],
      ['2026-03', [1, 0, 0, 0]],
    ]);
    const after = retentionOfColumns(
      columns,
      planRetention({ interval: 'month', periods: 3, retention: 'on-or-after' }, 't'),
      undefined,
      locate,
    );
    expect(after.cohorts[0]?.counts).toEqual([2, 1, 1, 1]);
  });
});
