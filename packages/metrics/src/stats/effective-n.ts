import { CxValidationError, type ValidationIssue } from '@cx/model';

/**
 * Kish's effective sample size of weighted data: (Σw)² / Σw².
 *
 * Equals n when every weight is the same and shrinks as weights grow unequal (Kish 1965, *Survey Sampling*).
 *
 * @param weights - Positive finite weights.
 * @returns The effective sample size (0 for no weights).
 * @throws {@link @cx/model!CxValidationError} naming each weight that is not positive and finite.
 * @example
 * ```ts
 * import { kishEffectiveN } from '@cx/metrics';
 * console.log(kishEffectiveN([1, 1, 2])); // 16 / 6 ≈ 2.667
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function kishEffectiveN(weights: readonly number[]): number {
  const issues: ValidationIssue[] = [];
  let sum = 0;
  let sumSquares = 0;
  weights.forEach((w, i) => {
    if (!(w > 0 && Number.isFinite(w))) {
      issues.push({
        path: ['weights', i],
        message: `Expected a positive finite weight, got ${w}`,
        code: 'invalid_weight',
      });
      return;
    }
    sum += w;
    sumSquares += w * w;
  });
  if (issues.length > 0) throw new CxValidationError(issues);
  return effectiveNFromSums(sum, sumSquares);
}

/**
 * Kish's effective sample size from running sums, (Σw)² / Σw² (0 when Σw² is 0).
 *
 * @param sumWeights - Σw.
 * @param sumSquaredWeights - Σw².
 * @returns The effective sample size.
 * @example
 * ```ts
 * import { effectiveNFromSums } from '@cx/metrics';
 * console.log(effectiveNFromSums(4, 6)); // 2.6666666666666665
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function effectiveNFromSums(sumWeights: number, sumSquaredWeights: number): number {
  return sumSquaredWeights > 0 ? (sumWeights * sumWeights) / sumSquaredWeights : 0;
}
