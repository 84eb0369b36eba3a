import { z } from 'zod';
import { channelSchema } from './channel.js';
import { idSchema, languageTagSchema, propertiesSchema, slugSchema } from './json.js';
import { instantSchema } from './time/schemas.js';

/**
 * Schema of a rating scale: its range, whether higher is better, and whether scores are whole numbers.
 *
 * Stored on every response, so that a 1–5 effort scale and a 1–7 ease scale can never be mixed up.
 *
 * @example
 * ```ts
 * import { scaleSchema } from '@cx/model';
 * console.log(scaleSchema.parse({ min: 0, max: 10 })); // { min: 0, max: 10, direction: 'higher-is-better', integral: true }
 * ```
 * @category Surveys
 * @since 0.1.0
 */
export const scaleSchema = z
  .strictObject({
    min: z.number(),
    max: z.number(),
    direction: z.enum(['higher-is-better', 'lower-is-better']).default('higher-is-better'),
    integral: z.boolean().default(true),
  })
  .refine((s) => s.max > s.min, { message: 'Expected scale max greater than min', path: ['max'] })
  .meta({ id: 'Scale', description: 'A rating scale; max must exceed min (checked by the library).' });

/**
 * A rating scale (parsed form).
 *
 * @example
 * ```ts
 * import { STANDARD_SCALES, type Scale } from '@cx/model';
 * const effort: Scale = STANDARD_SCALES.cesLegacy;
 * console.log(effort.direction); // 'lower-is-better'
 * ```
 * @category Surveys
 * @since 0.1.0
 */
export type Scale = z.infer<typeof scaleSchema>;

/**
 * The standard scales: NPS 0–10, CSAT 1–5, CES 2.0 1–7 (agreement, higher is easier) and the legacy
 * CES 1–5 effort scale (lower is easier).
 *
 * @example
 * ```ts
 * import { STANDARD_SCALES } from '@cx/model';
 * console.log(STANDARD_SCALES.cesLegacy.direction); // 'lower-is-better'
 * ```
 * @category Surveys
 * @since 0.1.0
 */
export const STANDARD_SCALES = Object.freeze({
  nps: Object.freeze({ min: 0, max: 10, direction: 'higher-is-better', integral: true }),
  csat: Object.freeze({ min: 1, max: 5, direction: 'higher-is-better', integral: true }),
  ces: Object.freeze({ min: 1, max: 7, direction: 'higher-is-better', integral: true }),
  cesLegacy: Object.freeze({ min: 1, max: 5, direction: 'lower-is-better', integral: true }),
} as const satisfies Record<string, Scale>);

/**
 * Which metric a survey question measures.
 *
 * @example
 * ```ts
 * import { surveyMetricSchema } from '@cx/model';
 * console.log(surveyMetricSchema.options); // ['nps', 'csat', 'ces', 'custom']
 * ```
 * @category Surveys
 * @since 0.1.0
 */
export const surveyMetricSchema = z.enum(['nps', 'csat', 'ces', 'custom']).meta({ id: 'SurveyMetric' });

/**
 * Schema of one answer to a rating question (NPS, CSAT, CES or custom) with its scale.
 *
 * The score must lie on the scale and be a whole number when the scale is integral.
 *
 * @example
 * ```ts
 * import { surveyResponseSchema, STANDARD_SCALES } from '@cx/model';
 * const r = surveyResponseSchema.parse({
 *   id: 'r1', surveyId: 'post-purchase', metric: 'nps', scale: STANDARD_SCALES.nps, score: 9,
 *   customerId: 'c1', respondedAt: '2026-03-02T12:00:00Z', stageId: 'purchase', comment: 'Fast delivery!',
 * });
 * console.log(r.weight); // 1
 * ```
 * @category Surveys
 * @since 0.1.0
 */
export const surveyResponseSchema = z
  .strictObject({
    id: idSchema,
    surveyId: idSchema,
    questionId: idSchema.optional(),
    metric: surveyMetricSchema,
    scale: scaleSchema,
    score: z.number(),
    customerId: idSchema.optional(),
    respondedAt: instantSchema,
    comment: z.string().optional(),
    language: languageTagSchema.optional(),
    touchpointId: idSchema.optional(),
    stageId: slugSchema.optional(),
    channel: channelSchema.optional(),
    weight: z.number().positive().finite().default(1),
    properties: propertiesSchema.default({}),
  })
  .superRefine((r, ctx) => {
    if (!(r.scale.max > r.scale.min)) return; // the scale itself is reported as invalid
    if (r.score < r.scale.min || r.score > r.scale.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['score'],
        message: `Expected a score on the scale ${r.scale.min}…${r.scale.max}, got ${r.score}`,
      });
    } else if (r.scale.integral && !Number.isInteger(r.score)) {
      ctx.addIssue({
        code: 'custom',
        path: ['score'],
        message: `Expected a whole number on an integral scale, got ${r.score}`,
      });
    }
  })
  .meta({
    id: 'SurveyResponse',
    description: 'An answer to a rating question; the score must lie on the scale (checked by the library).',
  });

/**
 * A survey response (parsed form).
 *
 * @example
 * ```ts
 * import { surveyResponseSchema, STANDARD_SCALES, type SurveyResponse } from '@cx/model';
 * const r: SurveyResponse = surveyResponseSchema.parse({ id: 'r1', surveyId: 's', metric: 'csat', scale: STANDARD_SCALES.csat, score: 4, respondedAt: '2026-03-01T12:00:00Z' });
 * console.log(r.weight); // 1
 * ```
 * @category Surveys
 * @since 0.1.0
 */
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

/**
 * A survey response as accepted on input.
 *
 * @example
 * ```ts
 * import { surveyResponseSchema, type SurveyResponseInput } from '@cx/model';
 * const input: SurveyResponseInput = { id: 'r2', surveyId: 's', metric: 'nps', scale: { min: 0, max: 10 }, score: 10, respondedAt: '2026-03-01T12:00:00Z' };
 * console.log(surveyResponseSchema.parse(input).scale.integral); // true
 * ```
 * @category Surveys
 * @since 0.1.0
 */
export type SurveyResponseInput = z.input<typeof surveyResponseSchema>;
