import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns } from '../columnar/build.js';
import { cohortRetention } from './cohort-retention.js';
import { cohortRetentionFromCounts } from './from-counts.js';
import type { CohortRetentionOptions } from './options.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-20T00:00:00Z');

/** Per-cohort counts read back from a matrix: what a database would compute. */
function countsOf(events: { customerId: string; timestamp: string }[], options: CohortRetentionOptions) {
  const matrix = cohortRetention(
    events.map((e, i) => ({ id: String(i), name: 'open', channel: 'web' as const, properties: {}, ...e })),
    options,
  );
  const times = events.map((e) => Date.parse(e.timestamp));
  return {
    matrix,
    counts: {
      minTime: times.length === 0 ? null : Math.min(...times),
      maxTime: times.length === 0 ? null : Math.max(...times),
      cohorts: matrix.cohorts
        .filter((c) => c.size > 0)
        .map((c) => ({ at: Date.parse(c.start), size: c.size, counts: c.counts })),
    },
  };
}

describe('cohortRetentionFromCounts', () => {
  it('rebuilds the matrix of cohortRetention from its per-cohort counts (DST week in Europe/Warsaw)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 20 * 24 })), {
          maxLength: 30,
        }),
        fc.constantFrom<CohortRetentionOptions>(
          { interval: 'day', periods: 5, timeZone: 'Europe/Warsaw' },
          {
            interval: 'week',
            periods: 2,
            weekStartsOn: 1,
            timeZone: 'Europe/Warsaw',
            retention: 'on-or-after',
          },
          { interval: 'day', brackets: [1, 3], window: 'rolling' },
        ),
        (rows, options) => {
          const events = rows.map(([customerId, h]) => ({
            customerId,
            timestamp: new Date(T0 + (h * DAY) / 24).toISOString(),
          }));
          const { matrix, counts } = countsOf(events, options);
          expect(cohortRetentionFromCounts(counts, options)).toEqual(matrix);
        },
      ),
    );
  });

  it('keeps only cohorts starting in [from, to), and rejects counts of the wrong width', () => {
    const at = T0 + 10 * 3_600_000;
    const counts = { minTime: at, maxTime: at + 5 * DAY, cohorts: [{ at, size: 1, counts: [1, 0] }] };
    expect(cohortRetentionFromCounts(counts, { periods: 1, from: T0 + DAY }).cohorts).toEqual([]);
    expect(() => cohortRetentionFromCounts(counts, { periods: 2 })).toThrow(/3 columns/);
    expect(buildInteractionColumns([]).length).toBe(0);
    expect(cohortRetentionFromCounts({ minTime: null, maxTime: null, cohorts: [] }).cohorts).toEqual([]);
  });
});
