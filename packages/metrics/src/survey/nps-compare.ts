import { CxValidationError } from '@cx/model';
import { type ConfidenceInterval, normalCdf, zForLevel } from '@cx/stats';
import { adjustedWald, type NpsResult } from './nps-accumulator.js';

/**
 * Options of {@link compareNps}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CompareNpsOptions {
  /** Confidence level of the interval; the test's α is 1 − confidence. Default 0.95. */
  readonly confidence?: number;
}

/**
 * Two-sample comparison of NPS (a − b) by the adjusted-Wald z-test.
 *
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
  /** Two-sided p-value. */
  readonly pValue: number | null;
  /** One-sided p-value for "a is greater than b". */
  readonly pValueGreater: number | null;
  /** One-sided p-value for "a is less than b". */
  readonly pValueLess: number | null;
  /** Interval of the difference in points. */
  readonly interval: ConfidenceInterval | null;
  /** Whether the two-sided p-value is below α = 1 − confidence; `null` when not computable. */
  readonly significant: boolean | null;
}

/**
 * Compares two independent NPS samples with the adjusted-Wald z-test (MeasuringU, "How to Statistically Compare
 * Two Net Promoter Scores", evaluated in Lewis & Sauro 2021): each sample gets +3 to n and +¾ to promoters and
 * detractors, then z = (NPS′a − NPS′b)/√(Var′a/n′a + Var′b/n′b). Weighted results use their effective n.
 *
 * @param a - First result (e.g. this quarter).
 * @param b - Second result (e.g. last quarter).
 * @param options - Confidence level (α = 1 − confidence).
 * @returns Difference, its interval, z and p-values; all `null` when either sample is empty.
 * @throws {@link @cx/model!CxValidationError} when the confidence level is invalid.
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
export function compareNps(a: NpsResult, b: NpsResult, options: CompareNpsOptions = {}): NpsComparison {
  const level = options.confidence ?? 0.95;
  const zCrit = zForLevel(level);
  if (a.shares === null || b.shares === null || a.score === null || b.score === null) {
    return {
      difference: null,
      adjustedDifference: null,
      standardError: null,
      z: null,
      pValue: null,
      pValueGreater: null,
      pValueLess: null,
      interval: null,
      significant: null,
    };
  }
  const adjA = adjustedWald(a.shares.promoters, a.shares.detractors, a.effectiveN);
  const adjB = adjustedWald(b.shares.promoters, b.shares.detractors, b.effectiveN);
  const diff = adjA.net - adjB.net;
  const se = Math.sqrt(adjA.se ** 2 + adjB.se ** 2);
  const z = diff / se;
  const pValueGreater = 1 - normalCdf(z);
  const pValueLess = normalCdf(z);
  const pValue = Math.min(1, 2 * Math.min(pValueGreater, pValueLess));
  return {
    difference: a.score - b.score,
    adjustedDifference: 100 * diff,
    standardError: 100 * se,
    z,
    pValue,
    pValueGreater,
    pValueLess,
    interval: {
      lower: Math.max(-200, 100 * (diff - zCrit * se)),
      upper: Math.min(200, 100 * (diff + zCrit * se)),
      level,
      method: 'adjusted-wald',
    },
    significant: pValue < 1 - level,
  };
}

/**
 * Options of {@link npsBenchmarkTest}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsBenchmarkOptions {
  /** Confidence level; the one-tailed test's α is 1 − confidence. Default 0.95 (significant when z > 1.645). */
  readonly confidence?: number;
  /** Direction of the alternative: the NPS is `greater` (default) or `less` than the benchmark. */
  readonly alternative?: 'greater' | 'less';
}

/**
 * Result of {@link npsBenchmarkTest}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsBenchmarkTest {
  /** The benchmark, in points. */
  readonly benchmark: number;
  /** The observed NPS; `null` when the sample is empty. */
  readonly score: number | null;
  /** Adjusted-Wald estimate in points. */
  readonly adjustedScore: number | null;
  /** Adjusted-Wald standard error in points. */
  readonly standardError: number | null;
  /** z = (NPS′ − benchmark)/SE′. */
  readonly z: number | null;
  /** One-tailed p-value in the direction of `alternative`. */
  readonly pValue: number | null;
  /** Whether pValue < α; `null` when the sample is empty. */
  readonly significant: boolean | null;
}

/**
 * One-sample, one-tailed test of an NPS against a benchmark value (MeasuringU, "How to Compare a Net Promoter
 * Score with a Benchmark", 2021): z = (NPS′ − benchmark)/SE′ on the adjusted-Wald estimate; at 95% confidence the
 * score beats the benchmark when z > 1.645.
 *
 * @param result - The NPS result.
 * @param benchmark - Benchmark NPS in points, −100…100.
 * @param options - Confidence level and direction.
 * @returns z, one-tailed p-value and the verdict; `null` fields when the sample is empty.
 * @throws {@link @cx/model!CxValidationError} when the benchmark or options are invalid.
 * @example
 * ```ts
 * import { nps, npsBenchmarkTest } from '@cx/metrics';
 * const ours = nps([...Array(60).fill(10), ...Array(25).fill(8), ...Array(15).fill(3)]);
 * console.log(npsBenchmarkTest(ours, 17.5).significant); // true
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function npsBenchmarkTest(
  result: NpsResult,
  benchmark: number,
  options: NpsBenchmarkOptions = {},
): NpsBenchmarkTest {
  const level = options.confidence ?? 0.95;
  zForLevel(level);
  const alternative = options.alternative ?? 'greater';
  if (!(benchmark >= -100 && benchmark <= 100) || (alternative !== 'greater' && alternative !== 'less')) {
    throw new CxValidationError([
      {
        path: !(benchmark >= -100 && benchmark <= 100) ? ['benchmark'] : ['options', 'alternative'],
        message: `Expected a benchmark in −100…100 and alternative 'greater' or 'less', got ${benchmark}, ${String(alternative)}`,
        code: 'invalid_option',
      },
    ]);
  }
  if (result.shares === null || result.score === null) {
    return {
      benchmark,
      score: null,
      adjustedScore: null,
      standardError: null,
      z: null,
      pValue: null,
      significant: null,
    };
  }
  const adj = adjustedWald(result.shares.promoters, result.shares.detractors, result.effectiveN);
  const z = (adj.net - benchmark / 100) / adj.se;
  const pValue = alternative === 'greater' ? 1 - normalCdf(z) : normalCdf(z);
  return {
    benchmark,
    score: result.score,
    adjustedScore: 100 * adj.net,
    standardError: 100 * adj.se,
    z,
    pValue,
    significant: pValue < 1 - level,
  };
}
