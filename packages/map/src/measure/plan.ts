import {
  CxLimitError,
  CxOptionsError,
  createCalendar,
  epochMsToInstant,
  instantToEpochMs,
  MS_PER_DAY,
} from '@cx/model';
import type { JourneyMap, JourneyMapInput, Kpi, MeasurementInput } from '../format/document.js';
import type { MetricDefinition } from '../format/metric-definition.js';
import type { ReadonlyDeep } from '../format/readonly-deep.js';
import { checkOptions } from '../options.js';
import { parseMap } from '../parse.js';
import { type KpiStatistic, kpiValue } from './kpi-value.js';
import { type MeasureMapOptions, measureOptionsSchema } from './options.js';

/**
 * One window a map is measured over: the whole window (no `key`) or one calendar period of it, clipped to the
 * window (`key`, e.g. `2026-03`). Records count when `from ≤ instant < to` (epoch ms).
 *
 * @category Metrics
 * @since 0.3.0
 */
export interface PlannedWindow {
  /** The period key in the calendar's zone; absent for the whole window. */
  readonly key?: string;
  /** Start, epoch ms (inclusive). */
  readonly from: number;
  /** End, epoch ms (exclusive). */
  readonly to: number;
  /** Start as written into the measurement (the option's own text for the window's start). */
  readonly fromText: string;
  /** End as written into the measurement. */
  readonly toText: string;
}

/**
 * What a measurement run will compute, decided once for every engine: the parsed map, the KPIs measured (each with
 * its metric definition, in map order), the windows (the whole window first, then each calendar period) and the
 * resolved options. {@link measureMap} computes each KPI in process; `measureMapOn` of `@cx/warehouse` on an engine;
 * both hand their statistics to {@link assembleMeasurements}.
 *
 * @category Metrics
 * @since 0.3.0
 */
export interface MeasurementPlan {
  /** The map, parsed. */
  readonly map: JourneyMap;
  /** The KPIs measured, each with its definition. */
  readonly kpis: ReadonlyArray<{ readonly kpi: Kpi; readonly definition: MetricDefinition }>;
  /** The whole window, then one window per calendar period (with `interval`). */
  readonly windows: readonly PlannedWindow[];
  /** The calendar of the periods (with `interval`). */
  readonly calendar?: {
    readonly interval: 'day' | 'week' | 'month' | 'quarter' | 'year';
    readonly timeZone: string;
    readonly weekStartsOn: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  };
  /** Confidence level of the intervals. */
  readonly level: number;
}

/**
 * Plans the measurement of a map: checks the options and the map, picks the KPIs with a metric definition
 * (`kpiIds` narrows them) and lays out the windows — the whole window and, with `interval`, each calendar period of
 * it in `timeZone` (DST-correct periods of `@cx/model`'s calendar), clipped to the window. The first half of
 * {@link measureMap}; an engine computes a {@link KpiStatistic} per KPI and window and calls
 * {@link assembleMeasurements}.
 *
 * @param map - A map, parsed or built in code; its KPIs carry `definition`s.
 * @param options - The options of {@link measureMap}.
 * @param caller - The public function the errors are reported under (default `measureMap`).
 * @returns The plan.
 * @throws {@link @cx/model!CxValidationError} for an invalid map.
 * @throws {@link @cx/model!CxOptionsError} for a missing or reversed window, an unknown KPI id or option.
 * @throws {@link @cx/model!CxLimitError} when the window spans more than `maxPeriods` calendar periods.
 * @example
 * ```ts
 * import { planMeasurements } from '@cx/map';
 * const plan = planMeasurements(
 *   {
 *     formatVersion: 2,
 *     journey: { id: 'j', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 *     kpis: [{ id: 'k', name: 'Volume', stageId: 'use', definition: { kind: 'volume', of: 'interactions', scope: { stageId: 'use' } } }],
 *   },
 *   // March and April in Warsaw: midnight is 23:00Z before the DST change of 29 March, 22:00Z after it.
 *   { window: { from: '2026-02-28T23:00:00Z', to: '2026-04-30T22:00:00Z' }, interval: 'month', timeZone: 'Europe/Warsaw' },
 * );
 * console.log(plan.windows.map((w) => w.key ?? 'all')); // [ 'all', '2026-03', '2026-04' ]
 * ```
 * @category Metrics
 * @since 0.3.0
 */
