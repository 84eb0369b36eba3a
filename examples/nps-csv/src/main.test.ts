import { describe, expect, it } from 'vitest';
import { runNpsCsv } from './nps-csv.js';

// Hand counts of data/nps-waves.csv (checked with a separate csv.DictReader tally):
//   2025-Q1: 150 valid rows, 51 promoters (9–10), 45 passives (7–8), 54 detractors (0–6) -> NPS = 100·(51−54)/150 = −2
//   2025-Q2: 160 valid rows, 72 promoters, 48 passives, 40 detractors                 -> NPS = 100·(72−40)/160 = +20
//   plus two broken rows: r00900 (empty score) and r01900 (score 11).
// Adjusted Wald (n' = n + 3, p' = (P + ¾)/n', d' = (D + ¾)/n', Var' = p' + d' − (p' − d')², SE = √(Var'/n')):
//   Q1: n' = 153, p' = 0.338235, d' = 0.357843, NPS' = −1.9608, SE = 6.7434 -> CI −1.9608 ± 1.96·6.7434 = [−15.177, 11.256]
//   Q2: n' = 163, p' = 0.446319, d' = 0.25,     NPS' = 19.6319, SE = 6.3525 -> CI [7.181, 32.083]
//   Q2 − Q1: 21.5927 ± 1.96·√(6.7434² + 6.3525²) = 21.5927 ± 1.96·9.2642 -> [3.435, 39.750]; z = 2.3308, p = 0.01977
describe('nps-csv example', () => {
  it('computes NPS per wave with adjusted-Wald intervals and a significant change', async () => {
    const report = await runNpsCsv();
    const [q1, q2] = report.waves;
    expect(report.waves.map((w) => w.wave)).toEqual(['2025-Q1', '2025-Q2']);
    expect(q1?.result.n).toBe(150);
    expect(q1?.result.counts).toMatchObject({ promoters: 51, passives: 45, detractors: 54 });
    expect(q1?.result.score).toBeCloseTo(-2, 10);
    expect(q1?.result.interval?.lower).toBeCloseTo(-15.177, 2);
    expect(q1?.result.interval?.upper).toBeCloseTo(11.256, 2);
    expect(q2?.result.n).toBe(160);
    expect(q2?.result.score).toBeCloseTo(20, 10);
    expect(q2?.result.interval?.lower).toBeCloseTo(7.181, 2);
    expect(q2?.result.interval?.upper).toBeCloseTo(32.083, 2);
    expect(report.change.difference).toBeCloseTo(22, 10);
    expect(report.change.z).toBeCloseTo(2.3308, 3);
    expect(report.change.pValue).toBeCloseTo(0.01977, 4);
    expect(report.change.interval?.lower).toBeCloseTo(3.435, 2);
    expect(report.change.interval?.upper).toBeCloseTo(39.75, 2);
    expect(report.change.significant).toBe(true);
  });

  it('reports the two broken rows with the offending field instead of dropping them', async () => {
    const report = await runNpsCsv();
    // data/nps-waves.csv: r00900 is on line 92 (empty score), r01900 on line 190 (score 11)
    expect(report.rejected.map((l) => [l.line, l.raw, l.issues[0]?.path[1]])).toEqual([
      [92, '', 'score'],
      [190, '11', 'score'],
    ]);
    expect(report.text).toContain('significant at α = 0.05');
    expect(report.text).toMatch(/2025-Q2 +160 +45\.0% +30\.0% +25\.0% +\+20\.0/);
  });
});
