import { CxValidationError, type Scale, type SurveyResponse, type ValidationIssue } from '@cx/model';
import { describeScale, sameScale, scoreProblem, weightIssue } from './scale.js';

/** Throws unless the score fits the scale and the weight is positive and finite. */
export function checkScoreAndWeight(score: number, weight: number, scale: Scale): void {
  const problem = scoreProblem(score, scale);
  const issues: ValidationIssue[] = problem
    ? [{ path: ['score'], message: problem, code: 'invalid_score' }]
    : [];
  const wIssue = weightIssue(weight, ['weight']);
  if (wIssue) issues.push(wIssue);
  if (issues.length > 0) throw new CxValidationError(issues);
}

/** Throws unless the response carries the expected scale. */
export function checkResponseScale(response: SurveyResponse, scale: Scale): void {
  if (typeof response.scale !== 'object' || response.scale === null) {
    throw new CxValidationError([
      { path: ['scale'], message: 'Expected the response to carry its scale', code: 'missing_scale' },
    ]);
  }
  if (!sameScale(response.scale, scale)) {
    throw new CxValidationError([
      {
        path: ['scale'],
        message: `Mixed scales: expected ${describeScale(scale)}, got ${describeScale(response.scale)}`,
        code: 'mixed_scales',
      },
    ]);
  }
}

/** Throws the error for merging accumulators with different configurations. */
export function incompatible(kind: string): never {
  throw new CxValidationError([
    {
      path: ['other'],
      message: `Cannot merge ${kind} accumulators with different options`,
      code: 'incompatible',
    },
  ]);
}
