import type { CohortRetentionOptions, EventMatcher } from '@cx/metrics';
import { MS_PER_DAY, MS_PER_HOUR } from '@cx/model';
import { floatType, textType } from '../mapping/expressions.js';
import { type InteractionTable, interactionRows } from '../mapping/interactions.js';
import { floorDiv, localDayNumber, periodOfDay, periodOrdinal, type SqlCalendar } from '../sql/calendar.js';
import type { Dialect } from '../sql/dialect.js';
import { join, type SqlFragment, sql } from '../sql/fragment.js';
import { and, bit, inList } from '../sql/match.js';
import type { ZoneOffsets } from '../sql/zone.js';

/** The options of a retention query with the defaults of `cohortRetention` filled in (internal). */
export interface RetentionSpec {
  readonly calendar: SqlCalendar;
  /** Last period offset of each column: `[0, 1, …, periods]` or the running sums of the brackets. */
  readonly ends: readonly number[];
  readonly brackets: boolean;
  readonly cohortType: 'first-time' | 'first-ever' | 'recurring';
  readonly startEvent: EventMatcher;
  readonly returnEvent: EventMatcher;
  readonly onOrAfter: boolean;
  readonly window: 'calendar' | 'rolling';
  readonly rollingTruncation: 'none' | 'hour' | 'day';
  readonly minimumOccurrences: number;
  readonly property: string | undefined;
}

const ROLLING_DAYS = { day: 1, week: 7, month: 30, quarter: 0, year: 0 } as const;

/** The spec of options that `cohortRetentionFromCounts` accepted (internal). */
export function retentionSpec(o: CohortRetentionOptions): RetentionSpec {
  const ends = [0];
  if (o.brackets !== undefined) {
    let sum = 0;
    for (const size of o.brackets) ends.push((sum += size));
  } else for (let k = 1; k <= (o.periods ?? 7); k++) ends.push(k);
  return {
    calendar: { interval: o.interval, timeZone: o.timeZone ?? 'UTC', weekStartsOn: o.weekStartsOn ?? 1 },
    ends,
    brackets: o.brackets !== undefined,
    cohortType: o.cohortType ?? 'first-time',
    startEvent: o.startEvent ?? {},
    returnEvent: o.returnEvent ?? {},
    onOrAfter: o.retention === 'on-or-after',
    window: o.window ?? 'calendar',
    rollingTruncation: o.rollingTruncation ?? 'none',
    minimumOccurrences: o.minimumOccurrences ?? 1,
    property: o.aggregate?.property,
  };
}

function matcher(m: EventMatcher): SqlFragment {
  return and([
    ...(m.name === undefined ? [] : [inList(sql`name`, m.name)]),
    ...(m.channel === undefined ? [] : [inList(sql`channel`, m.channel)]),
    ...(m.touchpoint === undefined ? [] : [inList(sql`touchpoint`, m.touchpoint)]),
    ...(m.stage === undefined ? [] : [inList(sql`stage`, m.stage)]),
  ]);
}

/** The column of a period offset: the offset itself, or the bracket holding it (internal). */
function columnOf(offset: SqlFragment, spec: RetentionSpec): SqlFragment {
  if (!spec.brackets) return offset;
  return sql`CASE ${join(
    spec.ends.map((end, c) => sql`WHEN ${offset} <= ${end} THEN ${c}`),
    ' ',
  )} END`;
}

/**
 * The statistics of a cohort retention matrix, set-based (internal). Only start-named and return events are read.
 * Each actor's cohort comes from one `GROUP BY actor` (the earliest start event; for `first-ever` the earliest
 * start-named one must pass every criterion); return events are joined with their actor's cohort, turned into a
 * column from their period number (or rolling offset), and reduced to one row per actor and column, then counted
 * per cohort and column. Ties at the start instant are ordered by the tie key (`order`, else `id`): they matter for
 * `first-ever` and for the aggregate of column 0 only.
 *
 * Returns rows `(rk, rp, rc, rn, rs)`: `size` per cohort period, `count` per cohort and column (for "on or after",
 * per cohort and last column), `value` (actors with a return event and the property's sum) per cohort and column.
 */
