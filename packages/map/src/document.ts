import { emotionSchema, idSchema, instantSchema, journeySchema, personaSchema, slugSchema } from '@cx/model';
import { z } from 'zod';

/**
 * The current version of the journey-map document format written by this package.
 *
 * @example
 * ```ts
 * import { MAP_FORMAT_VERSION } from '@cx/map';
 * console.log(MAP_FORMAT_VERSION); // 1
 * ```
 * @category Document
 * @since 0.1.0
 */
export const MAP_FORMAT_VERSION = 1;

/**
 * The kinds of measured metric a map can show in its KPI lane.
 *
 * @example
 * ```ts
 * import { METRIC_KINDS } from '@cx/map';
 * console.log(METRIC_KINDS.includes('nps')); // true
 * ```
 * @category Metrics
 * @since 0.1.0
 */
export const METRIC_KINDS = ['nps', 'csat', 'ces', 'conversion', 'drop-off', 'volume'] as const;

/**
 * One of the {@link METRIC_KINDS}.
 *
 * @category Metrics
 * @since 0.1.0
 */
export type MetricKind = (typeof METRIC_KINDS)[number];

/**
 * The kinds of lane (row) a map can show, top to bottom in the order of the map's `lanes`.
 *
 * @example
 * ```ts
 * import { LANE_KINDS } from '@cx/map';
 * console.log(LANE_KINDS[0]); // 'steps'
 * ```
 * @category Document
 * @since 0.1.0
 */
export const LANE_KINDS = [
  'steps',
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
  'notes',
] as const;

/**
 * One of the {@link LANE_KINDS}.
 *
 * @category Document
 * @since 0.1.0
 */
export type LaneKind = (typeof LANE_KINDS)[number];

const emotionPointSchema = z.strictObject({ stepId: idSchema, emotion: emotionSchema });

/**
 * Schema of a persona's emotion curve: the persona's emotion (−2…+2) at the steps they go through.
 *
 * @example
 * ```ts
 * import { emotionCurveSchema } from '@cx/map';
 * const curve = emotionCurveSchema.parse({ personaId: 'anna', points: [{ stepId: 'pay', emotion: -1 }] });
 * console.log(curve.points.length); // 1
 * ```
 * @category Document
 * @since 0.1.0
 */
export const emotionCurveSchema = z
  .strictObject({ personaId: idSchema, points: z.array(emotionPointSchema).default([]) })
  .meta({ id: 'EmotionCurve', description: 'One emotion curve per persona, one point per step.' });

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
  .strictObject({ id: idSchema, stepId: idSchema, personaId: idSchema.optional(), text: z.string().min(1) })
  .meta({ id: 'Thought' });

/**
 * Schema of a designed KPI: what the team measures at a stage or touchpoint, with an optional target.
 *
 * @example
 * ```ts
 * import { kpiSchema } from '@cx/map';
 * const kpi = kpiSchema.parse({ id: 'k1', name: 'Checkout conversion', stageId: 'purchase', metric: 'conversion', target: 0.6 });
 * console.log(kpi.target); // 0.6
 * ```
 * @category Document
 * @since 0.1.0
 */
export const kpiSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    stageId: slugSchema,
    touchpointId: idSchema.optional(),
    metric: z.enum(METRIC_KINDS).optional(),
    target: z.number().optional(),
    unit: z.string().min(1).optional(),
  })
  .meta({ id: 'Kpi' });

const intervalSchema = z.strictObject({
  lower: z.number(),
  upper: z.number(),
  level: z.number().gt(0).lt(1).default(0.95),
});

const RANGES: Partial<Record<MetricKind, readonly [number, number]>> = {
  nps: [-100, 100],
  conversion: [0, 1],
  'drop-off': [0, 1],
};

