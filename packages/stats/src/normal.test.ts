import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, zForLevel } from './normal.js';

describe('normal distribution', () => {
  // Reference values: Abramowitz & Stegun, Table 26.1, and R's qnorm/pnorm (printed to 15 digits).
  it('matches tabulated Φ values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 15);
    expect(normalCdf(1)).toBeCloseTo(0.841344746068543, 12);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249978951482204, 12);
    expect(normalCdf(3)).toBeCloseTo(0.99865010196837, 12);
    expect(normalCdf(-8)).toBeCloseTo(6.22096057427178e-16, 25);
  });

  it('matches tabulated quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.95996398454005, 12);
    expect(normalQuantile(0.95)).toBeCloseTo(1.64485362695147, 12);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.36134090240406, 9);
    expect(zForLevel(0.95)).toBeCloseTo(1.95996398454005, 12);
  });

  it('inverts Φ', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
      }),
    );
  });

  it('rejects probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(CxValidationError);
    expect(() => normalQuantile(Number.NaN)).toThrow(CxValidationError);
    expect(() => zForLevel(1)).toThrow(CxOptionsError);
  });
});
