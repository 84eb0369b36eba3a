import {
  CxLimitError,
  CxOptionsError,
  createCalendar,
  epochMsToInstant,
  type Feedback,
  feedbackSchema,
  type Interaction,
  instantToEpochMs,
  interactionSchema,
  type SurveyResponse,
  surveyResponseSchema,
  validate,
} from '@cx/model';
import { z } from 'zod';
import type { JourneyMap, JourneyMapInput, MeasurementInput } from '../format/document.js';
import type { ReadonlyDeep } from '../format/readonly-deep.js';
import { checkOptions } from '../options.js';
import { parseMap } from '../parse.js';
import { type Computed, compute } from './compute.js';
import { type MeasureMapOptions, measureOptionsSchema } from './options.js';
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

const SOURCE = 'measureMap (@cx/map)';

/**
 * Measures a map from data: every KPI that carries a metric definition gets a fresh measurement over the window
 * (and, with `interval`, one per calendar period of it), with n and a confidence interval where the metric has one,
 * computed by `@cx/metrics` (NPS, CSAT, funnels), `@cx/stats` (Wilson intervals) and `@cx/text` (sentiment). The
 * map is refreshed, not retyped: measurements of the measured KPIs are replaced, all others kept.
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
  const opts = checkOptions(measureOptionsSchema, options, 'measureMap');
  const from = instantToEpochMs(opts.window.from);
  const to = instantToEpochMs(opts.window.to);
  if (!(from < to))
    throw new CxOptionsError('measureMap', [
      {
        path: ['window', 'to'],
        code: 'invalid_value',
        message: 'Expected the window to end after it starts',
      },
    ]);
  const m = parseMap(map);
  const records = validate(dataSchema, data ?? {}, { subject: 'measurement data' });
  const kpis = m.kpis.filter(
    (k) => k.definition !== undefined && (opts.kpiIds === undefined || opts.kpiIds.includes(k.id)),
  );
  const unknown = (opts.kpiIds ?? []).filter(
    (id) => !m.kpis.some((k) => k.id === id && k.definition !== undefined),
  );
  if (unknown.length > 0)
    throw new CxOptionsError(
      'measureMap',
      unknown.map((id) => ({
        path: ['kpiIds', opts.kpiIds!.indexOf(id)],
        code: 'invalid_value' as const,
        message: `No KPI "${id}" with a metric definition in the map`,
      })),
    );
  const sorted = {
    interactions: timed(records.interactions, 'interactions', 'timestamp'),
    responses: timed(records.responses, 'responses', 'respondedAt'),
    feedback: timed(records.feedback, 'feedback', 'createdAt'),
  };
  const windows: Array<{ key?: string; from: number; to: number; fromText: string; toText: string }> = [
    { from, to, fromText: opts.window.from, toText: opts.window.to },
  ];
  if (opts.interval !== undefined) {
    const calendar = createCalendar({
      interval: opts.interval,
      timeZone: opts.timeZone,
      weekStartsOn: opts.weekStartsOn as 0 | 1 | 2 | 3 | 4 | 5 | 6,
    });
    const first = calendar.indexOf(from);
    const last = calendar.indexOf(to - 1);
    if (last - first + 1 > opts.maxPeriods)
      throw new CxLimitError(
        'too_many_periods',
        `The window spans ${last - first + 1} ${opts.interval} periods`,
        {
          limit: opts.maxPeriods,
          actual: last - first + 1,
          path: ['window'],
        },
      );
    for (let i = first; i <= last; i++) {
      const period = calendar.periodOfIndex(i);
      const start = Math.max(period.start, from);
      const end = Math.min(period.end, to);
      windows.push({
        key: period.key,
        from: start,
        to: end,
        fromText: start === from ? opts.window.from : epochMsToInstant(start),
        toText: end === to ? opts.window.to : epochMsToInstant(end),
      });
    }
  }
  const measured = new Set(kpis.map((k) => k.id));
  const fresh: MeasurementInput[] = [];
  for (const kpi of kpis)
    for (const w of windows) {
      const result: Computed = compute(kpi.definition!, m.journey, sorted, w.from, w.to, opts.level);
      fresh.push({
        id: w.key === undefined ? kpi.id : `${kpi.id}@${w.key}`,
        metric: kpi.definition!.kind,
        value: result.value,
        n: result.n,
        ...(result.confidenceInterval === undefined ? {} : { confidenceInterval: result.confidenceInterval }),
        window: { from: w.fromText, to: w.toText },
        stageId: kpi.stageId,
        ...(kpi.touchpointId === undefined ? {} : { touchpointId: kpi.touchpointId }),
        kpiId: kpi.id,
        ...(result.unit === undefined
          ? kpi.unit === undefined
            ? {}
            : { unit: kpi.unit }
          : { unit: result.unit }),
        source: SOURCE,
      });
    }
  return parseMap({
    ...m,
    measurements: [
      ...m.measurements.filter((x) => x.kpiId === undefined || !measured.has(x.kpiId)),
      ...fresh,
    ],
  });
}
