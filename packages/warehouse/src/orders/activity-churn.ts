import { type ActivityChurnOptions, type ActivityChurnPeriod, activityChurn } from '@cx/metrics';
import {
  CxOptionsError,
  CxValidationError,
  createCalendar,
  epochMsToInstant,
  instantToEpochMs,
  MS_PER_DAY,
  type WeekStartsOn,
} from '@cx/model';
import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import { parseSettings } from '../engine/settings.js';
import { type TransactionTable, transactionTable } from '../lifetime/rfm.js';
import { type FieldSource, fieldSourceSchema } from '../mapping/column.js';
import { epochMs, fieldText, floatType, tableRef } from '../mapping/expressions.js';
import { type InteractionTable, interactionTable } from '../mapping/interactions.js';
import { WarehouseQuery } from '../query.js';
import { periodOrdinal, type SqlCalendar } from '../sql/calendar.js';
import type { Dialect } from '../sql/dialect.js';
import { join, type SqlFragment, sql } from '../sql/fragment.js';
import { inList } from '../sql/match.js';
import { zoneOffsets } from '../sql/zone.js';

/**
 * Where the activity of {@link activityChurnQuery} lives: an order table (a transaction table with the order's
 * status) and an interaction table, either or both.
 *
 * @category Churn
 * @since 0.2.0
 */
export interface ActivitySources {
  /** Orders: a transaction table; with `status`, only rows whose status is one of `statuses` count as purchases. */
  readonly orders?: TransactionTable & { readonly status?: FieldSource };
  /** Interactions: those with a customer id count as activity (anonymous ones are left out). */
  readonly interactions?: InteractionTable;
}

const optionsOf = (options: ActivityChurnOptions) => ({
  interval: options.interval ?? 'month',
  timeZone: options.timeZone ?? 'UTC',
  weekStartsOn: options.weekStartsOn ?? 1,
  statuses: options.statuses ?? ['paid', 'fulfilled'],
});

/** Activities `(cust, t)` and the count of rows `activityChurn` would reject (internal). */
function activitiesSql(
  sources: ActivitySources,
  orderStatus: FieldSource | undefined,
  statuses: readonly string[],
  d: Dialect,
): SqlFragment {
  const parts: SqlFragment[] = [];
  const o = sources.orders;
  if (o !== undefined) {
    const keep =
      orderStatus === undefined
        ? sql`1`
        : sql`CASE WHEN ${inList(fieldText(orderStatus, d), statuses)} THEN 1 ELSE 0 END`;
    parts.push(
      sql`SELECT ${fieldText(o.customerId, d)} AS cust, ${epochMs(o.at, d)} AS t, ${keep} AS keep, 1 AS src FROM ${tableRef(o.table)}`,
    );
  }
  const i = sources.interactions;
  if (i !== undefined) {
    parts.push(
      sql`SELECT ${fieldText(i.fields.customerId, d)} AS cust, ${epochMs(i.timestamp, d)} AS t, 1 AS keep, 2 AS src FROM ${tableRef(i.table)}`,
    );
  }
  return join(parts, ' UNION ALL ');
}

/** Per spell (run of activity with gaps of at most the window), its first activity and its end (internal). */
function spellsSql(acts: SqlFragment, windowMs: number, d: Dialect): SqlFragment {
  const previous =
    d === 'clickhouse'
      ? sql`lagInFrame(toNullable(t)) OVER (PARTITION BY cust ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`
      : sql`lag(t) OVER (PARTITION BY cust ORDER BY t)`;
  const breaks = sql`SELECT cust, t, CASE WHEN pt IS NULL OR t - pt > ${windowMs} THEN 1 ELSE 0 END AS brk FROM (SELECT cust, t, ${previous} AS pt FROM (${acts}) a WHERE keep = 1 AND cust IS NOT NULL AND cust <> '') b`;
  const numbered = sql`SELECT cust, t, sum(brk) OVER (PARTITION BY cust ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS sn FROM (${breaks}) k`;
  return sql`SELECT cust, sn, min(t) AS f, max(t) + ${windowMs} AS e FROM (${numbered}) n GROUP BY cust, sn`;
}

