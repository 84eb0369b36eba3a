import {
  CxValidationError,
  type Feedback,
  feedbackSchema,
  type Journey,
  journeySchema,
  type SurveyResponse,
  safeValidate,
  surveyResponseSchema,
  type ValidationIssue,
  validate,
} from '@cx/model';

/**
 * Checks a designed journey against the model's schema (internal): stage health, desired actions and omnichannel
 * read its stages, touchpoints and actions, so a malformed one is a typed error, not a TypeError deep inside.
 *
 * @param journey - The journey as given.
 * @param at - Its path in the caller's arguments (e.g. `['options', 'journey']`).
 * @returns The journey as the schema reads it.
 * @throws {@link @cx/model!CxValidationError} listing every issue under `at`.
 */
export function checkJourney(journey: unknown, at: ReadonlyArray<string | number> = ['journey']): Journey {
  return validate(journeySchema, journey, { subject: 'journey', at });
}

/**
 * Checks survey responses and feedback joined to stages (internal), reporting every bad record at once.
 *
 * @throws {@link @cx/model!CxValidationError} naming each record, e.g. `['surveys', 3, 'score']`.
 */
export function checkVoice(
  surveys: readonly unknown[],
  feedback: readonly unknown[],
): { surveys: SurveyResponse[]; feedback: Feedback[] } {
  const issues: ValidationIssue[] = [];
  const out = { surveys: [] as SurveyResponse[], feedback: [] as Feedback[] };
  surveys.forEach((r, i) => {
    const result = safeValidate(surveyResponseSchema, r, { at: ['surveys', i] });
    if (result.success) out.surveys.push(result.data);
    else issues.push(...result.error.issues);
  });
  feedback.forEach((f, i) => {
    const result = safeValidate(feedbackSchema, f, { at: ['feedback', i] });
    if (result.success) out.feedback.push(result.data);
    else issues.push(...result.error.issues);
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'survey responses and feedback' });
  return out;
}
