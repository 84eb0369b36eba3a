import { CxOptionsError } from '@cx/model';
import { z } from 'zod';
import {
  isSurveyMetric,
  type SurveyMetric,
  type SurveyMetricName,
  type SurveyMetricResult,
} from './metric.js';

/** A metric as recorded in the options of a breakdown or trend snapshot: its name and resolved options. */
export const metricSpecSchema = z.strictObject({
  name: z.enum(['nps', 'csat', 'ces']),
  options: z.record(z.string(), z.unknown()),
});

/**
 * Throws unless `metric` was made by `npsMetric`, `csatMetric` or `cesMetric` (internal).
 *
 * @param metric - The argument.
 * @param subject - The function or class, for the message.
 */
export function checkMetric<R extends SurveyMetricResult>(
  metric: SurveyMetric<R>,
  subject: string,
): SurveyMetric<R> {
  if (!isSurveyMetric(metric)) {
    throw new CxOptionsError(subject, [
      {
        path: ['metric'],
        code: 'invalid_type',
        message: 'Expected a metric made by npsMetric(), csatMetric() or cesMetric()',
      },
    ]);
  }
  return metric;
}

/**
 * A survey metric as data: its name and resolved options, as breakdown and trend snapshots record it.
 *
 * @example
 * ```ts
 * import { BreakdownAccumulator, npsMetric, type SurveyMetricSpec } from '@cx/metrics';
 * const spec: SurveyMetricSpec = new BreakdownAccumulator(npsMetric({ level: 0.9 })).options.metric;
 * console.log(spec.name, spec.options.level); // 'nps' 0.9
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export interface SurveyMetricSpec {
  /** Which metric. */
  readonly name: SurveyMetricName;
  /** Its resolved options. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** The JSON form of a metric, for snapshots and option comparison. */
export function specOf(metric: SurveyMetric<SurveyMetricResult>): SurveyMetricSpec {
  return { name: metric.name, options: metric.options as Record<string, unknown> };
}
