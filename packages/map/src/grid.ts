import type { Stage } from '@cx/model';
import type { JourneyMap, Lane, LaneKind, Measurement } from './document.js';

/** One row of the spreadsheet layout: a lane (an emotion lane gives one row per curve). @internal */
export interface GridRow {
  readonly lane: Lane;
  readonly label: string;
  /** Persona id for an emotion row; `null` for the expected-emotion row. */
  readonly personaId?: string | null;
  /** One list of item texts per stage. */
  readonly cells: string[][];
}

/** Default row labels by lane kind. @internal */
export const LANE_LABELS: Record<LaneKind, string> = {
  steps: 'Steps',
  touchpoints: 'Touchpoints',
  channels: 'Channels',
  thoughts: 'Thoughts',
  emotions: 'Emotion',
  'moments-of-truth': 'Moments of truth',
  'pain-points': 'Pain points',
  'desired-actions': 'Desired actions',
  'completed-actions': 'Completed actions',
  opportunities: 'Opportunities',
  'improvement-actions': 'Improvement actions',
  kpis: 'KPIs',
  backstage: 'Backstage',
  notes: 'Notes',
};

/** Formats an emotion with its sign: `+1`, `0`, `-1.5`. @internal */
export const signed = (e: number) => (e > 0 ? `+${e}` : String(e));

const METRIC_LABELS: Record<Measurement['metric'], string> = {
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
  conversion: 'Conversion',
  'drop-off': 'Drop-off',
  volume: 'Volume',
};

/** Formats a measured metric for the KPI lane: `NPS 31 [24.2, 37.5] (n=412, 2026-01-01 – 2026-04-01)`. @internal */
export function formatMeasurement(m: Measurement): string {
  const pct = m.metric === 'conversion' || m.metric === 'drop-off';
  const fmt = (v: number) => (pct ? `${Number((v * 100).toFixed(1))}%` : String(v));
  const value = m.value === null ? 'no data' : fmt(m.value);
  const interval = m.interval ? ` [${fmt(m.interval.lower)}, ${fmt(m.interval.upper)}]` : '';
  const unit = m.unit ? ` ${m.unit}` : '';
  return `${METRIC_LABELS[m.metric]} ${value}${unit}${interval} (n=${m.n}, ${m.window.from.slice(0, 10)} – ${m.window.to.slice(0, 10)})`;
}

/** Stage of a measurement: its own, its touchpoint's or its KPI's. @internal */
export function measurementStage(map: JourneyMap, m: Measurement): string | undefined {
  if (m.stageId) return m.stageId;
  if (m.touchpointId) return map.journey.touchpoints.find((t) => t.id === m.touchpointId)?.stageId;
  return map.kpis.find((k) => k.id === m.kpiId)?.stageId;
}

/** The lanes × stages grid shared by the CSV, Markdown and SVG outputs. @internal */
export function mapGrid(map: JourneyMap): { stages: readonly Stage[]; rows: GridRow[] } {
  const j = map.journey;
  const stages = j.stages;
  const per = <T>(items: readonly T[], stageOf: (item: T) => string | undefined, text: (item: T) => string) =>
    stages.map((s) => items.filter((item) => stageOf(item) === s.id).map(text));
  const stepStage = new Map(j.steps.map((s) => [s.id, s.stageId]));
  const personaName = new Map(map.personas.map((p) => [p.id, p.name]));
  const desiredStage = new Map(j.desiredActions.map((d) => [d.id, d.stageId]));
  const rows: GridRow[] = [];
  for (const lane of map.lanes) {
    const label = lane.label ?? LANE_LABELS[lane.kind];
    const push = (cells: string[][]) => rows.push({ lane, label, cells });
    switch (lane.kind) {
      case 'steps':
        push(
          per(
            j.steps,
            (s) => s.stageId,
            (s) => s.name,
          ),
        );
        break;
      case 'touchpoints':
      case 'backstage': {
        const visibility = lane.kind === 'touchpoints' ? 'frontstage' : 'backstage';
        const tps = j.touchpoints.filter((t) => t.visibility === visibility);
        push(
          per(
            tps,
            (t) => t.stageId,
            (t) => `${t.name} (${t.channel})`,
          ),
        );
        break;
      }
      case 'channels':
        push(
          stages.map((s) => [
            ...new Set(
              j.touchpoints
                .filter((t) => t.stageId === s.id && t.visibility === 'frontstage')
                .map((t) => t.channel),
            ),
          ]),
        );
        break;
      case 'thoughts':
        push(
          per(
            map.thoughts,
            (t) => stepStage.get(t.stepId),
            (t) => (t.personaId ? `${personaName.get(t.personaId)}: ${t.text}` : t.text),
          ),
        );
        break;
      case 'emotions': {
        const stepsOf = (s: Stage) => j.steps.filter((step) => step.stageId === s.id);
        rows.push({
          lane,
          label: `${label}: expected`,
          personaId: null,
          cells: stages.map((s) =>
            stepsOf(s).map((step) =>
              step.expectedEmotion === undefined ? '–' : signed(step.expectedEmotion),
            ),
          ),
        });
        for (const curve of map.emotionCurves) {
          const points = new Map(curve.points.map((p) => [p.stepId, p.emotion]));
          rows.push({
            lane,
            label: `${label}: ${personaName.get(curve.personaId)}`,
            personaId: curve.personaId,
            cells: stages.map((s) =>
              stepsOf(s).map((step) => {
                const e = points.get(step.id);
                return e === undefined ? '–' : signed(e);
              }),
            ),
          });
        }
        break;
      }
      case 'moments-of-truth':
        push(
          per(
            j.momentsOfTruth,
            (m) => m.stageId,
            (m) => (m.kind ? `${m.name} (${m.kind})` : m.name),
          ),
        );
        break;
      case 'pain-points':
        push(
          per(
            j.painPoints,
            (p) => p.stageId,
            (p) => `[${p.severity}] ${p.description}${p.owner ? ` (owner: ${p.owner})` : ''}`,
          ),
        );
        break;
      case 'desired-actions':
        push(
          per(
            j.desiredActions,
            (d) => d.stageId,
            (d) => d.name,
          ),
        );
        break;
      case 'completed-actions':
        push(
          per(
            j.completedActions,
            (c) => desiredStage.get(c.desiredActionId),
            (c) => c.name,
          ),
        );
        break;
      case 'opportunities':
        push(
          per(
            j.opportunities,
            (o) => o.stageId,
            (o) => o.description,
          ),
        );
        break;
      case 'improvement-actions':
        push(
          per(
            j.improvementActions,
            (a) => a.stageId,
            (a) => `${a.title} — ${a.owner}, due ${a.dueDate} (${a.status})`,
          ),
        );
        break;
      case 'kpis':
        push(
          stages.map((s) => [
            ...map.kpis
              .filter((k) => k.stageId === s.id)
              .map(
                (k) =>
                  `${k.name}${k.target === undefined ? '' : ` (target ${k.target}${k.unit ? ` ${k.unit}` : ''})`}`,
              ),
            ...map.measurements.filter((m) => measurementStage(map, m) === s.id).map(formatMeasurement),
          ]),
        );
        break;
      case 'notes':
        push(
          per(
            lane.cells ?? [],
            (c) => c.stageId,
            (c) => c.text,
          ),
        );
        break;
    }
  }
  return { stages, rows };
}
