import { STANDARD_SCALES } from '@cx/model';
import { CsatAccumulator, type CsatClassificationOptions, type CsatResult } from './csat-accumulator.js';
import { readScores, type ScoreInput } from './input.js';

/**
 * Options of {@link csat}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CsatOptions extends CsatClassificationOptions {
  /** Confidence level; default 0.95. */
  readonly confidence?: number;
  /** One positive weight per raw score (responses carry their own `weight`). */
  readonly weights?: readonly number[];
}

/**
 * Customer satisfaction (CSAT) on any scale: the share of satisfied responses with its Wilson interval, and the
 * mean score with its t interval.
 *
 * Default: top-2-box on 1–5 over all responses (SoGoSurvey; Abacum). Vendors differ, so the satisfied set
 * (`positive`), the `neutral` set and the `denominator` are options: Zendesk-style good/(good + bad) is
 * `{ neutral: [3], denominator: 'exclude-neutral' }`; QuestionPro's top box on 1–10 is
 * `{ scale: {min: 1, max: 10, …}, positive: 'top-2-box' }` (9–10).
 *
 * @param input - Raw scores or `SurveyResponse`s on one scale.
 * @param options - Scale, satisfied set, neutral set, denominator, weights and confidence level.
 * @returns The result; `score: null` with no responses.
 * @throws {@link @cx/model!CxValidationError} naming every invalid score, weight, scale or option.
 * @example
 * ```ts
 * import { csat } from '@cx/metrics';
 * // Simplesat: 7 positive, 1 neutral, 2 negative ⇒ 70%.
 * console.log(csat([5, 5, 5, 4, 4, 4, 4, 3, 1, 2]).score); // 70
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function csat(input: ScoreInput, options: CsatOptions = {}): CsatResult {
  const { scores, weights, scale } = readScores(input, {
    scale: options.scale,
    defaultScale: STANDARD_SCALES.csat,
    weights: options.weights,
  });
  const accumulator = new CsatAccumulator({ ...options, scale });
  for (let i = 0; i < scores.length; i++) {
    accumulator.addUnchecked(scores[i] as number, weights === null ? 1 : (weights[i] as number));
  }
  return accumulator.result(options);
}
