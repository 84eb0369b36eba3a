import type { SurveyMetric, SurveyMetricResult, TallyState } from '@cx/metrics';
import { CxValidationError, type ValidationIssue } from '@cx/model';
import type { Engine, ResultRow } from '../engine/engine.js';
import { epochMs, fieldText, floatType, intType, tableRef, textType } from '../mapping/expressions.js';
import type { SurveyResponseField, SurveyResponseTable } from '../mapping/survey-responses.js';
import type { Dialect } from '../sql/dialect.js';
import { float, ident, join, type SqlFragment, sql } from '../sql/fragment.js';
import { flag, notFinite } from '../sql/numbers.js';
import { classify, type ScoreSums, tallyOf } from './tally.js';

/** The expression of a mapped field or segment (internal). */
export function responseField(
  table: SurveyResponseTable,
  name: string,
  dialect: Dialect,
): SqlFragment | undefined {
  const source = Object.hasOwn(table.fields ?? {}, name)
    ? table.fields?.[name as SurveyResponseField]
    : Object.hasOwn(table.segments ?? {}, name)
      ? table.segments?.[name]
      : undefined;
  return source === undefined ? undefined : fieldText(source, dialect);
}

/** The group key of the statistics: none, a text field, or a number (a calendar period) (internal). */
export type GroupKey = (dialect: Dialect) => SqlFragment | undefined;

/** `FROM … WHERE …` rows of a response table as `k` (group key), `x` (score), `w` (weight), `ms`, `id` (internal). */
export function responseRows(
  table: SurveyResponseTable,
  key: SqlFragment | undefined,
  dialect: Dialect,
): SqlFragment {
  const filters = Object.entries(table.where ?? {}).map(([name, value]) => {
    const values = typeof value === 'string' ? [value] : value;
    return sql`${responseField(table, name, dialect) as SqlFragment} IN (${join(values.map((v) => sql`${v}`))})`;
  });
  const where = filters.length === 0 ? sql`` : sql` WHERE ${join(filters, ' AND ')}`;
  const f = floatType(dialect);
  const w = table.weight === undefined ? sql`CAST(1 AS ${f})` : sql`CAST(${ident(table.weight)} AS ${f})`;
  const ms =
    table.respondedAt === undefined
      ? sql`CAST(NULL AS ${intType(dialect)})`
      : epochMs(table.respondedAt, dialect);
  const id = responseField(table, 'id', dialect) ?? sql`CAST(NULL AS ${textType(dialect)})`;
  return sql`SELECT ${key ?? sql`CAST(NULL AS ${textType(dialect)})`} AS k, CAST(${ident(table.score)} AS ${f}) AS x, ${w} AS w, ${ms} AS ms, ${id} AS id FROM ${tableRef(table.table)}${where}`;
}

/** Weights in [2^−400, 2^400] square and sum without leaving the range of doubles (PostgreSQL raises on overflow). */
const TAME_LOW = 2 ** -400;
const TAME_HIGH = 2 ** 400;

/**
 * Per group key and distinct score: count, Σw, Σw², the largest weight, how many weights are invalid (NULL, NaN,
 * infinite, not positive) and how many are extreme (outside [2^−400, 2^400], summed only by {@link scaledStatistics})
 * (internal).
 */
export function scoreStatistics(
  table: SurveyResponseTable,
  key: SqlFragment | undefined,
  d: Dialect,
): SqlFragment {
  const bad = sql`(${notFinite(sql`w`, d)} OR NOT (w > 0))`;
  const tame = sql`(w >= ${float(TAME_LOW)} AND w <= ${float(TAME_HIGH)})`;
  return sql`SELECT k, x, count(*) AS n, sum(CASE WHEN ${tame} THEN w END) AS sw, sum(CASE WHEN ${tame} THEN w * w END) AS sw2, max(CASE WHEN ${tame} THEN w END) AS mw, sum(${flag(bad)}) AS bad_w, sum(${flag(sql`NOT ${bad} AND NOT ${tame}`)}) AS extreme, CAST(0 AS ${intType(d)}) AS sc FROM (${responseRows(table, key, d)}) r GROUP BY k, x`;
}

/** ⌈log2 m⌉ as an integer, for a positive double `m` (internal). */
function ceilLog2(m: SqlFragment, d: Dialect): SqlFragment {
  if (d === 'postgres') return sql`CAST(ceil(ln(${m}) / ln(CAST(2 AS double precision))) AS bigint)`;
  if (d === 'clickhouse') return sql`toInt64(ceil(log2(${m})))`;
  return sql`CAST(ceil(log2(${m})) AS BIGINT)`;
}

/** 2 to an integer power, exact (internal). */
function powerOfTwo(e: SqlFragment, d: Dialect): SqlFragment {
  return d === 'postgres' ? sql`power(CAST(2 AS double precision), ${e})` : sql`pow(2.0, ${e})`;
}

/**
 * The same statistics with every weight scaled by `2^−s`, `s = ⌈log2 max w⌉` of its group, so that weights of 1e300
 * or 1e−300 sum and square exactly as the accumulator's relative weights do (internal). A weight below `2^−600` of the
 * group's largest adds less than the last bit of Σw (≥ ½), in process as here, so summing it as 0 changes nothing.
 */
