// Survey measures: NPS, CSAT and CES over the whole period, NPS per calendar period, CSAT and CES per stage.
import { breakdown, ces, cesMetric, csat, csatMetric, nps, npsMetric, trend } from '@cx/metrics';
import type { SurveyResponse } from '@cx/model';
import type { ReportInput } from '@cx/report';
import type { Calendar } from './calendar.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The survey part of the report. */
export function surveyMeasures(
  responses: readonly SurveyResponse[],
  calendar: Calendar,
): Pick<Mutable<ReportInput>, 'nps' | 'csat' | 'ces' | 'npsTrend' | 'csatByStage' | 'cesByStage'> {
  const out: Pick<
    Mutable<ReportInput>,
    'nps' | 'csat' | 'ces' | 'npsTrend' | 'csatByStage' | 'cesByStage'
  > = {};
  const { level, interval, timeZone } = calendar;
  const of = (metric: SurveyResponse['metric']) => responses.filter((r) => r.metric === metric);
  const promoters = of('nps');
  if (promoters.length > 0) {
    const scale = promoters[0]?.scale;
    out.nps = nps(promoters, { level, ...(scale === undefined ? {} : { scale }) });
    out.npsTrend = trend(promoters, npsMetric({ level, ...(scale === undefined ? {} : { scale }) }), {
      interval,
      timeZone,
      level,
    });
  }
  const satisfaction = of('csat');
  if (satisfaction.length > 0) {
    const scale = satisfaction[0]?.scale;
    const options = { level, ...(scale === undefined ? {} : { scale }) };
    out.csat = csat(satisfaction, options);
    out.csatByStage = breakdown(satisfaction, csatMetric(options), { by: 'stageId', level });
  }
  const effort = of('ces');
  if (effort.length > 0) {
    const scale = effort[0]?.scale;
    const options = { level, ...(scale === undefined ? {} : { scale }) };
    out.ces = ces(effort, options);
    out.cesByStage = breakdown(effort, cesMetric(options), { by: 'stageId', level });
  }
  return out;
}