/**
 * Activity churn on an engine, as `activityChurn` in `@cx/metrics`: a customer is active from an activity (a
 * purchase, or an interaction with their customer id) until `inactiveDays` days after their latest one, lost when
 * that passes without activity, reactivated by a later activity; per calendar period the customers active at its
 * start, lost in it, new, reactivated and active at its end.
 *
 * The engine finds the spells of activity with one window pass per customer (gaps and islands) and returns per
 * period only tallies — spells starting (active from), ending, new, reactivated, lost — computed from period
 * numbers in the calendar's zone (local days from the zone's offsets over the data's range, as retention does);
 * TypeScript sums them into the series `activityChurn` returns.
 *
 * @param sources - The order and interaction tables ({@link ActivitySources}).
 * @param options - The options of `activityChurn` (`inactiveDays` required).
 * @returns The query; `run(engine)` gives one row per period from the first activity's period to the one holding
 *   `asOf`.
 * @throws {@link @cx/model!CxOptionsError} for invalid options or mappings (before any SQL runs). At run time
 *   {@link @cx/model!CxValidationError} for order rows without a customer or instant, or interactions without an
 *   instant, and {@link @cx/model!CxLimitError} for a span of more than `maxPeriods` periods.
 * @example
 * ```ts
 * import { activityChurnQuery, duckdbEngine, sql } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE orders AS SELECT * FROM (VALUES
 *   ('a', TIMESTAMPTZ '2024-01-10 00:00:00+00', 'paid'), ('b', TIMESTAMPTZ '2024-01-20 00:00:00+00', 'paid'),
 *   ('b', TIMESTAMPTZ '2024-02-15 00:00:00+00', 'paid')) v(customer, ordered_at, status)`);
 * const series = await activityChurnQuery(
 *   { orders: { table: 'orders', customerId: 'customer', at: 'ordered_at', status: 'status' } },
 *   { inactiveDays: 30, interval: 'month', asOf: '2024-03-31T00:00:00Z' },
 * ).run(engine);
 * console.log(series.map((p) => [p.label, p.activeAtStart, p.lost])); // [ [ '2024-01', 0, 0 ], [ '2024-02', 2, 1 ], [ '2024-03', 1, 1 ] ]
 * await engine.close();
 * ```
 * @category Churn
 * @since 0.2.0
 */
export function activityChurnQuery(
  sources: ActivitySources,
  options: ActivityChurnOptions,
): WarehouseQuery<ActivityChurnPeriod[]> {
  const checked = parseSettings(
    z.strictObject({ orders: z.unknown().optional(), interactions: z.unknown().optional() }),
    sources,
    'activityChurnQuery',
  );
  let orderStatus: FieldSource | undefined;
  let orders: TransactionTable | undefined;
  if (checked.orders !== undefined) {
    const { status, ...rest } = checked.orders as TransactionTable & { status?: FieldSource };
    orders = transactionTable(rest);
    orderStatus =
      status === undefined
        ? undefined
        : (parseSettings(z.strictObject({ status: fieldSourceSchema }), { status }, 'activityChurnQuery')
            .status as FieldSource);
  }
  const interactions =
    checked.interactions === undefined
      ? undefined
      : interactionTable(checked.interactions as InteractionTable);
  const resolved: ActivitySources = {
    ...(orders === undefined ? {} : { orders }),
    ...(interactions === undefined ? {} : { interactions }),
  };
  // The options are checked by activityChurn itself, on no data, under this function's name.
  try {
    activityChurn({}, options);
  } catch (error) {
    if (error instanceof CxOptionsError)
      throw new CxOptionsError('activityChurnQuery', error.issues, { cause: error });
    throw error;
  }
  const o = optionsOf(options);
  const windowMs = options.inactiveDays * MS_PER_DAY;
  const calendar: SqlCalendar = { interval: o.interval, timeZone: o.timeZone, weekStartsOn: o.weekStartsOn };
  const acts = (d: Dialect) => activitiesSql(resolved, orderStatus, o.statuses, d);
  return WarehouseQuery.custom(
    'activity churn',
    (d) => spellsSql(acts(d), windowMs, d),
    async (engine) => run(engine, acts(engine.dialect), options, calendar, windowMs),
  );
}

