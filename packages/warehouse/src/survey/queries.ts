import {
  BreakdownAccumulator,
  type BreakdownGroup,
  type SurveyMetricResult,
  TrendAccumulator,
  type TrendBucket,
  type TrendOptions,
} from '@cx/metrics';
import { optionsError } from '../engine/settings.js';
import { epochMs, textType } from '../mapping/expressions.js';
import { type SurveyResponseTable, surveyResponseTable } from '../mapping/survey-responses.js';
import { WarehouseQuery } from '../query.js';
import { periodOrdinal } from '../sql/calendar.js';
import { sql } from '../sql/fragment.js';
import { resolveSurveyMetric, type SurveyMetricSpec, type SurveyResultOf } from './spec.js';
import { foldScores, responseField, scoreStatistics, snapshotOf } from './statistics.js';

/**
 * NPS, CSAT or CES over a survey-response table: the engine computes per distinct score the count, Σw and Σw²;
 * the metric's accumulator of `@cx/metrics` is restored from them, so score, shares, standard error and interval
 * are the ones `nps`, `csat` or `ces` give in process.
 *
 * @param responses - The response table ({@link surveyResponseTable}).
 * @param spec - The metric and its options, e.g. `{ metric: 'nps', options: { interval: 'wald' } }`.
 * @returns The query; `run(engine)` gives the result.
 * @throws {@link @cx/model!CxOptionsError} for an invalid mapping or metric option (before any SQL runs);
 *   {@link @cx/model!CxValidationError} at
 *   run time for scores off the scale, NULL scores or non-positive weights, naming up to 20 rows.
 * @example
 * ```ts
 * import { duckdbEngine, sql, surveyMetricQuery } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE answers AS SELECT * FROM (VALUES (10), (9), (3), (7)) v(score)`);
 * const result = await surveyMetricQuery({ table: 'answers', score: 'score' }, { metric: 'nps' }).run(engine);
 * console.log(result.score, result.counts); // 25 { promoters: 2, passives: 1, detractors: 1 }
 * await engine.close();
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function surveyMetricQuery<S extends SurveyMetricSpec>(
  responses: SurveyResponseTable,
  spec: S,
): WarehouseQuery<SurveyResultOf<S>> {
  const table = surveyResponseTable(responses);
  const metric = resolveSurveyMetric(spec);
  return new WarehouseQuery(
    spec.metric,
    (dialect) => scoreStatistics(table, undefined, false, dialect),
    async (rows, engine) => {
      const groups = await foldScores(rows, metric, table, engine);
      const tally = groups[0]?.tally ?? snapshotOf(metric, emptyTally()).tally;
      return metric.result(snapshotOf(metric, tally)) as SurveyResultOf<S>;
    },
  );
}

function emptyTally() {
  return {
    counts: [0, 0, 0],
    weights: [0, 0, 0],
    squaredWeights: [0, 0, 0],
    sumWeightedScores: 0,
    sumWeightedSquares: 0,
  };
}

/**
 * Options of {@link surveyBreakdownQuery}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface SurveyBreakdownOptions {
  /** A mapped field (`channel`, `stageId`, …) or a segment name of the mapping. */
  readonly by: string;
  /** Groups with fewer responses are flagged `smallSample`; default 30. */
  readonly minN?: number;
  /** Confidence level of the group-vs-rest tests; default 0.95. */
  readonly confidence?: number;
}

function restoreOf(spec: SurveyMetricSpec) {
  const metric = resolveSurveyMetric(spec);
  const restore = metric.metric.restore;
  if (restore === undefined) throw optionsError('surveyMetricQuery', ['metric'], 'Expected nps, csat or ces');
  return { metric, restore };
}

