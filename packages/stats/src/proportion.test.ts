import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clopperPearsonInterval, wilsonInterval } from './proportion.js';

describe('clopperPearsonInterval', () => {
  it('matches the scipy documentation example k = 7, n = 50', () => {
    // scipy.stats.binomtest(k=7, n=50).proportion_ci() documents (0.05819170033997342, 0.26739600249700846).
    // scipy finds these by root-finding on the binomial CDF, good to ~1e-12; mpmath at 40 digits puts the exact
    // beta quantiles at 0.0581917003403720849 and 0.2673960024970084372, which we match to 1e-15.
    const ci = clopperPearsonInterval(7, 50);
    expect(ci?.lower).toBeCloseTo(0.05819170033997342, 11);
    expect(ci?.upper).toBeCloseTo(0.26739600249700846, 11);
    expect(ci?.lower).toBeCloseTo(0.058191700340372084, 15);
    expect(ci?.upper).toBeCloseTo(0.26739600249700846, 15);
    expect(ci?.method).toBe('clopper-pearson');
  });

  it('matches scipy (and mpmath) at the edges and other levels', () => {
    // scipy 1.17.1: binomtest(0, 10) → (0, 0.30849710781876294); binomtest(10, 10).proportion_ci(0.9) →
    // (0.7411344491066528, 1), mpmath 0.7411344491069477; binomtest(1, 3).proportion_ci(0.99) →
    // (0.0016694521863085243, 0.9585998492839761), mpmath (0.0016694521863086673, 0.9585998492839568754);
    // binomtest(500, 100000) → (0.004572244150070557, 0.0054568411770586816).
    expect(clopperPearsonInterval(0, 10)).toMatchObject({ lower: 0 });
    expect(clopperPearsonInterval(0, 10)?.upper).toBeCloseTo(0.30849710781876294, 12);
    expect(clopperPearsonInterval(10, 10, { level: 0.9 })?.lower).toBeCloseTo(0.7411344491069477, 14);
    expect(clopperPearsonInterval(10, 10, { level: 0.9 })?.upper).toBe(1);
    expect(clopperPearsonInterval(1, 3, { level: 0.99 })?.lower).toBeCloseTo(0.0016694521863086674, 15);
    expect(clopperPearsonInterval(1, 3, { level: 0.99 })?.upper).toBeCloseTo(0.9585998492839569, 14);
    expect(clopperPearsonInterval(500, 100_000)?.lower).toBeCloseTo(0.004572244150070557, 12);
    expect(clopperPearsonInterval(500, 100_000)?.upper).toBeCloseTo(0.0054568411770586816, 12);
  });

  it('returns null for zero trials', () => {
    expect(clopperPearsonInterval(0, 0)).toBeNull();
  });
});

describe('wilsonInterval', () => {
  it('matches scipy binomtest(...).proportion_ci(method="wilson")', () => {
    // scipy 1.17.1: 7/50 → (0.06950833427016292, 0.26186193710585537); 0/10 → (0, 0.27753279986288926);
    // 1/1 → (0.20654931437723745, 1).
    const ci = wilsonInterval(7, 50);
    expect(ci?.lower).toBeCloseTo(0.06950833427016292, 13);
    expect(ci?.upper).toBeCloseTo(0.26186193710585537, 13);
    expect(wilsonInterval(0, 10)?.lower).toBe(0);
    expect(wilsonInterval(0, 10)?.upper).toBeCloseTo(0.27753279986288926, 13);
    expect(wilsonInterval(1, 1)?.lower).toBeCloseTo(0.20654931437723745, 13);
    expect(wilsonInterval(1, 1)?.upper).toBe(1);
  });

  it('returns null for zero trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('stays in [0, 1] and contains p̂, and Clopper–Pearson is wider than Wilson near the edges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (n, share, confidence) => {
          const k = Math.round(share * n);
          const p = k / n;
          for (const ci of [
            wilsonInterval(k, n, { level: confidence }),
            clopperPearsonInterval(k, n, { level: confidence }),
          ]) {
            expect(ci).not.toBeNull();
            if (ci === null) return;
            expect(ci.lower).toBeGreaterThanOrEqual(0);
            expect(ci.upper).toBeLessThanOrEqual(1);
            expect(ci.lower).toBeLessThanOrEqual(p + 1e-12);
            expect(ci.upper).toBeGreaterThanOrEqual(p - 1e-12);
          }
        },
      ),
    );
  });

  it('rejects impossible counts and levels', () => {
    expect(() => wilsonInterval(6, 5)).toThrow(CxValidationError);
    expect(() => wilsonInterval(-1, 5)).toThrow(CxValidationError);
    expect(() => wilsonInterval(Number.NaN, 5)).toThrow(CxValidationError);
    expect(() => clopperPearsonInterval(1, 5, { level: 1 })).toThrow(CxOptionsError);
  });
});
