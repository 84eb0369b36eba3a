import type {
  BlueprintAction,
  JourneyMap,
  Lane,
  LaneKind,
  Measurement,
  Scenario,
} from '../format/document.js';
import { BLUEPRINT_LAYERS } from '../format/parts.js';
import { formatItem } from './items.js';

/** One row of the spreadsheet layout: a lane (emotion, thought and blueprint lanes give several rows). @internal */
export interface GridRow {
  readonly lane: Lane;
  readonly label: string;
  /** Persona id of an emotion or thought row; `null` for the expected-emotion row and persona-less thoughts. */
  readonly personaId?: string | null;
  /** Scenario of an emotion row. */
  readonly scenario?: Scenario;
  /** Layer of a blueprint row. */
  readonly layer?: BlueprintAction['layer'];
  /** One list of item texts per stage. */
  readonly cells: string[][];
}

/** Default row labels by lane kind. @internal */
export const LANE_LABELS: Readonly<Record<LaneKind, string>> = {
  steps: 'Steps',
  goals: 'Goals',
  expectations: 'Expectations',
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
  blueprint: 'Blueprint',
  notes: 'Notes',
};

/** Row labels of the blueprint layers (after `Blueprint: `). @internal */
export const LAYER_LABELS: Readonly<Record<BlueprintAction['layer'], string>> = {
  'physical-evidence': 'physical evidence',
  'customer-action': 'customer actions',
  frontstage: 'frontstage actions',
  backstage: 'backstage actions',
  support: 'support processes',
};

/** Formats an emotion with its sign: `+1`, `0`, `-1.5`. @internal */
export const signed = (e: number) => (e > 0 ? `+${e}` : String(e));

/** The text of an emotion point: `+1`, `-1 (anxious, rushed)`, `(calm)` or `–` for none. @internal */
export function emotionText(
  point: { emotion?: number | undefined; words?: readonly string[] } | undefined,
): string {
  if (point === undefined) return '–';
  const words = point.words !== undefined && point.words.length > 0 ? `(${point.words.join(', ')})` : '';
  if (point.emotion === undefined) return words;
  return words === '' ? signed(point.emotion) : `${signed(point.emotion)} ${words}`;
}

const METRIC_LABELS: Readonly<Record<Measurement['metric'], string>> = {
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
  conversion: 'Conversion',
  'drop-off': 'Drop-off',
  volume: 'Volume',
  'sentiment-share': 'Sentiment share',
};

const PROPORTIONS = new Set(['conversion', 'drop-off', 'sentiment-share', 'csat']);

/**
 * A measured value as text, rounded for reading (the document keeps full precision): proportions as percentages
 * with one decimal, a CSAT in percent (unit `%`) with one decimal, other values with at most two decimals and
 * their unit.
 *
 * @internal
 */
export function formatValue(m: Measurement, v: number): string {
  const round = (x: number, digits: number) => String(Number(x.toFixed(digits)));
  if (PROPORTIONS.has(m.metric) && m.metric !== 'csat') return `${round(v * 100, 1)}%`;
  if (m.metric === 'csat' && (m.unit === undefined || m.unit === '%'))
    return v > 1 ? `${round(v, 1)}%` : `${round(v * 100, 1)}%`;
  return round(v, m.metric === 'volume' ? 0 : m.metric === 'nps' ? 1 : 2);
}

/**
 * A measured metric for the KPI lane: `NPS 31 [24.2, 37.5] n=412`. The window is left out when it is the one
 * `sharedWindow` the whole lane states once; `n` is left out for volumes (the value is the count).
 *
 * @internal
 */
export function formatMeasurement(m: Measurement, sharedWindow?: string): string {
  const value = m.value === null ? 'no data' : formatValue(m, m.value);
  const ci = m.confidenceInterval
    ? ` [${formatValue(m, m.confidenceInterval.lower)}, ${formatValue(m, m.confidenceInterval.upper)}]`
    : '';
  const unit = m.unit && m.unit !== '%' ? ` ${m.unit}` : '';
  const n = m.metric === 'volume' ? '' : ` n=${m.n}`;
  const window = windowText(m);
  return `${METRIC_LABELS[m.metric]} ${value}${unit}${ci}${n}${window === sharedWindow ? '' : ` (${window})`}`;
}

/** The window of a measurement as dates: `2026-01-01 – 2026-04-01`. @internal */
export const windowText = (m: Measurement) => `${m.window.from.slice(0, 10)} – ${m.window.to.slice(0, 10)}`;

