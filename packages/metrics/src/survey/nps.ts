import type { ScoreInput } from './input.js';
import { readScores } from './input.js';
import {
  NpsAccumulator,
  type NpsClassificationOptions,
  type NpsIntervalOptions,
  type NpsResult,
  resolveNpsCuts,
} from './nps-accumulator.js';

/**
 * Options of {@link nps}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsOptions extends NpsClassificationOptions, NpsIntervalOptions {
  /** One positive weight per raw score (responses carry their own `weight`). */
  readonly weights?: readonly number[];
}

/**
 * Net Promoter Score of raw 0–10 scores or of survey responses, with n, shares, trinomial standard error and a
 * confidence interval (adjusted-Wald by default).
 *
 * Promoters score ≥ `promoterMin` (9), detractors ≤ `detractorMax` (6), passives in between and in the
 * denominator. NPS = 100·(p − d) on −100…100. Weighted input uses weighted shares and Kish's effective n.
 *
 * @param input - Raw scores or `SurveyResponse`s (all on one scale).
 * @param options - Cut points, scale, weights, confidence level and interval method.
 * @returns The result; with no responses `n: 0` and `score: null`.
 * @throws {@link @cx/model!CxValidationError} naming every score out of range, non-integer, NaN, on a different
 * scale, or with a bad weight, e.g. at `['responses', 17, 'score']`.
 * @example
 * ```ts
 * import { nps } from '@cx/metrics';
 * const result = nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]);
 * console.log(result.score); // 20 (5 promoters − 3 detractors of 10)
 * console.log(result.interval?.method); // 'adjusted-wald'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function nps(input: ScoreInput, options: NpsOptions = {}): NpsResult {
  const cuts = resolveNpsCuts(options);
  const { scores, weights, scale } = readScores(input, {
    scale: cuts.scale,
    defaultScale: cuts.scale,
    weights: options.weights,
  });
  const accumulator = new NpsAccumulator({
    scale,
    promoterMin: cuts.promoterMin,
    detractorMax: cuts.detractorMax,
  });
  for (let i = 0; i < scores.length; i++) {
    accumulator.addUnchecked(scores[i] as number, weights === null ? 1 : (weights[i] as number));
  }
  return accumulator.result(options);
}
