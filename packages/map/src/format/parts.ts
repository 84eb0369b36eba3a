// The map-level parts of a format-2 document besides the journey and the personas.
import { z } from 'zod';
import { metricDefinitionSchema } from './metric-definition.js';
import { emotion, id, nonEmpty, scenario, slug, texts } from './primitives.js';
import { calendarDate, instant } from './strings.js';

/** The kinds of measured metric. */
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

/** */
export const emotionCurveSchema = z
  .strictObject({
    personaId: id(),
    scenario: scenario().optional(),
    points: z.array(emotionPointSchema).default([]),
  })
  .meta({ id: 'EmotionCurve' });

/** */
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

/** */
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

/** */
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

/** */
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

/** The lane kinds, in the default top-to-bottom order. */
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

/** */
export const laneSchema = z
  .strictObject({
    id: slug(),
    kind: z.enum(LANE_KINDS),
    label: nonEmpty().optional(),
    cells: z.array(z.strictObject({ stageId: slug(), text: nonEmpty() })).optional(),
  })
  .meta({ id: 'Lane' });
