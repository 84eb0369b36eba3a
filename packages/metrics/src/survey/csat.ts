import { parseOptions, STANDARD_SCALES } from '@cx/model';
import { z } from 'zod';
import { CsatAccumulator, type CsatResult } from './csat-accumulator.js';
import { type CsatAccumulatorOptions, checkCsatOptions, csatShape } from './csat-options.js';
import { readScores, type ScoreInput, scaleOf, weightsOption } from './input.js';
import { RENAMED_LEVEL } from './options.js';

/**
 * Options of {@link csat}: those of {@link CsatAccumulatorOptions}, plus weights for raw scores. Without `scale`,
 * the scale is the responses' own (raw scores: 1–5).
 *
 * @example
 * ```ts
 * import { csat, type CsatOptions } from '@cx/metrics';
 * const options: CsatOptions = { positive: 'top-box', level: 0.9 };
 * console.log(csat([5, 4, 5, 2], options).score); // 0.5
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CsatOptions extends CsatAccumulatorOptions {
  /** One positive weight per raw score (responses carry their own `weight`). */
  readonly weights?: readonly number[] | undefined;
}

const csatOptionsSchema = z.strictObject({ ...csatShape, weights: weightsOption.optional() });
const csatResolvedSchema = z.strictObject({ ...csatShape, scale: csatShape.scale.unwrap() });
const checkedSchema = csatResolvedSchema.superRefine(checkCsatOptions);

/**
 * Customer satisfaction (CSAT) on any scale: the share of satisfied responses (0–1) with its Wilson interval, and
 * the mean score with its t interval.
 *
 * Default: top-2-box on 1–5 over all responses (SoGoSurvey; Abacum). Vendors differ, so the satisfied set
 * (`positive`), the `neutral` set and the `denominator` are options: Zendesk-style good/(good + bad) is
 * `{ neutral: [3], denominator: 'exclude-neutral' }`; QuestionPro's top box on 1–10 is
 * `{ scale: { min: 1, max: 10, … }, positive: 'top-2-box' }` (9–10).
 *
 * @param input - Raw scores or `SurveyResponse`s on one scale.
 * @param options - Scale, satisfied set, neutral set, denominator, weights and confidence `level`.
 * @returns The result; `score: null` with no responses.
 * @throws {@link @cx/model!CxValidationError} naming every invalid score, weight or scale, e.g. at
 *   `['responses', 3, 'score']`.
 * @throws {@link @cx/model!CxOptionsError} for an unknown or renamed option (`confidence` → `level`), `null`
 *   options, a score of a set off the scale, or a threshold that is not a number on the scale (`{ atLeast: NaN }`).
 * @example
 * ```ts
 * import { csat } from '@cx/metrics';
 * // Simplesat: 7 positive, 1 neutral, 2 negative ⇒ 70 %.
 * console.log(csat([5, 5, 5, 4, 4, 4, 4, 3, 1, 2]).score); // 0.7
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function csat(input: ScoreInput, options?: CsatOptions): CsatResult {
  const { weights, ...rest } = parseOptions(csatOptionsSchema, options, 'csat', { renamed: RENAMED_LEVEL });
  const scale = scaleOf(input, rest.scale, STANDARD_SCALES.csat);
  const resolved = parseOptions(checkedSchema, { ...rest, scale }, 'csat');
  const accumulator = new CsatAccumulator(resolved);
  const read = readScores(input, scale, weights, 'csat');
  for (let i = 0; i < read.scores.length; i++) {
    accumulator.addChecked(read.scores[i] as number, read.weights === null ? 1 : (read.weights[i] as number));
  }
  return accumulator.result();
}
