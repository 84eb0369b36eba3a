import { parseOptions } from '@cx/model';
import { z } from 'zod';
import { readScores, type ScoreInput, weightsOption } from './input.js';
import { NpsAccumulator, type NpsResult } from './nps-accumulator.js';
import {
  checkNpsOptions,
  NPS_RENAMED,
  type NpsAccumulatorOptions,
  npsAccumulatorShape,
} from './nps-options.js';

/**
 * Options of {@link nps}: those of {@link NpsAccumulatorOptions}, plus weights for raw scores.
 *
 * @example
 * ```ts
 * import { nps, type NpsOptions } from '@cx/metrics';
 * const options: NpsOptions = { level: 0.9, weights: [2, 1, 1] };
 * console.log(nps([10, 0, 8], options).score); // 25
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsOptions extends NpsAccumulatorOptions {
  /** One positive weight per raw score (responses carry their own `weight`). */
  readonly weights?: readonly number[] | undefined;
}

const npsOptionsSchema = z
  .strictObject({ ...npsAccumulatorShape, weights: weightsOption.optional() })
  .superRefine(checkNpsOptions);

/**
 * Net Promoter Score of raw 0–10 scores or of survey responses, with n, shares, trinomial standard error and a
 * confidence interval (adjusted-Wald by default).
 *
 * Promoters score ≥ `promoterMin` (9), detractors ≤ `detractorMax` (6), passives in between and in the
 * denominator. NPS = 100·(p − d), in points on −100…100. Weighted input uses weighted shares and Kish's effective n.
 *
 * @param input - Raw scores or `SurveyResponse`s (all on one scale, by default 0–10).
 * @param options - Cut points, scale, weights, confidence `level` and interval `method`.
 * @returns The result; with no responses `n: 0` and `score: null`.
 * @throws {@link @cx/model!CxValidationError} naming every score out of range, non-integer, NaN, on a different
 * scale, or with a bad weight, e.g. at `['responses', 17, 'score']`.
 * @throws {@link @cx/model!CxOptionsError} for an unknown or renamed option (`confidence` → `level`, `interval` →
 * `method`), `null` options, or a value out of range.
 * @example
 * ```ts
 * import { nps } from '@cx/metrics';
 * const result = nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]);
 * console.log(result.score); // 20 (5 promoters − 3 detractors of 10)
 * console.log(result.interval?.method, nps([10, 9, 3], { level: 0.9 }).interval?.level); // 'adjusted-wald' 0.9
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function nps(input: ScoreInput, options?: NpsOptions): NpsResult {
  const { weights, ...accumulatorOptions } = parseOptions(npsOptionsSchema, options, 'nps', {
    renamed: NPS_RENAMED,
  });
  const accumulator = new NpsAccumulator(accumulatorOptions);
  const read = readScores(input, accumulatorOptions.scale, weights, 'nps');
  for (let i = 0; i < read.scores.length; i++) {
    accumulator.addChecked(read.scores[i] as number, read.weights === null ? 1 : (read.weights[i] as number));
  }
  return accumulator.result();
}
