import { z } from 'zod';
import { journeySchema } from './journey.js';
import {
  blueprintActionSchema,
  emotionCurveSchema,
  kpiSchema,
  LANE_KINDS,
  laneSchema,
  measurementSchema,
  scenarioInfoSchema,
  thoughtSchema,
} from './parts.js';
import { personaSchema } from './persona.js';

/**
 * The journey-map format version this package reads and writes. Older versions (0 and 1) are read through
 * migrations; newer ones are rejected with `unknown_format_version`.
 *
 * @example
 * ```ts
 * import { MAP_FORMAT_VERSION } from '@cx/map';
 * console.log(MAP_FORMAT_VERSION); // 2
 * ```
 * @category Document
 * @since 0.1.0
 */
export const MAP_FORMAT_VERSION = 2;

/**
 * The lanes a map shows when its document lists none: every kind but `notes`, in the default order.
 *
 * @example
 * ```ts
 * import { DEFAULT_LANES } from '@cx/map';
 * console.log(DEFAULT_LANES.map((l) => l.kind).slice(0, 3)); // ['steps', 'goals', 'expectations']
 * ```
 * @category Document
 * @since 0.1.0
 */
export const DEFAULT_LANES: ReadonlyArray<{ readonly id: string; readonly kind: LaneKind }> = Object.freeze(
  LANE_KINDS.filter((kind) => kind !== 'notes').map((kind) => Object.freeze({ id: kind, kind })),
);

/**
 * Schema of a journey-map document, format version 2: the structure only, exactly what the published JSON Schema
 * says. {@link parseMap} also checks what JSON Schema cannot (references, unique ids, measurement consistency).
 *
 * @example
 * ```ts
 * import { mapDocumentSchema } from '@cx/map';
 * const map = mapDocumentSchema.parse({
 *   formatVersion: 2,
 *   journey: { id: 'shop', name: 'Shop', version: 1, stages: [{ id: 'purchase', labels: { en: 'Purchase' } }] },
 * });
 * console.log(map.lanes.length, map.journey.stages[0]?.goals); // 16 []
 * ```
 * @category Document
 * @since 0.1.0
 */
export const mapDocumentSchema = z.strictObject({
  $schema: z.string().min(1).optional(),
  formatVersion: z.literal(MAP_FORMAT_VERSION),
  journey: journeySchema,
  personas: z.array(personaSchema).default([]),
  scenarios: z.array(scenarioInfoSchema).default([]),
  emotionCurves: z.array(emotionCurveSchema).default([]),
  thoughts: z.array(thoughtSchema).default([]),
  blueprint: z.array(blueprintActionSchema).default([]),
  kpis: z.array(kpiSchema).default([]),
  measurements: z.array(measurementSchema).default([]),
  lanes: z.array(laneSchema).default(() => DEFAULT_LANES.map((lane) => ({ ...lane }))),
});

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

/** The kind of a lane. @category Document @since 0.1.0 */
export type LaneKind = (typeof LANE_KINDS)[number];
/** A lane of the map. @category Document @since 0.1.0 */
export type Lane = z.infer<typeof laneSchema>;
/** A persona's emotion curve in one scenario. @category Document @since 0.1.0 */
export type EmotionCurve = z.infer<typeof emotionCurveSchema>;
/** A persona's thought at a step. @category Document @since 0.1.0 */
export type Thought = z.infer<typeof thoughtSchema>;
/** An action of the service blueprint in one of its layers. @category Blueprint @since 0.2.0 */
export type BlueprintAction = z.infer<typeof blueprintActionSchema>;
/** A designed KPI, optionally with its metric definition. @category Metrics @since 0.1.0 */
export type Kpi = z.infer<typeof kpiSchema>;
/** A measured metric. @category Metrics @since 0.1.0 */
export type Measurement = z.infer<typeof measurementSchema>;
/** A measured metric as accepted on input. @category Metrics @since 0.1.0 */
export type MeasurementInput = z.input<typeof measurementSchema>;
/** The journey of a map (parsed form). @category Document @since 0.2.0 */
export type MapJourney = JourneyMap['journey'];
/** A stage of a map. @category Document @since 0.2.0 */
export type MapStage = MapJourney['stages'][number];
/** A step of a map. @category Document @since 0.2.0 */
export type MapStep = MapJourney['steps'][number];
/** A pain point of a map. @category Document @since 0.2.0 */
export type MapPainPoint = MapJourney['painPoints'][number];
/** An opportunity of a map. @category Document @since 0.2.0 */
export type MapOpportunity = MapJourney['opportunities'][number];
/** A persona of a map. @category Document @since 0.2.0 */
export type MapPersona = JourneyMap['personas'][number];
/** `as-is` (today's journey) or `to-be` (the designed one). @category Scenarios @since 0.2.0 */
export type Scenario = 'as-is' | 'to-be';
