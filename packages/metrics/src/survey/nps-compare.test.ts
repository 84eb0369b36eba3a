import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nps } from './nps.js';
import { npsBenchmarkTest } from './nps-benchmark.js';
import { compareNps } from './nps-compare.js';
import { npsSampleSizeForDifference, npsSampleSizeForMargin } from './nps-sample-size.js';

const sample = (p: number, pas: number, d: number) =>
  nps([...Array(p).fill(10), ...Array(pas).fill(8), ...Array(d).fill(2)]);

describe('compareNps', () => {
  it('runs the adjusted-Wald z-test (hand calculation)', () => {
    // A: 60/20/20 → n′ = 103, p′ = 60.75/103, d′ = 20.75/103, NPS′ = .388350, Var′ = .7913 − .1508 = .6405;
    // B: 40/30/30 → NPS′ = .097087. Difference .291262, SE = √(Var′A/103 + Var′B/103) = .113428,
    // z = 2.5678086151431003, two-sided p = 0.01023436432513978, one-sided p = 0.00511718216256989,
    // 95% interval (6.894677600748553, 51.35774958371745) points.
    const t = compareNps(sample(60, 20, 20), sample(40, 30, 30));
    expect(t.difference).toBeCloseTo(30, 12);
    expect(t.adjustedDifference).toBeCloseTo(29.126213592233004, 10);
    expect(t.standardError).toBeCloseTo(11.342828830960146, 10);
    expect(t.z).toBeCloseTo(2.5678086151431003, 10);
    expect(t.pValue).toBeCloseTo(0.01023436432513978, 10);
    expect(t.alternative).toBe('two-sided');
    expect(t.interval?.lower).toBeCloseTo(6.894677600748553, 9);
    expect(t.interval?.upper).toBeCloseTo(51.35774958371745, 9);
    expect(t.significant).toBe(true);
    // At 99% (α = .01) p = .0102 is not significant: the level is honoured.
    expect(compareNps(sample(60, 20, 20), sample(40, 30, 30), { level: 0.99 }).significant).toBe(false);
    // One-sided: p = 0.00511718216256989 for a > b, 1 − that for a < b.
    const greater = compareNps(sample(60, 20, 20), sample(40, 30, 30), { alternative: 'greater' });
    expect(greater.pValue).toBeCloseTo(0.00511718216256989, 10);
    // One-sided 95% bound: 29.126213592233004 − 1.6448536269514722 · 11.342828830960146 = 10.469…; upper open.
    expect(greater.interval?.lower).toBeCloseTo(
      29.126213592233004 - 1.6448536269514722 * 11.342828830960146,
      9,
    );
    expect(greater.interval?.upper).toBe(200);
    const less = compareNps(sample(60, 20, 20), sample(40, 30, 30), { alternative: 'less' });
    expect(less.pValue).toBeCloseTo(1 - 0.00511718216256989, 10);
    expect(less).toMatchObject({ significant: false, interval: { lower: -200 } });
  });

  it('is antisymmetric and returns nulls for an empty sample', () => {
    const a = sample(30, 10, 5);
    const b = sample(20, 20, 10);
    expect(compareNps(b, a).z).toBeCloseTo(-(compareNps(a, b).z as number), 12);
    expect(compareNps(a, nps([]))).toMatchObject({
      difference: null,
      z: null,
      pValue: null,
      significant: null,
    });
  });

  it('has p-values in [0, 1] and an interval containing the adjusted difference', () => {
    const counts = fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)).filter(([a, b, c]) => a + b + c > 0);
    fc.assert(
      fc.property(counts, counts, ([p1, a1, d1], [p2, a2, d2]) => {
        const t = compareNps(sample(p1, a1, d1), sample(p2, a2, d2));
        expect(t.pValue).toBeGreaterThanOrEqual(0);
        expect(t.pValue).toBeLessThanOrEqual(1);
        expect(t.interval?.lower).toBeLessThanOrEqual(t.adjustedDifference as number);
        expect(t.interval?.upper).toBeGreaterThanOrEqual(t.adjustedDifference as number);
      }),
    );
  });
});

