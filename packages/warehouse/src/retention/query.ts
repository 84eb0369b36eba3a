import {
  type CohortCounts,
  type CohortRetentionOptions,
  cohortRetentionFromCounts,
  type EventMatcher,
  type RetentionMatrix,
} from '@cx/metrics';
import { CxValidationError } from '@cx/model';
import { floatType, textType } from '../mapping/expressions.js';
import {
  type InteractionTable,
  interactionProblems,
  interactionRows,
  interactionTable,
} from '../mapping/interactions.js';
import { WarehouseQuery } from '../query.js';
import { floorDiv, localDayNumber, periodOrdinal } from '../sql/calendar.js';
import type { Dialect } from '../sql/dialect.js';
import { join, type SqlFragment, sql } from '../sql/fragment.js';
import { and, bit, inList } from '../sql/match.js';

const ROLLING_DAYS = { day: 1, week: 7, month: 30 } as const;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function matcher(m: EventMatcher | undefined): SqlFragment {
  const x = m ?? {};
  return and([
    ...(x.name === undefined ? [] : [inList(sql`name`, x.name)]),
    ...(x.channel === undefined ? [] : [inList(sql`channel`, x.channel)]),
    ...(x.touchpoint === undefined ? [] : [inList(sql`touchpoint`, x.touchpoint)]),
    ...(x.stage === undefined ? [] : [inList(sql`stage`, x.stage)]),
  ]);
}

/** Last offset of each column: `[0, 1, …, periods]` or the running sums of the brackets (internal). */
function columnEnds(options: CohortRetentionOptions): number[] {
  const ends = [0];
  if (options.brackets !== undefined) {
    let sum = 0;
    for (const size of options.brackets) ends.push((sum += size));
  } else for (let k = 1; k <= (options.periods ?? 7); k++) ends.push(k);
  return ends;
}

function columnOf(offset: SqlFragment, ends: readonly number[]): SqlFragment {
  const whens = ends.map((end, c) => sql`WHEN ${offset} <= ${end} THEN ${c}`);
  return sql`CASE ${join(whens, ' ')} END`;
}