/** The one window every measurement of a map shares, or undefined. @internal */
export function sharedWindow(map: JourneyMap): string | undefined {
  const windows = new Set(map.measurements.map(windowText));
  return windows.size === 1 ? [...windows][0] : undefined;
}

/**
 * The KPI lane's lines of a stage: each measurement, with the per-period measurements of a KPI (ids
 * `<kpi>@<period>`, as {@link measureMap} writes them) folded into one line after the KPI's whole-window value.
 *
 * @internal
 */
export function measurementLines(list: readonly Measurement[], window: string | undefined): string[] {
  const base = new Set(list.filter((m) => !m.id.includes('@')).map((m) => m.id));
  const periodsOf = new Map<string, Measurement[]>();
  const lines: Array<string | Measurement> = [];
  for (const m of list) {
    const at = m.id.indexOf('@');
    const owner = at > 0 ? m.id.slice(0, at) : undefined;
    if (owner !== undefined && base.has(owner)) {
      const periods = periodsOf.get(owner) ?? [];
      periods.push(m);
      periodsOf.set(owner, periods);
    } else lines.push(m);
  }
  return lines.flatMap((m) => {
    if (typeof m === 'string') return [m];
    const periods = periodsOf.get(m.id);
    const head = formatMeasurement(m, window);
    if (periods === undefined) return [head];
    const by = periods
      .map((p) => `${p.id.slice(p.id.indexOf('@') + 1)} ${p.value === null ? '–' : formatValue(p, p.value)}`)
      .join(', ');
    return [head, `by period: ${by}`];
  });
}

/** Stage of a measurement: its own, its touchpoint's or its KPI's. @internal */
export function measurementStage(map: JourneyMap, m: Measurement): string | undefined {
  if (m.stageId) return m.stageId;
  if (m.touchpointId) return map.journey.touchpoints.find((t) => t.id === m.touchpointId)?.stageId;
  return map.kpis.find((k) => k.id === m.kpiId)?.stageId;
}

/**
 * The lanes × stages grid shared by the CSV, Markdown, HTML-table and SVG outputs. With `customLabels: false`
 * every lane but a notes lane is labelled by its kind (what the CSV reader recognises).
 *
 * @internal
 */
