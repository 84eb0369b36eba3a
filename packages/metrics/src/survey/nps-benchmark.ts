import { CxValidationError, levelOption, parseOptions } from '@cx/model';
import { z } from 'zod';
import { adjustedWald, type NpsResult } from './nps-accumulator.js';
import { type Alternative, pValueOf } from './nps-compare.js';
import { checkNpsResult } from './nps-result-input.js';
import { RENAMED_LEVEL } from './options.js';

/**
 * Options of {@link npsBenchmarkTest}.
 *
 * @example
 * ```ts
 * import type { NpsBenchmarkOptions } from '@cx/metrics';
 * const options: NpsBenchmarkOptions = { level: 0.9, alternative: 'less' };
 * console.log(options.alternative); // 'less'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsBenchmarkOptions {
  /** Confidence level; the test's α is 1 − level. Default 0.95 (one-tailed: significant when z > 1.645). */
  readonly level?: number | undefined;
  /**
   * The alternative: the NPS is `greater` than the benchmark (default, MeasuringU's one-tailed test), `less`, or
   * different from it (`two-sided`).
   */
  readonly alternative?: Alternative | undefined;
}

/**
 * Result of {@link npsBenchmarkTest}.
 *
 * @example
 * ```ts
 * import { nps, npsBenchmarkTest, type NpsBenchmarkTest } from '@cx/metrics';
 * const test: NpsBenchmarkTest = npsBenchmarkTest(nps([]), 20);
 * console.log(test.benchmark, test.z); // 20 null
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsBenchmarkTest {
  /** The benchmark, in points. */
  readonly benchmark: number;
  /** The observed NPS in points; `null` when the sample is empty. */
  readonly score: number | null;
  /** Adjusted-Wald estimate in points. */
  readonly adjustedScore: number | null;
  /** Adjusted-Wald standard error in points. */
  readonly standardError: number | null;
  /** z = (NPS′ − benchmark)/SE′. */
  readonly z: number | null;
  /** The alternative hypothesis tested. */
  readonly alternative: Alternative;
  /** p-value for the alternative. */
  readonly pValue: number | null;
  /** Whether pValue < 1 − level; `null` when the sample is empty. */
  readonly significant: boolean | null;
}

const benchmarkSchema = z.strictObject({
  level: levelOption,
  alternative: z
    .enum(['two-sided', 'greater', 'less'], { error: 'Expected "two-sided", "greater" or "less"' })
    .default('greater'),
});

/**
 * Test of an NPS against a benchmark value (MeasuringU, "How to Compare a Net Promoter Score with a Benchmark",
 * 2021): z = (NPS′ − benchmark)/SE′ on the adjusted-Wald estimate; by default one-tailed (`greater`), so at 95 % the
 * score beats the benchmark when z > 1.645.
 *
 * @param result - The NPS result.
 * @param benchmark - Benchmark NPS in points, −100…100.
 * @param options - Confidence `level` and `alternative` (default `greater`).
 * @returns z, p-value and the verdict; `null` fields when the sample is empty.
 * @throws {@link @cx/model!CxValidationError} when the benchmark is not a number in −100…100 or `result` is not an
 *   NPS result.
 * @throws {@link @cx/model!CxOptionsError} for an unknown or renamed option, `null` options or a value out of range.
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
  options?: NpsBenchmarkOptions,
): NpsBenchmarkTest {
  const { level, alternative } = parseOptions(benchmarkSchema, options, 'npsBenchmarkTest', {
    renamed: RENAMED_LEVEL,
  });
  if (!(typeof benchmark === 'number' && benchmark >= -100 && benchmark <= 100)) {
    throw new CxValidationError([
      {
        path: ['benchmark'],
        message: `Expected a benchmark in NPS points, −100…100, got ${benchmark}`,
        code: 'out_of_range',
      },
    ]);
  }
  checkNpsResult(result, 'result');
  if (result.shares === null || result.score === null) {
    const none = { score: null, adjustedScore: null, standardError: null, z: null, pValue: null };
    return { benchmark, ...none, alternative, significant: null };
  }
  const adj = adjustedWald(result.shares.promoters, result.shares.detractors, result.effectiveN);
  const z = (adj.net - benchmark / 100) / adj.se;
  const pValue = pValueOf(z, alternative);
  return {
    benchmark,
    score: result.score,
    adjustedScore: 100 * adj.net,
    standardError: 100 * adj.se,
    z,
    alternative,
    pValue,
    significant: pValue < 1 - level,
  };
}