function retentionSql(table: InteractionTable, o: CohortRetentionOptions, d: Dialect): SqlFragment {
  const interval = o.interval ?? 'day';
  const calendar = { interval, timeZone: o.timeZone ?? 'UTC', weekStartsOn: o.weekStartsOn ?? 0 };
  const ends = columnEnds(o);
  const maxOffset = ends[ends.length - 1] as number;
  const minOcc = o.minimumOccurrences ?? 1;
  const property = o.aggregate?.property;
  const rows = interactionRows(table, property === undefined ? {} : { numeric: [property] }, d);
  const f = floatType(d);
  const txt = textType(d);
  const v = property === undefined ? sql`CAST(NULL AS ${f})` : sql`n_0`;
  const startName = matcher({ ...(o.startEvent?.name === undefined ? {} : { name: o.startEvent.name }) });
  const e = sql`SELECT actor, t, row_number() OVER (PARTITION BY actor ORDER BY ${table.order === undefined ? sql`t, id` : sql`t, ord`}) AS seq, ${bit(matcher(o.startEvent))} AS s, ${bit(startName)} AS sn, ${bit(matcher(o.returnEvent))} AS r, ${periodOrdinal(sql`t`, calendar, d)} AS p, ${o.window === 'rolling' && o.rollingTruncation === 'day' ? localDayNumber(sql`t`, calendar.timeZone, d) : sql`0`} AS dd, ${v} AS v FROM (${rows}) ev WHERE actor IS NOT NULL AND t IS NOT NULL`;
  const cohortType = o.cohortType ?? 'first-time';
  const window = o.window ?? 'calendar';
  let cohorts: SqlFragment;
  let hits: SqlFragment;
  if (cohortType === 'recurring') {
    cohorts = sql`SELECT DISTINCT actor AS a0, p AS p0, min(t) OVER (PARTITION BY actor, p) AS t0 FROM e WHERE s = 1`;
    hits = sql`SELECT c0.a0 AS a, c0.p0 AS p0, e.p - c0.p0 AS off, e.r AS r, e.v AS v FROM cohorts c0 JOIN e ON e.actor = c0.a0 WHERE e.p >= c0.p0 AND e.p - c0.p0 <= ${maxOffset}`;
  } else {
    const pick = cohortType === 'first-ever' ? sql`sn = 1` : sql`s = 1`;
    const keep = cohortType === 'first-ever' ? sql` AND s = 1` : sql``;
    cohorts = sql`SELECT actor AS a0, p AS p0, t AS t0, seq AS q0, dd AS d0 FROM (SELECT e.*, row_number() OVER (PARTITION BY actor ORDER BY seq) AS k FROM e WHERE ${pick}) x WHERE k = 1${keep}`;
    let offset: SqlFragment;
    if (window === 'calendar') offset = sql`e.p - c0.p0`;
    else {
      const truncation = o.rollingTruncation ?? 'none';
      const ms = ROLLING_DAYS[interval as 'day' | 'week' | 'month'] * DAY_MS;
      if (truncation === 'none') offset = floorDiv(sql`e.t - c0.t0`, ms, d);
      else if (truncation === 'hour') {
        const hour = (x: SqlFragment) => sql`(${x} - (((${x}) % ${HOUR_MS}) + ${HOUR_MS}) % ${HOUR_MS})`;
        offset = floorDiv(sql`${hour(sql`e.t`)} - ${hour(sql`c0.t0`)}`, ms, d);
      } else offset = floorDiv(sql`e.dd - c0.d0`, ROLLING_DAYS[interval as 'day' | 'week' | 'month'], d);
    }
    hits = sql`SELECT a, p0, off, r, v FROM (SELECT c0.a0 AS a, c0.p0 AS p0, ${offset} AS off, e.r AS r, e.v AS v FROM cohorts c0 JOIN e ON e.actor = c0.a0 WHERE e.seq >= c0.q0) h WHERE off <= ${maxOffset}`;
  }
  const cols = sql`SELECT a, p0, c, sum(r) AS occ, sum(CASE WHEN r = 1 THEN v END) AS vs, max(r) AS anyr FROM (SELECT a, p0, ${columnOf(sql`off`, ends)} AS c, r, v FROM hits) hc GROUP BY a, p0, c`;
  const returned = sql`SELECT a, p0, c FROM cols WHERE c >= 1 AND occ >= ${minOcc}`;
  const counted =
    (o.retention ?? 'on') === 'on'
      ? sql`SELECT p0, c, count(*) AS n FROM returned GROUP BY p0, c`
      : sql`SELECT p0, lastc AS c, count(*) AS n FROM (SELECT a, p0, max(c) AS lastc FROM returned GROUP BY a, p0) l GROUP BY p0, lastc`;
  const row = (
    kind: string,
    p: SqlFragment,
    c: SqlFragment,
    n: SqlFragment,
    s: SqlFragment,
    t: SqlFragment,
  ) =>
    sql`SELECT CAST(${kind} AS ${txt}) AS rk, CAST(${p} AS ${f}) AS rp, CAST(${c} AS ${f}) AS rc, CAST(${n} AS ${f}) AS rn, CAST(${s} AS ${f}) AS rs, CAST(${t} AS ${f}) AS rt`;
  const none = sql`NULL`;
  const parts = [
    sql`${row('size', sql`p0`, none, sql`count(*)`, none, sql`min(t0)`)} FROM cohorts GROUP BY p0`,
    sql`${row('count', sql`p0`, sql`c`, sql`n`, none, none)} FROM counted`,
    sql`${row('range', none, none, sql`count(*)`, sql`min(t)`, sql`max(t)`)} FROM e`,
    ...(property === undefined
      ? []
      : [sql`${row('value', sql`p0`, sql`c`, sql`sum(anyr)`, sql`sum(vs)`, none)} FROM cols GROUP BY p0, c`]),
  ];
  return sql`WITH e AS (${e}), cohorts AS (${cohorts}), hits AS (${hits}), cols AS (${cols}), returned AS (${returned}), counted AS (${counted}) ${join(parts, ' UNION ALL ')}`;
}