export function mapGrid(
  map: JourneyMap,
  { customLabels = true }: { readonly customLabels?: boolean } = {},
): { stages: JourneyMap['journey']['stages']; rows: GridRow[] } {
  const j = map.journey;
  const stages = j.stages;
  const column = new Map(stages.map((s, i) => [s.id, i]));
  const per = <T>(
    items: readonly T[],
    stageOf: (item: T) => string | undefined,
    text: (item: T) => string,
  ) => {
    const cells: string[][] = stages.map(() => []);
    for (const item of items) {
      const c = column.get(stageOf(item) ?? '');
      if (c !== undefined) cells[c]!.push(text(item));
    }
    return cells;
  };
  const steps = new Map(j.steps.map((s) => [s.id, s]));
  const stepName = (id: string | undefined) => (id === undefined ? undefined : steps.get(id)?.name);
  const personaName = new Map(map.personas.map((p) => [p.id, p.name]));
  const desired = new Map(j.desiredActions.map((d) => [d.id, d]));
  const stepsByStage = stages.map((s) => j.steps.filter((step) => step.stageId === s.id));
  const window = sharedWindow(map);
  const rows: GridRow[] = [];
  for (const lane of map.lanes) {
    const label = (customLabels || lane.kind === 'notes' ? lane.label : undefined) ?? LANE_LABELS[lane.kind];
    const push = (cells: string[][]) => rows.push({ lane, label, cells });
    switch (lane.kind) {
      case 'steps':
        push(
          per(
            j.steps,
            (s) => s.stageId,
            (s) => formatItem(s.name, [['scenario', s.scenario]]),
          ),
        );
        break;
      case 'goals':
      case 'expectations':
        push(stages.map((s) => [...(lane.kind === 'goals' ? s.goals : s.expectations)]));
        break;
      case 'touchpoints':
      case 'backstage': {
        const visibility = lane.kind === 'touchpoints' ? 'frontstage' : 'backstage';
        const tps = j.touchpoints.filter((t) => t.visibility === visibility);
        push(
          per(
            tps,
            (t) => t.stageId,
            (t) =>
              formatItem(t.name, [
                ['', t.channel],
                ['scenario', t.scenario],
              ]),
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
      case 'thoughts': {
        const owners = [null, ...map.personas.map((p) => p.id)];
        for (const owner of owners) {
          const thoughts = map.thoughts.filter((t) => (t.personaId ?? null) === owner);
          if (owner !== null && thoughts.length === 0) continue;
          rows.push({
            lane,
            label: owner === null ? label : `${label}: ${personaName.get(owner)}`,
            personaId: owner,
            cells: per(
              thoughts,
              (t) => steps.get(t.stepId)?.stageId,
              (t) =>
                formatItem(t.text, [
                  ['step', stepName(t.stepId)],
                  ['scenario', t.scenario],
                ]),
            ),
          });
        }
        break;
      }
      case 'emotions': {
        rows.push({
          lane,
          label: `${label}: expected`,
          personaId: null,
          cells: stepsByStage.map((list) =>
            list.map((step) =>
              emotionText(step.expectedEmotion === undefined ? undefined : { emotion: step.expectedEmotion }),
            ),
          ),
        });
        for (const curve of map.emotionCurves) {
          const points = new Map(curve.points.map((p) => [p.stepId, p]));
          rows.push({
            lane,
            label: `${label}: ${personaName.get(curve.personaId)}${curve.scenario ? ` [${curve.scenario}]` : ''}`,
            personaId: curve.personaId,
            ...(curve.scenario ? { scenario: curve.scenario } : {}),
            cells: stepsByStage.map((list) => list.map((step) => emotionText(points.get(step.id)))),
          });
        }
        break;
      }
      case 'moments-of-truth':
        push(
          per(
            j.momentsOfTruth,
            (m) => m.stageId,
            (m) =>
              formatItem(m.name, [
                ['', m.kind],
                ['step', stepName(m.stepId)],
                ['scenario', m.scenario],
              ]),
          ),
        );
        break;
      case 'pain-points':
        push(
          per(
            j.painPoints,
            (p) => p.stageId,
            (p) =>
              formatItem(`[${p.severity}] ${p.description}`, [
                ['step', stepName(p.stepId)],
                ['frequency', p.frequency],
                ['impact', p.businessImpact],
                [
                  'personas',
                  p.personaIds.length > 0
                    ? p.personaIds.map((id) => personaName.get(id)).join(', ')
                    : undefined,
                ],
                ['owner', p.owner],
                ['scenario', p.scenario],
              ]),
          ),
        );
        break;
      case 'desired-actions':
        push(
          per(
            j.desiredActions,
            (d) => d.stageId,
            (d) => formatItem(d.name, [['events', d.interactionNames.join(', ')]]),
          ),
        );
        break;
      case 'completed-actions':
        push(
          per(
            j.completedActions,
            (c) => desired.get(c.desiredActionId)?.stageId,
            (c) =>
              formatItem(c.name, [
                ['for', desired.get(c.desiredActionId)?.name],
                ['events', c.interactionNames.join(', ')],
              ]),
          ),
        );
        break;
      case 'opportunities':
        push(
          per(
            j.opportunities,
            (o) => o.stageId,
            (o) =>
              formatItem(o.description, [
                ['step', stepName(o.stepId)],
                ['impact', o.impact],
                ['effort', o.effort],
                ['priority', o.priority],
                ['owner', o.owner],
              ]),
          ),
        );
        break;
      case 'improvement-actions':
        push(
          per(
            j.improvementActions,
            (a) => a.stageId,
            (a) => formatItem(`${a.title} — ${a.owner}, due ${a.dueDate}`, [['', a.status]]),
          ),
        );
        break;
      case 'kpis':
        rows.push({
          lane,
          // A window shared by every measurement is said once, in the row label, not in every cell.
          label: window === undefined || map.measurements.length === 0 ? label : `${label} (${window})`,
          cells: stages.map((s) => [
            ...map.kpis
              .filter((k) => k.stageId === s.id)
              .map(
                (k) =>
                  `${k.name}${k.target === undefined ? '' : ` (target ${k.target}${k.unit ? ` ${k.unit}` : ''})`}`,
              ),
            ...measurementLines(
              map.measurements.filter((m) => measurementStage(map, m) === s.id),
              window,
            ),
          ]),
        });
        break;
      case 'blueprint':
        for (const layer of BLUEPRINT_LAYERS)
          rows.push({
            lane,
            label: `${label}: ${LAYER_LABELS[layer]}`,
            layer,
            cells: per(
              map.blueprint.filter((b) => b.layer === layer),
              (b) => b.stageId,
              (b) =>
                formatItem(b.name, [
                  ['step', stepName(b.stepId)],
                  ['owner', b.owner],
                  ['scenario', b.scenario],
                ]),
            ),
          });
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
