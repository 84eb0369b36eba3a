import { CxLimitError, CxOptionsError, CxValidationError, createCalendar, instantToEpochMs } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortRetention } from './cohort-retention.js';
import { type CohortRetentionCounts, cohortRetentionFromCounts } from './from-counts.js';
import type { CohortRetentionOptions } from './options.js';

const HOUR = 3_600_000;
const T0 = instantToEpochMs('2026-03-20T00:00:00Z');

/** Per-cohort counts read back from a matrix (what a database computes), keyed by the calendar's period number. */
function countsOf(
  events: { customerId: string; timestamp: string; properties: Record<string, number> }[],
  options: CohortRetentionOptions,
) {
  const matrix = cohortRetention(
    events.map((e, i) => ({ id: String(i), name: 'open', channel: 'web' as const, ...e })),
    options,
  );
  const calendar = createCalendar({
    interval: options.interval,
    timeZone: options.timeZone ?? 'UTC',
    weekStartsOn: options.weekStartsOn ?? 1,
  });
  const times = events.map((e) => instantToEpochMs(e.timestamp));
  const counts: CohortRetentionCounts = {
    maxTime: times.length === 0 ? null : Math.max(...times),
    cohorts: matrix.cohorts
      .filter((c) => c.size > 0)
      .map((c) => ({
        index: calendar.indexOf(instantToEpochMs(c.start)),
        size: c.size,
        counts: c.counts,
        ...(c.values === undefined
          ? {}
          : {
              // The matrix reports averages for 'avg'; the counts carry sums (average × actors with a value).
              sums: c.values.map((v, k) =>
                options.aggregate?.operation === 'avg' ? v * (c.valueActors?.[k] ?? 0) : v,
              ),
              valueActors: c.valueActors ?? [],
            }),
      })),
  };
  return { matrix, counts };
}

describe('cohortRetentionFromCounts', () => {
  it('rebuilds the matrix of cohortRetention from its per-cohort counts (DST weeks and months in Warsaw)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('a', 'b', 'c', 'd'),
            fc.integer({ min: 0, max: 40 * 24 }),
            fc.integer({ min: 0, max: 8 }),
          ),
          { maxLength: 40 },
        ),
        fc.constantFrom<CohortRetentionOptions>(
          { interval: 'day', periods: 5, timeZone: 'Europe/Warsaw' },
          { interval: 'week', periods: 2, timeZone: 'Europe/Warsaw', retention: 'on-or-after' },
          { interval: 'month', periods: 1, timeZone: 'Europe/Warsaw', average: 'mixpanel' },
          { interval: 'day', brackets: [1, 3], window: 'rolling' },
          { interval: 'day', periods: 3, aggregate: { property: 'value', operation: 'sum' } },
          {
            interval: 'week',
            periods: 3,
            cohortType: 'recurring',
            aggregate: { property: 'value', operation: 'avg' },
          },
          { interval: 'day', periods: 4, from: '2026-03-25T00:00:00Z', to: '2026-04-10T12:00:00Z' },
        ),
        (rows, options) => {
          const events = rows.map(([customerId, h, value]) => ({
            customerId,
            timestamp: new Date(T0 + h * HOUR).toISOString(),
            properties: { value },
          }));
          const { matrix, counts } = countsOf(events, options);
          const rebuilt = cohortRetentionFromCounts(counts, options);
          expect(rebuilt.cohorts.map((c) => c.values)).toEqual(matrix.cohorts.map((c) => c.values));
          expect(rebuilt).toEqual(matrix);
        },
      ),
    );
  });

  it('keeps the cohorts whose period overlaps [from, to): the day holding from is included', () => {
    const index = createCalendar({ interval: 'day' }).indexOf(T0 + 10 * HOUR);
    const counts = { maxTime: T0 + 100 * HOUR, cohorts: [{ index, size: 1, counts: [1, 0] }] };
    const o = { interval: 'day', periods: 1 } as const;
    expect(cohortRetentionFromCounts(counts, { ...o, from: '2026-03-20T23:00:00Z' }).cohorts).toHaveLength(1);
    expect(cohortRetentionFromCounts(counts, { ...o, from: '2026-03-21T00:00:00Z' }).cohorts).toEqual([]);
    expect(cohortRetentionFromCounts(counts, { ...o, to: '2026-03-20T00:00:00.001Z' }).cohorts).toHaveLength(
      1,
    );
    expect(cohortRetentionFromCounts(counts, { ...o, to: '2026-03-20T00:00:00Z' }).cohorts).toEqual([]);
    // asOf defaults to the latest event: 100 h after T0 completes Day 0 and Day 1 of a cohort of the 20th.
    expect(cohortRetentionFromCounts(counts, o).cohorts[0]?.complete).toEqual([true, true]);
    expect(cohortRetentionFromCounts({ maxTime: null, cohorts: [] }, o).cohorts).toEqual([]);
  });

  it('rejects counts it cannot trust, naming them', () => {
    const o = { interval: 'day', periods: 2 } as const;
    const bad = (cohorts: unknown[]) => () =>
      cohortRetentionFromCounts({ maxTime: 0, cohorts } as unknown as CohortRetentionCounts, o);
    expect(bad([{ index: 1, size: 2, counts: [2, 1] }])).toThrow(/3 columns, got 2/);
    expect(bad([{ index: 1, size: 2, counts: [2, 3, 0] }])).toThrow(CxValidationError);
    expect(bad([{ index: 1, size: 2, counts: [1, 1, 0] }])).toThrow(/Column 0 is the cohort itself/);
    expect(bad([{ index: 1.5, size: 2, counts: [2, 1, 0] }])).toThrow(/whole period number/);
    expect(bad([{ index: 1, size: 0, counts: [0, 0, 0] }])).toThrow(/size of at least 1/);
    expect(
      bad([
        { index: 1, size: 1, counts: [1, 0, 0] },
        { index: 1, size: 1, counts: [1, 0, 0] },
      ]),
    ).toThrow(/listed twice/);
    expect(() =>
      cohortRetentionFromCounts(
        { maxTime: 0, cohorts: [{ index: 1, size: 1, counts: [1, 0, 0] }] },
        { ...o, aggregate: { property: 'v', operation: 'sum' } },
      ),
    ).toThrow(/Expected 3 sums/);
    try {
      bad([{ index: 1, size: 2, counts: [2, Number.NaN, 0] }])();
    } catch (error) {
      expect((error as CxValidationError).issues[0]?.path).toEqual(['cohorts', 0, 'counts', 1]);
    }
  });

  it('checks options as cohortRetention does, and bounds the rows by maxPeriods', () => {
    const counts = { maxTime: null, cohorts: [] };
    expect(() => cohortRetentionFromCounts(counts, { period: 'day' } as never)).toThrow(CxOptionsError);
    const far = {
      maxTime: null,
      cohorts: [
        { index: 0, size: 1, counts: [1, 0] },
        { index: 2_900_000, size: 1, counts: [1, 0] },
      ],
    };
    expect(() => cohortRetentionFromCounts(far, { interval: 'day', periods: 1 })).toThrow(CxLimitError);
  });
});
