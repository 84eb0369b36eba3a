import {
  CxOptionsError,
  CxValidationError,
  type Scale,
  type SurveyResponse,
  type ValidationIssue,
} from '@cx/model';
import { z } from 'zod';
import { dataScaleIssues, describeScale, sameScale, scoreProblem, weightIssue } from './scale.js';

/**
 * Input of the survey metrics: raw scores, or survey responses that carry their own scale and weight.
 *
 * @example
 * ```ts
 * import { nps, type ScoreInput } from '@cx/metrics';
 * const scores: ScoreInput = [10, 9, 3];
 * console.log(nps(scores).n); // 3
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export type ScoreInput = readonly number[] | readonly SurveyResponse[];

/** The `weights` option of `nps`, `csat` and `ces`: an array, one weight per raw score (checked as data). */
export const weightsOption = z.custom<readonly number[]>((v) => Array.isArray(v), {
  error: 'Expected an array of weights, one per raw score',
});

/** Validated scores with their weights (null when all weights are 1). */
export interface ReadScores {
  readonly scores: readonly number[];
  readonly weights: readonly number[] | null;
}

function isResponses(input: readonly unknown[]): boolean {
  const first = input[0];
  return typeof first === 'object' && first !== null;
}

/** Throws unless the input is an array (internal). */
function checkArray(input: unknown): asserts input is readonly unknown[] {
  if (!Array.isArray(input)) {
    throw new CxValidationError([
      { path: [], message: 'Expected an array of scores or survey responses', code: 'invalid_type' },
    ]);
  }
}

/**
 * The scale of a computation: the option when given, else the first response's own scale (checked as data), else
 * the metric's standard scale.
 *
 * @param input - Raw scores or responses.
 * @param scale - The `scale` option, if given.
 * @param standard - The metric's standard scale.
 * @returns The scale.
 * @throws {@link @cx/model!CxValidationError} when the input is not an array or the first response's scale is bad.
 */
export function scaleOf(input: ScoreInput, scale: Scale | undefined, standard: Scale): Scale {
  checkArray(input);
  if (scale !== undefined || !isResponses(input)) return scale ?? { ...standard };
  const own: unknown = (input[0] as SurveyResponse).scale;
  if (typeof own !== 'object' || own === null) return { ...standard }; // reported per response by readScores
  const issues = dataScaleIssues(own, ['responses', 0, 'scale']);
  if (issues.length > 0) throw new CxValidationError(issues);
  return own as Scale;
}

/**
 * Validates raw scores or responses against one scale, collecting every issue with its position. Responses must
 * all carry that scale; weights come from the responses, or from the `weights` option for raw scores.
 *
 * @param input - Raw scores or responses.
 * @param scale - The scale every score must fit.
 * @param weights - The `weights` option, if given.
 * @param subject - The calling function, for an options error.
 * @returns The scores and weights.
 * @throws {@link @cx/model!CxValidationError} naming every bad score, weight or scale.
 * @throws {@link @cx/model!CxOptionsError} when `weights` is given with responses.
 */
export function readScores(
  input: ScoreInput,
  scale: Scale,
  weights: readonly unknown[] | undefined,
  subject: string,
): ReadScores {
  checkArray(input);
  const responses = isResponses(input);
  if (weights !== undefined && responses) {
    throw new CxOptionsError(subject, [
      {
        path: ['weights'],
        message: 'Weights are taken from the responses; pass the weights option only with raw scores',
        code: 'conflicting_options',
      },
    ]);
  }
  const issues: ValidationIssue[] = [];
  if (weights !== undefined && weights.length !== input.length) {
    issues.push({
      path: ['weights'],
      message: `Expected ${input.length} weights (one per score), got ${weights.length}`,
      code: 'length_mismatch',
    });
  }
  const scores: number[] = new Array(input.length);
  let out: number[] | null = null;
  if (weights !== undefined && weights.length === input.length) {
    out = new Array(input.length);
    for (let i = 0; i < weights.length; i++) {
      const issue = weightIssue(weights[i], ['weights', i]);
      if (issue !== null) issues.push(issue);
      out[i] = weights[i] as number;
    }
  }
  for (let i = 0; i < input.length; i++) {
    const item: unknown = input[i];
    if (!responses) {
      const problem = scoreProblem(item, scale);
      if (problem !== null) {
        const message = typeof item === 'object' ? 'Expected a number (mixed input)' : problem;
        issues.push({ path: ['scores', i], message, code: 'invalid_score' });
      }
      scores[i] = item as number;
      continue;
    }
    if (typeof item !== 'object' || item === null) {
      issues.push({
        path: ['responses', i],
        message: 'Expected a survey response (mixed input)',
        code: 'invalid_type',
      });
      continue;
    }
    const r = item as SurveyResponse;
    if (typeof r.scale !== 'object' || r.scale === null) {
      issues.push({
        path: ['responses', i, 'scale'],
        message: 'Expected the response to carry its scale',
        code: 'missing_scale',
      });
      continue;
    }
    if (!sameScale(r.scale, scale)) {
      issues.push({
        path: ['responses', i, 'scale'],
        message: `Mixed scales: expected ${describeScale(scale)}, got ${describeScale(r.scale)}`,
        code: 'mixed_scales',
      });
      continue;
    }
    const problem = scoreProblem(r.score, scale);
    if (problem !== null)
      issues.push({ path: ['responses', i, 'score'], message: problem, code: 'invalid_score' });
    scores[i] = r.score;
    const w = r.weight ?? 1;
    const issue = weightIssue(w, ['responses', i, 'weight']);
    if (issue !== null) issues.push(issue);
    if (w !== 1 && out === null) out = Array.from({ length: input.length }, () => 1);
    if (out !== null) out[i] = w;
  }
  if (issues.length > 0) throw new CxValidationError(issues);
  return { scores, weights: out };
}
