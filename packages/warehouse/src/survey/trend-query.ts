import {
  type SurveyMetric,
  type SurveyMetricResult,
  TrendAccumulator,
  type TrendBucket,
  type TrendOptions,
} from '@cx/metrics';
import { CxOptionsError, CxValidationError, createCalendar, instantToEpochMs } from '@cx/model';
import { optionsError } from '../engine/settings.js';
import { epochMs } from '../mapping/expressions.js';
import { type SurveyResponseTable, surveyResponseTable } from '../mapping/survey-responses.js';
import { WarehouseQuery } from '../query.js';
import { periodOrdinal } from '../sql/calendar.js';
import type { Dialect } from '../sql/dialect.js';
import { sql } from '../sql/fragment.js';
import { type ZoneOffsets, zoneOffsets } from '../sql/zone.js';
import { checkedMetric } from './metric-arg.js';
import { groupTallies, responseRows, scoreStatistics } from './statistics.js';

/** The instants the library can write: 0000-01-01 to 9999-12-31. */
const MIN_MS = instantToEpochMs('0000-01-01T00:00:00Z');
const MAX_MS = instantToEpochMs('9999-12-31T23:59:59.999Z');

/** The resolved options of a trend, or its options error under this function's name (internal). */
function trendSnapshotOf<R extends SurveyMetricResult>(metric: SurveyMetric<R>, options: TrendOptions) {
  try {
    return new TrendAccumulator(metric, options).snapshot();
  } catch (error) {
    if (error instanceof CxOptionsError)
      throw new CxOptionsError('surveyTrendQuery', error.issues, { cause: error });
    throw error;
  }
}

/**
 * A survey metric per calendar period in a time zone, as `trend` in `@cx/metrics`: each bucket keyed by `period` in
 * the zone, with n, the metric, the small-sample flag and the test against the previous bucket; empty buckets filled
 * unless `fillGaps: false`. One pass finds the responses' time range; the engine then computes each response's
 * period number on local dates from the zone's offsets over that range, read from the same source as the calendar
 * of `@cx/model` (DST-correct: `Calendar.indexOf`, whatever zone database the engine ships), and per period and
 * distinct score the count, Σw and Σw²; a `TrendAccumulator` is restored from them (its snapshot). `toSql` shows
 * the main statement with the engine's own zone conversion; at run time it is replaced by the offsets found.
 *
 * @param responses - The response table; `respondedAt` must be mapped.
 * @param metric - The metric with its options (`npsMetric()`, `csatMetric()`, `cesMetric()`).
 * @param options - The options of `trend`: `interval` (required), `timeZone`, `weekStartsOn` (default 1, Monday),
 *   `minN`, `level`, `fillGaps`, `maxPeriods`.
 * @returns The query; `run(engine)` gives the buckets in time order.
 * @throws {@link @cx/model!CxOptionsError} without a mapped `respondedAt`, for invalid options (`period` is the old
 *   name of `interval`) or a metric not made by `@cx/metrics`. At run time {@link @cx/model!CxValidationError} for
 *   invalid rows or instants beyond the years 0000–9999, and {@link @cx/model!CxLimitError} (`too_many_periods`)
 *   when the filled series would exceed `maxPeriods`.
 * @example
 * ```ts
 * import { csatMetric } from '@cx/metrics';
 * import { duckdbEngine, sql, surveyTrendQuery } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE answers AS SELECT score, CAST(t AS TIMESTAMPTZ) AS ts FROM (VALUES
 *   (5, '2026-01-31 22:30:00+00'), (1, '2026-02-10 10:00:00+00')) v(score, t)`);
 * const buckets = await surveyTrendQuery(
 *   { table: 'answers', score: 'score', respondedAt: 'ts' }, csatMetric(), { interval: 'month', timeZone: 'Europe/Warsaw' },
 * ).run(engine);
 * console.log(buckets.map((b) => [b.period, b.result.score])); // [ [ '2026-01', 1 ], [ '2026-02', 0 ] ]
 * await engine.close();
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function surveyTrendQuery<R extends SurveyMetricResult>(
  responses: SurveyResponseTable,
  metric: SurveyMetric<R>,
  options: TrendOptions,
): WarehouseQuery<TrendBucket<R>[]> {
  const table = surveyResponseTable(responses);
  const m = checkedMetric(metric, 'surveyTrendQuery');
  const empty = trendSnapshotOf(m, options);
  const respondedAt = table.respondedAt;
  if (respondedAt === undefined) {
    throw optionsError(
      'surveyTrendQuery',
      ['respondedAt'],
      'Expected respondedAt mapped: a trend needs the instant of each response',
      'missing_option',
    );
  }
  const o = empty.options;
  const calendar = createCalendar({
    interval: o.interval,
    timeZone: o.timeZone,
    weekStartsOn: o.weekStartsOn,
  });
  const keyWith = (offsets: ZoneOffsets | null) => (d: Dialect) =>
    periodOrdinal(epochMs(respondedAt, d), o, d, offsets);
  return WarehouseQuery.custom(
    `${m.name} trend`,
    (d) => scoreStatistics(table, keyWith(null)(d), d),
    async (engine) => {
      // One pass for the responses' time range, then the zone's offsets over it: local dates computed in SQL by the
      // library's own offsets (the calendar of @cx/model), not by the engine's zone database.
      const [range] = await engine.query(
        sql`SELECT min(ms) AS lo, max(ms) AS hi FROM (${responseRows(table, undefined, engine.dialect)}) r`,
      );
      const lo = range?.lo;
      const hi = range?.hi;
      // Without rows any offsets do (none is read): those of the epoch's day.
      const offsets =
        typeof lo === 'number' && typeof hi === 'number'
          ? zoneOffsets(o.timeZone, lo - 1, hi)
          : zoneOffsets(o.timeZone, 0, 0);
      const key = keyWith(offsets);
      const rows = await engine.query(scoreStatistics(table, key(engine.dialect), engine.dialect));
      const tallies = await groupTallies(rows, m, table, key, engine);
      const indices = [...tallies.keys()]
        .filter((k): k is number => typeof k === 'number')
        .sort((a, b) => a - b);
      if (tallies.has(null)) {
        throw new CxValidationError([
          {
            path: ['responses', 'respondedAt'],
            code: 'invalid_instant',
            message: 'Responses without respondedAt in the table',
          },
        ]);
      }
      const first = indices[0];
      const last = indices[indices.length - 1];
      if (first !== undefined && last !== undefined) {
        if (calendar.startOfIndex(first) < MIN_MS || calendar.startOfIndex(last + 1) > MAX_MS) {
          throw new CxValidationError([
            {
              path: ['responses', 'respondedAt'],
              code: 'out_of_range',
              message:
                'Responses lie beyond 0000-01-01T00:00:00Z…9999-12-31T23:59:59.999Z, the instants the library can write',
            },
          ]);
        }
        if (o.fillGaps) {
          calendar.checkSpan(calendar.startOfIndex(first), calendar.startOfIndex(last), {
            maxPeriods: o.maxPeriods,
            path: ['responses', 'respondedAt'],
            what: 'The trend',
          });
        }
      }
      const buckets = indices.map((index) => ({
        index,
        state: tallies.get(index) as NonNullable<ReturnType<typeof tallies.get>>,
      }));
      return TrendAccumulator.restore({ ...empty, state: { buckets } }).result() as TrendBucket<R>[];
    },
  );
}
