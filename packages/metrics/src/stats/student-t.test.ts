import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from './student-t.js';

// Expected values printed by scipy 1.17.1 (scipy.stats.t.cdf / t.ppf).
describe("Student's t", () => {
  it('matches scipy.stats.t', () => {
    expect(studentTCdf(2, 3)).toBeCloseTo(0.9303370157205785, 13);
    expect(studentTCdf(-1.5, 7.5)).toBeCloseTo(0.08724028529323204, 13);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 11);
    expect(studentTQuantile(0.995, 2)).toBeCloseTo(9.924843200918287, 10);
    expect(studentTQuantile(0.025, 1000)).toBeCloseTo(-1.9623390808264085, 11);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174694, 9);
    expect(studentTQuantile(0.5, 4)).toBe(0);
  });

  it('inverts the CDF', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        (p, df) => {
          expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
        },
      ),
    );
  });

  it('rejects bad arguments', () => {
    expect(() => studentTCdf(1, 0)).toThrow(CxValidationError);
    expect(() => studentTQuantile(1, 5)).toThrow(CxValidationError);
  });
});