describe('npsBenchmarkTest', () => {
  it('is one-tailed against the benchmark (MeasuringU: significant when z > 1.645)', () => {
    // MeasuringU's motivating benchmark is an industry NPS of 17.5%. Hand calculation for 60/25/15 (NPS 45):
    // NPS′ = (60.75 − 15.75)/103 = .436893, SE′ = .073196, z = (.436893 − .175)/.073196 = 3.5779573595396226,
    // p = 0.0001731449634337142 → significant. For 50/30/20 (NPS 30): z = 1.511564433334004 < 1.645,
    // p = 0.06532235271502834 → not significant although 30 > 17.5.
    const strong = npsBenchmarkTest(sample(60, 25, 15), 17.5);
    expect(strong.z).toBeCloseTo(3.5779573595396226, 10);
    expect(strong.pValue).toBeCloseTo(0.0001731449634337142, 12);
    expect(strong.significant).toBe(true);
    const weak = npsBenchmarkTest(sample(50, 30, 20), 17.5);
    expect(weak.z).toBeCloseTo(1.511564433334004, 10);
    expect(weak.pValue).toBeCloseTo(0.06532235271502834, 10);
    expect(weak.significant).toBe(false);
    expect(npsBenchmarkTest(sample(50, 30, 20), 17.5, { alternative: 'less' }).pValue).toBeCloseTo(
      1 - 0.06532235271502834,
      10,
    );
    // Two-sided: twice the smaller tail.
    expect(npsBenchmarkTest(sample(50, 30, 20), 17.5, { alternative: 'two-sided' }).pValue).toBeCloseTo(
      2 * 0.06532235271502834,
      10,
    );
  });

  it('handles empty samples and rejects bad benchmarks', () => {
    expect(npsBenchmarkTest(nps([]), 10)).toMatchObject({ z: null, significant: null });
    expect(() => npsBenchmarkTest(nps([9]), 150)).toThrow(CxValidationError);
    expect(() => npsBenchmarkTest(nps([9]), Number.NaN)).toThrow(CxValidationError);
    expect(() => npsBenchmarkTest(nps([9]), 10, { alternative: 'up' as 'less' })).toThrow(CxOptionsError);
    expect(() => npsBenchmarkTest({ n: 1, score: 50 } as never, 10)).toThrow(CxValidationError);
  });
});

