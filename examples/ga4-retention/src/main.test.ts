import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT, runGa4Retention } from './ga4-retention.js';

/**
 * An independent oracle straight from the raw export (no connector, no metrics code): each user's calendar
 * months in Europe/Warsaw from `event_timestamp` (µs), cohort = first month, count users active k months later.
 */
function oracle(): { rows: number; purchases: number; cohorts: Map<string, number[]> } {
  const lines = gunzipSync(readFileSync(DEFAULT_EXPORT)).toString('utf8').trim().split('\n');
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Warsaw',
    year: 'numeric',
    month: '2-digit',
  });
  const months = new Map<string, Set<number>>();
  let purchases = 0;
  for (const line of lines) {
    const row = JSON.parse(line) as { event_timestamp: string; user_id: string; event_name: string };
    if (row.event_name === 'purchase') purchases++;
    const [y, m] = fmt
      .format(Number(BigInt(row.event_timestamp) / 1000n))
      .split('-')
      .map(Number) as [number, number];
    const set = months.get(row.user_id) ?? new Set<number>();
    set.add(y * 12 + m - 1);
    months.set(row.user_id, set);
  }
  const cohorts = new Map<string, number[]>();
  for (const set of months.values()) {
    const first = Math.min(...set);
    const key = `${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, '0')}`;
    const counts = cohorts.get(key) ?? [0, 0, 0, 0, 0, 0];
    for (const month of set) counts[month - first] = (counts[month - first] ?? 0) + 1;
    cohorts.set(key, counts);
  }
  return { rows: lines.length, purchases, cohorts };
}

describe('ga4-retention example', () => {
  it('reads every export row and matches a from-scratch monthly cohort count', async () => {
    const report = await runGa4Retention();
    const expected = oracle();
    expect(report.rejected).toBe(0);
    expect(report.events).toBe(expected.rows); // 9518 rows: one interaction each
    expect(report.orders).toBe(expected.purchases); // every purchase carries a user_id: one order each
    // Cohorts are keyed by their month in Warsaw; the oracle counts months in Warsaw with Intl, independently.
    const got = new Map(report.matrix.cohorts.map((c) => [c.period, c]));
    expect([...got.keys()]).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    for (const [month, counts] of expected.cohorts) {
      const cohort = got.get(month);
      expect(cohort?.size, month).toBe(counts[0]);
      // columns beyond June are incomplete (not yet observable) and must be flagged so
      const observable = 6 - Number(month.slice(5));
      expect(cohort?.counts.slice(0, observable + 1), month).toEqual(counts.slice(0, observable + 1));
      expect(cohort?.complete.filter(Boolean).length, month).toBe(observable + 1);
    }
  });

  it('prints the matrix with the January cohort fully observed', async () => {
    const report = await runGa4Retention();
    const jan = report.matrix.cohorts[0];
    // January cohort: 27 users; 12 of them active in February -> 44.4 %
    expect(jan?.size).toBe(27);
    expect(jan?.counts[1]).toBe(12);
    expect(report.text).toMatch(/2025-01 +27 +100\.0% +44\.4%/);
    expect(report.matrix.average.sizes[0]).toBe(240);
  });
});
