import { CxValidationError } from '@cx/model';
import { normalCdf, normalQuantile } from './normal.js';
import { betaQuantile, regularizedBeta } from './special.js';

function checkDf(df: number): void {
  if (!(df > 0) || Number.isNaN(df)) {
    throw new CxValidationError([
      { path: ['df'], message: `Expected positive degrees of freedom, got ${df}`, code: 'out_of_range' },
    ]);
  }
}

/**
 * Cumulative distribution function of Student's t distribution.
 *
 * @param t - Any real number.
 * @param df - Degrees of freedom, positive (may be fractional, e.g. Welch–Satterthwaite).
 * @returns P(T ≤ t).
 * @throws {@link @cx/model!CxValidationError} when df is not positive or t is NaN.
 * @example
 * ```ts
 * import { studentTCdf } from '@cx/stats';
 * console.log(studentTCdf(2.2281388519649385, 10).toFixed(3)); // '0.975'
 * ```
 * @category Distributions
 * @since 0.1.0
 */
export function studentTCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) {
    throw new CxValidationError([
      { path: ['t'], message: 'Expected a number, got NaN', code: 'invalid_type' },
    ]);
  }
  if (!Number.isFinite(df)) return normalCdf(t);
  const t2 = t * t;
  // P(|T| > |t|) = I_x(df/2, 1/2) with x = df/(df + t²) = 1 − y, y = t²/(df + t²). When t² < df, x is close to 1
  // and 1 − x loses digits to cancellation, so the complement I_y(1/2, df/2) = 1 − I_x(df/2, 1/2) is used instead
  // (Abramowitz & Stegun 26.7.1 with 26.5.2).
  if (t2 < df) {
    const central = 0.5 * regularizedBeta(t2 / (df + t2), 0.5, df / 2); // P(0 < T < |t|)
    return t > 0 ? 0.5 + central : 0.5 - central;
  }
  const tail = 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/**
 * Quantile of Student's t distribution.
 *
 * @param p - Probability strictly between 0 and 1.
 * @param df - Degrees of freedom, positive.
 * @returns The t with P(T ≤ t) = p.
 * @throws {@link @cx/model!CxValidationError} when p is not in (0, 1) or df is not positive.
 * @example
 * ```ts
 * import { studentTQuantile } from '@cx/stats';
 * console.log(studentTQuantile(0.975, 10).toFixed(4)); // '2.2281'
 * ```
 * @category Distributions
 * @since 0.1.0
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p > 0 && p < 1)) {
    throw new CxValidationError([
      {
        path: ['p'],
        message: `Expected a probability strictly between 0 and 1, got ${p}`,
        code: 'out_of_range',
      },
    ]);
  }
  if (p === 0.5) return 0;
  if (!Number.isFinite(df)) return normalQuantile(p);
  const tailP = p < 0.5 ? p : 1 - p;
  // Solve for whichever of x = df/(df + t²) ~ Beta(df/2, 1/2) and y = 1 − x = t²/(df + t²) ~ Beta(1/2, df/2) is the
  // smaller, so that the other is never found by a cancelling subtraction (y is small when t² < df: large df or
  // p near 1/2). The normal quantile tells which side t² falls on well enough for that choice.
  const z = normalQuantile(tailP);
  let t: number;
  if (z * z < df) {
    const y = betaQuantile(1 - 2 * tailP, 0.5, df / 2);
    t = Math.sqrt((df * y) / (1 - y));
  } else {
    const x = betaQuantile(2 * tailP, df / 2, 0.5);
    t = Math.sqrt((df * (1 - x)) / x);
  }
  return p < 0.5 ? -t : t;
}
