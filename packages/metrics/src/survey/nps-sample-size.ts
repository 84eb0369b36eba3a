import { CxValidationError, type ValidationIssue } from '@cx/model';
import { normalQuantile, zForLevel } from '@cx/stats';
import { trinomialVariance } from './nps-accumulator.js';

/**
 * Expected promoter and detractor shares (0…1) used for planning.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsExpectedShares {
  readonly promoters: number;
  readonly detractors: number;
}

/**
 * Options of {@link npsSampleSizeForMargin}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsMarginPlanOptions {
  /** Target margin of error (half-width of the interval) in NPS points, e.g. 5. */
  readonly margin: number;
  /** Confidence level; default 0.95. */
  readonly confidence?: number;
  /** Expected shares; default the worst case 50% promoters / 50% detractors (variance 1). */
  readonly expected?: NpsExpectedShares;
}

/**
 * Options of {@link npsSampleSizeForDifference}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsDifferencePlanOptions {
  /** Smallest difference worth detecting, in NPS points, e.g. 10. */
  readonly difference: number;
  /** Significance level α; default 0.05. */
  readonly alpha?: number;
  /** Power 1 − β; default 0.8. */
  readonly power?: number;
  /** `two-sided` (default) or `one-sided` test. */
  readonly sides?: 'two-sided' | 'one-sided';
  /** Expected shares in each group (one object for both); default the worst case (variance 1 each). */
  readonly expected?: NpsExpectedShares | readonly [NpsExpectedShares, NpsExpectedShares];
}

function varianceOf(
  shares: NpsExpectedShares | undefined,
  path: ReadonlyArray<string | number>,
  issues: ValidationIssue[],
): number {
  if (shares === undefined) return 1;
  const { promoters: p, detractors: d } = shares;
  if (!(p >= 0 && d >= 0 && p + d <= 1)) {
    issues.push({
      path,
      message: `Expected shares ≥ 0 summing to at most 1, got ${p} and ${d}`,
      code: 'invalid_option',
    });
    return 1;
  }
  return trinomialVariance(p, d);
}

/**
 * Responses needed for an NPS margin of error, by inverting the adjusted-Wald interval (MeasuringU, "Sample Size
 * Estimation for NPS Confidence Intervals"): n = z²·Var/m² − 3 with Var = p + d − (p − d)² on the −1…1 scale.
 *
 * @param options - Target margin in points, confidence and expected shares.
 * @returns The number of responses (rounded up, at least 1).
 * @throws {@link @cx/model!CxValidationError} when the margin, level or shares are invalid.
 * @example
 * ```ts
 * import { npsSampleSizeForMargin } from '@cx/metrics';
 * console.log(npsSampleSizeForMargin({ margin: 5, expected: { promoters: 0.5, detractors: 0.2 } })); // 935
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function npsSampleSizeForMargin(options: NpsMarginPlanOptions): number {
  const issues: ValidationIssue[] = [];
  if (!(options.margin > 0 && options.margin <= 200)) {
    issues.push({
      path: ['margin'],
      message: `Expected a margin in (0, 200] points, got ${options.margin}`,
      code: 'invalid_option',
    });
  }
  const variance = varianceOf(options.expected, ['expected'], issues);
  if (issues.length > 0) throw new CxValidationError(issues);
  const z = zForLevel(options.confidence ?? 0.95);
  const m = options.margin / 100;
  return Math.max(1, Math.ceil((z * z * variance) / (m * m) - 3));
}

/**
 * Responses needed per group to detect an NPS difference (MeasuringU, "Sample Sizes for Comparing Net Promoter
 * Scores"): n = (Var₁ + Var₂)(z_α + z_β)²/d² − 3, with z_α two- or one-sided and z_β = Φ⁻¹(power).
 *
 * @param options - Difference in points, α, power, sides and expected shares.
 * @returns Responses per group (rounded up, at least 1).
 * @throws {@link @cx/model!CxValidationError} when an option is out of range.
 * @example
 * ```ts
 * import { npsSampleSizeForDifference } from '@cx/metrics';
 * console.log(npsSampleSizeForDifference({ difference: 10 })); // 1567
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function npsSampleSizeForDifference(options: NpsDifferencePlanOptions): number {
  const issues: ValidationIssue[] = [];
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const sides = options.sides ?? 'two-sided';
  if (!(options.difference > 0 && options.difference <= 200)) {
    issues.push({
      path: ['difference'],
      message: `Expected a difference in (0, 200] points, got ${options.difference}`,
      code: 'invalid_option',
    });
  }
  if (!(alpha > 0 && alpha < 1))
    issues.push({ path: ['alpha'], message: `Expected α in (0, 1), got ${alpha}`, code: 'invalid_option' });
  if (!(power > 0 && power < 1))
    issues.push({
      path: ['power'],
      message: `Expected power in (0, 1), got ${power}`,
      code: 'invalid_option',
    });
  if (sides !== 'two-sided' && sides !== 'one-sided') {
    issues.push({
      path: ['sides'],
      message: `Expected 'two-sided' or 'one-sided', got ${String(sides)}`,
      code: 'invalid_option',
    });
  }
  const expected = options.expected;
  const pair: readonly [NpsExpectedShares | undefined, NpsExpectedShares | undefined] = Array.isArray(
    expected,
  )
    ? [expected[0], expected[1]]
    : [expected as NpsExpectedShares | undefined, expected as NpsExpectedShares | undefined];
  const v1 = varianceOf(pair[0], ['expected', 0], issues);
  const v2 = varianceOf(pair[1], ['expected', 1], issues);
  if (issues.length > 0) throw new CxValidationError(issues);
  const zAlpha = normalQuantile(1 - (sides === 'two-sided' ? alpha / 2 : alpha));
  const zBeta = normalQuantile(power);
  const d = options.difference / 100;
  return Math.max(1, Math.ceil(((v1 + v2) * (zAlpha + zBeta) ** 2) / (d * d) - 3));
}
