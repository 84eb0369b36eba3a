import { CxValidationError } from '@cx/model';

/**
 * The weighted log-odds of one term (Monroe, Colaresi & Quinn 2008, “Fightin' Words”, eq. 22 and 24).
 *
 * @category Themes
 * @since 0.1.0
 */
export interface LogOdds {
  /** Log-odds ratio δ of the term in the target group versus the reference group. */
  readonly delta: number;
  /** Approximate variance of δ: `1/(y_t + α_w) + 1/(y_r + α_w)`. */
  readonly variance: number;
  /** z-score `δ / √variance`; positive for terms of the target group. */
  readonly z: number;
}

/**
 * Log-odds ratio of a term between two groups with an informative Dirichlet prior:
 *
 * `δ = ln((y_t + α_w)/(n_t + α₀ − y_t − α_w)) − ln((y_r + α_w)/(n_r + α₀ − y_r − α_w))`,
 * `σ² ≈ 1/(y_t + α_w) + 1/(y_r + α_w)`, `z = δ/σ`.
 *
 * @param targetCount - `y_t`, occurrences of the term in the target group.
 * @param targetTotal - `n_t`, occurrences of all terms in the target group.
 * @param referenceCount - `y_r`, occurrences of the term in the reference group.
 * @param referenceTotal - `n_r`, occurrences of all terms in the reference group.
 * @param alphaW - `α_w`, prior pseudo-count of the term (> 0).
 * @param alpha0 - `α₀`, sum of the prior pseudo-counts of all terms (> `α_w`).
 * @returns δ, its variance and z.
 * @throws {@link @cx/model!CxValidationError} when counts are negative or the prior is not positive.
 * @example
 * ```ts
 * import { logOddsRatio } from '@cx/text';
 * // "late" 8 times in 100 negative terms, 2 times in 200 positive terms, prior from the pooled counts.
 * const { delta, z } = logOddsRatio(8, 100, 2, 200, 10, 300);
 * console.log(delta.toFixed(4), z.toFixed(4)); // '0.6504' '1.7451'
 * ```
 * @category Themes
 * @since 0.1.0
 */
export function logOddsRatio(
  targetCount: number,
  targetTotal: number,
  referenceCount: number,
  referenceTotal: number,
  alphaW: number,
  alpha0: number,
): LogOdds {
  const counts = { targetCount, targetTotal, referenceCount, referenceTotal };
  const issues = Object.entries(counts)
    .filter(([, v]) => !(Number.isFinite(v) && v >= 0))
    .map(([k, v]) => ({
      path: [k],
      message: `Expected a non-negative count, got ${v}`,
      code: 'out_of_range' as const,
    }));
  if (!(alphaW > 0) || !(alpha0 > alphaW)) {
    issues.push({
      path: ['alphaW'],
      message: `Expected 0 < alphaW < alpha0, got ${alphaW} and ${alpha0}`,
      code: 'out_of_range',
    });
  }
  if (targetCount > targetTotal || referenceCount > referenceTotal) {
    issues.push({
      path: ['targetCount'],
      message: 'Expected term counts not larger than the group totals',
      code: 'out_of_range',
    });
  }
  if (issues.length > 0) throw new CxValidationError(issues);
  const odds = (y: number, n: number) => Math.log((y + alphaW) / (n + alpha0 - y - alphaW));
  const delta = odds(targetCount, targetTotal) - odds(referenceCount, referenceTotal);
  const variance = 1 / (targetCount + alphaW) + 1 / (referenceCount + alphaW);
  return { delta, variance, z: delta / Math.sqrt(variance) };
}
