import { CxValidationError, type Scale, type SurveyResponse, type ValidationIssue } from '@cx/model';
import { describeScale, sameScale, scaleIssues, scoreProblem, weightIssue } from './scale.js';

/**
 * Input of the survey metrics: raw scores, or survey responses that carry their own scale and weight.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export type ScoreInput = readonly number[] | readonly SurveyResponse[];

/** Validated scores with their weights (null when all weights are 1) and the resolved scale. */
export interface ReadScores {
  readonly scores: readonly number[];
  readonly weights: readonly number[] | null;
  readonly scale: Scale;
}

/** Options shared by every reader of a {@link ScoreInput}. */
export interface ReadScoresOptions {
  readonly scale?: Scale | undefined;
  readonly defaultScale: Scale;
  readonly weights?: readonly number[] | undefined;
}

/**
 * Validates raw scores or responses against one scale, collecting every issue with its position.
 * Responses take their scale from the response; all must share one scale (and match `options.scale` if given).
 */
export function readScores(input: ScoreInput, options: ReadScoresOptions): ReadScores {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(input)) {
    throw new CxValidationError([
      { path: [], message: 'Expected an array of scores or survey responses', code: 'invalid_type' },
    ]);
  }
  if (options.scale !== undefined) issues.push(...scaleIssues(options.scale, ['options', 'scale']));
  const first: unknown = input[0];
  const responses = typeof first === 'object' && first !== null;
  let scale: Scale = options.scale ?? options.defaultScale;
  if (responses) {
    const firstScale = (first as SurveyResponse).scale;
    if (options.scale === undefined && typeof firstScale === 'object' && firstScale !== null)
      scale = firstScale;
  }
  const scores: number[] = new Array(input.length);
  let weights: number[] | null = null;
  if (options.weights !== undefined) {
    if (responses) {
      issues.push({
        path: ['options', 'weights'],
        message: 'Weights are taken from the responses; pass options.weights only with raw scores',
        code: 'invalid_option',
      });
    } else if (options.weights.length !== input.length) {
      issues.push({
        path: ['options', 'weights'],
        message: `Expected ${input.length} weights (one per score), got ${options.weights.length}`,
        code: 'length_mismatch',
      });
    } else {
      weights = [];
      options.weights.forEach((w, i) => {
        const issue = weightIssue(w, ['weights', i]);
        if (issue) issues.push(issue);
        (weights as number[]).push(w);
      });
    }
  }
  for (let i = 0; i < input.length; i++) {
    const item: unknown = input[i];
    if (responses) {
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
      if (problem) issues.push({ path: ['responses', i, 'score'], message: problem, code: 'invalid_score' });
      scores[i] = r.score;
      const w = r.weight ?? 1;
      const issue = weightIssue(w, ['responses', i, 'weight']);
      if (issue) issues.push(issue);
      if (w !== 1 && weights === null) weights = Array.from({ length: input.length }, () => 1);
      if (weights !== null) weights[i] = w;
    } else {
      const problem = scoreProblem(item, scale);
      if (problem) {
        issues.push({
          path: ['scores', i],
          message: typeof item === 'object' ? 'Expected a number (mixed input)' : problem,
          code: 'invalid_score',
        });
      }
      scores[i] = item as number;
    }
  }
  if (issues.length > 0) throw new CxValidationError(issues);
  return { scores, weights, scale };
}