export function planMeasurements(
  map: JourneyMap | ReadonlyDeep<JourneyMapInput>,
  options: MeasureMapOptions,
  caller = 'measureMap',
): MeasurementPlan {
  const opts = checkOptions(measureOptionsSchema, options, caller);
  const from = instantToEpochMs(opts.window.from);
  const to = instantToEpochMs(opts.window.to);
  if (!(from < to))
    throw new CxOptionsError(caller, [
      {
        path: ['window', 'to'],
        code: 'invalid_value',
        message: 'Expected the window to end after it starts',
      },
    ]);
  const m = parseMap(map);
  const unknown = (opts.kpiIds ?? []).filter(
    (id) => !m.kpis.some((k) => k.id === id && k.definition !== undefined),
  );
  if (unknown.length > 0)
    throw new CxOptionsError(
      caller,
      unknown.map((id) => ({
        path: ['kpiIds', opts.kpiIds!.indexOf(id)],
        code: 'invalid_value' as const,
        message: `No KPI "${id}" with a metric definition in the map`,
      })),
    );
  const kpis = m.kpis
    .filter((k) => k.definition !== undefined && (opts.kpiIds === undefined || opts.kpiIds.includes(k.id)))
    .map((kpi) => ({ kpi, definition: kpi.definition as MetricDefinition }));
  const windows: PlannedWindow[] = [{ from, to, fromText: opts.window.from, toText: opts.window.to }];
  if (opts.interval === undefined) return { map: m, kpis, windows, level: opts.level };
  const spec = {
    interval: opts.interval,
    timeZone: opts.timeZone,
    weekStartsOn: opts.weekStartsOn as 0 | 1 | 2 | 3 | 4 | 5 | 6,
  };
  const calendar = createCalendar(spec);
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
  return { map: m, kpis, windows, calendar: spec, level: opts.level };
}

/**
 * How far past a window's end the records of a definition reach: conversion and drop-off count completions up to
 * `withinDays` after the window ends (attempts only inside it); every other kind stays inside the window. An
 * engine reads `[from, to + reach)`.
 *
 * @param definition - A metric definition.
 * @returns Milliseconds past the window's end (0 for most kinds).
 * @example
 * ```ts
 * import { measurementReach } from '@cx/map';
 * console.log(measurementReach({ kind: 'drop-off', fromStageId: 'a', toStageId: 'b', withinDays: 2 })); // 172800000
 * ```
 * @category Metrics
 * @since 0.3.0
 */
export function measurementReach(definition: MetricDefinition): number {
  return definition.kind === 'conversion' || definition.kind === 'drop-off'
    ? definition.withinDays * MS_PER_DAY
    : 0;
}

const SOURCE = 'measureMap (@cx/map)';

/**
 * Assembles the measurements of a plan: one per KPI and window, ids `<kpi id>` for the whole window and
 * `<kpi id>@<period key>` per period, each value, n and interval presented from its {@link KpiStatistic} (NPS in
 * points, CSAT in percent, shares with a Wilson interval of `@cx/stats`, counts as they are; nothing measured gives
 * `value: null, n: 0`). Measurements of the measured KPIs are replaced, all others kept. The second half of
 * {@link measureMap}.
 *
 * @param plan - The plan ({@link planMeasurements}).
 * @param statistics - `statistics[k][w]`: the statistic of KPI `plan.kpis[k]` over `plan.windows[w]`.
 * @param source - The `source` written into each measurement (default `measureMap (@cx/map)`).
 * @returns The map with its measurements refreshed.
 * @throws {@link @cx/model!CxOptionsError} (`invalid_value` at `statistics`) when the statistics do not have one
 *   entry per KPI and window.
 * @example
 * ```ts
 * import { assembleMeasurements, planMeasurements } from '@cx/map';
 * const plan = planMeasurements(
 *   {
 *     formatVersion: 2,
 *     journey: { id: 'j', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 *     kpis: [{ id: 'k', name: 'Volume', stageId: 'use', definition: { kind: 'volume', of: 'interactions', scope: { stageId: 'use' } } }],
 *   },
 *   { window: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' } },
 * );
 * const map = assembleMeasurements(plan, [[{ kind: 'count', n: 42 }]]);
 * console.log(map.measurements[0]?.id, map.measurements[0]?.value); // 'k' 42
 * ```
 * @category Metrics
 * @since 0.3.0
 */
export function assembleMeasurements(
  plan: MeasurementPlan,
  statistics: ReadonlyArray<readonly KpiStatistic[]>,
  source: string = SOURCE,
): JourneyMap {
  if (statistics.length !== plan.kpis.length || statistics.some((row) => row.length !== plan.windows.length))
    throw new CxOptionsError('assembleMeasurements', [
      {
        path: ['statistics'],
        code: 'invalid_value',
        message: `Expected ${plan.kpis.length} rows of ${plan.windows.length} statistics (one per KPI and window)`,
      },
    ]);
  const fresh: MeasurementInput[] = [];
  plan.kpis.forEach(({ kpi, definition }, k) => {
    plan.windows.forEach((w, i) => {
      const result = kpiValue(statistics[k]![i]!, plan.level);
      fresh.push({
        id: w.key === undefined ? kpi.id : `${kpi.id}@${w.key}`,
        metric: definition.kind,
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
        source,
      });
    });
  });
  const measured = new Set(plan.kpis.map((k) => k.kpi.id));
  return parseMap({
    ...plan.map,
    measurements: [
      ...plan.map.measurements.filter((x) => x.kpiId === undefined || !measured.has(x.kpiId)),
      ...fresh,
    ],
  });
}
