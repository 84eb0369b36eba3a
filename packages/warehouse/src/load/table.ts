import { CxValidationError, instantToEpochMs } from '@cx/model';
import type { Engine } from '../engine/engine.js';
import type { TableName } from '../mapping/column.js';
import { tableRef } from '../mapping/expressions.js';
import type { Dialect } from '../sql/dialect.js';
import { ident, join, raw, type SqlFragment, sql } from '../sql/fragment.js';

/**
 * A column of a table the loading helpers create: `instant` columns are `TIMESTAMPTZ` (DuckDB, PostgreSQL) or
 * `DateTime64(3, 'UTC')` (ClickHouse) and take instants (`2026-01-01T10:00:00Z`) or epoch milliseconds.
 *
 * @category Loading
 * @since 0.1.0
 */
export interface LoadColumn {
  /** Column name. */
  readonly name: string;
  /** Column type. */
  readonly type: 'text' | 'float' | 'int' | 'instant';
}

function columnType(type: LoadColumn['type'], dialect: Dialect): SqlFragment {
  if (dialect === 'clickhouse') {
    return raw(
      {
        text: 'Nullable(String)',
        float: 'Nullable(Float64)',
        int: 'Nullable(Int64)',
        instant: "Nullable(DateTime64(3, 'UTC'))",
      }[type],
    );
  }
  if (dialect === 'postgres') {
    return raw({ text: 'text', float: 'double precision', int: 'bigint', instant: 'timestamptz' }[type]);
  }
  return raw({ text: 'VARCHAR', float: 'DOUBLE', int: 'BIGINT', instant: 'TIMESTAMPTZ' }[type]);
}

/** An instant from epoch milliseconds, exactly, per dialect (internal). */
export function instantFromMs(ms: SqlFragment, dialect: Dialect): SqlFragment {
  if (dialect === 'duckdb') return sql`make_timestamptz(CAST(${ms} AS BIGINT) * 1000)`;
  if (dialect === 'postgres')
    return sql`(TIMESTAMPTZ 'epoch' + CAST(${ms} AS bigint) * INTERVAL '1 millisecond')`;
  return sql`fromUnixTimestamp64Milli(CAST(${ms} AS Int64), 'UTC')`;
}

/**
 * Creates (or replaces) a table with the given columns.
 *
 * @param engine - The engine.
 * @param table - The table name.
 * @param columns - Its columns.
 * @example
 * ```ts
 * import { createTable, duckdbEngine, insertRows, sql } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * const columns = [{ name: 'score', type: 'int' }, { name: 'at', type: 'instant' }] as const;
 * await createTable(engine, 'answers', columns);
 * await insertRows(engine, 'answers', columns, [{ score: 9, at: '2026-01-01T10:00:00Z' }]);
 * console.log(await engine.query(sql`SELECT count(*) AS n FROM answers`)); // [ { n: 1 } ]
 * await engine.close();
 * ```
 * @category Loading
 * @since 0.1.0
 */
export async function createTable(
  engine: Engine,
  table: TableName,
  columns: readonly LoadColumn[],
): Promise<void> {
  const d = engine.dialect;
  const defs = join(columns.map((c) => sql`${ident(c.name)} ${columnType(c.type, d)}`));
  await engine.execute(sql`DROP TABLE IF EXISTS ${tableRef(table)}`);
  const tail = d === 'clickhouse' ? sql` ENGINE = MergeTree ORDER BY tuple()` : sql``;
  await engine.execute(sql`CREATE TABLE ${tableRef(table)} (${defs})${tail}`);
}

function bind(value: unknown, column: LoadColumn, row: number, dialect: Dialect): SqlFragment {
  if (value === undefined || value === null) return sql`CAST(NULL AS ${columnType(column.type, dialect)})`;
  const bad = (expected: string) =>
    new CxValidationError([
      {
        path: [row, column.name],
        message: `Expected ${expected}, got ${JSON.stringify(value)}`,
        code: 'invalid_type',
      },
    ]);
  switch (column.type) {
    case 'text':
      if (typeof value !== 'string') throw bad('a string');
      return sql`${value}`;
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('a finite number');
      return sql`CAST(${value} AS ${columnType('float', dialect)})`;
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw bad('a safe integer');
      return sql`CAST(${value} AS ${columnType('int', dialect)})`;
    case 'instant': {
      let ms: number;
      if (typeof value === 'number' && Number.isSafeInteger(value)) ms = value;
      else if (typeof value === 'string') {
        try {
          ms = instantToEpochMs(value);
        } catch {
          throw bad('an instant such as 2026-01-01T10:00:00Z');
        }
      } else throw bad('an instant or epoch milliseconds');
      return instantFromMs(sql`${ms}`, dialect);
    }
  }
}

/**
 * Inserts rows in batches with bound parameters (for tests, examples and small data; for millions of rows let the
 * engine read files or generate the data in SQL).
 *
 * @param engine - The engine.
 * @param table - The table.
 * @param columns - The columns to fill, in the table's order or a subset.
 * @param rows - Rows by column name, sync or async.
 * @param batchRows - Rows per INSERT; default 200.
 * @returns The number of rows inserted.
 * @throws {@link @cx/model!CxValidationError} for a value that does not fit its column, with row and column.
 * @example
 * ```ts
 * import { createTable, duckdbEngine, insertRows } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await createTable(engine, 'notes', [{ name: 'text', type: 'text' }]);
 * console.log(await insertRows(engine, 'notes', [{ name: 'text', type: 'text' }], [{ text: "it's" }])); // 1
 * await engine.close();
 * ```
 * @category Loading
 * @since 0.1.0
 */
export async function insertRows(
  engine: Engine,
  table: TableName,
  columns: readonly LoadColumn[],
  rows: Iterable<Readonly<Record<string, unknown>>> | AsyncIterable<Readonly<Record<string, unknown>>>,
  batchRows = 200,
): Promise<number> {
  const d = engine.dialect;
  const names = join(columns.map((c) => ident(c.name)));
  let batch: SqlFragment[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await engine.execute(sql`INSERT INTO ${tableRef(table)} (${names}) VALUES ${join(batch)}`);
    batch = [];
  };
  for await (const row of rows) {
    batch.push(sql`(${join(columns.map((c) => bind(row[c.name], c, count, d)))})`);
    count++;
    if (batch.length >= batchRows) await flush();
  }
  await flush();
  return count;
}
