import { STANDARD_SCALES } from '@cx/model';
import { CesAccumulator, type CesClassificationOptions, type CesResult } from './ces-accumulator.js';
import { readScores, type ScoreInput } from './input.js';

/**
 * Options of {@link ces}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CesOptions extends CesClassificationOptions {
  /** Confidence level; default 0.95. */
  readonly confidence?: number;
  /** One positive weight per raw score (responses carry their own `weight`). */
  readonly weights?: readonly number[];
}

/**
 * Customer Effort Score: CES 2.0 (1–7 agreement with "made it easy", higher is easier; Dixon, Toman & DeLisi 2013)
 * or the legacy reversed 1–5 effort scale, the direction taken from the responses' scale. Reports the mean with
 * its t interval, the share of low effort (on CES 2.0 the share agreeing, ≥ 5 of 7) with its Wilson interval, and
 * an ease score on 0…100 comparable across the two scales.
 *
 * @param input - Raw scores (on `options.scale`, default CES 2.0) or `SurveyResponse`s on one scale.
 * @param options - Scale, low-effort set, weights and confidence level.
 * @returns The result; `score: null` with no responses.
 * @throws {@link @cx/model!CxValidationError} naming every invalid score, weight or mixed scale.
 * @example
 * ```ts
 * import { ces } from '@cx/metrics';
 * const r = ces([7, 6, 5, 5, 4, 2]);
 * console.log(r.score?.toFixed(2), r.lowEffort.score?.toFixed(1)); // '4.83' '66.7'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function ces(input: ScoreInput, options: CesOptions = {}): CesResult {
  const { scores, weights, scale } = readScores(input, {
    scale: options.scale,
    defaultScale: STANDARD_SCALES.ces,
    weights: options.weights,
  });
  const accumulator = new CesAccumulator({ ...options, scale });
  for (let i = 0; i < scores.length; i++) {
    accumulator.addUnchecked(scores[i] as number, weights === null ? 1 : (weights[i] as number));
  }
  return accumulator.result(options);
}
