import { CxValidationError, levelOption, parseOptions, type ValidationIssue } from '@cx/model';
import { z } from 'zod';
import type { ConfidenceInterval } from './interval.js';
import { zForLevel } from './normal.js';
import { betaQuantile } from './special.js';

/**
 * Options of the proportion intervals.
 *
 * @example
 * ```ts
 * import { wilsonInterval, type ProportionIntervalOptions } from '@cx/stats';
 * const options: ProportionIntervalOptions = { level: 0.9 };
 * console.log(wilsonInterval(7, 50, options)?.level); // 0.9
 * ```
 * @category Proportions
 * @since 0.1.0
 */
export interface ProportionIntervalOptions {
  /** Confidence level strictly between 0 and 1; default `0.95`. */
  readonly level?: number;
}

const intervalOptionsSchema = z.strictObject({ level: levelOption });

/** Checks a count pair: finite, `0 ≤ successes ≤ trials` (weighted counts may be fractional) (internal). */
export function checkCounts(successes: number, trials: number): void {
  const issues: ValidationIssue[] = [];
  if (!(typeof trials === 'number' && trials >= 0 && Number.isFinite(trials))) {
    issues.push({
      path: ['trials'],
      message: `Expected a finite count ≥ 0, got ${trials}`,
      code: 'out_of_range',
    });
  }
  if (!(typeof successes === 'number' && successes >= 0 && successes <= trials)) {
    issues.push({
      path: ['successes'],
      message: `Expected successes between 0 and trials (${trials}), got ${successes}`,
      code: 'out_of_range',
    });
  }
  if (issues.length > 0) throw new CxValidationError(issues);
}

/** The Wilson score interval of `successes / trials` at critical value `z` (internal; counts already checked). */
export function wilsonBounds(successes: number, trials: number, z: number): { lower: number; upper: number } {
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return {
    lower: successes === 0 ? 0 : Math.max(0, Math.min(p, centre - half)),
    upper: successes === trials ? 1 : Math.min(1, Math.max(p, centre + half)),
  };
}

/**
 * Wilson score interval for a binomial proportion (Wilson 1927); good coverage even for small samples and
 * proportions near 0 or 1. Weighted counts may be passed as `successes = p × n_eff`, `trials = n_eff`.
 *
 * @param successes - Number of successes (≥ 0, ≤ trials).
 * @param trials - Number of trials (≥ 0).
 * @param options - `level` (default 0.95).
 * @returns The interval on the 0–1 scale, or `null` when `trials` is 0.
 * @throws {@link @cx/model!CxValidationError} for counts that are negative, non-finite or inconsistent.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option or a level outside (0, 1).
 * @example
 * ```ts
 * import { wilsonInterval } from '@cx/stats';
 * const ci = wilsonInterval(7, 50);
 * console.log(ci?.lower.toFixed(4), ci?.upper.toFixed(4)); // '0.0695' '0.2619'
 * ```
 * @category Proportions
 * @since 0.1.0
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  options?: ProportionIntervalOptions,
): ConfidenceInterval | null {
  const { level } = parseOptions(intervalOptionsSchema, options, 'wilsonInterval');
  checkCounts(successes, trials);
  if (trials === 0) return null;
  return { ...wilsonBounds(successes, trials, zForLevel(level)), level, method: 'wilson' };
}

/**
 * Clopper–Pearson ("exact") interval for a binomial proportion, from beta quantiles (Clopper & Pearson 1934):
 * conservative, never below the nominal coverage.
 *
 * @param successes - Number of successes (an integer, ≤ trials).
 * @param trials - Number of trials.
 * @param options - `level` (default 0.95).
 * @returns The interval on the 0–1 scale, or `null` when `trials` is 0.
 * @throws {@link @cx/model!CxValidationError} for counts that are negative, non-finite or inconsistent.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option or a level outside (0, 1).
 * @example
 * ```ts
 * import { clopperPearsonInterval } from '@cx/stats';
 * const ci = clopperPearsonInterval(7, 50);
 * console.log(ci?.lower.toFixed(4), ci?.upper.toFixed(4)); // '0.0582' '0.2674'
 * ```
 * @category Proportions
 * @since 0.1.0
 */
