import {
  type ChurnMeasures,
  type ChurnPeriod,
  type ChurnPeriodOf,
  type ChurnSeriesOptions,
  churnPeriodFromSums,
  churnSeries,
} from '@cx/metrics';
import {
  CxOptionsError,
  CxValidationError,
  epochMsToInstant,
  instantToEpochMs,
  type ValidationIssue,
} from '@cx/model';
import type { Engine } from '../engine/engine.js';
import { epochMs, fieldText, floatType, tableRef, textType } from '../mapping/expressions.js';
import { type SubscriptionTable, subscriptionTable } from '../mapping/subscriptions.js';
import { WarehouseQuery } from '../query.js';
import { floorDiv, yearMonth } from '../sql/calendar.js';
import type { Dialect } from '../sql/dialect.js';
import { float, ident, join, type SqlFragment, sql } from '../sql/fragment.js';

/** Later than any instant a Date holds: the end of a subscription without `endedAt` (internal). */
const OPEN_END = 8_640_000_000_000_001;
const PER_MONTH = { week: 52 / 12, month: 1, quarter: 1 / 3, year: 1 / 12 } as const;

function subscriptionsSql(t: SubscriptionTable, d: Dialect): SqlFragment {
  const f = floatType(d);
  const bi = fieldText(t.billingInterval, d);
  const factor = sql`CASE ${bi} ${join(
    Object.entries(PER_MONTH).map(([k, v]) => sql`WHEN ${k} THEN ${float(v)}`),
    ' ',
  )} END`;
  const end =
    t.endedAt === undefined ? sql`${OPEN_END}` : sql`coalesce(${epochMs(t.endedAt, d)}, ${OPEN_END})`;
  return sql`SELECT ${fieldText(t.id, d)} AS sid, ${fieldText(t.customerId, d)} AS cust, ${epochMs(t.startedAt, d)} AS st, ${end} AS en, CAST(${ident(t.amount)} AS ${f}) AS amount, ${factor} AS factor, ${bi} AS bi, ${fieldText(t.currency, d)} AS cur FROM ${tableRef(t.table)}`;
}

function changesSql(t: SubscriptionTable, d: Dialect): SqlFragment {
  const c = t.amountChanges;
  if (c === undefined) return sql`SELECT CAST(NULL AS ${floatType(d)}) AS at2 WHERE FALSE`;
  const order =
    c.order === undefined
      ? sql`CAST(NULL AS ${floatType(d)})`
      : sql`CAST(${ident(c.order)} AS ${floatType(d)})`;
  return sql`SELECT CAST(${ident(c.subscriptionId)} AS ${textType(d)}) AS sid, ${epochMs(c.at, d)} AS at, CAST(${ident(c.amount)} AS ${floatType(d)}) AS amount, ${order} AS ord FROM ${tableRef(c.table)}`;
}

/** Problems the in-process table builder rejects (internal). */
function problemsSql(t: SubscriptionTable, d: Dialect): SqlFragment {
  const changeProblems =
    t.amountChanges === undefined
      ? sql`0`
      : sql`(SELECT count(*) FROM (${changesSql(t, d)}) c WHERE c.at IS NULL OR c.amount IS NULL OR NOT (c.amount >= 0))`;
  return sql`SELECT sum(CASE WHEN cust IS NULL OR cust = '' THEN 1 ELSE 0 END) AS no_customer, sum(CASE WHEN st IS NULL THEN 1 ELSE 0 END) AS no_start, sum(CASE WHEN en < st THEN 1 ELSE 0 END) AS end_before_start, sum(CASE WHEN amount IS NULL OR NOT (amount >= 0) THEN 1 ELSE 0 END) AS bad_amount, sum(CASE WHEN factor IS NULL THEN 1 ELSE 0 END) AS bad_interval, count(DISTINCT cur) AS currencies, count(*) AS n, min(st) AS min_t, max(CASE WHEN en = ${OPEN_END} THEN st ELSE en END) AS max_t, ${changeProblems} AS bad_changes, ${t.amountChanges === undefined ? sql`CAST(NULL AS ${floatType(d)})` : sql`(SELECT max(c.at) FROM (${changesSql(t, d)}) c)`} AS max_change FROM (${subscriptionsSql(t, d)}) s`;
}