describe('NPS sample-size planning', () => {
  it('inverts the adjusted-Wald margin (MeasuringU) — CYBAEA: ~1,000 responses ⇒ ±5 points', () => {
    // p = .5, d = .2: Var = .7 − .09 = .61; n = 1.959964²·.61/.05² − 3 = 934.316 → 935.
    expect(npsSampleSizeForMargin({ margin: 5, expected: { promoters: 0.5, detractors: 0.2 } })).toBe(935);
    // Worst case Var = 1: 1.959964²/.05² − 3 = 1533.6 → 1534.
    expect(npsSampleSizeForMargin({ margin: 5 })).toBe(1534);
    // Planned n reaches the margin: adjusted-Wald half-width at that n is ≤ 5 points.
    const n = npsSampleSizeForMargin({ margin: 5, expected: { promoters: 0.5, detractors: 0.2 } });
    const r = nps([
      ...Array(Math.round(n * 0.5)).fill(10),
      ...Array(Math.round(n * 0.3)).fill(8),
      ...Array(Math.round(n * 0.2)).fill(0),
    ]);
    expect(((r.interval?.upper as number) - (r.interval?.lower as number)) / 2).toBeLessThanOrEqual(5.01);
  });

  it('sizes groups to detect a difference (n = (Var₁ + Var₂)(z_α + z_β)²/d² − 3)', () => {
    // Worst case, d = 10 points, α = .05 two-sided, power .8: 2·(1.959964 + 0.841621)²/.01 − 3 = 1566.78 → 1567.
    expect(npsSampleSizeForDifference({ difference: 10 })).toBe(1567);
    // One-sided: z_α = 1.644854 → 2·(2.486475)²/.01 − 3 = 1233.5 → 1234.
    expect(npsSampleSizeForDifference({ difference: 10, alternative: 'greater' })).toBe(1234);
    expect(npsSampleSizeForDifference({ difference: 10, alternative: 'less' })).toBe(1234);
    expect(
      npsSampleSizeForDifference({
        difference: 10,
        expected: [
          { promoters: 0.5, detractors: 0.2 },
          { promoters: 0.4, detractors: 0.3 },
        ],
      }),
    ).toBe(Math.ceil(((0.61 + 0.69) * (1.959963984540054 + 0.8416212335729143) ** 2) / 0.01 - 3));
  });

  it('rejects impossible plans with options errors', () => {
    expect(() => npsSampleSizeForMargin({ margin: 0 })).toThrow(CxOptionsError);
    expect(() =>
      npsSampleSizeForMargin({ margin: 5, expected: { promoters: 0.8, detractors: 0.4 } }),
    ).toThrow(CxOptionsError);
    expect(() => npsSampleSizeForDifference({ difference: 10, power: 1 })).toThrow(CxOptionsError);
    expect(() => npsSampleSizeForDifference({ difference: -1 })).toThrow(CxOptionsError);
    expect(() => npsSampleSizeForDifference(undefined as never)).toThrow(CxOptionsError);
  });

  it('names points vs proportions: { difference: 0.1 } is out_of_range, not 15.7 million responses (issue 13)', () => {
    // Before: 0.1 was read as 0.1 NPS points and the plan asked for 15,676,xxx responses per group.
    for (const [call, key] of [
      [() => npsSampleSizeForDifference({ difference: 0.1 }), 'difference'],
      [() => npsSampleSizeForMargin({ margin: 0.05 }), 'margin'],
    ] as const) {
      try {
        call();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CxOptionsError);
        const issue = (error as CxOptionsError).issues[0];
        expect(issue).toMatchObject({ path: [key], code: 'out_of_range' });
        expect(issue?.message).toMatch(/NPS points/);
        expect(issue?.message).toMatch(/proportion/);
      }
    }
    // Shares are proportions: 50 for 50 % is refused too.
    expect(() => npsSampleSizeForMargin({ margin: 5, expected: { promoters: 50, detractors: 20 } })).toThrow(
      /0\.5, not 50/,
    );
  });

  it('uses the same level and power names in both planners; confidence, alpha and sides are named (issue 13)', () => {
    // Before: npsSampleSizeForDifference({ confidence: 0.9 }) silently used α = 0.05.
    // At level 0.9: z = 1.6448536269514722, 2·(1.644854 + 0.841621)²/.01 − 3 = 1233.5 → 1234.
    expect(npsSampleSizeForDifference({ difference: 10, level: 0.9 })).toBe(1234);
    // Margin at 90%: 1.644854²/.05² − 3 = 1079.2 → 1080.
    expect(npsSampleSizeForMargin({ margin: 5, level: 0.9 })).toBe(1080);
    const named = (f: () => unknown): { suggestion?: string; message: string } => {
      try {
        f();
      } catch (error) {
        return (error as CxOptionsError).issues.find((i) => i.code === 'unknown_option') as never;
      }
      throw new Error('expected an options error');
    };
    expect(
      named(() => npsSampleSizeForDifference({ difference: 10, confidence: 0.9 } as never)).suggestion,
    ).toBe('level');
    expect(named(() => npsSampleSizeForMargin({ margin: 5, confidence: 0.9 } as never)).suggestion).toBe(
      'level',
    );
    const alpha = named(() => npsSampleSizeForDifference({ difference: 10, alpha: 0.05 } as never));
    expect(alpha.suggestion).toBe('level');
    expect(alpha.message).toMatch(/alpha 0\.05 is level 0\.95/);
    expect(
      named(() => npsSampleSizeForDifference({ difference: 10, sides: 'one-sided' } as never)).suggestion,
    ).toBe('alternative');
  });
});
