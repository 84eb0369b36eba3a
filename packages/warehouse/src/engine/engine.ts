import type { CompiledSql, Dialect } from '../sql/dialect.js';
import type { SqlFragment } from '../sql/fragment.js';

/**
 * A value in a result row: the library only ever selects numbers (counts, sums, epoch milliseconds), strings
 * (keys, labels) and `null`.
 *
 * @category Engines
 * @since 0.1.0
 */
export type ResultValue = string | number | boolean | null;

/**
 * A result row, by column alias.
 *
 * @category Engines
 * @since 0.1.0
 */
export type ResultRow = Readonly<Record<string, ResultValue>>;

/**
 * A database engine the metrics run on: DuckDB, PostgreSQL or ClickHouse behind one small interface. Every query
 * is a {@link SqlFragment}: values bound as parameters, identifiers quoted for the engine's dialect.
 *
 * @category Engines
 * @since 0.1.0
 */
export interface Engine {
  /** The SQL dialect the engine speaks. */
  readonly dialect: Dialect;
  /** A readable description without credentials, e.g. `postgres://cx@127.0.0.1:54329/cx`. */
  readonly description: string;
  /**
   * Runs a query and returns every row (for the small results of aggregates).
   *
   * @param query - The query.
   * @returns The rows, values normalised to numbers, strings, booleans and `null`.
   */
  query(query: SqlFragment): Promise<ResultRow[]>;
  /**
   * Runs a query and yields its rows in batches, holding one batch at a time.
   *
   * @param query - The query.
   * @param batchRows - Rows per batch (a hint).
   * @returns The batches.
   */
  stream(query: SqlFragment, batchRows?: number): AsyncIterable<ResultRow[]>;
  /**
   * Runs a statement without rows (DDL, INSERT … SELECT).
   *
   * @param statement - The statement.
   */
  execute(statement: SqlFragment): Promise<void>;
  /**
   * Compiles a fragment for this engine: the text and parameters that would run, without credentials.
   *
   * @param query - The query.
   * @returns The compiled SQL.
   */
  toSql(query: SqlFragment): CompiledSql;
  /** Closes the connection (or the embedded database). */
  close(): Promise<void>;
}
