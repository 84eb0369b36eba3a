import { CxValidationError, type ValidationIssue } from '@cx/model';
import type { Engine, ResultRow } from '../engine/engine.js';
import { epochMs, fieldText, floatType, intType, tableRef, textType } from '../mapping/expressions.js';
import type { SurveyResponseField, SurveyResponseTable } from '../mapping/survey-responses.js';
import type { Dialect } from '../sql/dialect.js';
import { ident, join, type SqlFragment, sql } from '../sql/fragment.js';
import { flag, notFinite } from '../sql/numbers.js';
import type { ResolvedSurveyMetric, SnapshotAccumulator, TallyLike } from './spec.js';

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

/** `FROM … WHERE …` rows of a response table as `x` (score), `w` (weight), `ms`, `k` (group key) (internal). */
export function responseRows(
  table: SurveyResponseTable,
  key: SqlFragment | undefined,
  withTime: boolean,
  dialect: Dialect,
): SqlFragment {
  const filters = Object.entries(table.where ?? {}).map(([name, value]) => {
    const values = typeof value === 'string' ? [value] : value;
    return sql`${responseField(table, name, dialect) as SqlFragment} IN (${join(values.map((v) => sql`${v}`))})`;
  });
  const where = filters.length === 0 ? sql`` : sql` WHERE ${join(filters, ' AND ')}`;
  const float = floatType(dialect);
  const w =
    table.weight === undefined ? sql`CAST(1 AS ${float})` : sql`CAST(${ident(table.weight)} AS ${float})`;
  const ms =
    withTime && table.respondedAt !== undefined
      ? epochMs(table.respondedAt, dialect)
      : sql`CAST(NULL AS ${intType(dialect)})`;
  const id = responseField(table, 'id', dialect) ?? sql`CAST(NULL AS ${textType(dialect)})`;
  return sql`SELECT ${key ?? sql`CAST(NULL AS ${textType(dialect)})`} AS k, CAST(${ident(table.score)} AS ${float}) AS x, ${w} AS w, ${ms} AS ms, ${id} AS id FROM ${tableRef(table.table)}${where}`;
}

/**
 * Sufficient statistics per group key and distinct score: count, Σw, Σw², the earliest instant and the number
 * of invalid weights (internal).
 */
export function scoreStatistics(
  table: SurveyResponseTable,
  key: SqlFragment | undefined,
  withTime: boolean,
  dialect: Dialect,
): SqlFragment {
  const badWeight = sql`(${notFinite(sql`w`, dialect)} OR NOT (w > 0))`;
  return sql`SELECT k, x, count(*) AS n, sum(w) AS sw, sum(w * w) AS sw2, min(ms) AS t, sum(${flag(badWeight)}) AS bad_w FROM (${responseRows(table, key, withTime, dialect)}) r GROUP BY k, x`;
}

/** One group's folded statistics (internal). */
export interface GroupTally {
  readonly key: string | null;
  /** Earliest instant of the group (epoch ms), when instants are mapped. */
  readonly t: number | null;
  readonly tally: TallyLike;
}

function num(row: ResultRow, column: string): number {
  const v = row[column];
  return typeof v === 'number' ? v : 0;
}

/**
 * Folds per-score rows into per-group tallies with the metric's own classification (an accumulator is asked
 * which class each distinct score falls in), after checking every score and weight; bad rows are named by a
 * follow-up query (internal).
 *
 * @throws {@link CxValidationError} listing up to 20 offending rows with their id, score and weight.
 */
export async function foldScores(
  rows: readonly ResultRow[],
  metric: ResolvedSurveyMetric,
  table: SurveyResponseTable,
  engine: Engine,
): Promise<GroupTally[]> {
  const probes = new Map<number, ReturnType<SnapshotAccumulator['toSnapshot']> | Error>();
  const badScores: number[] = [];
  let nullScores = false;
  let badWeights = false;
  for (const row of rows) {
    const x = row.x;
    if (typeof x !== 'number') nullScores = true;
    else if (!probes.has(x)) {
      try {
        const probe = metric.create();
        probe.add(x, 1);
        probes.set(x, probe.toSnapshot());
      } catch (error) {
        probes.set(x, error as Error);
        badScores.push(x);
      }
    }
    if (num(row, 'bad_w') > 0) badWeights = true;
  }
  if (nullScores || badWeights || badScores.length > 0) {
    throw await badRowsError(table, badScores, engine, probes);
  }
  const groups = new Map<string | null, { t: number | null; tally: MutableTally }>();
  const sorted = [...rows].sort((a, b) => (a.x as number) - (b.x as number));
  for (const row of sorted) {
    const key = row.k === null ? null : String(row.k);
    let g = groups.get(key);
    if (g === undefined) {
      g = { t: null, tally: emptyTally() };
      groups.set(key, g);
    }
    const t = row.t;
    if (typeof t === 'number' && (g.t === null || t < g.t)) g.t = t;
    const unit = probes.get(row.x as number) as ReturnType<SnapshotAccumulator['toSnapshot']>;
    const cls = unit.tally.counts.indexOf(1);
    const sw = num(row, 'sw');
    g.tally.counts[cls] = (g.tally.counts[cls] as number) + num(row, 'n');
    g.tally.weights[cls] = (g.tally.weights[cls] as number) + sw;
    g.tally.squaredWeights[cls] = (g.tally.squaredWeights[cls] as number) + num(row, 'sw2');
    g.tally.sumWeightedScores += unit.tally.sumWeightedScores * sw;
    g.tally.sumWeightedSquares += unit.tally.sumWeightedSquares * sw;
  }
  return [...groups.entries()].map(([key, g]) => ({ key, t: g.t, tally: g.tally }));
}

interface MutableTally {
  counts: number[];
  weights: number[];
  squaredWeights: number[];
  sumWeightedScores: number;
  sumWeightedSquares: number;
}

function emptyTally(): MutableTally {
  return {
    counts: [0, 0, 0],
    weights: [0, 0, 0],
    squaredWeights: [0, 0, 0],
    sumWeightedScores: 0,
    sumWeightedSquares: 0,
  };
}

/** The snapshot of a folded tally, with the configuration of the metric's accumulator (internal). */
export function snapshotOf(
  metric: ResolvedSurveyMetric,
  tally: TallyLike,
): ReturnType<SnapshotAccumulator['toSnapshot']> {
  const empty = metric.create().toSnapshot();
  return { metric: empty.metric, config: empty.config, tally };
}

async function badRowsError(
  table: SurveyResponseTable,
  badScores: readonly number[],
  engine: Engine,
  probes: ReadonlyMap<number, unknown>,
): Promise<CxValidationError> {
  const d = engine.dialect;
  const finite = badScores.filter(Number.isFinite);
  const scoreTest =
    finite.length === 0
      ? sql`FALSE`
      : sql`x IN (${join(finite.map((s) => sql`CAST(${s} AS ${floatType(d)})`))})`;
  const rows = await engine.query(
    sql`SELECT id, x, w FROM (${responseRows(table, undefined, false, d)}) r WHERE x IS NULL OR ${notFinite(sql`x`, d)} OR ${notFinite(sql`w`, d)} OR NOT (w > 0) OR ${scoreTest} LIMIT 20`,
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
    const problem = probes.get(x);
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
