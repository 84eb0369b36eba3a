import { feedbackSchema, STANDARD_SCALES, type SurveyResponse } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { feedbackFromSurveyResponses } from './from-survey.js';

const response = (id: string, over: Partial<SurveyResponse>): SurveyResponse => ({
  id,
  surveyId: 'post-purchase',
  metric: 'nps',
  scale: STANDARD_SCALES.nps,
  score: 9,
  respondedAt: '2026-03-02T12:00:00Z',
  weight: 1,
  properties: {},
  ...over,
});

describe('feedbackFromSurveyResponses', () => {
  it('keeps responses with a comment, with their stage, channel, language and score', () => {
    const out = feedbackFromSurveyResponses([
      response('r1', {
        comment: 'Szybko i sprawnie',
        stageId: 'delivery',
        channel: 'web',
        language: 'pl',
        customerId: 'c1',
      }),
      response('r2', {}),
      response('r3', { comment: '', score: 0 }),
    ]);
    expect(out.map((f) => f.id)).toEqual(['r1', 'r3']);
    expect(out[0]).toMatchObject({
      text: 'Szybko i sprawnie',
      source: 'survey',
      createdAt: '2026-03-02T12:00:00Z',
      rating: 9,
      surveyResponseId: 'r1',
      stageId: 'delivery',
      channel: 'web',
      language: 'pl',
      customerId: 'c1',
      properties: { metric: 'nps', surveyId: 'post-purchase' },
    });
    // The records are valid Feedback.
    for (const f of out) expect(feedbackSchema.safeParse(f).success).toBe(true);
  });
});