function churnSql(
  t: SubscriptionTable,
  bounds: readonly number[],
  eligible: boolean,
  d: Dialect,
): SqlFragment {
  const f = floatType(d);
  const periods = join(
    bounds.slice(0, -1).map((a, i) => sql`SELECT ${i} AS pi, ${a} AS pa, ${bounds[i + 1] as number} AS pb`),
    ' UNION ALL ',
  );
  const hasChanges = t.amountChanges !== undefined;
  const levels = hasChanges
    ? sql`SELECT sid, st AS at, 0 AS idx, amount * factor AS mrr FROM subs UNION ALL SELECT c.sid, c.at, row_number() OVER (PARTITION BY c.sid ORDER BY c.at, c.ord) AS idx, c.amount * s.factor AS mrr FROM (${changesSql(t, d)}) c JOIN subs s ON s.sid = c.sid`
    : sql`SELECT sid, st AS at, 0 AS idx, amount * factor AS mrr FROM subs`;
  const mrrAt = hasChanges
    ? sql`SELECT cust, x, sum(mrr) AS mrr FROM (SELECT sa.cust AS cust, sa.x AS x, l.mrr AS mrr, row_number() OVER (PARTITION BY sa.rid, sa.x ORDER BY l.idx DESC) AS rn FROM (SELECT s.rid AS rid, s.sid AS sid, s.cust AS cust, p.x AS x FROM subs s JOIN points p ON s.st <= p.x AND p.x < s.en) sa JOIN levels l ON l.sid = sa.sid AND l.at <= sa.x) z WHERE rn = 1 GROUP BY cust, x`
    : sql`SELECT s.cust AS cust, p.x AS x, sum(s.amount * s.factor) AS mrr FROM subs s JOIN points p ON s.st <= p.x AND p.x < s.en GROUP BY s.cust, p.x`;
  const states = sql`SELECT cp.cust AS cust, cp.pi AS pi, max(CASE WHEN sp.f <= cp.pa AND cp.pa < sp.t THEN 1 ELSE 0 END) AS was, max(CASE WHEN sp.f <= cp.pb AND cp.pb < sp.t THEN 1 ELSE 0 END) AS act FROM (SELECT DISTINCT sp.cust AS cust, p.pi AS pi, p.pa AS pa, p.pb AS pb FROM spells sp JOIN periods p ON sp.f <= p.pb AND sp.t > p.pa) cp JOIN spells sp ON sp.cust = cp.cust GROUP BY cp.cust, cp.pi`;
  const money = sql`SELECT st.pi AS pi, st.was AS was, st.act AS act, coalesce(ma.mrr, 0) AS ms, coalesce(mb.mrr, 0) AS me FROM states st JOIN periods p ON p.pi = st.pi LEFT JOIN mrr_at ma ON ma.cust = st.cust AND ma.x = p.pa LEFT JOIN mrr_at mb ON mb.cust = st.cust AND mb.x = p.pb`;
  const sums = sql`SELECT pi, sum(was) AS at_start, sum(act) AS at_end, sum(CASE WHEN was = 1 AND act = 0 THEN 1 ELSE 0 END) AS lost, sum(CASE WHEN was = 0 AND act = 1 THEN 1 ELSE 0 END) AS joined, sum(CASE WHEN was = 1 THEN ms ELSE 0 END) AS start_mrr, sum(CASE WHEN was = 1 AND act = 1 THEN me ELSE 0 END) AS end_mrr, sum(CASE WHEN was = 0 AND act = 1 THEN me ELSE 0 END) AS new_mrr, sum(CASE WHEN was = 1 AND act = 1 AND me > ms THEN me - ms ELSE 0 END) AS expansion, sum(CASE WHEN was = 1 AND act = 1 AND NOT (me > ms) THEN ms - me ELSE 0 END) AS contraction, sum(CASE WHEN was = 1 AND act = 0 THEN ms ELSE 0 END) AS churned FROM money GROUP BY pi`;
  const events = sql`SELECT p.pi AS pi, count(*) AS churn_events FROM spells sp JOIN periods p ON sp.t > p.pa AND sp.t <= p.pb GROUP BY p.pi`;
  const exposure = sql`SELECT p.pi AS pi, sum(CAST(least(sp.t, p.pb) - greatest(sp.f, p.pa) AS ${f})) AS exposure FROM spells sp JOIN periods p ON sp.f < p.pb AND sp.t > p.pa GROUP BY p.pi`;
  return sql`WITH subs AS (SELECT s.*, row_number() OVER (ORDER BY cust, st, en, amount) AS rid FROM (${subscriptionsSql(t, d)}) s), periods AS (${periods}), points AS (SELECT DISTINCT x FROM (SELECT pa AS x FROM periods UNION ALL SELECT pb AS x FROM periods) u), levels AS (${levels}), mrr_at AS (${mrrAt}), ordered AS (SELECT cust, st, en, max(en) OVER (PARTITION BY cust ORDER BY st, en ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pe FROM subs), flagged AS (SELECT cust, st, en, sum(CASE WHEN pe IS NULL OR st > pe THEN 1 ELSE 0 END) OVER (PARTITION BY cust ORDER BY st, en ROWS UNBOUNDED PRECEDING) AS g FROM ordered), spells AS (SELECT cust, min(st) AS f, max(en) AS t FROM flagged GROUP BY cust, g), states AS (${states}), money AS (${money}), sums AS (${sums}), events AS (${events}), exposure AS (${exposure})${eligible ? sql`, eligible AS (${eligibleSql(d)})` : sql``} SELECT p.pi AS pi, p.pa AS pa, p.pb AS pb, CAST(coalesce(s.at_start, 0) AS ${f}) AS at_start, CAST(coalesce(s.at_end, 0) AS ${f}) AS at_end, CAST(coalesce(s.lost, 0) AS ${f}) AS lost, CAST(coalesce(s.joined, 0) AS ${f}) AS joined, CAST(coalesce(s.start_mrr, 0) AS ${f}) AS start_mrr, CAST(coalesce(s.end_mrr, 0) AS ${f}) AS end_mrr, CAST(coalesce(s.new_mrr, 0) AS ${f}) AS new_mrr, CAST(coalesce(s.expansion, 0) AS ${f}) AS expansion, CAST(coalesce(s.contraction, 0) AS ${f}) AS contraction, CAST(coalesce(s.churned, 0) AS ${f}) AS churned, CAST(coalesce(e.churn_events, 0) AS ${f}) AS churn_events, CAST(coalesce(x.exposure, 0) AS ${f}) AS exposure${eligible ? sql`, CAST(coalesce(g.eligible, 0) AS ${f}) AS eligible, CAST(coalesce(g.eligible_lost, 0) AS ${f}) AS eligible_lost` : sql``} FROM periods p LEFT JOIN sums s ON s.pi = p.pi LEFT JOIN events e ON e.pi = p.pi LEFT JOIN exposure x ON x.pi = p.pi${eligible ? sql` LEFT JOIN eligible g ON g.pi = p.pi` : sql``} ORDER BY p.pi`;
}

