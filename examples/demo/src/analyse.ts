// The measuring part of the demo: survey metrics with intervals and trends, churn, cohort retention, the purchase
// funnel and stage health, sentiment of feedback, all from @cx/metrics and @cx/text.
import {
  breakdown,
  ces,
  churnSeries,
  cohortRetention,
  csatMetric,
  funnel,
  nps,
  npsMetric,
  stageHealth,
  trend,
} from '@cx/metrics';
import type { Feedback, Interaction, Journey, Subscription, SurveyResponse } from '@cx/model';
import { analyzeSentiment } from '@cx/text';

/** The time zone the shop reports in: calendar buckets (months, cohorts) are Warsaw months, DST-correct. */
export const TIME_ZONE = 'Europe/Warsaw';

/** Revenue metrics need one currency: EUR amounts are converted to PLN at this fixed, stated rate. */
export const EUR_TO_PLN = 4.3;

function inPln(s: Subscription): Subscription {
  if (s.currency !== 'EUR') return s;
  return {
    ...s,
    currency: 'PLN',
    amount: s.amount * EUR_TO_PLN,
    amountChanges: s.amountChanges.map((c) => ({ ...c, amount: c.amount * EUR_TO_PLN })),
  };
}

/** The inputs of the analysis. */
export interface AnalysisInput {
  readonly interactions: readonly Interaction[];
  readonly responses: readonly SurveyResponse[];
  readonly subscriptions: readonly Subscription[];
  readonly feedback: readonly Feedback[];
  readonly journey: Journey;
  readonly asOf: string;
}

/** Computes every measure the report shows. */
export function analyse(input: AnalysisInput) {
  const npsResponses = input.responses.filter((r) => r.metric === 'nps');
  const csatResponses = input.responses.filter((r) => r.metric === 'csat');
  const cesResponses = input.responses.filter((r) => r.metric === 'ces' && r.scale.max === 7);
  const overallNps = nps(npsResponses);
  const npsTrend = trend(npsResponses, npsMetric(), { interval: 'month', timeZone: TIME_ZONE });
  const npsByStage = breakdown(npsResponses, npsMetric(), { by: 'stageId' });
  const csatByStage = breakdown(csatResponses, csatMetric(), { by: 'stageId' });
  const effort = ces(cesResponses);
  const churn = churnSeries(input.subscriptions.map(inPln), {
    interval: 'month',
    timeZone: TIME_ZONE,
    to: input.asOf,
  });
  const retention = cohortRetention(input.interactions, {
    interval: 'month',
    periods: 6,
    timeZone: TIME_ZONE,
    asOf: input.asOf,
    startEvent: { name: 'purchase' },
    returnEvent: { name: 'purchase' },
  });
  const purchaseFunnel = funnel(input.interactions, {
    steps: [{ name: 'view_item' }, { name: 'add_to_cart' }, { name: 'begin_checkout' }, { name: 'purchase' }],
    window: { days: 7 },
  });
  const health = stageHealth(input.interactions, input.journey, {
    surveys: input.responses,
    feedback: input.feedback,
    failureNames: ['payment_failed'],
    supportNames: ['support_contact', 'chat_started', 'refund_request'],
  });
  const sentiments = input.feedback.map((f) => ({
    feedback: f,
    sentiment: analyzeSentiment(f.text, f.language === undefined ? {} : { language: f.language }),
  }));
  return {
    overallNps,
    npsTrend,
    npsByStage,
    csatByStage,
    effort,
    churn,
    retention,
    purchaseFunnel,
    health,
    sentiments,
  };
}

/** What {@link analyse} returns. */
export type Analysis = ReturnType<typeof analyse>;
