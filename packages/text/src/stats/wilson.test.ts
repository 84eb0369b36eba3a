import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLevel, newcombe, wilson } from './wilson.js';

describe('wilson', () => {
  it('matches a hand calculation for 7 of 50 at 95%', () => {
    // p = 0.14, z = 1.959964, z² = 3.841459; centre = 0.14 + 3.841459/100 = 0.1784146;
    // half = 1.959964·√(0.14·0.86/50 + 3.841459/10000) = 1.959964·√(0.0027921459) = 0.1035660;
    // denom = 1.0768292 → ((0.1784146 − 0.1035660)/1.0768292 … (0.1784146 + 0.1035660)/1.0768292)
    //       = (0.0695083 … 0.2618619).
    const r = wilson(7, 50, 0.95);
    expect(r.value).toBeCloseTo(0.14, 12);
    expect(r.lower).toBeCloseTo(0.0695083, 6);
    expect(r.upper).toBeCloseTo(0.2618619, 6);
  });
  it('gives null for n = 0 and stays within [0, 1] at the edges', () => {
    expect(wilson(0, 0, 0.95)).toEqual({ count: 0, n: 0, value: null, lower: null, upper: null });
    expect(wilson(0, 10, 0.95).lower).toBe(0);
    expect(wilson(10, 10, 0.95).upper).toBe(1);
  });
  it('always contains the point estimate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const r = wilson(k, n, 0.95);
        expect(r.lower!).toBeLessThanOrEqual(r.value! + 1e-12);
        expect(r.upper!).toBeGreaterThanOrEqual(r.value! - 1e-12);
      }),
    );
  });
  it('rejects a level outside (0, 1)', () => {
    expect(() => checkLevel(1)).toThrow(CxValidationError);
    expect(() => checkLevel(Number.NaN)).toThrow(CxValidationError);
  });
});

describe('newcombe', () => {
  it('matches a hand calculation of the hybrid score interval (Newcombe 1998, method 10)', () => {
    // 10/36 against 0/12 at 95 %: Wilson 10/36 = (0.158483, 0.439925), 0/12 = (0, 0.242494);
    // d = 0.277778; lower = d − √((0.277778 − 0.158483)² + (0.242494 − 0)²) = 0.277778 − 0.270249 = 0.007529;
    // upper = d + √((0.439925 − 0.277778)² + 0²) = 0.439925.
    const d = newcombe(wilson(10, 36, 0.95), wilson(0, 12, 0.95));
    expect(d.value).toBeCloseTo(0.277778, 6);
    expect(d.lower).toBeCloseTo(0.007529, 5);
    expect(d.upper).toBeCloseTo(0.439925, 5);
    expect(newcombe(wilson(0, 0, 0.95), wilson(1, 2, 0.95))).toEqual({
      value: null,
      lower: null,
      upper: null,
    });
  });
});
