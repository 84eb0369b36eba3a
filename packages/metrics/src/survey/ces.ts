import { parseOptions, STANDARD_SCALES } from '@cx/model';
import { z } from 'zod';
import { CesAccumulator, type CesResult } from './ces-accumulator.js';
import { type CesAccumulatorOptions, cesShape, checkCesOptions } from './ces-options.js';
import { readScores, type ScoreInput, scaleOf, weightsOption } from './input.js';
import { RENAMED_LEVEL } from './options.js';

/**
 * Options of {@link ces}: those of {@link CesAccumulatorOptions}, plus weights for raw scores. Without `scale`, the
 * scale is the responses' own (raw scores: CES 2.0, 1–7).
 *
 * @example
 * ```ts
 * import { ces, type CesOptions } from '@cx/metrics';
 * const options: CesOptions = { weights: [1, 3] };
 * console.log(ces([7, 3], options).score); // 4
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CesOptions extends CesAccumulatorOptions {
  /** One positive weight per raw score (responses carry their own `weight`). */
  readonly weights?: readonly number[] | undefined;
}

const cesOptionsSchema = z.strictObject({ ...cesShape, weights: weightsOption.optional() });
const checkedSchema = z
  .strictObject({ ...cesShape, scale: cesShape.scale.unwrap() })
  .superRefine(checkCesOptions);

/**
 * Customer Effort Score: CES 2.0 (1–7 agreement with "made it easy", higher is easier; Dixon, Toman & DeLisi 2013)
 * or the legacy reversed 1–5 effort scale, the direction taken from the responses' scale. Reports the mean with
 * its t interval, the share of low effort (0–1; on CES 2.0 the share agreeing, ≥ 5 of 7) with its Wilson interval,
 * and an ease score on 0…100 comparable across the two scales.
 *
 * @param input - Raw scores (on `options.scale`, default CES 2.0) or `SurveyResponse`s on one scale.
 * @param options - Scale, low-effort set, weights and confidence `level`.
 * @returns The result; `score: null` with no responses.
 * @throws {@link @cx/model!CxValidationError} naming every invalid score, weight or mixed scale.
 * @throws {@link @cx/model!CxOptionsError} for an unknown or renamed option (`confidence` → `level`), `null`
 *   options or a low-effort score off the scale.
 * @example
 * ```ts
 * import { ces } from '@cx/metrics';
 * const r = ces([7, 6, 5, 5, 4, 2]);
 * console.log(r.score?.toFixed(2), r.lowEffort.value?.toFixed(3)); // '4.83' '0.667'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function ces(input: ScoreInput, options?: CesOptions): CesResult {
  const { weights, ...rest } = parseOptions(cesOptionsSchema, options, 'ces', { renamed: RENAMED_LEVEL });
  const scale = scaleOf(input, rest.scale, STANDARD_SCALES.ces);
  const resolved = parseOptions(checkedSchema, { ...rest, scale }, 'ces');
  const accumulator = new CesAccumulator(resolved);
  const read = readScores(input, scale, weights, 'ces');
  for (let i = 0; i < read.scores.length; i++) {
    accumulator.addChecked(read.scores[i] as number, read.weights === null ? 1 : (read.weights[i] as number));
  }
  return accumulator.result();
}
