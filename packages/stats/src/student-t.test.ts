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

  it('keeps its accuracy near the centre for large df (seed 58500571 once found 1.3e-9 there)', () => {
    // p = 0.49458550575960036, df = 91065.56: the quantile used to lose digits in 1 − x with x ≈ 1.
    const p = 0.49458550575960036;
    const df = 91_065.56357323716;
    expect(Math.abs(studentTCdf(studentTQuantile(p, df), df) - p)).toBeLessThan(1e-13);
    // Against the normal limit: t(p, df) = z(p) (1 + (z² + 1)/(4 df) + …) (Cornish–Fisher / A&S 26.7.5).
    const z = -0.013572541052685093; // Φ⁻¹(0.49458550575960036), Python's statistics.NormalDist().inv_cdf
    // The next term, z(5z⁴ + 16z² + 3)/(96 df²), is below 1e-13 here.
    expect(studentTQuantile(p, df)).toBeCloseTo(z * (1 + (z * z + 1) / (4 * df)), 11);
  });

  it('inverts the CDF', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        (p, df) => {
          // The largest error over 200,000 random (p, df) pairs in this range was 3.0e-13 (both routes of the quantile
          // solve for the smaller of x and 1 − x, so no digits are lost to cancellation); 2e-12 leaves headroom.
          expect(Math.abs(studentTCdf(studentTQuantile(p, df), df) - p)).toBeLessThan(2e-12);
        },
      ),
    );
  });

  it('rejects bad arguments', () => {
    expect(() => studentTCdf(1, 0)).toThrow(CxValidationError);
    expect(() => studentTQuantile(1, 5)).toThrow(CxValidationError);
  });
});
