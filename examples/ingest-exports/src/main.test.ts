import { describe, expect, it } from 'vitest';
import { runIngestExports } from './ingest-exports.js';

// Hand calculation from data/ (times are Europe/Warsaw local in the shop export, UTC in the Typeform export):
// NPS by month in Warsaw. tf05 was submitted at 23:30 UTC on 31 January, 00:30 on 1 February in Warsaw:
//   2024-01: tf01 10, tf02 9, tf03 6, tf04 8   → P 2, D 1, n 4 → 100·(2−1)/4 = +25
//   2024-02: tf05 3, tf06 10, tf07 10, tf08 7  → P 2, D 1, n 4 → +25
//   2024-03: tf09 9, tf10 2, tf11 5            → P 1, D 2, n 3 → −33.3; tf12 has no score (a dead letter, line 13)
// Orders (paid and fulfilled): anna 5 Jan, 10 Feb, 2 Apr; bartek 20 and 28 Jan; fryderyk 31 Jan 23:30; celina 3 Feb,
// 15 Mar, 1 Jun; dorota 29 Feb 23:30; edyta 10 Mar. Cancelled (edyta 14 Feb) and refunded (dorota 20 Apr) orders
// are not purchases; grzegorz's 31 Mar 02:30 does not exist in Warsaw (DST gap): a dead letter at line 12.
// Repeat-purchase cohorts: January {anna, bartek, fryderyk}: anna again in February (+1) and April (+3);
//   February {celina, dorota}: celina again in March (+1); March {edyta}.
// Activity churn, lost 60 days after the last order: bartek 28 Mar; fryderyk 31 Mar 22:30 UTC = 1 Apr 00:30 in
//   Warsaw; dorota 29 Apr 22:30 UTC = 30 Apr; edyta 9 May; celina 14 May (then back on 1 Jun); anna 1 Jun.
//   Active at the start of Feb 3, Mar 5, Apr 5, May 3 (anna, celina, edyta), Jun 1, Jul 1 (celina, back in June).
describe('ingest-exports example', () => {
  it('computes NPS by month in Europe/Warsaw', async () => {
    const report = await runIngestExports();
    expect(report.npsByMonth.map((m) => [m.month, m.n, m.promoters, m.detractors])).toEqual([
      ['2024-01', 4, 2, 1],
      ['2024-02', 4, 2, 1],
      ['2024-03', 3, 1, 2],
    ]);
    expect(report.npsByMonth.map((m) => m.score)).toEqual([25, 25, expect.closeTo(-33.333, 2)]);
    expect(report.responses).toMatchObject({ rowsIn: 12, rowsOut: 11, rejected: 1 });
    expect(report.responses.deadLetters[0]).toMatchObject({
      line: 13,
      field: 'score',
      code: 'missing_value',
    });
  });

  it('computes repeat-purchase cohorts and activity churn from the orders', async () => {
    const report = await runIngestExports();
    expect(report.orders).toMatchObject({ rowsIn: 14, rowsOut: 13, rejected: 1 });
    expect(report.orders.deadLetters[0]).toMatchObject({ line: 12, code: 'nonexistent_local_time' });
    expect(report.cohorts.cohorts.map((c) => [c.size, [...c.counts]])).toEqual([
      [3, [3, 1, 0, 1]],
      [2, [2, 1, 0, 0]],
      [1, [1, 0, 0, 0]],
    ]);
    expect(
      report.churn.map((p) => [p.label, p.activeAtStart, p.lost, p.new, p.reactivated, p.complete]),
    ).toEqual([
      ['2024-01', 0, 0, 3, 0, true],
      ['2024-02', 3, 0, 2, 0, true],
      ['2024-03', 5, 1, 1, 0, true],
      ['2024-04', 5, 2, 0, 0, true],
      ['2024-05', 3, 2, 0, 0, true],
      ['2024-06', 1, 1, 0, 1, true],
      ['2024-07', 1, 0, 0, 0, false],
    ]);
  });

  it('prints the numbers it computed', async () => {
    const { text } = await runIngestExports();
    expect(text).toContain('2024-02  n=4  promoters 2  detractors 1  NPS +25.0');
    expect(text).toContain('2024-01  3 customers  1 / 0 / 1');
    expect(text).toContain('2024-04  active 5  lost 2  churn 40.0%');
    expect(text).toContain('line 12, column 15: nonexistent_local_time ("2024-03-31 02:30")');
  });
});
