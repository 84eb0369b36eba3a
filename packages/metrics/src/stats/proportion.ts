import { CxValidationError, type ValidationIssue } from '@cx/model';
import type { ConfidenceInterval } from './interval.js';
import { zForConfidence } from './normal.js';
import { betaQuantile } from './special.js';

/**
 * Options of {@link wilsonInterval} and {@link clopperPearsonInterval}.
 *
 * @category Statistics
 * @since 0.1.0
 */
export interface ProportionIntervalOptions {
  /** Confidence level strictly between 0 and 1; default `0.95`. */
  readonly confidence?: number;
}

function checkCounts(successes: number, trials: number): void {
  const issues: ValidationIssue[] = [];
  if (!(trials >= 0 && Number.isFinite(trials))) {
    issues.push({
      path: ['trials'],
      message: `Expected a finite count ≥ 0, got ${trials}`,
      code: 'out_of_range',
    });
  }
  if (!(successes >= 0 && successes <= trials)) {
    issues.push({
      path: ['successes'],
      message: `Expected successes between 0 and trials (${trials}), got ${successes}`,
      code: 'out_of_range',
    });
  }
  if (issues.length > 0) throw new CxValidationError(issues);
}

/**
 * Wilson score interval for a binomial proportion (Wilson 1927; recommended by Newcombe 1998).
 *
 * (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). Counts may be fractional (weighted or effective
 * counts). Always inside [0, 1] and always contains p̂.
 *
 * @param successes - Number of successes, 0 ≤ successes ≤ trials.
 * @param trials - Number of trials.
 * @param options - Confidence level.
 * @returns The interval, or `null` when trials is 0.
 * @throws {@link @cx/model!CxValidationError} when the counts or the level are invalid.
 * @example
 * ```ts
 * import { wilsonInterval } from '@cx/metrics';
 * const ci = wilsonInterval(7, 50);
 * console.log(ci?.lower.toFixed(4), ci?.upper.toFixed(4)); // '0.0695' '0.2619'
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  options: ProportionIntervalOptions = {},
): ConfidenceInterval | null {
  const level = options.confidence ?? 0.95;
  const z = zForConfidence(level);
  checkCounts(successes, trials);
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return {
    lower: successes === 0 ? 0 : Math.max(0, Math.min(p, centre - half)),
    upper: successes === trials ? 1 : Math.min(1, Math.max(p, centre + half)),
    level,
    method: 'wilson',
  };
}

/**
 * Exact (Clopper–Pearson) interval for a binomial proportion, from beta quantiles.
 *
 * lower = B⁻¹(α/2; k, n − k + 1) (0 when k = 0), upper = B⁻¹(1 − α/2; k + 1, n − k) (1 when k = n).
 * Matches scipy's `binomtest(k, n).proportion_ci(method='exact')`. Conservative: coverage ≥ the level.
 *
 * @param successes - Number of successes k, 0 ≤ k ≤ n (fractional counts are accepted).
 * @param trials - Number of trials n.
 * @param options - Confidence level.
 * @returns The interval, or `null` when trials is 0.
 * @throws {@link @cx/model!CxValidationError} when the counts or the level are invalid.
 * @example
 * ```ts
 * import { clopperPearsonInterval } from '@cx/metrics';
 * const ci = clopperPearsonInterval(7, 50);
 * console.log(ci?.lower.toFixed(5), ci?.upper.toFixed(5)); // '0.05819' '0.26740'
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function clopperPearsonInterval(
  successes: number,
  trials: number,
  options: ProportionIntervalOptions = {},
): ConfidenceInterval | null {
  const level = options.confidence ?? 0.95;
  zForConfidence(level);
  checkCounts(successes, trials);
  if (trials === 0) return null;
  const alpha = 1 - level;
  const k = successes;
  const n = trials;
  const lower = k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1);
  const upper = k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k);
  return { lower, upper, level, method: 'clopper-pearson' };
}
