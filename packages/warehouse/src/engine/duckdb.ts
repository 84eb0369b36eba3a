import { z } from 'zod';
import { toSql } from '../sql/dialect.js';
import type { SqlFragment, SqlParam, SqlParamType } from '../sql/fragment.js';
import type { Engine, ResultRow } from './engine.js';
import { loadDriver } from './load-driver.js';
import { parseSettings } from './settings.js';
import { engineError, normalizeRow } from './values.js';

const duckdbSettingsSchema = z.strictObject({
  path: z.string().min(1).optional(),
  threads: z.number().int().min(1).max(1024).optional(),
  memoryLimit: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/)
    .optional(),
  tempDirectory: z.string().min(1).optional(),
});

/**
 * Settings of {@link duckdbEngine}.
 *
 * @category Engines
 * @since 0.1.0
 */
export interface DuckDbSettings {
  /** Database file; default in memory. */
  readonly path?: string;
  /** Worker threads; default DuckDB's (the number of cores). */
  readonly threads?: number;
  /**
   * Memory limit such as `'2GB'`; default DuckDB's (80% of RAM). Sorts, `GROUP BY`, joins and window functions
   * spill to disk beyond it (docs/warehouse.md, "DuckDB's memory").
   */
  readonly memoryLimit?: string;
  /**
   * Directory for the data DuckDB spills to disk; default DuckDB's: `<path>.tmp` beside a database file, `.tmp` in
   * the current directory for an in-memory database.
   */
  readonly tempDirectory?: string;
}

interface DuckModule {
  DuckDBInstance: {
    create(path?: string, options?: Record<string, string>): Promise<DuckInstance>;
  };
  DOUBLE: unknown;
  BIGINT: unknown;
  VARCHAR: unknown;
  BOOLEAN: unknown;
}
interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync(): void;
}
interface DuckConnection {
  runAndReadAll(
    sql: string,
    values?: unknown[],
    types?: unknown[],
  ): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>;
  run(sql: string, values?: unknown[], types?: unknown[]): Promise<unknown>;
  stream(
    sql: string,
    values?: unknown[],
    types?: unknown[],
  ): Promise<{ yieldRowObjectJs(): AsyncIterableIterator<Record<string, unknown>[]> }>;
  closeSync(): void;
}

/**
 * DuckDB, embedded in the Node process through `@duckdb/node-api` (an optional peer dependency): in memory or
 * in a database file, and able to read CSV, NDJSON and Parquet files directly.
 *
 * @param settings - Database file, threads, memory limit and the directory for spilled data.
 * @returns The engine.
 * @throws {@link @cx/model!CxOptionsError} for unknown or invalid settings; {@link @cx/model!CxError}
 *   `missing_driver` when `@duckdb/node-api` is not installed.
 * @example
 * ```ts
 * import { duckdbEngine, sql } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * console.log(await engine.query(sql`SELECT ${2} + 2 AS four`)); // [ { four: 4 } ]
 * await engine.close();
 * ```
 * @category Engines
 * @since 0.1.0
 */
export async function duckdbEngine(settings: DuckDbSettings = {}): Promise<Engine> {
  const s = parseSettings(duckdbSettingsSchema, settings, 'duckdbEngine');
  const duck = await loadDriver<DuckModule>('@duckdb/node-api', () => import('@duckdb/node-api'));
  const options: Record<string, string> = {};
  if (s.threads !== undefined) options.threads = String(s.threads);
  if (s.memoryLimit !== undefined) options.memory_limit = s.memoryLimit;
  if (s.tempDirectory !== undefined) options.temp_directory = s.tempDirectory;
  let instance: DuckInstance;
  let connection: DuckConnection;
  try {
    instance = await duck.DuckDBInstance.create(s.path ?? ':memory:', options);
    connection = await instance.connect();
    // Sessions in UTC: the library never relies on the session zone (every zone is explicit), but a fixed one
    // keeps casts of TIMESTAMPTZ to text reproducible.
    await connection.run(`SET TimeZone = 'UTC'`);
  } catch (error) {
    throw engineError('engine_connection_failed', 'Could not open DuckDB', error, []);
  }
  // Parameters are bound with their declared types: left to itself the driver binds a whole-valued double such as
  // 2^400 as BIGINT, and fails.
  const types: Record<SqlParamType, unknown> = {
    text: duck.VARCHAR,
    float: duck.DOUBLE,
    int: duck.BIGINT,
    bool: duck.BOOLEAN,
  };
  return new DuckDbEngine(
    connection,
    instance,
    types,
    s.path === undefined ? 'duckdb::memory:' : `duckdb:${s.path}`,
  );
}

class DuckDbEngine implements Engine {
  readonly dialect = 'duckdb' as const;
  readonly description: string;
  readonly #connection: DuckConnection;
  readonly #instance: DuckInstance;

  readonly #types: Record<SqlParamType, unknown>;

  constructor(
    connection: DuckConnection,
    instance: DuckInstance,
    types: Record<SqlParamType, unknown>,
    description: string,
  ) {
    this.#connection = connection;
    this.#instance = instance;
    this.#types = types;
    this.description = description;
  }

  /** Values and declared types of a fragment's parameters. */
  #bind(params: readonly SqlParam[]): [unknown[], unknown[]] {
    return [params.map((p) => p.value), params.map((p) => this.#types[p.type])];
  }

  toSql(query: SqlFragment) {
    return toSql(query, 'duckdb');
  }

  async query(query: SqlFragment): Promise<ResultRow[]> {
    const { text, params } = this.toSql(query);
    try {
      const reader = await this.#connection.runAndReadAll(text, ...this.#bind(params));
      return reader.getRowObjectsJS().map(normalizeRow);
    } catch (error) {
      throw engineError('engine_query_failed', 'DuckDB query failed', error, []);
    }
  }

  async *stream(query: SqlFragment): AsyncIterable<ResultRow[]> {
    const { text, params } = this.toSql(query);
    let result: Awaited<ReturnType<DuckConnection['stream']>>;
    try {
      result = await this.#connection.stream(text, ...this.#bind(params));
    } catch (error) {
      throw engineError('engine_query_failed', 'DuckDB query failed', error, []);
    }
    for await (const rows of result.yieldRowObjectJs()) yield rows.map(normalizeRow);
  }

  async execute(statement: SqlFragment): Promise<void> {
    const { text, params } = this.toSql(statement);
    try {
      await this.#connection.run(text, ...this.#bind(params));
    } catch (error) {
      throw engineError('engine_query_failed', 'DuckDB statement failed', error, []);
    }
  }

  async close(): Promise<void> {
    this.#connection.closeSync();
    this.#instance.closeSync();
  }
}
