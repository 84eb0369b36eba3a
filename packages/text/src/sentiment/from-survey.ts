import type { Feedback, SurveyResponse } from '@cx/model';

/**
 * Turns the open comments of survey responses into {@link @cx/model!Feedback} records, so that NPS, CSAT
 * or CES comments can be scored, broken down by stage, touchpoint and channel, and mined for themes.
 *
 * Responses without a comment carry no text and are not turned into feedback; compare the lengths of
 * input and output to report the comment rate. The score is kept as `rating`, the response id as
 * `surveyResponseId`, the survey metric in `properties.metric`.
 *
 * @param responses - Parsed survey responses.
 * @returns One feedback record per response with a `comment`, in input order.
 * @example
 * ```ts
 * import { feedbackFromSurveyResponses, scoreFeedback, sentimentBreakdown } from '@cx/text';
 * import { STANDARD_SCALES } from '@cx/model';
 * const feedback = feedbackFromSurveyResponses([
 *   { id: 'r1', surveyId: 's', metric: 'nps', scale: STANDARD_SCALES.nps, score: 3, respondedAt: '2026-03-02T12:00:00Z',
 *     stageId: 'delivery', comment: 'Kurier się spóźnił', weight: 1, properties: {} },
 *   { id: 'r2', surveyId: 's', metric: 'nps', scale: STANDARD_SCALES.nps, score: 10, respondedAt: '2026-03-02T13:00:00Z',
 *     stageId: 'delivery', weight: 1, properties: {} },
 * ]);
 * console.log(feedback.length, feedback[0]?.rating); // 1 3
 * console.log(sentimentBreakdown(scoreFeedback(feedback), 'stageId')[0]?.summary.net); // -1
 * ```
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export function feedbackFromSurveyResponses(responses: readonly SurveyResponse[]): Feedback[] {
  const out: Feedback[] = [];
  for (const r of responses) {
    if (r.comment === undefined) continue;
    out.push({
      id: r.id,
      text: r.comment,
      source: 'survey',
      createdAt: r.respondedAt,
      rating: r.score,
      surveyResponseId: r.id,
      properties: { ...r.properties, metric: r.metric, surveyId: r.surveyId },
      ...(r.language === undefined ? {} : { language: r.language }),
      ...(r.customerId === undefined ? {} : { customerId: r.customerId }),
      ...(r.touchpointId === undefined ? {} : { touchpointId: r.touchpointId }),
      ...(r.stageId === undefined ? {} : { stageId: r.stageId }),
      ...(r.channel === undefined ? {} : { channel: r.channel }),
    });
  }
  return out;
}
