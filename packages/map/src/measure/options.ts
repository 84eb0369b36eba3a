import { intervalOption, levelOption, maxPeriodsOption, timeZoneOption, weekStartsOnOption } from '@cx/model';
import { z } from 'zod';
import { INSTANT_PATTERN } from '../format/strings.js';

/**
 * Options of {@link measureMap}.
 *
 * @category Metrics
 * @since 0.2.0
 */
export interface MeasureMapOptions {
  /** The time window measured: records at or after `from` and before `to` (UTC instants). Required. */
  readonly window: { readonly from: string; readonly to: string };
  /**
   * Also measure each calendar period of the window (`day`, `week`, `month`, `quarter`, `year`): one measurement per
   * KPI and period, each with its own window, in addition to the whole window. Periods are taken in `timeZone`.
   */
  readonly interval?: 'day' | 'week' | 'month' | 'quarter' | 'year';
  /** IANA time zone of the calendar periods; default `UTC`. */
  readonly timeZone?: string;
  /** First day of a week period, 0 (Sunday) … 6; default 1 (Monday, ISO). */
  readonly weekStartsOn?: number;
  /** Confidence level of the intervals, in (0, 1); default 0.95. */
  readonly level?: number;
  /** Most calendar periods the window may span; default 10,000 (a `CxLimitError` beyond). */
  readonly maxPeriods?: number;
  /** Only these KPIs (default: every KPI with a metric definition). */
  readonly kpiIds?: readonly string[];
}

const instant = z
  .string()
  .regex(INSTANT_PATTERN, { message: 'Expected a UTC instant such as 2026-01-01T00:00:00Z' });

/** @internal */
export const measureOptionsSchema = z.strictObject({
  window: z.strictObject({ from: instant, to: instant }),
  interval: intervalOption.optional(),
  timeZone: timeZoneOption,
  weekStartsOn: weekStartsOnOption,
  level: levelOption,
  maxPeriods: maxPeriodsOption,
  kpiIds: z.array(z.string().min(1)).optional(),
});
