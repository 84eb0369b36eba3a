import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hyp2f1, logHyp2f1 } from './hyp2f1.js';

const rel = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('hyp2f1', () => {
  it('matches closed forms (Abramowitz & Stegun 15.1.3, 15.1.6, 15.1.8)', () => {
    for (const z of [0.1, 0.5, 0.74, 0.76, 0.9, 0.999, 0.999999, -0.5, -3, -1000]) {
      // 2F1(1, 1; 2; z) = −ln(1 − z)/z (c − a − b = 0: the integer case of the 1 − z transformation)
      expect(rel(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-12);
      // 2F1(a, b; b; z) = (1 − z)^(−a)
      expect(rel(hyp2f1(2.5, 1.3, 1.3, z), (1 - z) ** -2.5)).toBeLessThan(1e-11);
    }
    for (const x of [0.3, 0.8, 0.95]) {
      // 2F1(1/2, 1/2; 3/2; x²) = arcsin(x)/x
      expect(rel(hyp2f1(0.5, 0.5, 1.5, x * x), Math.asin(x) / x)).toBeLessThan(1e-12);
    }
  });

  it('matches reference values (mpmath 1.3.0 hyp2f1, 30 digits) in every branch', () => {
    const cases: [number, number, number, number, number][] = [
      [3, 2, 4, 0.2, 1.3923365143426831], // series
      [2.243, 4.426, 4.219, 0.5, 5.161693901383613], // series
      [1.5, 2.5, 0.7, 0.9, 5527.751187992462], // 1 − z transformation
      [0.2426, 2.4259, 2.2188, 0.9464457322577827, 2.3869873559381047], // Euler integral
      [16.2, 1.6, 17.2, 0.99, 252.54611771934358], // Euler integral (Pareto/NBD shape)
      [16.2, 1.6, 17.2, 0.999999, 107184.16600502867], // Euler integral near z = 1
      [2.3, 0.5, 2.8, 0.95, 2.7358424176679184],
      [1.5, -2, 3, 0.9, 0.353125], // terminating polynomial
      [0.5, 0.5, 1.5, -5, 0.690714668768359], // Pfaff
      // c − a ≈ 1e-16 (Euler's integral nearly singular): ₂F₁(a, b; a; z) = (1 − z)^(−b)
      [0.1, 0.6, 0.10000000000000009, 0.7500000000000001, 0.25 ** -0.6],
    ];
    for (const [a, b, c, z, expected] of cases) expect(rel(hyp2f1(a, b, c, z), expected)).toBeLessThan(1e-11);
  });

  it('logHyp2f1 stays finite where the value overflows a double', () => {
    // (1 − z)^(−a) with a = 400, z = 0.99: ln = 400 · ln 100
    expect(rel(logHyp2f1(400, 1.3, 1.3, 0.99), 400 * Math.log(100))).toBeLessThan(1e-11);
    expect(rel(logHyp2f1(16.2, 1.6, 17.2, 0.999999), 11.582303811532384)).toBeLessThan(1e-11);
  });

  it('rejects z ≥ 1, non-finite input and non-positive integer c', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(CxValidationError);
    expect(() => hyp2f1(1, Number.NaN, 2, 0.5)).toThrow(CxValidationError);
    try {
      hyp2f1(1, 1, -2, 0.5);
      expect.unreachable();
    } catch (error) {
      expect((error as CxValidationError).issues[0]?.path).toEqual(['c']);
    }
    expect(() => logHyp2f1(1.5, -2, 3, 2 - 1.5)).not.toThrow();
  });
});

describe('hyp2f1 against the plain Gauss series for 0.75 < z ≤ 0.95 (where the series still converges)', () => {
  // The plain series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ converges geometrically here; summed to 1e-17 it is an independent
  // reference. Regression: with an endpoint exponent near −1 the Euler-integral quadrature once lost ~2e-4 of the
  // value at (0.4895, 0.5; 0.55; 0.8978), found by the BG/NBD property test.
  const reference = (a: number, b: number, c: number, z: number): number => {
    let term = 1;
    let sum = 1;
    for (let k = 0; k < 2_000_000; k++) {
      term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    }
    return sum;
  };

  it('matches at the point that exposed the quadrature cut-off', () => {
    const z = 8.785525331961773 / 9.785525331961773;
    expect(hyp2f1(0.4895174567376619, 0.5, 0.5500000000000003, z)).toBeCloseTo(
      reference(0.4895174567376619, 0.5, 0.5500000000000003, z),
      12,
    );
  });

  it('matches to 1e-11 relative for random parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        fc.double({ min: 0.7501, max: 0.95, noNaN: true }),
        (a, b, c, z) => {
          const expected = reference(a, b, c, z);
          expect(Math.abs(hyp2f1(a, b, c, z) - expected) / Math.abs(expected)).toBeLessThan(1e-11);
        },
      ),
      { numRuns: 300 },
    );
  });
});