export function scaledStatistics(
  table: SurveyResponseTable,
  key: SqlFragment | undefined,
  d: Dialect,
): SqlFragment {
  const half = sql`CAST(floor(CAST(s AS ${floatType(d)}) / 2) AS ${intType(d)})`;
  // Compared through logarithms: m·2^−600 itself may underflow, which PostgreSQL raises as an error.
  const ln = (x: SqlFragment) => (d === 'clickhouse' ? sql`log(${x})` : sql`ln(${x})`);
  const v = sql`CASE WHEN ${ln(sql`w`)} - ${ln(sql`m`)} >= ${float(-600 * Math.LN2)} THEN (w * ${powerOfTwo(sql`-${half}`, d)}) * ${powerOfTwo(sql`${half} - s`, d)} ELSE 0 END`;
  const scaled = sql`SELECT k, x, w, s, ${v} AS v FROM (SELECT k, x, w, m, ${ceilLog2(sql`m`, d)} AS s FROM (SELECT k, x, w, max(w) OVER (PARTITION BY k) AS m FROM (${responseRows(table, key, d)}) r) rm) rs`;
  return sql`SELECT k, x, count(*) AS n, sum(v) AS sw, sum(CASE WHEN v >= ${float(2 ** -500)} THEN v * v ELSE 0 END) AS sw2, max(w) AS mw, 0 AS bad_w, 0 AS extreme, max(s) AS sc FROM (${scaled}) v GROUP BY k, x`;
}

function num(row: ResultRow, column: string): number {
  const v = row[column];
  return typeof v === 'number' ? v : 0;
}

/**
 * Runs the statistics of a response table per group and builds each group's {@link TallyState} with the metric's
 * own classification, after checking every score and weight (internal).
 *
 * @param rows - The rows of {@link scoreStatistics} (already run: it is the query `toSql` shows).
 * @returns The tally of each group key (`null` for rows without one).
 * @throws {@link CxValidationError} naming up to 20 offending rows by id, score and weight.
 */
export async function groupTallies(
  rows: readonly ResultRow[],
  metric: SurveyMetric<SurveyMetricResult>,
  table: SurveyResponseTable,
  key: GroupKey,
  engine: Engine,
): Promise<Map<string | number | null, TallyState>> {
  const scores = rows.map((r) => r.x).filter((x): x is number => typeof x === 'number');
  const classes = classify(metric, scores);
  const badScores = [...classes].filter(([, c]) => c instanceof Error).map(([x]) => x);
  const invalid = rows.some((r) => typeof r.x !== 'number' || num(r, 'bad_w') > 0) || badScores.length > 0;
  if (invalid) throw await badRowsError(table, badScores, engine, classes);
  const extreme = rows.some((r) => num(r, 'extreme') > 0);
  const sums = extreme
    ? await engine.query(scaledStatistics(table, key(engine.dialect), engine.dialect))
    : rows;
  const groups = new Map<string | number | null, ScoreSums[]>();
  for (const r of sums) {
    const k = r.k === null || typeof r.k === 'number' ? r.k : String(r.k);
    const list = groups.get(k) ?? [];
    list.push({
      x: r.x as number,
      n: num(r, 'n'),
      sw: num(r, 'sw'),
      sw2: num(r, 'sw2'),
      maxW: num(r, 'mw'),
      scale: num(r, 'sc'),
    });
    groups.set(k, list);
  }
  return new Map([...groups].map(([k, list]) => [k, tallyOf(list, classes)]));
}

async function badRowsError(
  table: SurveyResponseTable,
  badScores: readonly number[],
  engine: Engine,
  classes: ReadonlyMap<number, unknown>,
): Promise<CxValidationError> {
  const d = engine.dialect;
  const finite = badScores.filter(Number.isFinite);
  const scoreTest =
    finite.length === 0
      ? sql`FALSE`
      : sql`x IN (${join(finite.map((s) => sql`CAST(${s} AS ${floatType(d)})`))})`;
  const rows = await engine.query(
    sql`SELECT id, x, w FROM (${responseRows(table, undefined, d)}) r WHERE x IS NULL OR ${notFinite(sql`x`, d)} OR ${notFinite(sql`w`, d)} OR NOT (w > 0) OR ${scoreTest} LIMIT 20`,
  );
  const name = typeof table.table === 'string' ? table.table : table.table.join('.');
  const issues: ValidationIssue[] = rows.map((row) => {
    const at = row.id === null ? '?' : String(row.id);
    const x = row.x;
    const w = row.w;
    if (typeof x !== 'number') {
      return {
        path: ['responses', at, 'score'],
        message: `Row of ${name} without a score`,
        code: 'invalid_score',
      };
    }
    if (typeof w !== 'number' || !Number.isFinite(w) || !(w > 0)) {
      return {
        path: ['responses', at, 'weight'],
        message: `Expected a positive finite weight in ${name}, got ${w === null ? 'NULL' : String(w)}`,
        code: 'invalid_weight',
      };
    }
    const problem = classes.get(x);
    const reason =
      problem instanceof CxValidationError
        ? (problem.issues[0]?.message ?? problem.message)
        : 'invalid score';
    return { path: ['responses', at, 'score'], message: `${reason} (table ${name})`, code: 'invalid_score' };
  });
  if (issues.length === 0) {
    issues.push({
      path: ['responses'],
      message: `Invalid scores or weights in ${name}`,
      code: 'invalid_score',
    });
  }
  return new CxValidationError(issues, { subject: 'survey responses' });
}
