import type { SurveyMetric, SurveyMetricResult } from '@cx/metrics';
import { type SurveyResponseTable, surveyResponseTable } from '../mapping/survey-responses.js';
import { WarehouseQuery } from '../query.js';
import { checkedMetric } from './metric-arg.js';
import { groupTallies, scoreStatistics } from './statistics.js';

/**
 * NPS, CSAT or CES over a survey-response table: the engine computes per distinct score the count, Σw and Σw²; the
 * metric's accumulator of `@cx/metrics` is restored from them (its snapshot), so score, shares, standard error and
 * interval are the ones `nps`, `csat` or `ces` give in process with the same options.
 *
 * @param responses - The response table ({@link surveyResponseTable}).
 * @param metric - The metric with its options: `npsMetric({ level: 0.9 })`, `csatMetric()`, `cesMetric({ scale })`.
 * @returns The query; `run(engine)` gives the metric's result.
 * @throws {@link @cx/model!CxOptionsError} for an invalid mapping or a metric not made by `@cx/metrics` (before any
 *   SQL runs). At run time: {@link @cx/model!CxValidationError} for scores off the scale, NULL scores or weights that
 *   are not positive and finite, naming up to 20 rows; {@link @cx/model!CxLimitError} when the total weight exceeds
 *   the largest finite number.
 * @example
 * ```ts
 * import { npsMetric } from '@cx/metrics';
 * import { duckdbEngine, sql, surveyMetricQuery } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE answers AS SELECT * FROM (VALUES (10), (9), (3), (7)) v(score)`);
 * const result = await surveyMetricQuery({ table: 'answers', score: 'score' }, npsMetric()).run(engine);
 * console.log(result.score, result.counts); // 25 { promoters: 2, passives: 1, detractors: 1 }
 * await engine.close();
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function surveyMetricQuery<R extends SurveyMetricResult>(
  responses: SurveyResponseTable,
  metric: SurveyMetric<R>,
): WarehouseQuery<R> {
  const table = surveyResponseTable(responses);
  const m = checkedMetric(metric, 'surveyMetricQuery');
  return new WarehouseQuery(
    m.name,
    (dialect) => scoreStatistics(table, undefined, dialect),
    async (rows, engine) => {
      const tallies = await groupTallies(rows, m, table, () => undefined, engine);
      const empty = m.create().snapshot();
      const state = tallies.get(null) ?? empty.state;
      return m.restore({ ...empty, state }).result();
    },
  );
}
