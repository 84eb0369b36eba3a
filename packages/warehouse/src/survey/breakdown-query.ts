import {
  BreakdownAccumulator,
  type BreakdownGroup,
  type SurveyMetric,
  type SurveyMetricResult,
} from '@cx/metrics';
import { levelOption, parseOptions } from '@cx/model';
import { z } from 'zod';
import { optionsError } from '../engine/settings.js';
import { type SurveyResponseTable, surveyResponseTable } from '../mapping/survey-responses.js';
import { WarehouseQuery } from '../query.js';
import { checkedMetric } from './metric-arg.js';
import { groupTallies, responseField, scoreStatistics } from './statistics.js';

/**
 * Options of {@link surveyBreakdownQuery}: those of `breakdown` in `@cx/metrics`, with `by` naming a mapped field or
 * segment of the table.
 *
 * @example
 * ```ts
 * import type { SurveyBreakdownOptions } from '@cx/warehouse';
 * const options: SurveyBreakdownOptions = { by: 'channel', minN: 50, level: 0.9 };
 * console.log(options.by); // 'channel'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface SurveyBreakdownOptions {
  /** A mapped field (`channel`, `stageId`, …) or a segment name of the mapping. */
  readonly by: string;
  /** Groups with fewer responses are flagged `smallSample`; a whole number ≥ 0, default 30. */
  readonly minN?: number | undefined;
  /** Confidence level of the group-vs-rest tests (significant when p < 1 − level); default 0.95. */
  readonly level?: number | undefined;
}

const optionsSchema = z.strictObject({
  by: z.string({ error: 'Expected the name of a mapped field or segment' }).min(1),
  minN: z
    .number()
    .int({ error: 'Expected a whole number of responses' })
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional(),
  level: levelOption.optional(),
});

/**
 * A survey metric by segment (a mapped field or segment column), as `breakdown` in `@cx/metrics`: per group n, the
 * metric with its interval, the small-sample flag and the test against all other responses. The engine returns
 * per group and distinct score the count, Σw and Σw²; a `BreakdownAccumulator` is restored from them (its snapshot).
 * Rows whose key is NULL form the group `null`.
 *
 * @param responses - The response table.
 * @param metric - The metric with its options (`npsMetric()`, `csatMetric()`, `cesMetric()`).
 * @param options - The key, small-sample threshold and confidence level.
 * @returns The query; `run(engine)` gives the groups, largest first (ties by key).
 * @throws {@link @cx/model!CxOptionsError} for a key that is not mapped, unknown or invalid options (`confidence` is
 *   the old name of `level`) or a metric not made by `@cx/metrics`; at run time {@link @cx/model!CxValidationError}
 *   for invalid rows.
 * @example
 * ```ts
 * import { npsMetric } from '@cx/metrics';
 * import { duckdbEngine, sql, surveyBreakdownQuery } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE answers AS SELECT * FROM (VALUES (10, 'email'), (9, 'email'), (3, 'phone')) v(score, channel)`);
 * const groups = await surveyBreakdownQuery(
 *   { table: 'answers', score: 'score', fields: { channel: 'channel' } }, npsMetric(), { by: 'channel' },
 * ).run(engine);
 * console.log(groups.map((g) => [g.key, g.result.score])); // [ [ 'email', 100 ], [ 'phone', -100 ] ]
 * await engine.close();
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function surveyBreakdownQuery<R extends SurveyMetricResult>(
  responses: SurveyResponseTable,
  metric: SurveyMetric<R>,
  options: SurveyBreakdownOptions,
): WarehouseQuery<BreakdownGroup<R>[]> {
  const table = surveyResponseTable(responses);
  const m = checkedMetric(metric, 'surveyBreakdownQuery');
  const { by, ...rest } = parseOptions(optionsSchema, options, 'surveyBreakdownQuery', {
    renamed: { confidence: 'level' },
  });
  if (responseField(table, by, 'duckdb') === undefined) {
    throw optionsError(
      'surveyBreakdownQuery',
      ['by'],
      `Expected a mapped field or segment, got ${JSON.stringify(by)}`,
    );
  }
  const empty = new BreakdownAccumulator(m, rest).snapshot();
  const key = (d: Parameters<typeof responseField>[2]) => responseField(table, by, d);
  return new WarehouseQuery(
    `${m.name} by ${by}`,
    (d) => scoreStatistics(table, key(d), d),
    async (rows, engine) => {
      const tallies = await groupTallies(rows, m, table, key, engine);
      const groups = [...tallies].map(([k, state]) => ({ key: k === null ? null : String(k), state }));
      const restored = BreakdownAccumulator.restore({ ...empty, state: { groups } });
      return restored.result() as BreakdownGroup<R>[];
    },
  );
}