export function clopperPearsonInterval(
  successes: number,
  trials: number,
  options?: ProportionIntervalOptions,
): ConfidenceInterval | null {
  const { level } = parseOptions(intervalOptionsSchema, options, 'clopperPearsonInterval');
  checkCounts(successes, trials);
  if (trials === 0) return null;
  const alpha = 1 - level;
  const k = successes;
  const n = trials;
  const lower = k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1);
  const upper = k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k);
  return { lower, upper, level, method: 'clopper-pearson' };
}

/**
 * A proportion with its interval: the one result shape for a share of anything (promoters, satisfied responses,
 * negative comments, retained customers), in every package. Values are on the 0–1 scale.
 *
 * @example
 * ```ts
 * import { proportion, type Proportion } from '@cx/stats';
 * const share: Proportion = proportion(7, 50);
 * console.log(share.value, share.interval?.method); // 0.14 'wilson'
 * ```
 * @category Proportions
 * @since 0.2.0
 */
export interface Proportion {
  /** Number of items with the property (unweighted). */
  readonly count: number;
  /** Number of items in the denominator (unweighted). */
  readonly n: number;
  /** The share, 0–1 (weighted when weights were given); `null` when `n` is 0. */
  readonly value: number | null;
  /** Its confidence interval on the 0–1 scale; `null` when `n` is 0. */
  readonly interval: ConfidenceInterval | null;
}

/**
 * Options of {@link proportion}.
 *
 * @example
 * ```ts
 * import { proportion, type ProportionOptions } from '@cx/stats';
 * const options: ProportionOptions = { level: 0.9, method: 'clopper-pearson' };
 * console.log(proportion(3, 10, options).interval?.level); // 0.9
 * ```
 * @category Proportions
 * @since 0.2.0
 */
export interface ProportionOptions {
  /** Confidence level strictly between 0 and 1; default `0.95`. */
  readonly level?: number;
  /** Interval method: `wilson` (default) or `clopper-pearson`. */
  readonly method?: 'wilson' | 'clopper-pearson';
}

const proportionOptionsSchema = z.strictObject({
  level: levelOption,
  method: z
    .enum(['wilson', 'clopper-pearson'], { error: 'Expected "wilson" or "clopper-pearson"' })
    .default('wilson'),
});

/**
 * The share `count / n` with its confidence interval.
 *
 * @param count - Items with the property (an integer ≥ 0).
 * @param n - Items in the denominator (an integer ≥ count).
 * @param options - `level` (default 0.95) and `method` (default `wilson`).
 * @returns The {@link Proportion}.
 * @throws {@link @cx/model!CxValidationError} for counts that are not integers with `0 ≤ count ≤ n`.
 * @throws {@link @cx/model!CxOptionsError} for bad options.
 * @example
 * ```ts
 * import { proportion } from '@cx/stats';
 * const p = proportion(0, 10);
 * console.log(p.value, p.interval?.lower, p.interval?.upper.toFixed(4)); // 0 0 '0.2775'
 * ```
 * @category Proportions
 * @since 0.2.0
 */
export function proportion(count: number, n: number, options?: ProportionOptions): Proportion {
  const o = parseOptions(proportionOptionsSchema, options, 'proportion');
  if (!Number.isInteger(count) || !Number.isInteger(n)) {
    throw new CxValidationError([
      { path: [], message: `Expected whole counts, got ${count} of ${n}`, code: 'invalid_type' },
    ]);
  }
  checkCounts(count, n);
  if (n === 0) return { count, n, value: null, interval: null };
  const interval =
    o.method === 'wilson'
      ? { ...wilsonBounds(count, n, zForLevel(o.level)), level: o.level, method: 'wilson' as const }
      : clopperPearsonInterval(count, n, { level: o.level });
  return { count, n, value: count / n, interval };
}
