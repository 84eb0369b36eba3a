import { CxOptionsError, CxValidationError } from '@cx/model';

/** Complementary error function erfc(x) = 1 − erf(x) (Chebyshev expansion, Numerical Recipes 3rd ed. §6.2.2). */
function erfc(x: number): number {
  // Chebyshev expansion of erfc (Numerical Recipes 3rd ed., §6.2.2), valid for x >= 0.
  const z = Math.abs(x);
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = COF.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + (COF[j] as number);
    dd = tmp;
  }
  const value = t * Math.exp(-z * z + 0.5 * ((COF[0] as number) + ty * d) - dd);
  return x >= 0 ? value : 2 - value;
}

const COF = [
  -1.3026537197817094, 0.6419697923564902, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
  3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6,
  1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10,
  9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15,
  -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
];

/**
 * Standard normal cumulative distribution function Φ(x).
 *
 * @param x - Any real number.
 * @returns P(Z ≤ x) for Z ~ N(0, 1).
 * @throws {@link @cx/model!CxValidationError} when x is NaN.
 * @example
 * ```ts
 * import { normalCdf } from '@cx/stats';
 * console.log(normalCdf(1.959963984540054).toFixed(3)); // '0.975'
 * ```
 * @category Distributions
 * @since 0.1.0
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) {
    throw new CxValidationError([
      { path: ['x'], message: 'Expected a number, got NaN', code: 'invalid_type' },
    ]);
  }
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Standard normal quantile Φ⁻¹(p) (Acklam's algorithm refined by one Halley step; |error| < 1e-13).
 *
 * @param p - A probability strictly between 0 and 1.
 * @returns The x with Φ(x) = p.
 * @throws {@link @cx/model!CxValidationError} when p is not in (0, 1).
 * @example
 * ```ts
 * import { normalQuantile } from '@cx/stats';
 * console.log(normalQuantile(0.975).toFixed(4)); // '1.9600'
 * ```
 * @category Distributions
 * @since 0.1.0
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    throw new CxValidationError([
      {
        path: ['p'],
        message: `Expected a probability strictly between 0 and 1, got ${p}`,
        code: 'out_of_range',
      },
    ]);
  }
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
      (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  // One step of Halley's method on Φ(x) − p.
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * Two-sided critical value z for a confidence level, e.g. 1.95996… for 0.95.
 *
 * @param level - Confidence level strictly between 0 and 1 (0.95, not 95).
 * @returns Φ⁻¹(1 − (1 − level)/2).
 * @throws {@link @cx/model!CxOptionsError} (`out_of_range`, at `level`) when the level is not in (0, 1).
 * @example
 * ```ts
 * import { zForLevel } from '@cx/stats';
 * console.log(zForLevel(0.9).toFixed(3)); // '1.645'
 * ```
 * @category Distributions
 * @since 0.2.0
 */
export function zForLevel(level: number): number {
  if (!(typeof level === 'number' && level > 0 && level < 1)) {
    throw new CxOptionsError('zForLevel', [
      {
        path: ['level'],
        message: `Expected a confidence level strictly between 0 and 1 (0.95, not 95), got ${String(level)}`,
        code: 'out_of_range',
      },
    ]);
  }
  return normalQuantile(1 - (1 - level) / 2);
}