/**
 * A survey metric by segment (a mapped field or segment column): per group n, the metric with its interval, the
 * small-sample flag and the test against all other responses, as `breakdown` in `@cx/metrics`. Rows whose key is
 * NULL form the group `null`.
 *
 * @param responses - The response table.
 * @param spec - The metric and its options.
 * @param options - The key, small-sample threshold and confidence.
 * @returns The query; `run(engine)` gives the groups, largest first.
 * @throws {@link @cx/model!CxOptionsError} for a key that is not mapped or invalid options;
 *   {@link @cx/model!CxValidationError} at run time for
 *   invalid rows.
 * @example
 * ```ts
 * import { duckdbEngine, sql, surveyBreakdownQuery } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE answers AS SELECT * FROM (VALUES (10, 'email'), (9, 'email'), (3, 'phone')) v(score, channel)`);
 * const groups = await surveyBreakdownQuery(
 *   { table: 'answers', score: 'score', fields: { channel: 'channel' } }, { metric: 'nps' }, { by: 'channel' },
 * ).run(engine);
 * console.log(groups.map((g) => [g.key, g.result.score])); // [ [ 'email', 100 ], [ 'phone', -100 ] ]
 * await engine.close();
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function surveyBreakdownQuery<S extends SurveyMetricSpec>(
  responses: SurveyResponseTable,
  spec: S,
  options: SurveyBreakdownOptions,
): WarehouseQuery<BreakdownGroup<SurveyResultOf<S>>[]> {
  const table = surveyResponseTable(responses);
  const { metric, restore } = restoreOf(spec);
  if (responseField(table, options.by, 'duckdb') === undefined) {
    throw optionsError(
      'surveyBreakdownQuery',
      ['by'],
      `Expected a mapped field or segment, got ${JSON.stringify(options.by)}`,
    );
  }
  const settings = {
    by: 'channel' as const,
    ...(options.minN === undefined ? {} : { minN: options.minN }),
    ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
  };
  new BreakdownAccumulator(metric.metric, settings);
  return new WarehouseQuery(
    `${spec.metric} by ${options.by}`,
    (dialect) => scoreStatistics(table, responseField(table, options.by, dialect), false, dialect),
    async (rows, engine) => {
      const groups = await foldScores(rows, metric, table, engine);
      const acc = new BreakdownAccumulator<SurveyMetricResult>(metric.metric, settings);
      for (const g of groups) acc.mergeGroup(g.key, restore(snapshotOf(metric, g.tally)));
      return acc.result() as BreakdownGroup<SurveyResultOf<S>>[];
    },
  );
}

/**
 * A survey metric per calendar period in a time zone (DST-correct: periods are computed on local dates in the
 * engine), each bucket with n, the metric, the small-sample flag and the test against the previous bucket, as
 * `trend` in `@cx/metrics`.
 *
 * @param responses - The response table; `respondedAt` must be mapped.
 * @param spec - The metric and its options.
 * @param options - The options of `trend` in `@cx/metrics` (period, time zone, week start, …).
 * @returns The query; `run(engine)` gives the buckets in time order.
 * @throws {@link @cx/model!CxOptionsError} without a mapped `respondedAt` or for invalid options;
 *   {@link @cx/model!CxValidationError} (at run
 *   time) invalid rows.
 * @example
 * ```ts
 * import { duckdbEngine, sql, surveyTrendQuery } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE answers AS SELECT score, CAST(t AS TIMESTAMPTZ) AS ts FROM (VALUES
 *   (5, '2026-01-31 22:30:00+00'), (1, '2026-02-10 10:00:00+00')) v(score, t)`);
 * const buckets = await surveyTrendQuery(
 *   { table: 'answers', score: 'score', respondedAt: 'ts' }, { metric: 'csat' }, { period: 'month', timeZone: 'Europe/Warsaw' },
 * ).run(engine);
 * console.log(buckets.map((b) => [b.key, b.result.score])); // [ [ '2026-01', 100 ], [ '2026-02', 0 ] ]
 * await engine.close();
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function surveyTrendQuery<S extends SurveyMetricSpec>(
  responses: SurveyResponseTable,
  spec: S,
  options: TrendOptions,
): WarehouseQuery<TrendBucket<SurveyResultOf<S>>[]> {
  const table = surveyResponseTable(responses);
  const { metric, restore } = restoreOf(spec);
  if (table.respondedAt === undefined) {
    throw optionsError(
      'surveyTrendQuery',
      ['respondedAt'],
      'Expected respondedAt mapped: a trend needs the instant of each response',
      'missing_option',
    );
  }
  new TrendAccumulator(metric.metric, options);
  const calendar = {
    interval: options.period,
    timeZone: options.timeZone ?? 'UTC',
    weekStartsOn: options.weekStartsOn ?? 1,
  };
  return new WarehouseQuery(
    `${spec.metric} trend`,
    (dialect) => {
      const at = table.respondedAt as NonNullable<SurveyResponseTable['respondedAt']>;
      const ms = epochMs(at, dialect);
      return scoreStatistics(
        table,
        sql`CAST(${periodOrdinal(ms, calendar, dialect)} AS ${textType(dialect)})`,
        true,
        dialect,
      );
    },
    async (rows, engine) => {
      const groups = await foldScores(rows, metric, table, engine);
      const acc = new TrendAccumulator<SurveyMetricResult>(metric.metric, options);
      for (const g of groups) acc.mergeAt(g.t as number, restore(snapshotOf(metric, g.tally)));
      return acc.result() as TrendBucket<SurveyResultOf<S>>[];
    },
  );
}
