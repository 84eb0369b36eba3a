// Journey measures: the funnel of the configured steps, how far people got along the stages, each stage's health,
// and the journey map with its measured KPIs (NPS and CSAT per stage, people who reached it, share who went on).
import { attachMeasurements, type JourneyMap, type MeasurementInput } from '@cx/map';
import { type BreakdownGroup, funnel, type NpsResult, stageHealth, stageProgress } from '@cx/metrics';
import type { Duration, Feedback, Interaction, Journey, SurveyResponse } from '@cx/model';
import type { ReportFunnel, ReportInput, ReportStageHealth } from '@cx/report';
import type { Calendar } from './calendar.js';

/** The funnel of the configured steps over the interactions. */
export function funnelOf(
  interactions: readonly Interaction[],
  steps: ReadonlyArray<{ readonly name: string; readonly label?: string | undefined }>,
  window: Duration,
): ReportFunnel {
  const result = funnel(interactions, {
    steps: steps.map((s) => ({ name: s.name, ...(s.label === undefined ? {} : { label: s.label }) })),
    window,
  });
  return { result, window: describeDuration(window) };
}

/** A duration in words: `7 days`, `1 week and 2 days`. */
export function describeDuration(d: Duration): string {
  const parts = (['weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds'] as const)
    .filter((unit) => (d[unit] ?? 0) > 0)
    .map((unit) => `${d[unit]} ${d[unit] === 1 ? unit.slice(0, -1) : unit}`);
  return parts.length <= 1
    ? (parts[0] ?? '0 days')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** How far people got and each stage's health. */
export function stagesOf(
  interactions: readonly Interaction[],
  journey: Journey,
  voice: { readonly surveys: readonly SurveyResponse[]; readonly feedback: readonly Feedback[] },
  settings: {
    readonly failureNames?: readonly string[] | undefined;
    readonly supportNames?: readonly string[] | undefined;
  },
): ReportStageHealth {
  return {
    progress: stageProgress(interactions, journey),
    health: stageHealth(interactions, journey, {
      surveys: voice.surveys,
      feedback: voice.feedback,
      ...(settings.failureNames === undefined ? {} : { failureNames: settings.failureNames }),
      ...(settings.supportNames === undefined ? {} : { supportNames: settings.supportNames }),
    }),
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The map with the report's per-stage measures in its KPI lane. */
export function measuredMap(
  map: JourneyMap,
  report: ReportInput,
  npsByStage: readonly BreakdownGroup<NpsResult>[],
  calendar: Calendar,
): JourneyMap {
  const window = { from: calendar.from, to: calendar.asOf };
  const stages = new Set(map.journey.stages.map((s) => s.id));
  const measurements: MeasurementInput[] = [];
  for (const g of npsByStage) {
    if (g.key === null || !stages.has(g.key) || g.result.n === 0 || g.result.score === null) continue;
    measurements.push({
      id: `nps-${g.key}`,
      metric: 'nps',
      value: round(g.result.score, 1),
      n: g.result.n,
      ...(g.result.interval === null
        ? {}
        : {
            confidenceInterval: {
              lower: round(g.result.interval.lower, 1),
              upper: round(g.result.interval.upper, 1),
              level: g.result.interval.level,
            },
          }),
      window,
      stageId: g.key,
      source: 'cx report: NPS',
    });
  }
  for (const g of report.csatByStage ?? []) {
    if (g.key === null || !stages.has(g.key) || g.result.n === 0 || g.result.score === null) continue;
    measurements.push({
      id: `csat-${g.key}`,
      metric: 'csat',
      value: round(100 * g.result.score, 1),
      n: g.result.n,
      unit: '%',
      window,
      stageId: g.key,
      source: 'cx report: CSAT, satisfied share',
    });
  }
  for (const p of report.stageHealth?.progress ?? []) {
    measurements.push({
      id: `volume-${p.stageId}`,
      metric: 'volume',
      value: p.reached,
      n: p.reached,
      window,
      stageId: p.stageId,
      source: 'cx report: people who reached the stage or a later one',
    });
    if (p.continuationRate !== null)
      measurements.push({
        id: `conversion-${p.stageId}`,
        metric: 'conversion',
        value: round(p.continuationRate, 3),
        n: p.reached,
        window,
        stageId: p.stageId,
        source: 'cx report: share who reached the next stage',
      });
  }
  return attachMeasurements(map, measurements);
}
