import {
  customerSchema,
  feedbackSchema,
  interactionSchema,
  orderSchema,
  safeValidate,
  surveyResponseSchema,
  type ValidationResult,
} from '@cx/model';
import type { z } from 'zod';
import type { ModelCandidate, ModelKind } from './source.js';

const SCHEMAS: Record<ModelKind, z.ZodType> = {
  customer: customerSchema,
  interaction: interactionSchema,
  surveyResponse: surveyResponseSchema,
  order: orderSchema,
  feedback: feedbackSchema,
};

const SUBJECTS: Record<ModelKind, string> = {
  customer: 'Customer',
  interaction: 'Interaction',
  surveyResponse: 'SurveyResponse',
  order: 'Order',
  feedback: 'Feedback',
};

/**
 * Validates a mapped candidate against the `@cx/model` schema of its kind.
 *
 * @internal
 */
export function validateCandidate(candidate: ModelCandidate): ValidationResult<unknown> {
  return safeValidate(SCHEMAS[candidate.kind], candidate.value, { subject: SUBJECTS[candidate.kind] });
}