/**
 * Schema of a measured metric attached to a stage, touchpoint or KPI: its value, n and time window.
 *
 * NPS is on −100…+100, conversion and drop-off are proportions 0…1, volume is a count; CSAT and CES are
 * taken on whatever scale their `unit` names. With `n: 0` the value must be `null`.
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
    id: idSchema,
    metric: z.enum(METRIC_KINDS),
    value: z.number().nullable(),
    n: z.number().int().nonnegative(),
    interval: intervalSchema.optional(),
    window: z.strictObject({ from: instantSchema, to: instantSchema }),
    stageId: slugSchema.optional(),
    touchpointId: idSchema.optional(),
    kpiId: idSchema.optional(),
    unit: z.string().min(1).optional(),
    source: z.string().min(1).optional(),
  })
  .superRefine((m, ctx) => {
    const issue = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (m.n === 0 && m.value !== null)
      issue(['value'], 'Expected null: there is no value without data (n is 0)');
    if (m.n > 0 && m.value === null) issue(['value'], `Expected a number: n is ${m.n}`);
    const range = RANGES[m.metric];
    if (range && m.value !== null && (m.value < range[0] || m.value > range[1]))
      issue(['value'], `Expected ${m.metric} between ${range[0]} and ${range[1]}, got ${m.value}`);
    if (m.metric === 'volume' && m.value !== null && (!Number.isInteger(m.value) || m.value < 0))
      issue(['value'], 'Expected a volume to be a non-negative integer');
    if (m.window.from > m.window.to)
      issue(['window', 'to'], 'Expected the window to end at or after its start');
    if (m.interval && m.interval.lower > m.interval.upper)
      issue(['interval', 'upper'], 'Expected the upper bound at or above the lower bound');
    if (m.stageId === undefined && m.touchpointId === undefined && m.kpiId === undefined)
      issue([], 'Expected at least one of stageId, touchpointId or kpiId');
  })
  .meta({ id: 'Measurement', description: 'A measured metric with its time window and n.' });

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
    id: slugSchema,
    kind: z.enum(LANE_KINDS),
    label: z.string().min(1).optional(),
    cells: z.array(z.strictObject({ stageId: slugSchema, text: z.string().min(1) })).optional(),
  })
  .meta({ id: 'Lane' });

/**
 * The lanes a map shows when its document lists none: every kind but `notes`, in {@link LANE_KINDS} order.
 *
 * @example
 * ```ts
 * import { DEFAULT_LANES } from '@cx/map';
 * console.log(DEFAULT_LANES.length); // 13
 * ```
 * @category Document
 * @since 0.1.0
 */
export const DEFAULT_LANES: ReadonlyArray<{ readonly id: string; readonly kind: LaneKind }> = Object.freeze(
  LANE_KINDS.filter((kind) => kind !== 'notes').map((kind) => Object.freeze({ id: kind, kind })),
);

/**
 * Schema of a journey-map document, format version 1 (structure only; {@link parseMap} also checks references).
 *
 * @example
 * ```ts
 * import { mapDocumentSchema } from '@cx/map';
 * const map = mapDocumentSchema.parse({
 *   formatVersion: 1,
 *   journey: { id: 'shop', name: 'Shop', version: 1, stages: [{ id: 'purchase', labels: { en: 'Purchase' } }] },
 * });
 * console.log(map.lanes.length); // 13
 * ```
 * @category Document
 * @since 0.1.0
 */
export const mapDocumentSchema = z
  .strictObject({
    $schema: z.string().min(1).optional(),
    formatVersion: z.literal(MAP_FORMAT_VERSION),
    journey: journeySchema,
    personas: z.array(personaSchema).default([]),
    emotionCurves: z.array(emotionCurveSchema).default([]),
    thoughts: z.array(thoughtSchema).default([]),
    kpis: z.array(kpiSchema).default([]),
    measurements: z.array(measurementSchema).default([]),
    lanes: z.array(laneSchema).default(() => DEFAULT_LANES.map((lane) => ({ ...lane }))),
  })
  .meta({ id: 'JourneyMap', description: 'A journey-map document, format version 1.' });

/**
 * A journey-map document (parsed form: every default filled in).
 *
 * @category Document
 * @since 0.1.0
 */
export type JourneyMap = z.infer<typeof mapDocumentSchema>;

/**
 * A journey-map document as accepted on input (fields with defaults may be left out).
 *
 * @category Document
 * @since 0.1.0
 */
export type JourneyMapInput = z.input<typeof mapDocumentSchema>;

/** A persona's emotion curve. @category Document @since 0.1.0 */
export type EmotionCurve = z.infer<typeof emotionCurveSchema>;
/** A persona's thought at a step. @category Document @since 0.1.0 */
export type Thought = z.infer<typeof thoughtSchema>;
/** A designed KPI. @category Document @since 0.1.0 */
export type Kpi = z.infer<typeof kpiSchema>;
/** A measured metric. @category Metrics @since 0.1.0 */
export type Measurement = z.infer<typeof measurementSchema>;
/** A measured metric as accepted on input. @category Metrics @since 0.1.0 */
export type MeasurementInput = z.input<typeof measurementSchema>;
/** A lane of the map. @category Document @since 0.1.0 */
export type Lane = z.infer<typeof laneSchema>;