async function run(
  engine: Engine,
  acts: SqlFragment,
  options: ActivityChurnOptions,
  calendarSpec: SqlCalendar,
  windowMs: number,
): Promise<ActivityChurnPeriod[]> {
  const d = engine.dialect;
  const f = floatType(d);
  const [scan] = await engine.query(
    sql`SELECT CAST(count(*) AS ${f}) AS n, CAST(min(CASE WHEN keep = 1 AND cust IS NOT NULL AND cust <> '' THEN t END) AS ${f}) AS first_t, CAST(max(CASE WHEN keep = 1 AND cust IS NOT NULL AND cust <> '' THEN t END) AS ${f}) AS last_t, CAST(sum(CASE WHEN t IS NULL OR (src = 1 AND (cust IS NULL OR cust = '')) THEN 1 ELSE 0 END) AS ${f}) AS bad FROM (${acts}) a`,
  );
  const bad = typeof scan?.bad === 'number' ? scan.bad : 0;
  if (bad > 0) {
    throw new CxValidationError([
      {
        path: ['activity'],
        code: 'invalid_date',
        message: `${bad} order or interaction row(s) without an instant, or orders without a customer`,
      },
    ]);
  }
  const first = scan?.first_t;
  const last = scan?.last_t;
  if (typeof first !== 'number' || typeof last !== 'number') return [];
  let asOf = last;
  if (options.asOf !== undefined) {
    try {
      asOf = instantToEpochMs(options.asOf);
    } catch (error) {
      throw new CxValidationError(
        [
          {
            path: ['options', 'asOf'],
            code: 'invalid_instant',
            message: `Expected a UTC instant, got ${JSON.stringify(options.asOf)}`,
          },
        ],
        { cause: error },
      );
    }
  }
  const calendar = createCalendar({
    interval: calendarSpec.interval,
    timeZone: calendarSpec.timeZone,
    weekStartsOn: calendarSpec.weekStartsOn as WeekStartsOn,
  });
  const end = Math.max(asOf, first);
  const periods = calendar.checkSpan(first, end, {
    maxPeriods: options.maxPeriods ?? 10_000,
    path: ['options', 'asOf'],
    what: 'The activity churn series',
  });
  const base = calendar.indexOf(first);
  // Local days from the zone's offsets over every instant the SQL numbers (spell starts, ends and the instant before).
  const offsets = zoneOffsets(calendarSpec.timeZone, first - 1, Math.max(last + windowMs, end));
  const idx = (x: SqlFragment) => sql`(${periodOrdinal(x, calendarSpec, d, offsets)} - ${base})`;
  // The first period starting at or after x: x's own when x is its first instant (the instant before is in another).
  const ceil = (x: SqlFragment) =>
    sql`(${idx(x)} + CASE WHEN ${periodOrdinal(sql`${x} - 1`, calendarSpec, d, offsets)} = ${periodOrdinal(x, calendarSpec, d, offsets)} THEN 1 ELSE 0 END)`;
  const per = sql`SELECT sn, ${ceil(sql`f`)} AS a, least(${ceil(sql`e`)}, ${periods + 1}) AS b, ${idx(sql`f`)} AS sp, ${idx(sql`e`)} AS lp, e FROM (${spellsSql(acts, windowMs, d)}) s`;
  const row = (kind: number, k: SqlFragment, where: SqlFragment) =>
    sql`SELECT CAST(${kind} AS ${f}) AS kind, CAST(${k} AS ${f}) AS k, CAST(count(*) AS ${f}) AS n FROM p WHERE ${where} GROUP BY ${k}`;
  const rows = await engine.query(
    sql`WITH p AS (${per}) ${join(
      [
        row(0, sql`a`, sql`a < b`),
        row(1, sql`b`, sql`a < b`),
        row(2, sql`sp`, sql`sn = 1 AND sp >= 0 AND sp < ${periods}`),
        row(3, sql`sp`, sql`sn > 1 AND sp >= 0 AND sp < ${periods}`),
        row(4, sql`lp`, sql`e <= ${asOf} AND lp >= 0 AND lp < ${periods} AND a <= lp`),
      ],
      ' UNION ALL ',
    )}`,
  );
  const active = new Float64Array(periods + 2);
  const lost = new Float64Array(periods + 1);
  const fresh = new Float64Array(periods + 1);
  const back = new Float64Array(periods + 1);
  for (const r of rows) {
    const k = r.k as number;
    const n = r.n as number;
    if (r.kind === 0) active[k] = (active[k] as number) + n;
    else if (r.kind === 1) active[k] = (active[k] as number) - n;
    else if (r.kind === 2) fresh[k] = n;
    else if (r.kind === 3) back[k] = n;
    else lost[k] = n;
  }
  const out: ActivityChurnPeriod[] = [];
  let running = 0;
  for (let k = 0; k < periods; k++) {
    running += active[k] as number;
    const start = calendar.startOfIndex(base + k);
    const stop = calendar.startOfIndex(base + k + 1);
    out.push({
      label: calendar.keyOfIndex(base + k),
      start: epochMsToInstant(start),
      end: epochMsToInstant(stop),
      activeAtStart: running,
      lost: lost[k] as number,
      churnRate: running === 0 ? null : (lost[k] as number) / running,
      new: fresh[k] as number,
      reactivated: back[k] as number,
      activeAtEnd: running + (active[k + 1] as number),
      complete: stop <= asOf,
    });
  }
  return out;
}