const WEEK_MS = 7 * 86_400_000;

/** Epoch ms of `ms` plus `months` calendar months in UTC, the day clamped to the month's end (as date-fns addMonths). */
function addMonthsMs(ms: SqlFragment, months: SqlFragment, d: Dialect): SqlFragment {
  if (d === 'duckdb')
    return sql`epoch_ms(make_timestamp(CAST(${ms} AS BIGINT) * 1000) + to_months(CAST(${months} AS INTEGER)))`;
  if (d === 'postgres') {
    return sql`CAST(floor(extract(epoch FROM (TIMESTAMP 'epoch' + CAST(${ms} AS bigint) * INTERVAL '1 millisecond') + make_interval(months => CAST(${months} AS integer))) * 1000) AS bigint)`;
  }
  return sql`toUnixTimestamp64Milli(addMonths(fromUnixTimestamp64Milli(toInt64(${ms}), 'UTC'), toInt64(${months})))`;
}

/**
 * Renewal-eligible subscriptions per period (internal): for each subscription and period `[pa, pb)`, its first
 * renewal at or after `pa` (renewal k = start + k billing intervals) counts when it falls before `pb` and the
 * subscription was live when that cycle began; it is lost when the subscription ended at or before the renewal.
 * (A later renewal in the period could only count if this one did not, which needs an end before this cycle's
 * start, hence before every later cycle's start too.)
 */
