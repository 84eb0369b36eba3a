// Survey measures: NPS, CSAT and CES over the whole period, NPS per calendar period, CSAT and CES per stage.
// Scores on different scales are never pooled (a 1–5 effort score is not a 1–7 one): each metric is measured on
// the scale most of its responses use, and the responses on other scales are named in a note of the report.
import { breakdown, ces, cesMetric, csat, csatMetric, nps, npsMetric, trend } from '@cx/metrics';
import type { Scale, SurveyResponse } from '@cx/model';
import type { ReportInput } from '@cx/report';
import type { Calendar } from './calendar.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const METRIC_NAMES = { nps: 'NPS', csat: 'CSAT', ces: 'CES' } as const;

function scaleText(scale: Scale): string {
  return `${scale.min}–${scale.max} (${scale.direction === 'higher-is-better' ? 'higher is better' : 'lower is better'})`;
}

/**
 * The responses of one metric on its main scale (the one most responses use; on a tie, the one met first), and a
 * note naming the responses left out because they use another scale.
 */
export function onMainScale(responses: readonly SurveyResponse[]): {
  readonly scale: Scale | undefined;
  readonly responses: readonly SurveyResponse[];
  readonly note: string | undefined;
} {
  const groups = new Map<string, { scale: Scale; responses: SurveyResponse[] }>();
  for (const r of responses) {
    const key = `${r.scale.min}|${r.scale.max}|${r.scale.direction}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { scale: r.scale, responses: [r] });
    else group.responses.push(r);
  }
  let main: { scale: Scale; responses: SurveyResponse[] } | undefined;
  for (const g of groups.values())
    if (main === undefined || g.responses.length > main.responses.length) main = g;
  if (main === undefined) return { scale: undefined, responses: [], note: undefined };
  const others = [...groups.values()].filter((g) => g !== main);
  if (others.length === 0) return { scale: main.scale, responses: main.responses, note: undefined };
  const metric = METRIC_NAMES[main.responses[0]?.metric as keyof typeof METRIC_NAMES] ?? 'This metric';
  const list = others
    .map((g) => `${g.responses.length.toLocaleString('en-US')} on ${scaleText(g.scale)}`)
    .join(', ');
  return {
    scale: main.scale,
    responses: main.responses,
    note: `${metric} is measured on the ${scaleText(main.scale)} scale of ${main.responses.length.toLocaleString('en-US')} responses; responses on other scales are not pooled with them and are left out of it: ${list}.`,
  };
}

/** The survey part of the report. */
export function surveyMeasures(
  all: readonly SurveyResponse[],
  calendar: Calendar,
): Pick<Mutable<ReportInput>, 'nps' | 'csat' | 'ces' | 'npsTrend' | 'csatByStage' | 'cesByStage' | 'notes'> {
  const out: Pick<
    Mutable<ReportInput>,
    'nps' | 'csat' | 'ces' | 'npsTrend' | 'csatByStage' | 'cesByStage' | 'notes'
  > = {};
  const notes: string[] = [];
  const { level, interval, timeZone } = calendar;
  const of = (metric: SurveyResponse['metric']) => {
    const main = onMainScale(all.filter((r) => r.metric === metric));
    if (main.note !== undefined) notes.push(main.note);
    return main;
  };
  const promoters = of('nps');
  if (promoters.scale !== undefined) {
    const options = { level, scale: promoters.scale };
    out.nps = nps(promoters.responses, options);
    out.npsTrend = trend(promoters.responses, npsMetric(options), { interval, timeZone, level });
  }
  const satisfaction = of('csat');
  if (satisfaction.scale !== undefined) {
    const options = { level, scale: satisfaction.scale };
    out.csat = csat(satisfaction.responses, options);
    out.csatByStage = breakdown(satisfaction.responses, csatMetric(options), { by: 'stageId', level });
  }
  const effort = of('ces');
  if (effort.scale !== undefined) {
    const options = { level, scale: effort.scale };
    out.ces = ces(effort.responses, options);
    out.cesByStage = breakdown(effort.responses, cesMetric(options), { by: 'stageId', level });
  }
  if (notes.length > 0) out.notes = notes;
  return out;
}
