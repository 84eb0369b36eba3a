import { CxValidationError, type ValidationIssue } from '@cx/model';

/**
 * Kish's effective sample size of weighted data: (Σw)² / Σw².
 *
 * Equals n when every weight is the same and shrinks as weights grow unequal (Kish 1965, *Survey Sampling*). Only
 * ratios of weights matter, so the sums are taken relative to the largest weight: weights of 1e200 or 1e-200 give
 * the same answer as weights of 1.
 *
 * @param weights - Positive finite weights.
 * @returns The effective sample size (0 for no weights).
 * @throws {@link @cx/model!CxValidationError} naming each weight that is not positive and finite.
 * @example
 * ```ts
 * import { kishEffectiveN } from '@cx/metrics';
 * console.log(kishEffectiveN([1, 1, 2]), kishEffectiveN([1e200, 1e200, 2e200])); // 2.6666666666666665 2.6666666666666665
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function kishEffectiveN(weights: readonly number[]): number {
  if (!Array.isArray(weights)) {
    throw new CxValidationError([
      { path: ['weights'], message: 'Expected an array of weights', code: 'invalid_type' },
    ]);
  }
  const issues: ValidationIssue[] = [];
  let max = 0;
  weights.forEach((w, i) => {
    if (!(typeof w === 'number' && w > 0 && Number.isFinite(w))) {
      issues.push({
        path: ['weights', i],
        message: `Expected a positive finite weight, got ${w}`,
        code: 'invalid_weight',
      });
    } else if (w > max) max = w;
  });
  if (issues.length > 0) throw new CxValidationError(issues);
  let sum = 0;
  let sumSquares = 0;
  for (const w of weights) {
    const v = w / max;
    sum += v;
    sumSquares += v * v;
  }
  return effectiveNFromSums(sum, sumSquares);
}

/**
 * Kish's effective sample size from running sums, (Σw)² / Σw², computed as Σw·(Σw/Σw²) so that large weights do
 * not overflow on the way. Sums of very large or very small weights are best taken relative to the largest weight
 * (as {@link kishEffectiveN} does).
 *
 * @param sumWeights - Σw, finite and ≥ 0.
 * @param sumSquaredWeights - Σw², finite and ≥ 0; 0 only together with Σw = 0.
 * @returns The effective sample size (0 when both sums are 0).
 * @throws {@link @cx/model!CxValidationError} for sums that are negative, not finite, or inconsistent (weight without
 *   squared weight, or an effective n beyond the largest number).
 * @example
 * ```ts
 * import { effectiveNFromSums } from '@cx/metrics';
 * console.log(effectiveNFromSums(4, 6)); // 2.6666666666666665
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function effectiveNFromSums(sumWeights: number, sumSquaredWeights: number): number {
  const issues: ValidationIssue[] = [];
  if (!(typeof sumWeights === 'number' && sumWeights >= 0 && Number.isFinite(sumWeights)))
    issues.push({
      path: ['sumWeights'],
      message: `Expected a finite sum ≥ 0, got ${sumWeights}`,
      code: 'out_of_range',
    });
  if (
    !(typeof sumSquaredWeights === 'number' && sumSquaredWeights >= 0 && Number.isFinite(sumSquaredWeights))
  ) {
    issues.push({
      path: ['sumSquaredWeights'],
      message: `Expected a finite sum ≥ 0, got ${sumSquaredWeights}`,
      code: 'out_of_range',
    });
  } else if (sumSquaredWeights === 0 && sumWeights > 0) {
    issues.push({
      path: ['sumSquaredWeights'],
      message: `Expected Σw² > 0 when Σw = ${sumWeights} > 0 (scale the weights if Σw² underflowed)`,
      code: 'out_of_range',
    });
  }
  if (issues.length > 0) throw new CxValidationError(issues);
  if (sumSquaredWeights === 0) return 0;
  const effective = sumWeights * (sumWeights / sumSquaredWeights);
  if (!Number.isFinite(effective)) {
    throw new CxValidationError([
      {
        path: ['sumSquaredWeights'],
        message: `Σw = ${sumWeights} and Σw² = ${sumSquaredWeights} cannot be sums of the same weights; divide all weights by their largest`,
        code: 'out_of_range',
      },
    ]);
  }
  return effective;
}