function eligibleSql(d: Dialect): SqlFragment {
  const months = sql`CASE s.bi WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 END`;
  const { year: ys, month: ms } = yearMonth(floorDiv(sql`s.st`, 86_400_000, d), d);
  const { year: ya, month: ma } = yearMonth(floorDiv(sql`p.pa`, 86_400_000, d), d);
  const diff = sql`((${ya} - ${ys}) * 12 + ${ma} - ${ms})`;
  const monthly = sql`SELECT s.rid AS rid, s.en AS en, p.pi AS pi, p.pb AS pb, s.st AS st, ${months} AS m, CAST(greatest(1, ${floorDivBy(diff, sql`${months}`, d)}) AS BIGINT) AS k0 FROM subs s JOIN periods p ON s.st < p.pb WHERE s.bi <> 'week'`;
  const rk = (k: SqlFragment) => addMonthsMs(sql`x.st`, sql`${k} * x.m`, d);
  const firstMonthly = sql`SELECT pi, pb, en, st, m, CASE WHEN ${rk(sql`k0`)} >= pa THEN k0 ELSE k0 + 1 END AS k1 FROM (SELECT x.*, p2.pa AS pa FROM (${monthly}) x JOIN periods p2 ON p2.pi = x.pi) x`;
  const renewal = sql`SELECT pi, pb, en, ${addMonthsMs(sql`st`, sql`k1 * m`, d)} AS r1, ${addMonthsMs(sql`st`, sql`(k1 - 1) * m`, d)} AS c0 FROM (${firstMonthly}) f`;
  const weekK = sql`greatest(1, -${floorDiv(sql`s.st - p.pa`, WEEK_MS, d)})`;
  const weekly = sql`SELECT p.pi AS pi, p.pb AS pb, s.en AS en, s.st + ${weekK} * ${WEEK_MS} AS r1, s.st + (${weekK} - 1) * ${WEEK_MS} AS c0 FROM subs s JOIN periods p ON s.st < p.pb WHERE s.bi = 'week'`;
  return sql`SELECT pi, sum(CASE WHEN r1 < pb AND en > c0 THEN 1 ELSE 0 END) AS eligible, sum(CASE WHEN r1 < pb AND en > c0 AND en <= r1 THEN 1 ELSE 0 END) AS eligible_lost FROM (${renewal} UNION ALL ${weekly}) e GROUP BY pi`;
}

/** ⌊x / n⌋ for an SQL divisor (internal). */
function floorDivBy(x: SqlFragment, n: SqlFragment, d: Dialect): SqlFragment {
  const double = d === 'postgres' ? sql`double precision` : sql`DOUBLE`;
  return sql`CAST(floor(CAST(${x} AS ${double}) / ${n}) AS BIGINT)`;
}

function instant(value: string | undefined, path: string): number | undefined {
  if (value === undefined) return undefined;
  try {
    return instantToEpochMs(value);
  } catch (error) {
    throw new CxOptionsError(
      'churnSeriesQuery',
      [
        {
          path: [path],
          code: 'invalid_value',
          message: `Expected a UTC instant, got ${JSON.stringify(value)}`,
        },
      ],
      { cause: error },
    );
  }
}

