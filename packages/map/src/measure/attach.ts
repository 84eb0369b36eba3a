import { z } from 'zod';
import type { JourneyMap, JourneyMapInput, MeasurementInput } from '../format/document.js';
import type { ReadonlyDeep } from '../format/readonly-deep.js';
import { checkOptions } from '../options.js';
import { parseMap } from '../parse.js';
import { canonicalMap } from '../serialize.js';

const optionsSchema = z.strictObject({ mode: z.enum(['append', 'replace']).optional() });

/**
 * Options of {@link attachMeasurements}.
 *
 * @category Metrics
 * @since 0.1.0
 */
export interface AttachMeasurementsOptions {
  /** `append` (default) keeps existing measurements and fails on a repeated id; `replace` swaps those with the same id. */
  readonly mode?: 'append' | 'replace';
}

/**
 * Attaches measured metrics (NPS, CSAT, CES, conversion, drop-off, volume, each with its time window and n) to
 * the stages, touchpoints or KPIs of a map, so that the KPI lane shows the measured journey beside the designed one.
 * Values computed elsewhere (e.g. by `@cx/metrics`) are passed as plain objects.
 *
 * @param map - A map, parsed or built in code.
 * @param measurements - Measurements to attach; each names a `stageId`, `touchpointId` or `kpiId`.
 * @param options - Append or replace by id.
 * @returns A new, validated map; the input is not changed.
 * @throws {@link @cx/model!CxValidationError} naming `/measurements/<i>/…` for a bad value (off range, `n: 0` with a
 * value, window end before start), an unknown stage, touchpoint or KPI, or a repeated id.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option (naming the closest known one) or a value out of range.
 * @example
 * ```ts
 * import { attachMeasurements } from '@cx/map';
 * const map = attachMeasurements(
 *   { formatVersion: 2, journey: { id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] } },
 *   [{ id: 'nps-q1', metric: 'nps', value: 31, n: 412, stageId: 'use', window: { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' } }],
 * );
 * console.log(map.measurements.length); // 1
 * ```
 * @category Metrics
 * @since 0.1.0
 */
export function attachMeasurements(
  map: JourneyMap | ReadonlyDeep<JourneyMapInput>,
  measurements: readonly MeasurementInput[],
  options?: AttachMeasurementsOptions,
): JourneyMap {
  const { mode = 'append' } = checkOptions(optionsSchema, options, 'attachMeasurements');
  const base = canonicalMap(map);
  const ids = new Set(measurements.map((m) => m.id));
  const kept = mode === 'replace' ? base.measurements.filter((m) => !ids.has(m.id)) : base.measurements;
  return parseMap({ ...base, measurements: [...kept, ...measurements] });
}
