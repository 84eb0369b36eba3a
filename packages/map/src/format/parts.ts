// The map-level parts of a format-2 document besides the journey and the personas.
import { z } from 'zod';
import { metricDefinitionSchema } from './metric-definition.js';
import { emotion, id, nonEmpty, scenario, slug, texts } from './primitives.js';
import { calendarDate, instant } from './strings.js';

/**
 * The kinds of measured metric a map holds: NPS, CSAT, CES, conversion, drop-off, volume and sentiment share.
 *
 * @example
 * ```ts
 * import { METRIC_KINDS } from '@cx/map';
 * console.log(METRIC_KINDS.includes('sentiment-share')); // true
 * ```
 * @category Metrics
 * @since 0.1.0
 */
export const METRIC_KINDS = [
  'nps',
  'csat',
  'ces',
  'conversion',
  'drop-off',
  'volume',
  'sentiment-share',
] as const;

/** */
export const emotionPointSchema = z
  .strictObject({ stepId: id(), emotion: emotion().optional(), words: texts() })
  .check(
    z.refine(
      (p: { emotion?: number | undefined; words: string[] }) => p.emotion !== undefined || p.words.length > 0,
      {
        message: 'Expected an emotion (−2…+2), words (e.g. "anxious"), or both',
      },
    ),
  )
  .meta({
    anyOf: [
      { required: ['emotion'] },
      { required: ['words'], properties: { words: { type: 'array', minItems: 1 } } },
    ],
  });

/**
 * Schema of a persona's emotion curve in one scenario (or both): points at steps, each an emotion on −2…+2, words,
 * or both.
 *
 * @example
 * ```ts
 * import { emotionCurveSchema } from '@cx/map';
 * const curve = emotionCurveSchema.parse({ personaId: 'anna', points: [{ stepId: 'pay', emotion: -1, words: ['rushed'] }] });
 * console.log(curve.points[0]?.words); // ['rushed']
 * ```
 * @category Document
 * @since 0.1.0
 */
export const emotionCurveSchema = z
  .strictObject({
    personaId: id(),
    scenario: scenario().optional(),
    points: z.array(emotionPointSchema).default([]),
  })
  .meta({ id: 'EmotionCurve' });

/**
 * Schema of a thought: what a persona thinks at a step, in their own words.
 *
 * @example
 * ```ts
 * import { thoughtSchema } from '@cx/map';
 * console.log(thoughtSchema.parse({ id: 't1', stepId: 'pay', text: 'Is this site safe?' }).text);
 * ```
 * @category Document
 * @since 0.1.0
 */
export const thoughtSchema = z
  .strictObject({
    id: id(),
    stepId: id(),
    personaId: id().optional(),
    text: nonEmpty(),
    scenario: scenario().optional(),
  })
  .meta({ id: 'Thought' });

/** The layers of a service blueprint, top to bottom. */
export const BLUEPRINT_LAYERS = [
  'physical-evidence',
  'customer-action',
  'frontstage',
  'backstage',
  'support',
] as const;

/**
 * Schema of an action of the service blueprint: in a layer (physical evidence, customer action, frontstage,
 * backstage, support), at a stage and optionally a step and touchpoint.
 *
 * @example
 * ```ts
 * import { blueprintActionSchema } from '@cx/map';
 * const a = blueprintActionSchema.parse({ id: 'b1', layer: 'backstage', stageId: 'purchase', name: 'Fraud check' });
 * console.log(a.layer); // 'backstage'
 * ```
 * @category Blueprint
 * @since 0.2.0
 */
export const blueprintActionSchema = z
  .strictObject({
    id: id(),
    layer: z.enum(BLUEPRINT_LAYERS),
    stageId: slug(),
    stepId: id().optional(),
    touchpointId: id().optional(),
    name: nonEmpty(),
    description: z.string().optional(),
    owner: nonEmpty().optional(),
    scenario: scenario().optional(),
  })
  .meta({ id: 'BlueprintAction' });

