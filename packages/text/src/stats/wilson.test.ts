import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile, wilson, zFor } from './wilson.js';

describe('wilson', () => {
  it('matches a hand calculation for 7 of 50 at 95%', () => {
    // p = 0.14, z = 1.959964, z² = 3.841459; centre = 0.14 + 3.841459/100 = 0.1784146;
    // half = 1.959964·√(0.14·0.86/50 + 3.841459/10000) = 1.959964·√(0.0027921459) = 0.1035660;
    // denom = 1.0768292 → ((0.1784146 − 0.1035660)/1.0768292 … (0.1784146 + 0.1035660)/1.0768292)
    //       = (0.0695083 … 0.2618619).
    const r = wilson(7, 50, zFor(0.95));
    expect(r.value).toBeCloseTo(0.14, 12);
    expect(r.lower).toBeCloseTo(0.0695083, 6);
    expect(r.upper).toBeCloseTo(0.2618619, 6);
  });
  it('gives null for n = 0 and stays within [0, 1] at the edges', () => {
    expect(wilson(0, 0, 1.96)).toEqual({ count: 0, n: 0, value: null, lower: null, upper: null });
    expect(wilson(0, 10, 1.96).lower).toBe(0);
    expect(wilson(10, 10, 1.96).upper).toBe(1);
  });
  it('always contains the point estimate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const r = wilson(k, n, 1.96);
        expect(r.lower!).toBeLessThanOrEqual(r.value! + 1e-12);
        expect(r.upper!).toBeGreaterThanOrEqual(r.value! - 1e-12);
      }),
    );
  });
  it('uses the normal quantile (1.959964 for 97.5%, 2.575829 for 99.5%)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
  });
  it('rejects a confidence outside (0, 1)', () => {
    expect(() => zFor(1)).toThrow(CxValidationError);
    expect(() => zFor(Number.NaN)).toThrow(CxValidationError);
  });
});