/** Periods of the in-process calendar (bounds, keys and labels), obtained from `churnSeries` itself on no data (internal). */
function periodsOf(
  options: ChurnSeriesOptions<ChurnMeasures>,
  from: number,
  to: number,
  asOf: number,
): { bounds: number[]; keys: Array<{ period: string; label: string }> } {
  const periods = churnSeries([], {
    ...options,
    from: epochMsToInstant(from),
    to: epochMsToInstant(to),
    // An empty table has no latest instant: churnSeries then takes its own default, as in process.
    ...(Number.isFinite(asOf) ? { asOf: epochMsToInstant(asOf) } : {}),
    measures: 'customers',
  });
  if (periods.length === 0) return { bounds: [], keys: [] };
  return {
    bounds: [
      ...periods.map((p) => instantToEpochMs(p.start)),
      instantToEpochMs((periods[periods.length - 1] as { end: string }).end),
    ],
    keys: periods.map((p) => ({ period: p.period, label: p.label })),
  };
}

/**
 * Throws the error `churnSeries` throws in process for a window that ends where it starts, with the same path and
 * words (internal): the options as the caller gave them, over a stand-in spanning the data's earliest and latest
 * instants, from which `churnSeries` derives its default window exactly as from the data.
 */
function rejectEmptyWindow(
  options: ChurnSeriesOptions<ChurnMeasures>,
  minTime: number,
  maxTime: number,
): void {
  churnSeries(
    [
      {
        id: 'range',
        customerId: 'range',
        status: 'active',
        startedAt: epochMsToInstant(minTime),
        endedAt: epochMsToInstant(maxTime),
        amount: 0,
        currency: 'XXX',
        billingInterval: 'month',
        amountChanges: [],
        properties: {},
      },
    ],
    { ...options, measures: 'customers' },
  );
}

async function range(t: SubscriptionTable, engine: Engine) {
  const [row] = await engine.query(problemsSql(t, engine.dialect));
  const n = (row?.n as number) ?? 0;
  const name = typeof t.table === 'string' ? t.table : t.table.join('.');
  const issues: ValidationIssue[] = (
    [
      ['no_customer', 'customerId', 'rows without a customer', 'missing_field'],
      ['no_start', 'startedAt', 'rows without a start', 'missing_field'],
      ['end_before_start', 'endedAt', 'rows ending before they start', 'end_before_start'],
      ['bad_amount', 'amount', 'rows with a negative or missing amount', 'invalid_amount'],
      [
        'bad_interval',
        'billingInterval',
        'rows whose billing interval is not week, month, quarter or year',
        'invalid_value',
      ],
      [
        'bad_changes',
        'amountChanges',
        'amount changes without an instant or with a negative amount',
        'invalid_amount',
      ],
    ] as const
  )
    .filter(([column]) => ((row?.[column as string] as number | null) ?? 0) > 0)
    .map(([column, field, what, code]) => ({
      path: ['subscriptions', field],
      message: `${row?.[column]} ${what} in ${name}`,
      code,
    }));
  if (((row?.currencies as number) ?? 0) > 1) {
    issues.push({
      path: ['subscriptions', 'currency'],
      message: `Expected one currency across ${name}; convert first`,
      code: 'mixed_currency',
    });
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'subscriptions' });
  const maxChange = row?.max_change;
  const maxT = Math.max(
    row?.max_t as number,
    typeof maxChange === 'number' ? maxChange : Number.NEGATIVE_INFINITY,
  );
  return { n, minTime: row?.min_t as number | null, maxTime: n === 0 ? null : maxT };
}

