import { CxValidationError } from '@cx/model';
import { normalCdf } from '@cx/stats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, regularizedGammaQ } from './incomplete-gamma.js';

describe('chiSquareSurvival', () => {
  it('gives 0.05 at the textbook critical values', () => {
    // Critical values of χ² at the 5% level (any statistics table): df 1 → 3.841, 2 → 5.991, 10 → 18.307
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(5.991464547107979, 2)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(18.307038053275146, 10)).toBeCloseTo(0.05, 12);
  });

  it('equals exp(−x/2) for df = 2 and 2(1 − Φ(√x)) for df = 1 (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 60, noNaN: true }), (x) => {
        expect(chiSquareSurvival(x, 2)).toBeCloseTo(Math.exp(-x / 2), 12);
        expect(chiSquareSurvival(x, 1)).toBeCloseTo(2 * (1 - normalCdf(Math.sqrt(x))), 10);
      }),
    );
  });

  it('matches mpmath 1.3.0 gammainc for df = 5, x = 6 and the log-rank value 16.79 on 1 df', () => {
    expect(chiSquareSurvival(6, 5)).toBeCloseTo(0.3062189184132784, 13);
    expect(chiSquareSurvival(16.79, 1)).toBeCloseTo(0.0000417527513891979, 15);
  });

  it('rejects bad input', () => {
    expect(() => chiSquareSurvival(-1, 1)).toThrow(CxValidationError);
    expect(() => chiSquareSurvival(1, 0)).toThrow(CxValidationError);
    expect(() => regularizedGammaQ(0, 1)).toThrow(CxValidationError);
    expect(regularizedGammaQ(3, 0)).toBe(1);
  });
});
