// Format version 1, frozen: read only to migrate it to the current version.
import { emotionSchema, idSchema, instantSchema, journeySchema, personaSchema, slugSchema } from '@cx/model';
import { z } from 'zod';

const V1_METRIC_KINDS = ['nps', 'csat', 'ces', 'conversion', 'drop-off', 'volume'] as const;
const V1_LANE_KINDS = [
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
 * Schema of a format version 1 document (structure only), as published in `journey-map.v1.json`. Read by the
 * 1 → 2 migration; nothing writes version 1 any more.
 *
 * @example
 * ```ts
 * import { mapV1Schema } from '@cx/map';
 * const v1 = mapV1Schema.parse({
 *   formatVersion: 1,
 *   journey: { id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 * });
 * console.log(v1.lanes.length); // 13
 * ```
 * @category Migration
 * @since 0.2.0
 */
export const mapV1Schema = z.strictObject({
  $schema: z.string().min(1).optional(),
  formatVersion: z.literal(1),
  journey: journeySchema,
  personas: z.array(personaSchema).default([]),
  emotionCurves: z
    .array(
      z.strictObject({
        personaId: idSchema,
        points: z.array(z.strictObject({ stepId: idSchema, emotion: emotionSchema })).default([]),
      }),
    )
    .default([]),
  thoughts: z
    .array(
      z.strictObject({
        id: idSchema,
        stepId: idSchema,
        personaId: idSchema.optional(),
        text: z.string().min(1),
      }),
    )
    .default([]),
  kpis: z
    .array(
      z.strictObject({
        id: idSchema,
        name: z.string().min(1),
        stageId: slugSchema,
        touchpointId: idSchema.optional(),
        metric: z.enum(V1_METRIC_KINDS).optional(),
        target: z.number().optional(),
        unit: z.string().min(1).optional(),
      }),
    )
    .default([]),
  measurements: z
    .array(
      z.strictObject({
        id: idSchema,
        metric: z.enum(V1_METRIC_KINDS),
        value: z.number().nullable(),
        n: z.number().int().nonnegative(),
        interval: z
          .strictObject({ lower: z.number(), upper: z.number(), level: z.number().gt(0).lt(1).default(0.95) })
          .optional(),
        window: z.strictObject({ from: instantSchema, to: instantSchema }),
        stageId: slugSchema.optional(),
        touchpointId: idSchema.optional(),
        kpiId: idSchema.optional(),
        unit: z.string().min(1).optional(),
        source: z.string().min(1).optional(),
      }),
    )
    .default([]),
  lanes: z
    .array(
      z.strictObject({
        id: slugSchema,
        kind: z.enum(V1_LANE_KINDS),
        label: z.string().min(1).optional(),
        cells: z.array(z.strictObject({ stageId: slugSchema, text: z.string().min(1) })).optional(),
      }),
    )
    .default(() => V1_LANE_KINDS.filter((k) => k !== 'notes').map((kind) => ({ id: kind, kind }))),
});

/**
 * A format version 1 document (parsed form).
 *
 * @category Migration
 * @since 0.2.0
 */
export type JourneyMapV1 = z.infer<typeof mapV1Schema>;