/**
 * Churn and revenue retention per calendar period on an engine, as `churnSeries` in `@cx/metrics` computes
 * them: customers at start and end, lost and new customers, churn events, exposure, MRR start/end/new,
 * expansion, contraction, churned MRR, NRR and GRR, under every mid-period policy (`exclude`, `exposure`,
 * `eligible` with renewal anniversaries in UTC). Periods come from the in-process calendar; the engine merges each
 * customer's subscriptions into active spells and sums per period.
 *
 * @param subscriptions - The subscription table ({@link subscriptionTable}).
 * @param options - The options of `churnSeries`.
 * @returns The query; `run(engine)` gives one period per calendar period.
 * @throws {@link @cx/model!CxOptionsError} for invalid options or mapping;
 *   {@link @cx/model!CxValidationError} at run
 *   time for the subscription errors of `churnSeries` (missing customer, end before start, negative amount,
 *   unknown billing interval, mixed currencies).
 * @example
 * ```ts
 * import { churnSeriesQuery, duckdbEngine, sql } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE subs AS SELECT * FROM (VALUES
 *   ('c1', TIMESTAMPTZ '2026-01-10 00:00:00+00', TIMESTAMPTZ '2026-02-20 00:00:00+00', 29.0)) v(customer, started, ended, price)`);
 * const series = await churnSeriesQuery(
 *   { table: 'subs', customerId: 'customer', startedAt: 'started', endedAt: 'ended', amount: 'price',
 *     currency: { constant: 'EUR' }, billingInterval: { constant: 'month' } },
 *   { interval: 'month', timeZone: 'Europe/Berlin', to: '2026-02-15T00:00:00Z' },
 * ).run(engine);
 * console.log(series.map((p) => [p.customersAtStart, p.lostCustomers])); // [ [ 0, 0 ], [ 1, 1 ] ]
 * await engine.close();
 * ```
 * @category Churn
 * @since 0.1.0
 */
export function churnSeriesQuery<M extends ChurnMeasures = 'all'>(
  subscriptions: SubscriptionTable,
  options: ChurnSeriesOptions<M>,
): WarehouseQuery<Array<ChurnPeriodOf<M>>> {
  const t = subscriptionTable(subscriptions);
  churnSeries([], { ...options, from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' });
  const from = instant(options.from, 'from');
  const to = instant(options.to, 'to');
  const asOf = instant(options.asOf, 'asOf');
  const policy = options.midPeriodPolicy ?? 'exclude';
  return WarehouseQuery.custom(
    'churn series',
    (d) =>
      from !== undefined && to !== undefined
        ? churnSql(
            t,
            periodsOf(options, from, to, asOf ?? to).bounds,
            options.midPeriodPolicy === 'eligible',
            d,
          )
        : problemsSql(t, d),
    async (engine) => {
      const r = await range(t, engine);
      if (r.n === 0 && (from === undefined || to === undefined)) return [];
      // Without rows the latest instant is -Infinity, as for `churnSeries` on no subscriptions.
      const end = asOf ?? r.maxTime ?? Number.NEGATIVE_INFINITY;
      if (r.n > 0 && (to ?? end) <= (from ?? (r.minTime as number)))
        rejectEmptyWindow(options, r.minTime as number, r.maxTime as number);
      const { bounds, keys } = periodsOf(options, from ?? (r.minTime as number), to ?? end, end);
      if (bounds.length === 0) return [];
      const rows = await engine.query(churnSql(t, bounds, policy === 'eligible', engine.dialect));
      return rows.map((row) => {
        const period = churnPeriodFromSums(
          {
            ...(keys[row.pi as number] as { period: string; label: string }),
            start: row.pa as number,
            end: row.pb as number,
            customersAtStart: row.at_start as number,
            customersAtEnd: row.at_end as number,
            lostCustomers: row.lost as number,
            newCustomers: row.joined as number,
            churnEvents: row.churn_events as number,
            exposureMs: row.exposure as number,
            startMrr: row.start_mrr as number,
            endMrr: row.end_mrr as number,
            newMrr: row.new_mrr as number,
            expansion: row.expansion as number,
            contraction: row.contraction as number,
            churned: row.churned as number,
            ...(policy === 'eligible'
              ? { eligible: row.eligible as number, eligibleLost: row.eligible_lost as number }
              : {}),
          },
          policy,
          end,
        );
        return (options.measures === 'customers' ? customersOnly(period) : period) as ChurnPeriodOf<M>;
      });
    },
  );
}

function customersOnly(p: ChurnPeriod) {
  return { ...p, exposureDays: p.policy === 'exposure' ? p.exposureDays : null, revenue: null };
}
