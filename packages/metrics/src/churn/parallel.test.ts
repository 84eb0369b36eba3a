import type { Subscription } from '@cx/model';
import { CxOptionsError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { lastSplit } from '../parallel/ranges.js';
import { churnSeries } from './churn-series.js';
import { periodChurn } from './period-churn.js';
import { prepareSubscriptions } from './prepare.js';
import { PARALLEL_FROM } from './sweep/parallel.js';

/** A seeded linear congruential generator (Numerical Recipes constants), so the data is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DAY = 86_400_000;
const BASE = Date.UTC(2024, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `customers` customers: most with one subscription, some with two or three (overlapping or not), amounts in cents
 * and whole units, every billing interval, amount changes, about half ended; instants on whole seconds.
 */
function subscriptions(
  customers: number,
  seed: number,
  amountOf?: (r: () => number) => number,
): Subscription[] {
  const r = random(seed);
  const intervals = ['week', 'month', 'quarter', 'year'] as const;
  const amounts = [9.99, 290, 12.5, 49, 0.1, 1234.56];
  const out: Subscription[] = [];
  for (let c = 0; c < customers; c++) {
    const subs = r() < 0.8 ? 1 : r() < 0.5 ? 2 : 3;
    for (let k = 0; k < subs; k++) {
      const start = BASE + Math.floor((r() * 600 * DAY) / 1000) * 1000;
      const ended = r() < 0.5;
      const end = start + Math.floor(((1 + r() * 300) * DAY) / 1000) * 1000;
      const amount = amountOf?.(r) ?? (amounts[Math.floor(r() * amounts.length)] as number);
      const changes =
        r() < 0.2
          ? [{ at: iso(start + Math.floor(((end - start) / 2000) * 1) * 1000), amount: amount * 2 }]
          : [];
      out.push({
        id: `s${c}-${k}`,
        customerId: `c${c}`,
        status: ended ? 'cancelled' : 'active',
        startedAt: iso(start),
        ...(ended ? { endedAt: iso(end) } : {}),
        amount,
        currency: 'EUR',
        billingInterval: intervals[Math.floor(r() * 4)] as Subscription['billingInterval'],
        amountChanges: changes,
        properties: {},
      });
    }
  }
  return out;
}

const options = {
  interval: 'month',
  timeZone: 'Europe/Warsaw',
  from: '2024-01-01T00:00:00Z',
  to: '2026-01-01T00:00:00Z',
  asOf: '2026-01-01T00:00:00Z',
} as const;

describe('churnSeries over worker threads', () => {
  // Just above the threshold from which the customers are split.
  const table = prepareSubscriptions(subscriptions(PARALLEL_FROM + 4321, 7));

  it('gives the sequential result, every policy and both measures, and splits the customers', () => {
    for (const midPeriodPolicy of ['exclude', 'exposure', 'eligible'] as const) {
      for (const measures of ['all', 'customers'] as const) {
        const sequential = churnSeries(table, { ...options, midPeriodPolicy, measures });
        lastSplit.ranges = 0;
        const split = churnSeries(table, { ...options, midPeriodPolicy, measures, workers: 2 });
        expect(lastSplit.ranges).toBeGreaterThan(1);
        expect(split).toEqual(sequential);
      }
    }
  });

  it('lets the workers take ranges once they run (the merge of their rows is exercised)', async () => {
    const sequential = churnSeries(table, options);
    let byWorkers = 0;
    for (let attempt = 0; attempt < 40 && byWorkers === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50)); // the workers start in the background
      expect(churnSeries(table, { ...options, workers: 2 })).toEqual(sequential);
      byWorkers = lastSplit.ranges - lastSplit.here;
    }
    expect(byWorkers).toBeGreaterThan(0);
  });

  it('does not split sums that are not exact in any order, nor small tables', () => {
    // Amounts with 7 decimals have no exact integer units: revenue stays a float sum in customer order.
    const floatTable = prepareSubscriptions(
      subscriptions(PARALLEL_FROM + 10, 3, (r) => 1 + Math.floor(r() * 1e7) / 1e7),
    );
    expect(floatTable.mrrScale).toBe(0);
    lastSplit.ranges = 0;
    const floatSeries = churnSeries(floatTable, { ...options, workers: 1 });
    expect(lastSplit.ranges).toBe(0);
    expect(floatSeries).toEqual(churnSeries(floatTable, options));
    // Counts only are integers: split even then.
    churnSeries(floatTable, { ...options, measures: 'customers', workers: 1 });
    expect(lastSplit.ranges).toBeGreaterThan(1);
    // Fewer customers than PARALLEL_FROM: the calling thread alone.
    lastSplit.ranges = 0;
    const small = prepareSubscriptions(subscriptions(1000, 5));
    expect(churnSeries(small, { ...options, workers: 2 })).toEqual(churnSeries(small, options));
    expect(lastSplit.ranges).toBe(0);
  });

  it('splits periodChurn too, with the same result, every policy and both measures', async () => {
    for (const midPeriodPolicy of ['exclude', 'exposure', 'eligible'] as const) {
      for (const measures of ['all', 'customers'] as const) {
        const o = { midPeriodPolicy, measures, asOf: '2026-01-01T00:00:00Z' } as const;
        const sequential = periodChurn(table, '2024-03-15T00:00:00Z', '2025-02-01T00:00:00Z', o);
        lastSplit.ranges = 0;
        const split = periodChurn(table, '2024-03-15T00:00:00Z', '2025-02-01T00:00:00Z', {
          ...o,
          workers: 2,
        });
        expect(lastSplit.ranges).toBeGreaterThan(1);
        expect(split).toEqual(sequential);
      }
    }
    // Once the workers run, they take ranges of a periodChurn call as well.
    let byWorkers = 0;
    for (let attempt = 0; attempt < 40 && byWorkers === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const at = ['2024-06-01T00:00:00Z', '2025-06-01T00:00:00Z'] as const;
      expect(periodChurn(table, ...at, { workers: 2 })).toEqual(periodChurn(table, ...at));
      byWorkers = lastSplit.ranges - lastSplit.here;
    }
    expect(byWorkers).toBeGreaterThan(0);
    expect(() => periodChurn(table, '2024-06-01T00:00:00Z', '2025-06-01T00:00:00Z', { workers: -1 })).toThrow(
      CxOptionsError,
    );
  });

  it('checks the number of workers', () => {
    for (const workers of [-1, 1.5, 17, '2', null])
      expect(() => churnSeries(table, { ...options, workers } as never)).toThrow(CxOptionsError);
  });
});
