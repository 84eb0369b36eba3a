import { type Scale, STANDARD_SCALES, type SurveyResponse } from '@cx/model';

/** Builds a valid survey response for tests. */
export function response(
  score: number,
  extra: Partial<SurveyResponse> & { readonly scale?: Scale } = {},
): SurveyResponse {
  return {
    id: `r${Math.random().toString(36).slice(2)}`,
    surveyId: 's1',
    metric: 'nps',
    scale: { ...STANDARD_SCALES.nps },
    score,
    respondedAt: '2026-03-02T12:00:00.000Z',
    weight: 1,
    properties: {},
    ...extra,
  };
}
