import { CxValidationError } from '@cx/model';

/**
 * A share with its Wilson score interval.
 *
 * @category Statistics
 * @since 0.1.0
 */
export interface Proportion {
  /** Number of items with the property. */
  readonly count: number;
  /** Number of items in the denominator. */
  readonly n: number;
  /** `count / n`, or `null` when `n` is 0. */
  readonly value: number | null;
  /** Lower bound of the Wilson score interval, or `null` when `n` is 0. */
  readonly lower: number | null;
  /** Upper bound of the Wilson score interval, or `null` when `n` is 0. */
  readonly upper: number | null;
}

/** Checks a confidence level and returns the two-sided z. */
export function zFor(confidence: number, path: ReadonlyArray<string | number> = ['confidence']): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new CxValidationError([
      {
        path: [...path],
        message: `Expected a confidence level strictly between 0 and 1, got ${confidence}`,
        code: 'out_of_range',
      },
    ]);
  }
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * Share `count / n` with the Wilson score interval (Wilson 1927; Newcombe 1998):
 * `(p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)`.
 */
export function wilson(count: number, n: number, z: number): Proportion {
  if (n === 0) return { count, n, value: null, lower: null, upper: null };
  const p = count / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return {
    count,
    n,
    value: p,
    lower: Math.max(0, (centre - half) / denom),
    upper: Math.min(1, (centre + half) / denom),
  };
}

/**
 * A difference of two proportions with its interval.
 *
 * @category Statistics
 * @since 0.2.0
 */
export interface ProportionDifference {
  /** `p₁ − p₂`, or `null` when a denominator is 0. */
  readonly value: number | null;
  /** Lower bound of Newcombe's hybrid score interval, or `null`. */
  readonly lower: number | null;
  /** Upper bound of Newcombe's hybrid score interval, or `null`. */
  readonly upper: number | null;
}

/**
 * Difference of two independent proportions with Newcombe's hybrid score interval (Newcombe 1998, method
 * 10), built from the two Wilson intervals: `d − √((p₁−l₁)² + (u₂−p₂)²)`, `d + √((u₁−p₁)² + (p₂−l₂)²)`.
 */
export function newcombe(a: Proportion, b: Proportion): ProportionDifference {
  if (
    a.value === null ||
    b.value === null ||
    a.lower === null ||
    a.upper === null ||
    b.lower === null ||
    b.upper === null
  ) {
    return { value: null, lower: null, upper: null };
  }
  const d = a.value - b.value;
  return {
    value: d,
    lower: d - Math.sqrt((a.value - a.lower) ** 2 + (b.upper - b.value) ** 2),
    upper: d + Math.sqrt((a.upper - a.value) ** 2 + (b.value - b.lower) ** 2),
  };
}

// Acklam's rational approximation of the standard normal quantile (relative error < 1.15e-9).
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

function poly(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((acc, c) => acc * x + c, 0);
}

/** Standard normal quantile for p in (0, 1). */
export function normalQuantile(p: number): number {
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(C, q) / (poly(D, q) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}