/** */
export const scenarioInfoSchema = z
  .strictObject({
    id: scenario(),
    name: nonEmpty(),
    description: z.string().optional(),
    targetDate: calendarDate().optional(),
  })
  .meta({ id: 'ScenarioInfo' });

/**
 * Schema of a designed KPI: what the team measures at a stage or touchpoint, an optional target and an optional
 * metric definition that makes the KPI measure itself (see {@link measureMap}).
 *
 * @example
 * ```ts
 * import { kpiSchema } from '@cx/map';
 * const kpi = kpiSchema.parse({ id: 'k1', name: 'NPS', stageId: 'use', target: 40, definition: { kind: 'nps', scope: { stageId: 'use' } } });
 * console.log(kpi.definition?.kind); // 'nps'
 * ```
 * @category Metrics
 * @since 0.1.0
 */
export const kpiSchema = z
  .strictObject({
    id: id(),
    name: nonEmpty(),
    stageId: slug(),
    touchpointId: id().optional(),
    metric: z.enum(METRIC_KINDS).optional(),
    target: z.number().optional(),
    unit: nonEmpty().optional(),
    definition: metricDefinitionSchema.optional(),
  })
  .meta({ id: 'Kpi' });

/**
 * Schema of a measured metric attached to a stage, touchpoint or KPI: its value, n, confidence interval and time
 * window ({@link mapRuleIssues} checks the value's range and that `n: 0` goes with `value: null`).
 *
 * @example
 * ```ts
 * import { measurementSchema } from '@cx/map';
 * const m = measurementSchema.parse({
 *   id: 'nps-q1', metric: 'nps', value: 32, n: 410, stageId: 'use',
 *   window: { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
 * });
 * console.log(m.value); // 32
 * ```
 * @category Metrics
 * @since 0.1.0
 */
export const measurementSchema = z
  .strictObject({
    id: id(),
    metric: z.enum(METRIC_KINDS),
    value: z.number().nullable(),
    n: z.number().int().nonnegative(),
    confidenceInterval: z
      .strictObject({
        lower: z.number(),
        upper: z.number(),
        level: z.number().gt(0).lt(1).default(0.95),
      })
      .optional(),
    window: z.strictObject({ from: instant(), to: instant() }),
    stageId: slug().optional(),
    touchpointId: id().optional(),
    kpiId: id().optional(),
    unit: nonEmpty().optional(),
    source: nonEmpty().optional(),
  })
  .meta({ id: 'Measurement' });

/**
 * The kinds of lane (row) a map can show, in the default top-to-bottom order.
 *
 * @example
 * ```ts
 * import { LANE_KINDS } from '@cx/map';
 * console.log(LANE_KINDS[0], LANE_KINDS.includes('blueprint')); // 'steps' true
 * ```
 * @category Document
 * @since 0.1.0
 */
export const LANE_KINDS = [
  'steps',
  'goals',
  'expectations',
  'touchpoints',
  'channels',
  'thoughts',
  'emotions',
  'moments-of-truth',
  'pain-points',
  'desired-actions',
  'completed-actions',
  'opportunities',
  'improvement-actions',
  'kpis',
  'backstage',
  'blueprint',
  'notes',
] as const;

/**
 * Schema of a lane (row) of the map; `notes` lanes carry free text per stage in `cells`.
 *
 * @example
 * ```ts
 * import { laneSchema } from '@cx/map';
 * console.log(laneSchema.parse({ id: 'steps', kind: 'steps' }).kind); // 'steps'
 * ```
 * @category Document
 * @since 0.1.0
 */
export const laneSchema = z
  .strictObject({
    id: slug(),
    kind: z.enum(LANE_KINDS),
    label: nonEmpty().optional(),
    cells: z.array(z.strictObject({ stageId: slug(), text: nonEmpty() })).optional(),
  })
  .meta({ id: 'Lane' });