/**
 * Cohort retention on an engine, in every mode of `cohortRetention` in `@cx/metrics` (first-time, first-ever and
 * recurring cohorts; "on" and "on or after"; brackets; calendar windows in a time zone or rolling windows with
 * hour or day truncation; minimum occurrences; property aggregation). The engine computes per-cohort sizes and
 * per-column counts; `cohortRetentionFromCounts` builds the same matrix as in process.
 *
 * @param interactions - The interaction table ({@link interactionTable}).
 * @param options - The options of `cohortRetention`.
 * @returns The query; `run(engine)` gives the matrix.
 * @throws {@link @cx/model!CxOptionsError} for invalid options or mapping (before any SQL runs);
 *   {@link @cx/model!CxValidationError} at run
 *   time when rows have no actor, instant, name or channel.
 * @example
 * ```ts
 * import { cohortRetentionQuery, duckdbEngine, sql } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE ev AS SELECT * FROM (VALUES
 *   ('a', TIMESTAMPTZ '2026-01-01 10:00:00+00'), ('a', TIMESTAMPTZ '2026-01-02 09:00:00+00'), ('b', TIMESTAMPTZ '2026-01-01 12:00:00+00')) v(who, ts)`);
 * const matrix = await cohortRetentionQuery(
 *   { table: 'ev', timestamp: 'ts', fields: { customerId: 'who', name: { constant: 'open' }, channel: { constant: 'web' } } },
 *   { interval: 'day', periods: 2, asOf: '2026-01-10T00:00:00Z' },
 * ).run(engine);
 * console.log(matrix.cohorts[0]?.counts, matrix.average.rates); // [ 2, 1, 0 ] [ 1, 0.5, 0 ]
 * await engine.close();
 * ```
 * @category Retention
 * @since 0.1.0
 */
export function cohortRetentionQuery(
  interactions: InteractionTable,
  options: CohortRetentionOptions = {},
): WarehouseQuery<RetentionMatrix> {
  const table = interactionTable(interactions);
  // The options are checked by @cx/metrics itself, before any SQL runs.
  cohortRetentionFromCounts({ minTime: null, maxTime: null, cohorts: [] }, options);
  const columns = columnEnds(options).length;
  return new WarehouseQuery(
    'cohort retention',
    (dialect) => retentionSql(table, options, dialect),
    async (rows, engine) => {
      await checkInteractions(table, engine);
      const cohorts = new Map<
        number,
        { at: number; size: number; counts: number[]; sums: number[]; valueActors: number[] }
      >();
      const get = (p: number) => {
        let c = cohorts.get(p);
        if (c === undefined) {
          c = {
            at: 0,
            size: 0,
            counts: new Array(columns).fill(0),
            sums: new Array(columns).fill(0),
            valueActors: new Array(columns).fill(0),
          };
          cohorts.set(p, c);
        }
        return c;
      };
      let minTime: number | null = null;
      let maxTime: number | null = null;
      const onOrAfter = options.retention === 'on-or-after';
      for (const row of rows) {
        const p = row.rp as number;
        if (row.rk === 'range') {
          if ((row.rn as number) > 0) {
            minTime = row.rs as number;
            maxTime = row.rt as number;
          }
        } else if (row.rk === 'size') {
          const c = get(p);
          c.size = row.rn as number;
          c.at = row.rt as number;
          c.counts[0] = c.size;
        } else if (row.rk === 'count') {
          const c = get(p);
          const col = row.rc as number;
          if (onOrAfter) for (let k = 1; k <= col; k++) c.counts[k]! += row.rn as number;
          else c.counts[col] = row.rn as number;
        } else if (row.rk === 'value') {
          const c = get(p);
          c.sums[row.rc as number] = (row.rs as number | null) ?? 0;
          c.valueActors[row.rc as number] = row.rn as number;
        }
      }
      const list: CohortCounts[] = [...cohorts.values()].map((c) =>
        options.aggregate === undefined ? { at: c.at, size: c.size, counts: c.counts } : c,
      );
      return cohortRetentionFromCounts({ minTime, maxTime, cohorts: list }, options);
    },
  );
}

/** Throws when rows lack an actor, instant, name or channel, as the in-process builder does (internal). */
export async function checkInteractions(
  table: InteractionTable,
  engine: import('../engine/engine.js').Engine,
): Promise<void> {
  const [row] = await engine.query(interactionProblems(interactionRows(table, {}, engine.dialect)));
  const bad = (row?.bad as number | undefined) ?? 0;
  if (bad > 0) {
    throw new CxValidationError([
      {
        path: ['interactions'],
        message: `${bad} row(s) of the interaction table without an actor, instant, name or channel`,
        code: 'missing_field',
      },
    ]);
  }
}
