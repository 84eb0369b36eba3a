import type { Interaction } from '@cx/model';
import { CxOptionsError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns } from '../columnar/build.js';
import { lastSplit } from '../parallel/ranges.js';
import { cohortRetention } from './cohort-retention.js';
import { PARALLEL_ACTORS_FROM } from './parallel.js';

/** A seeded linear congruential generator (Numerical Recipes constants), so the data is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const HOUR = 3_600_000;
const names = ['open', 'view', 'purchase'];
const channels = ['web', 'email', 'mobile-app'] as const;

/** Just over the threshold of actors, 1–12 events each over about 14 months, sessions of events minutes apart. */
function interactions(actors: number, seed: number): Interaction[] {
  const r = random(seed);
  const out: Interaction[] = [];
  for (let a = 0; a < actors; a++) {
    let t = Date.UTC(2025, 0, 1) + Math.floor(r() * 300 * 24) * HOUR;
    const events = 1 + Math.floor(r() * 12);
    for (let k = 0; k < events; k++) {
      t += r() < 0.6 ? Math.floor(r() * 60) * 60_000 : Math.floor(r() * 40 * 24) * HOUR;
      out.push({
        id: `e${a}-${k}`,
        customerId: `c${a}`,
        timestamp: new Date(t).toISOString(),
        name: names[Math.floor(r() * 3)] as string,
        channel: channels[Math.floor(r() * 3)] as (typeof channels)[number],
        properties: {},
      });
    }
  }
  return out;
}

describe('cohortRetention over worker threads', () => {
  const columns = buildInteractionColumns(interactions(PARALLEL_ACTORS_FROM + 777, 11));

  it('gives the one-thread matrix (any return, a named return, on-or-after, weeks in Warsaw) and splits the actors', () => {
    const cases = [
      { interval: 'month', periods: 12 },
      { interval: 'month', periods: 6, returnEvent: { name: 'purchase' }, startEvent: { channel: 'web' } },
      { interval: 'week', periods: 20, timeZone: 'Europe/Warsaw', retention: 'on-or-after' },
      { interval: 'month', brackets: [1, 2, 3], cohortType: 'first-ever', startEvent: { name: 'open' } },
    ] as const;
    for (const options of cases) {
      const one = cohortRetention(columns, options);
      lastSplit.ranges = 0;
      expect(cohortRetention(columns, { ...options, workers: 2 })).toEqual(one);
      expect(lastSplit.ranges).toBeGreaterThan(1);
    }
  });

  it('lets the workers take ranges once they run (the merge of their rows is exercised)', async () => {
    const options = { interval: 'month', periods: 12 } as const;
    const one = cohortRetention(columns, options);
    let byWorkers = 0;
    for (let attempt = 0; attempt < 40 && byWorkers === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50)); // the workers start in the background
      expect(cohortRetention(columns, { ...options, workers: 2 })).toEqual(one);
      byWorkers = lastSplit.ranges - lastSplit.here;
    }
    expect(byWorkers).toBeGreaterThan(0);
  });

  it('counts on the calling thread alone outside the common form or below the threshold', () => {
    lastSplit.ranges = 0;
    const recurring = { interval: 'month', periods: 3, cohortType: 'recurring' } as const;
    expect(cohortRetention(columns, { ...recurring, workers: 1 })).toEqual(
      cohortRetention(columns, recurring),
    );
    const small = buildInteractionColumns(interactions(500, 3));
    expect(cohortRetention(small, { interval: 'month', workers: 1 })).toEqual(
      cohortRetention(small, { interval: 'month' }),
    );
    expect(lastSplit.ranges).toBe(0);
  });

  it('checks the number of workers, and still every other option', () => {
    for (const workers of [-1, 1.5, 17, '2', null])
      expect(() => cohortRetention(columns, { interval: 'month', workers } as never)).toThrow(CxOptionsError);
    expect(() => cohortRetention(columns, { interval: 'month', workers: 1, wrokers: 1 } as never)).toThrow(
      CxOptionsError,
    );
  });
});