export function retentionSql(
  table: InteractionTable,
  spec: RetentionSpec,
  offsets: ZoneOffsets | null,
  d: Dialect,
): SqlFragment {
  const maxOffset = spec.ends[spec.ends.length - 1] as number;
  const rows = interactionRows(table, spec.property === undefined ? {} : { numeric: [spec.property] }, d);
  const f = floatType(d);
  const txt = textType(d);
  const startNames = matcher(spec.startEvent.name === undefined ? {} : { name: spec.startEvent.name });
  const start = matcher(spec.startEvent);
  const ret = matcher(spec.returnEvent);
  const calendarWindows = spec.window === 'calendar';
  const dayTruncation = spec.window === 'rolling' && spec.rollingTruncation === 'day';
  const tieColumn = table.order === undefined ? sql`coalesce(id, '')` : sql`coalesce(ord, 0)`;
  const tie = d === 'postgres' && table.order === undefined ? sql`${tieColumn} COLLATE "C"` : tieColumn;
  const needsTie =
    spec.cohortType === 'first-ever' || (spec.property !== undefined && spec.cohortType === 'first-time');
  const period = (x: SqlFragment) => periodOrdinal(x, spec.calendar, d, offsets);
  const localDay = (x: SqlFragment) => localDayNumber(x, spec.calendar.timeZone, d, offsets);
  const cols = [
    sql`actor`,
    sql`t`,
    sql`${bit(start)} AS s`,
    sql`${bit(startNames)} AS sn`,
    sql`${bit(ret)} AS r`,
    sql`${spec.property === undefined ? sql`CAST(NULL AS ${f})` : sql`n_0`} AS v`,
    ...(needsTie ? [sql`${tie} AS q`] : []),
    ...(calendarWindows || dayTruncation ? [sql`${localDay(sql`t`)} AS dd`] : []),
  ];
  const inner = sql`SELECT ${join(cols)} FROM (${rows}) ev WHERE actor IS NOT NULL AND t IS NOT NULL AND (${startNames} OR ${ret})`;
  // The local day is computed once per event; the period number from it.
  const e = calendarWindows
    ? sql`SELECT ed.*, ${periodOfDay(sql`dd`, spec.calendar, d)} AS p FROM (${inner}) ed`
    : inner;

  const ctes: SqlFragment[] = [sql`e AS (${e})`];
  let hits: SqlFragment;
  if (spec.cohortType === 'recurring') {
    ctes.push(sql`c AS (SELECT DISTINCT actor, p AS p0 FROM e WHERE s = 1)`);
    hits = sql`SELECT c.actor AS actor, c.p0 AS p0, e.p - c.p0 AS off, e.v AS v FROM c JOIN e ON e.actor = c.actor WHERE e.r = 1 AND e.p >= c.p0 AND e.p - c.p0 <= ${maxOffset}`;
  } else {
    const first = spec.cohortType === 'first-ever' ? sql`sn = 1` : sql`s = 1`;
    ctes.push(sql`c1 AS (SELECT actor, min(t) AS t0 FROM e WHERE ${first} GROUP BY actor)`);
    let cohort = sql`c1`;
    if (needsTie) {
      // The tie key of the first start (or start-named) event at t0.
      ctes.push(
        sql`c2 AS (SELECT c1.actor AS actor, c1.t0 AS t0, min(e.q) AS q0 FROM c1 JOIN e ON e.actor = c1.actor AND e.t = c1.t0 WHERE e.${first} GROUP BY c1.actor, c1.t0)`,
      );
      cohort = sql`c2`;
      if (spec.cohortType === 'first-ever') {
        // The actor is dropped when that event fails the other criteria of the start event.
        ctes.push(
          sql`c3 AS (SELECT c2.actor AS actor, c2.t0 AS t0, c2.q0 AS q0 FROM c2 JOIN e ON e.actor = c2.actor AND e.t = c2.t0 AND e.q = c2.q0 WHERE e.sn = 1 GROUP BY c2.actor, c2.t0, c2.q0 HAVING min(e.s) = 1)`,
        );
        cohort = sql`c3`;
      }
    }
    const extra = [
      sql`${period(sql`t0`)} AS p0`,
      ...(needsTie ? [sql`q0`] : []),
      ...(dayTruncation ? [sql`${localDay(sql`t0`)} AS d0`] : []),
    ];
    ctes.push(sql`c AS (SELECT actor, t0, ${join(extra)} FROM ${cohort} cc)`);
    const windowMs = ROLLING_DAYS[spec.calendar.interval] * MS_PER_DAY;
    const hour = (x: SqlFragment) => sql`${floorDiv(x, MS_PER_HOUR, d)} * ${MS_PER_HOUR}`;
    const offset = calendarWindows
      ? sql`e.p - c.p0`
      : spec.rollingTruncation === 'none'
        ? floorDiv(sql`e.t - c.t0`, windowMs, d)
        : spec.rollingTruncation === 'hour'
          ? floorDiv(sql`${hour(sql`e.t`)} - ${hour(sql`c.t0`)}`, windowMs, d)
          : floorDiv(sql`e.dd - c.d0`, ROLLING_DAYS[spec.calendar.interval], d);
    const after = needsTie ? sql`(e.t > c.t0 OR (e.t = c.t0 AND e.q >= c.q0))` : sql`e.t >= c.t0`;
    hits = sql`SELECT actor, p0, off, v FROM (SELECT c.actor AS actor, c.p0 AS p0, ${offset} AS off, e.v AS v FROM c JOIN e ON e.actor = c.actor WHERE e.r = 1 AND ${after}) h0 WHERE off <= ${maxOffset}`;
  }
  // Column 0 is the cohort itself: its return events matter only for the aggregate.
  const from = spec.property === undefined ? sql` WHERE off >= 1` : sql``;
  ctes.push(sql`h AS (${hits})`);
  ctes.push(
    sql`ac AS (SELECT actor, p0, col, count(*) AS occ, sum(v) AS vs FROM (SELECT actor, p0, ${columnOf(sql`off`, spec)} AS col, v FROM h${from}) hc GROUP BY actor, p0, col)`,
  );
  const returned = sql`SELECT actor, p0, col FROM ac WHERE col >= 1 AND occ >= ${spec.minimumOccurrences}`;
  const counted = spec.onOrAfter
    ? sql`SELECT p0, lastc AS col, count(*) AS n FROM (SELECT actor, p0, max(col) AS lastc FROM (${returned}) rt GROUP BY actor, p0) l GROUP BY p0, lastc`
    : sql`SELECT p0, col, count(*) AS n FROM (${returned}) rt GROUP BY p0, col`;
  const row = (kind: string, p: SqlFragment, c: SqlFragment, n: SqlFragment, s: SqlFragment) =>
    sql`SELECT CAST(${kind} AS ${txt}) AS rk, CAST(${p} AS ${f}) AS rp, CAST(${c} AS ${f}) AS rc, CAST(${n} AS ${f}) AS rn, CAST(${s} AS ${f}) AS rs`;
  const none = sql`NULL`;
  const parts = [
    sql`${row('size', sql`p0`, none, sql`count(*)`, none)} FROM c GROUP BY p0`,
    sql`${row('count', sql`p0`, sql`col`, sql`n`, none)} FROM (${counted}) k`,
    ...(spec.property === undefined
      ? []
      : [
          sql`${row('value', sql`p0`, sql`col`, sql`count(*)`, sql`coalesce(sum(vs), 0)`)} FROM ac GROUP BY p0, col`,
        ]),
  ];
  return sql`WITH ${join(ctes)} ${join(parts, ' UNION ALL ')}`;
}
