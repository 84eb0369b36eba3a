import { CxError } from '@cx/model';
import type { Engine } from '../engine/engine.js';
import type { TableName } from '../mapping/column.js';
import { tableRef } from '../mapping/expressions.js';
import { ident, join, literal, sql } from '../sql/fragment.js';

/**
 * A file format DuckDB reads directly.
 *
 * @category Loading
 * @since 0.1.0
 */
export type FileFormat = 'csv' | 'ndjson' | 'parquet';

function duckdbOnly(engine: Engine, what: string): void {
  if (engine.dialect !== 'duckdb') {
    throw new CxError(
      'unsupported_engine',
      `${what} reads and writes files with DuckDB; use COPY or your loader on ${engine.dialect}`,
    );
  }
}

/**
 * Creates (or replaces) a DuckDB view over CSV, NDJSON or Parquet files: the files are read where they are, at
 * each query, without a copy.
 *
 * @param engine - A DuckDB engine.
 * @param view - The view name.
 * @param files - File paths or globs.
 * @param format - Their format.
 * @throws {@link @cx/model!CxError} `unsupported_engine` on another engine.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { createFileView, duckdbEngine, sql } from '@cx/warehouse';
 * const file = join(tmpdir(), 'scores-example.csv');
 * writeFileSync(file, 'score\n9\n10\n');
 * const engine = await duckdbEngine();
 * await createFileView(engine, 'scores', [file], 'csv');
 * console.log(await engine.query(sql`SELECT count(*) AS n FROM scores`)); // [ { n: 2 } ]
 * await engine.close();
 * ```
 * @category Loading
 * @since 0.1.0
 */
export async function createFileView(
  engine: Engine,
  view: string,
  files: readonly string[],
  format: FileFormat,
): Promise<void> {
  duckdbOnly(engine, 'createFileView');
  const list = sql`[${join(files.map((f) => literal(f)))}]`;
  const reader =
    format === 'parquet'
      ? sql`read_parquet(${list}, union_by_name = true)`
      : format === 'csv'
        ? sql`read_csv(${list}, header = true, union_by_name = true)`
        : sql`read_json(${list}, format = 'newline_delimited', union_by_name = true)`;
  await engine.execute(sql`CREATE OR REPLACE VIEW ${ident(view)} AS SELECT * FROM ${reader}`);
}

/**
 * Writes a table to a Parquet file with DuckDB (e.g. to hand a sample data set to analysts).
 *
 * @param engine - A DuckDB engine.
 * @param table - The table to write.
 * @param file - The Parquet file to create (replaced if it exists).
 * @throws {@link @cx/model!CxError} `unsupported_engine` on another engine.
 * @example
 * ```ts
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { duckdbEngine, sql, writeParquet } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE t AS SELECT 1 AS one`);
 * await writeParquet(engine, 't', join(tmpdir(), 'one-example.parquet'));
 * console.log((await engine.query(sql`SELECT count(*) AS n FROM t`))[0]); // { n: 1 }
 * await engine.close();
 * ```
 * @category Loading
 * @since 0.1.0
 */
export async function writeParquet(engine: Engine, table: TableName, file: string): Promise<void> {
  duckdbOnly(engine, 'writeParquet');
  await engine.execute(sql`COPY (SELECT * FROM ${tableRef(table)}) TO ${literal(file)} (FORMAT parquet)`);
}
