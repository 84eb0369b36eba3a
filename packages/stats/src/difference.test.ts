import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proportionDifference } from './difference.js';
import { wilsonInterval } from './proportion.js';

describe('proportionDifference', () => {
  it('matches Newcombe (1998), Table II, method 10 (hybrid score interval)', () => {
    // Newcombe RG (1998), "Interval estimation for the difference between independent proportions: comparison
    // of eleven methods", Statistics in Medicine 17:873–890, Table II, column 10, to the four decimals printed.
    const cases: [number, number, number, number, number, number][] = [
      [56, 70, 48, 80, 0.0524, 0.3339], // (a)
      [9, 10, 3, 10, 0.1705, 0.809], // (b)
      [5, 56, 0, 29, -0.0381, 0.1926], // (d)
      [0, 10, 0, 20, -0.1611, 0.2775], // (e)
      [0, 10, 0, 10, -0.2775, 0.2775], // (f)
    ];
    for (const [k1, n1, k2, n2, lower, upper] of cases) {
      const d = proportionDifference({ count: k1, n: n1 }, { count: k2, n: n2 });
      expect(d.value).toBeCloseTo(k1 / n1 - k2 / n2, 12);
      expect(d.interval?.lower).toBeCloseTo(lower, 4);
      expect(d.interval?.upper).toBeCloseTo(upper, 4);
      expect(d.interval?.method).toBe('newcombe');
      expect(d.interval?.level).toBe(0.95);
    }
  });

  it('is null when a denominator is 0', () => {
    expect(proportionDifference({ count: 0, n: 0 }, { count: 1, n: 2 })).toEqual({
      value: null,
      interval: null,
    });
    expect(proportionDifference({ count: 1, n: 2 }, { count: 0, n: 0 })).toEqual({
      value: null,
      interval: null,
    });
  });

  it('stays in [−1, 1], contains the difference, is antisymmetric and narrows as the level falls', () => {
    const count = fc
      .integer({ min: 1, max: 200 })
      .chain((n) => fc.record({ n: fc.constant(n), count: fc.nat(n) }));
    fc.assert(
      fc.property(count, count, (a, b) => {
        const d = proportionDifference(a, b);
        const r = proportionDifference(b, a);
        const narrow = proportionDifference(a, b, { level: 0.8 });
        const v = d.value as number;
        const i = d.interval as NonNullable<typeof d.interval>;
        expect(i.lower).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(i.upper).toBeLessThanOrEqual(1 + 1e-12);
        expect(i.lower).toBeLessThanOrEqual(v + 1e-12);
        expect(i.upper).toBeGreaterThanOrEqual(v - 1e-12);
        expect(r.interval?.lower).toBeCloseTo(-i.upper, 12);
        expect(r.interval?.upper).toBeCloseTo(-i.lower, 12);
        expect(narrow.interval?.lower).toBeGreaterThanOrEqual(i.lower - 1e-12);
        expect(narrow.interval?.upper).toBeLessThanOrEqual(i.upper + 1e-12);
      }),
    );
  });

  it('reduces to the Wilson interval of the first proportion against a certain 0 of a huge sample', () => {
    // p₂ = 0 of n₂ → ∞: its Wilson upper bound tends to 0, so the interval tends to p₁'s own Wilson interval.
    const d = proportionDifference({ count: 7, n: 50 }, { count: 0, n: 1e12 });
    const w = wilsonInterval(7, 50);
    expect(d.interval?.lower).toBeCloseTo(w?.lower as number, 8);
    expect(d.interval?.upper).toBeCloseTo(w?.upper as number, 8);
  });

  it('rejects bad counts and bad options with typed errors', () => {
    expect(() => proportionDifference({ count: 3, n: 2 }, { count: 0, n: 1 })).toThrow(CxValidationError);
    expect(() => proportionDifference({ count: -1, n: 2 }, { count: 0, n: 1 })).toThrow(CxValidationError);
    expect(() => proportionDifference({ count: 1, n: 2 }, { count: 0, n: Number.NaN })).toThrow(
      CxValidationError,
    );
    expect(() => proportionDifference({ count: 1, n: 2 }, { count: 0, n: 1 }, { level: 95 })).toThrow(
      CxOptionsError,
    );
    expect(() =>
      proportionDifference({ count: 1, n: 2 }, { count: 0, n: 1 }, { levle: 0.9 } as never),
    ).toThrow(CxOptionsError);
  });
});
