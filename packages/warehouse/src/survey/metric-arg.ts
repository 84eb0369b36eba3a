import { BreakdownAccumulator, type SurveyMetric, type SurveyMetricResult } from '@cx/metrics';
import { CxOptionsError } from '@cx/model';

/**
 * Checks that `metric` was made by `npsMetric`, `csatMetric` or `cesMetric` of `@cx/metrics` (internal): the
 * accumulators of `@cx/metrics` know their own metrics, so a breakdown is asked to accept it.
 *
 * @throws {@link CxOptionsError} (`invalid_type` at `metric`) otherwise.
 */
export function checkedMetric<R extends SurveyMetricResult>(
  metric: SurveyMetric<R>,
  subject: string,
): SurveyMetric<R> {
  try {
    new BreakdownAccumulator(metric);
  } catch (error) {
    if (!(error instanceof CxOptionsError)) throw error;
    throw new CxOptionsError(
      subject,
      [
        {
          path: ['metric'],
          code: 'invalid_type',
          message: 'Expected a metric made by npsMetric(), csatMetric() or cesMetric() of @cx/metrics',
        },
      ],
      { cause: error },
    );
  }
  return metric;
}
