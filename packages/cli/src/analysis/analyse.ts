// Everything the report shows, computed from the records of the sources with @cx/metrics and @cx/text.
import type { JourneyMap } from '@cx/map';
import { breakdown, npsMetric } from '@cx/metrics';
import { type Journey, journeySchema } from '@cx/model';
import type { ReportInput, SourceQuality } from '@cx/report';
import type { ParsedCxConfig } from '../config/schema.js';
import type { Progress } from '../progress.js';
import type { SourceRead, SourceRecords } from '../read-sources.js';
import { reportCalendar } from './calendar.js';
import { funnelOf, measuredMap, stagesOf } from './journey.js';
import { churn, retention } from './lifecycle.js';
import { onMainScale, surveyMeasures } from './survey.js';
import { texts, voiceOf } from './text.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const EXAMPLES_PER_SOURCE = 5;

/** The data-read section from the reads (dead-letter paths relative to the report's folder). */
export function dataQuality(
  reads: readonly SourceRead[],
  relative: (path: string) => string,
): SourceQuality[] {
  return reads.map((read) => {
    const s = read.summary;
    return {
      source: read.name === s.source ? s.source : `${read.name} (${s.source})`,
      kind: read.kind,
      rowsIn: s.rowsIn,
      rowsOut: s.rowsOut,
      rejected: s.rejected,
      skipped: s.skipped,
      reasons: Object.entries(s.byCode)
        .map(([code, count]) => ({ code, count }))
        .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
      examples: s.deadLetters.slice(0, EXAMPLES_PER_SOURCE).map((l) => ({
        line: l.line,
        ...(l.column === undefined ? {} : { column: l.column }),
        ...(l.field === undefined ? {} : { field: l.field }),
        raw: l.raw,
        reason: l.reason,
      })),
      ...(read.deadLetters === undefined ? {} : { deadLetters: relative(read.deadLetters) }),
    };
  });
}

/** The journey of the report: the map's, or one made from the configured stages. */
function journeyOf(config: ParsedCxConfig, map: JourneyMap | undefined): Journey | undefined {
  if (map !== undefined) {
    // The measures need the stages and which stage each touchpoint belongs to; the map's journey (format v2) carries
    // more (goals, scenarios) than the model's, so only those parts are taken, through the model's schema.
    const j = map.journey;
    return journeySchema.parse({
      id: j.id,
      name: j.name,
      version: j.version,
      stages: j.stages.map((s) => ({ id: s.id, labels: s.labels })),
      touchpoints: j.touchpoints.map((t) => ({
        id: t.id,
        name: t.name,
        channel: t.channel,
        stageId: t.stageId,
        mediaType: t.mediaType,
        visibility: t.visibility,
      })),
    });
  }
  const stages = config.report.stages;
  if (stages === undefined) return undefined;
  return journeySchema.parse({
    id: 'journey',
    name: config.report.title,
    version: 1,
    stages: stages.map((s) => ({ id: s.id, labels: { en: s.label } })),
  });
}

/** Computes the report's input. */
export async function analyse(
  records: SourceRecords,
  reads: readonly SourceRead[],
  config: ParsedCxConfig,
  map: JourneyMap | undefined,
  progress: Progress,
  relative: (path: string) => string,
): Promise<ReportInput> {
  const settings = config.report;
  const input: Mutable<ReportInput> = {
    title: settings.title,
    timeZone: config.timeZone,
    dataQuality: dataQuality(reads, relative),
  };
  const calendar = reportCalendar(records, {
    interval: settings.interval,
    timeZone: config.timeZone,
    level: settings.level,
    asOf: settings.asOf,
  });
  if (calendar === undefined) return input;
  input.subtitle = `${calendar.from.slice(0, 10)} to ${calendar.asOf.slice(0, 10)} (UTC dates) · ${settings.interval}ly periods in ${config.timeZone}`;
  const counts: Array<[string, number]> = [
    ['customers', records.customers.length],
    ['orders', records.orders.length],
    ['survey responses', records.surveyResponses.length],
    ['interactions', records.interactions.length],
    ['subscriptions', records.subscriptions.length],
    ['feedback texts', records.feedback.length],
  ];
  input.facts = counts.filter(([, n]) => n > 0).map(([label, value]) => ({ label, value }));
  const journey = journeyOf(config, map);
  if (journey !== undefined)
    input.stages = journey.stages.map((s) => ({ id: s.id, label: s.labels.en ?? s.id }));

  Object.assign(
    input,
    await progress.step('Measuring NPS, CSAT and CES', () =>
      surveyMeasures(records.surveyResponses, calendar),
    ),
  );
  await progress.step('Measuring retention and churn', () => {
    const cohorts = retention(records, calendar, settings.retention?.periods);
    if (cohorts !== undefined) input.retention = cohorts;
    const lost = churn(records, calendar, settings.churn?.inactiveDays);
    if (lost !== undefined) input.churn = lost;
  });
  await progress.step('Measuring the funnel and the journey stages', () => {
    if (settings.funnel !== undefined && records.interactions.length > 0)
      input.funnel = funnelOf(records.interactions, settings.funnel.steps, settings.funnel.window);
    if (journey !== undefined && records.interactions.length > 0)
      input.stageHealth = stagesOf(
        records.interactions,
        journey,
        { surveys: records.surveyResponses, feedback: records.feedback },
        settings.stageHealth ?? {},
      );
  });
  await progress.step('Reading feedback and comments: sentiment by topic, themes', () => {
    const voice = voiceOf(texts(records.feedback, records.surveyResponses), settings.level);
    if (voice.topics.length > 0) input.sentimentByTopic = voice.topics;
    if (voice.themes.length > 0) input.themes = voice.themes;
  });
  if (map !== undefined) {
    const promoters = onMainScale(records.surveyResponses.filter((r) => r.metric === 'nps'));
    const npsByStage =
      promoters.scale === undefined
        ? []
        : breakdown(promoters.responses, npsMetric({ level: settings.level, scale: promoters.scale }), {
            by: 'stageId',
            level: settings.level,
          });
    input.journeyMap = measuredMap(map, input, npsByStage, calendar);
  }
  if (settings.notes !== undefined) input.notes = [...(input.notes ?? []), ...settings.notes];
  return input;
}
