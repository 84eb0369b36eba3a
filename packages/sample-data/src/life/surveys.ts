import { MS_PER_DAY as DAY_MS, STANDARD_SCALES, type SurveyResponse } from '@cx/model';
import { type Aspect, sentimentOf, writeComment } from '../text.js';
import { TOUCHPOINT_INDEX } from '../touchpoints.js';
import { clamp, HOUR_MS, iso, type LifeState } from './state.js';

/** The surveys after an order: CES after checkout, NPS and delivery CSAT after delivery. */
export function surveys(
  b: LifeState,
  orderId: string,
  t: number,
  delivered: number,
  tp: string,
  failures: number,
  late: boolean,
  z: number,
  aspect: Aspect,
): void {
  const { rng, p } = b;
  if (!p.surveyConsent) return;
  if ((tp === 'checkout' || tp === 'app-checkout') && rng.chance(0.18)) {
    const ease = clamp(Math.round(5.5 + 0.9 * (p.mood + rng.normal(0, 0.6)) - 1.4 * failures), 1, 7);
    response(
      b,
      t + HOUR_MS,
      'ces-checkout',
      'ces',
      STANDARD_SCALES.ces,
      ease,
      tp,
      'purchase',
      failures > 0 ? 'payment' : 'app',
      0.25,
      orderId,
    );
  }
  if (!Number.isFinite(delivered)) return;
  if (rng.chance(0.22)) {
    const nps = clamp(Math.round(8.1 + 1.45 * z + rng.normal(0, 0.8)), 0, 10);
    response(
      b,
      delivered + Math.floor((2 + 4 * rng.next()) * DAY_MS),
      'nps-post-purchase',
      'nps',
      STANDARD_SCALES.nps,
      nps,
      'survey-email',
      'review',
      aspect,
      0.5,
      orderId,
    );
  }
  if (tp !== 'store-till' && rng.chance(0.15)) {
    const zd = p.mood + rng.normal(0, 0.6) - 2.2 * (late ? 1 : 0);
    const csat = clamp(Math.round(4.1 + 0.9 * zd), 1, 5);
    response(
      b,
      delivered + Math.floor(rng.next() * DAY_MS),
      'csat-delivery',
      'csat',
      STANDARD_SCALES.csat,
      csat,
      'delivery',
      'use',
      late ? 'delivery' : 'product',
      0.3,
      orderId,
    );
  }
}

/** One survey response (and its survey_response event and comment, if any). */
export function response(
  b: LifeState,
  t: number,
  surveyId: string,
  metric: SurveyResponse['metric'],
  scale: SurveyResponse['scale'],
  score: number,
  tp: string,
  stageId: string,
  aspect: Aspect,
  commentRate: number,
  orderId: string,
): void {
  const { rng, p } = b;
  const n = b.responses.length + 1;
  const id = `r${p.id.slice(1)}-${n}`;
  if (!b.emit(t, 'survey_response', 'survey-email', undefined, { survey_id: surveyId, metric, score }))
    return;
  const normalised = (score - scale.min) / (scale.max - scale.min);
  const better = scale.direction === 'higher-is-better' ? normalised : 1 - normalised;
  const [channel] = TOUCHPOINT_INDEX.get('survey-email')!;
  const response: SurveyResponse = {
    id,
    surveyId,
    questionId: `${surveyId}-q1`,
    metric,
    scale: { ...scale },
    score,
    customerId: p.id,
    respondedAt: iso(t),
    language: p.language,
    touchpointId: tp,
    stageId,
    channel,
    weight: 1,
    properties: { orderId, segment: p.customer.segment ?? 'consumer', personaId: p.persona.id },
  };
  if (rng.chance(commentRate)) {
    const text = writeComment(
      rng,
      p.language,
      sentimentOf(better),
      better >= 0.75 && aspect === 'payment' ? 'product' : aspect,
    );
    response.comment = text;
    b.feedback.push({
      id: `f${p.id.slice(1)}-${n}`,
      text,
      language: p.language,
      source: 'survey',
      customerId: p.id,
      createdAt: iso(t),
      rating: score,
      surveyResponseId: id,
      touchpointId: tp,
      stageId,
      channel,
      properties: { surveyId, metric, orderId },
    });
  }
  b.responses.push(response);
}
