import {
  type Feedback,
  feedbackSchema,
  type Interaction,
  interactionSchema,
  type SurveyResponse,
  surveyResponseSchema,
  validate,
} from '@cx/model';
import { z } from 'zod';
import type { JourneyMap, JourneyMapInput } from '../format/document.js';
import type { ReadonlyDeep } from '../format/readonly-deep.js';
import { compute } from './compute.js';
import type { MeasureMapOptions } from './options.js';
import { assembleMeasurements, planMeasurements } from './plan.js';
import { timed } from './records.js';

/**
 * The records a map is measured from: what customers did (interactions), what they answered (survey responses) and
 * what they wrote (feedback), each in its `@cx/model` form.
 *
 * @category Metrics
 * @since 0.2.0
 */
export interface MeasurementData {
  /** Interactions, for conversion, drop-off and volume. */
  readonly interactions?: readonly Interaction[];
  /** Survey responses, for NPS, CSAT and volume. */
  readonly responses?: readonly SurveyResponse[];
  /** Feedback, for sentiment share and volume. */
  readonly feedback?: readonly Feedback[];
}

const dataSchema = z.strictObject({
  interactions: z.array(interactionSchema).optional(),
  responses: z.array(surveyResponseSchema).optional(),
  feedback: z.array(feedbackSchema).optional(),
});

/**
 * Measures a map from data: every KPI that carries a metric definition gets a fresh measurement over the window
 * (and, with `interval`, one per calendar period of it), with n and a confidence interval where the metric has one,
 * computed by `@cx/metrics` (NPS, CSAT, funnels), `@cx/stats` (Wilson intervals) and `@cx/text` (sentiment). The
 * map is refreshed, not retyped: measurements of the measured KPIs are replaced, all others kept. The windows and
 * ids are laid out by {@link planMeasurements} and the values presented by {@link assembleMeasurements}, the same
 * two halves `measureMapOn` of `@cx/warehouse` runs around an engine.
 *
 * Measurement ids are `<kpi id>` for the window and `<kpi id>@<period key>` (e.g. `k-nps@2026-03`) per period.
 * A KPI with no records in a window gets `value: null, n: 0`, never a made-up number.
 *
 * @param map - A map, parsed or built in code; its KPIs carry `definition`s.
 * @param data - Interactions, survey responses and feedback.
 * @param options - The window (required), calendar interval and zone, confidence level, which KPIs.
 * @returns The map with its measurements refreshed.
 * @throws {@link @cx/model!CxValidationError} for an invalid map or invalid records (each named by path, e.g.
 * `/interactions/7/timestamp`).
 * @throws {@link @cx/model!CxOptionsError} for a missing or reversed window, an unknown KPI id or option.
 * @throws {@link @cx/model!CxLimitError} when the window spans more than `maxPeriods` calendar periods.
 * @example
 * ```ts
 * import { measureMap } from '@cx/map';
 * const map = {
 *   formatVersion: 2 as const,
 *   journey: { id: 'j', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 *   kpis: [{ id: 'k-nps', name: 'NPS', stageId: 'use', definition: { kind: 'nps' as const, scope: { stageId: 'use' } } }],
 * };
 * const response = (id: string, score: number) => ({
 *   id, surveyId: 's', metric: 'nps' as const, scale: { min: 0, max: 10 }, score,
 *   respondedAt: '2026-03-02T10:00:00Z', stageId: 'use',
 * });
 * const measured = measureMap(map, { responses: [response('a', 10), response('b', 9), response('c', 3)] }, {
 *   window: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
 * });
 * console.log(measured.measurements[0]?.value, measured.measurements[0]?.n); // 33.33333333333333 3
 * ```
 * @category Metrics
 * @since 0.2.0
 */
export function measureMap(
  map: JourneyMap | ReadonlyDeep<JourneyMapInput>,
  data: MeasurementData,
  options: MeasureMapOptions,
): JourneyMap {
  const plan = planMeasurements(map, options);
  const records = validate(dataSchema, data ?? {}, { subject: 'measurement data' });
  const sorted = {
    interactions: timed(records.interactions, 'interactions', 'timestamp'),
    responses: timed(records.responses, 'responses', 'respondedAt'),
    feedback: timed(records.feedback, 'feedback', 'createdAt'),
  };
  return assembleMeasurements(
    plan,
    plan.kpis.map(({ definition }) =>
      plan.windows.map((w) => compute(definition, plan.map.journey, sorted, w.from, w.to, plan.level)),
    ),
  );
}
