import { alternativeOption, levelOption, parseOptions } from '@cx/model';
import { type ConfidenceInterval, normalCdf, normalQuantile } from '@cx/stats';
import { z } from 'zod';
import { adjustedWald, type NpsResult } from './nps-accumulator.js';
import { checkNpsResult } from './nps-result-input.js';
import { RENAMED_LEVEL } from './options.js';

/**
 * The alternative hypothesis of a test: `two-sided`, `greater` or `less`.
 *
 * @example
 * ```ts
 * import { compareNps, nps, type Alternative } from '@cx/metrics';
 * const alternative: Alternative = 'greater';
 * console.log(compareNps(nps([10, 10, 9]), nps([3, 2, 8]), { alternative }).alternative); // 'greater'
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export type Alternative = 'two-sided' | 'greater' | 'less';

/**
 * Options of {@link compareNps}.
 *
 * @example
 * ```ts
 * import type { CompareNpsOptions } from '@cx/metrics';
 * const options: CompareNpsOptions = { level: 0.9, alternative: 'greater' };
 * console.log(options.alternative); // 'greater'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CompareNpsOptions {
  /** Confidence level of the interval; the test's α is 1 − level. Default 0.95. */
  readonly level?: number | undefined;
  /** `two-sided` (default): a ≠ b; `greater`: a > b; `less`: a < b. */
  readonly alternative?: Alternative | undefined;
}

/**
 * Two-sample comparison of NPS (a − b) by the adjusted-Wald z-test.
 *
 * @example
 * ```ts
 * import { compareNps, nps, type NpsComparison } from '@cx/metrics';
 * const test: NpsComparison = compareNps(nps([10, 10, 9, 8]), nps([10, 3, 2, 5]));
 * console.log(test.difference, test.alternative); // 125 'two-sided' (75 − (−50))
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsComparison {
  /** Observed difference a.score − b.score in points; `null` when either sample is empty. */
  readonly difference: number | null;
  /** Difference of the adjusted-Wald estimates in points (the centre of the interval). */
  readonly adjustedDifference: number | null;
  /** Standard error of the adjusted difference in points. */
  readonly standardError: number | null;
  /** z statistic. */
  readonly z: number | null;
  /** The alternative hypothesis tested. */
  readonly alternative: Alternative;
  /** p-value for the alternative (two-sided, or one-sided in its direction). */
  readonly pValue: number | null;
  /**
   * Interval of the difference in points at `level`: two-sided, or one-sided for `greater` (upper bound 200) and
   * `less` (lower bound −200), so that it excludes 0 exactly when the test is significant.
   */
  readonly interval: ConfidenceInterval | null;
  /** Whether pValue < 1 − level; `null` when not computable. */
  readonly significant: boolean | null;
}

const compareSchema = z.strictObject({ level: levelOption, alternative: alternativeOption });

/** The p-value of z for an alternative. */
export function pValueOf(z: number, alternative: Alternative): number {
  if (alternative === 'greater') return 1 - normalCdf(z);
  if (alternative === 'less') return normalCdf(z);
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/**
 * Compares two independent NPS samples with the adjusted-Wald z-test (MeasuringU, "How to Statistically Compare
 * Two Net Promoter Scores", evaluated in Lewis & Sauro 2021): each sample gets +3 to n and +¾ to promoters and
 * detractors, then z = (NPS′a − NPS′b)/√(Var′a/n′a + Var′b/n′b). Weighted results use their effective n.
 *
 * @param a - First result (e.g. this quarter).
 * @param b - Second result (e.g. last quarter).
 * @param options - Confidence `level` (α = 1 − level) and `alternative`.
 * @returns Difference, its interval, z and the p-value; `null`s when either sample is empty.
 * @throws {@link @cx/model!CxOptionsError} for an unknown or renamed option (`confidence` → `level`), `null`
 *   options, a level outside (0, 1) or an unknown alternative.
 * @throws {@link @cx/model!CxValidationError} when `a` or `b` is not an NPS result.
 * @example
 * ```ts
 * import { compareNps, nps } from '@cx/metrics';
 * const q2 = nps([...Array(60).fill(10), ...Array(20).fill(8), ...Array(20).fill(2)]);
 * const q1 = nps([...Array(40).fill(10), ...Array(30).fill(8), ...Array(30).fill(2)]);
 * const test = compareNps(q2, q1);
 * console.log(test.difference, test.significant); // 30 true
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function compareNps(a: NpsResult, b: NpsResult, options?: CompareNpsOptions): NpsComparison {
  const { level, alternative } = parseOptions(compareSchema, options, 'compareNps', {
    renamed: RENAMED_LEVEL,
  });
  checkNpsResult(a, 'a');
  checkNpsResult(b, 'b');
  if (a.shares === null || b.shares === null || a.score === null || b.score === null) {
    const none = { adjustedDifference: null, standardError: null, z: null, pValue: null, interval: null };
    return { difference: null, ...none, alternative, significant: null };
  }
  const adjA = adjustedWald(a.shares.promoters, a.shares.detractors, a.effectiveN);
  const adjB = adjustedWald(b.shares.promoters, b.shares.detractors, b.effectiveN);
  const diff = adjA.net - adjB.net;
  const se = Math.sqrt(adjA.se ** 2 + adjB.se ** 2);
  const z = diff / se;
  const pValue = pValueOf(z, alternative);
  const zCrit = normalQuantile(alternative === 'two-sided' ? 1 - (1 - level) / 2 : level);
  const lower = alternative === 'less' ? -200 : Math.max(-200, 100 * (diff - zCrit * se));
  const upper = alternative === 'greater' ? 200 : Math.min(200, 100 * (diff + zCrit * se));
  return {
    difference: a.score - b.score,
    adjustedDifference: 100 * diff,
    standardError: 100 * se,
    z,
    alternative,
    pValue,
    interval: { lower, upper, level, method: 'adjusted-wald' },
    significant: pValue < 1 - level,
  };
}
