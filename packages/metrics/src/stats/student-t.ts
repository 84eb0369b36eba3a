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
 * @throws {@link @cx/model!CxValidationError} when df is not positive.
 * @example
 * ```ts
 * import { studentTCdf } from '@cx/metrics';
 * console.log(studentTCdf(2.2281388519649385, 10).toFixed(3)); // '0.975'
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function studentTCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(df)) return normalCdf(t);
  const x = df / (df + t * t);
  const tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
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
 * import { studentTQuantile } from '@cx/metrics';
 * console.log(studentTQuantile(0.975, 10).toFixed(4)); // '2.2281'
 * ```
 * @category Statistics
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
  const x = betaQuantile(2 * tailP, df / 2, 0.5);
  const t = Math.sqrt((df * (1 - x)) / x);
  return p < 0.5 ? -t : t;
}
