import { z } from 'zod';
import { id, nonEmpty, slug } from './primitives.js';

const scope = () =>
  z
    .strictObject({ stageId: slug().optional(), touchpointId: id().optional() })
    .check(
      z.refine(
        (s: { stageId?: string | undefined; touchpointId?: string | undefined }) =>
          (s.stageId === undefined) !== (s.touchpointId === undefined),
        {
          message: 'Expected exactly one of stageId and touchpointId',
        },
      ),
    )
    .meta({ oneOf: [{ required: ['stageId'] }, { required: ['touchpointId'] }] });

const withinDays = () =>
  z
    .number()
    .positive({ message: 'Expected a positive number of days' })
    .max(3660, { message: 'Expected at most 3660 days (ten years)' });

const surveyId = () => id().optional();

/**
 * Schema of a KPI's metric definition: plain data saying what to compute from which records, so that any engine
 * (this package's {@link measureMap}, or a warehouse) computes the same measurement.
 *
 * - `nps`: Net Promoter Score (−100…+100) of the survey responses with `metric: 'nps'` at a stage or touchpoint;
 * - `csat`: share (0…1) of satisfied CSAT responses there (`positive`: `top-2-box`, the default, or `top-box`);
 * - `conversion`: share of customers who attempted a desired action and completed it within `withinDays`;
 * - `drop-off`: share of customers who reached `fromStageId` but not `toStageId` within `withinDays`;
 * - `volume`: count of interactions (optionally only those named), survey responses or feedback at a scope;
 * - `sentiment-share`: share (0…1) of the scored feedback at a scope whose sentiment is `label`.
 *
 * @example
 * ```ts
 * import { metricDefinitionSchema } from '@cx/map';
 * const d = metricDefinitionSchema.parse({ kind: 'csat', scope: { stageId: 'use' } });
 * console.log(d); // { kind: 'csat', scope: { stageId: 'use' }, positive: 'top-2-box' }
 * ```
 * @category Metrics
 * @since 0.2.0
 */
export const metricDefinitionSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('nps'), scope: scope(), surveyId: surveyId() }),
    z.strictObject({
      kind: z.literal('csat'),
      scope: scope(),
      surveyId: surveyId(),
      positive: z.enum(['top-box', 'top-2-box']).default('top-2-box'),
    }),
    z.strictObject({
      kind: z.literal('conversion'),
      desiredActionId: id(),
      withinDays: withinDays().default(14),
    }),
    z.strictObject({
      kind: z.literal('drop-off'),
      fromStageId: slug(),
      toStageId: slug(),
      withinDays: withinDays().default(30),
    }),
    z.strictObject({
      kind: z.literal('volume'),
      of: z.enum(['interactions', 'responses', 'feedback']),
      scope: scope(),
      interactionNames: z.array(nonEmpty()).optional(),
    }),
    z.strictObject({
      kind: z.literal('sentiment-share'),
      scope: scope(),
      label: z.enum(['positive', 'neutral', 'negative']),
    }),
  ])
  .meta({ id: 'MetricDefinition' });

/**
 * A KPI's metric definition (parsed form, defaults filled in).
 *
 * @category Metrics
 * @since 0.2.0
 */
export type MetricDefinition = z.infer<typeof metricDefinitionSchema>;

/**
 * A KPI's metric definition as accepted on input.
 *
 * @category Metrics
 * @since 0.2.0
 */
export type MetricDefinitionInput = z.input<typeof metricDefinitionSchema>;

/**
 * Where a definition's records come from: a stage or a touchpoint.
 *
 * @category Metrics
 * @since 0.2.0
 */
export type MetricScope = {
  readonly stageId?: string | undefined;
  readonly touchpointId?: string | undefined;
};
