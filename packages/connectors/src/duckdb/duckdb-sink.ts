import { instantToEpochMs, parseOptions } from '@cx/model';
import { type DuckDBAppender, type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { z } from 'zod';
import { CxSinkError } from '../errors.js';
import type { SyncSink } from '../sinks/sink.js';
import { parseSyncState, type SyncState } from '../sync/state.js';

/**
 * Options of {@link duckdbSink}: an open connection (yours to close), or a database file the sink opens and
 * closes itself.
 *
 * @category Sinks
 * @since 0.2.0
 */
export type DuckdbSinkOptions = (
  | {
      /** A connection to write through (kept open by {@link SyncSink.close}). */
      readonly connection: DuckDBConnection;
      readonly path?: never;
      readonly settings?: never;
    }
  | {
      /** A database file to open (`:memory:` for an in-memory database); closed by {@link SyncSink.close}. */
      readonly path: string;
      readonly connection?: never;
      /** DuckDB settings of the opened database, e.g. `{ memory_limit: '512MB', threads: '2' }`. */
      readonly settings?: Readonly<Record<string, string>>;
    }
) & {
  /**
   * Name of the records table (default `cx_records`); the sink also uses `<table>_state`,
   * `<table>_dead_letters` and the view `<table>_latest`.
   */
  readonly table?: string;
};

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const duckdbSinkSchema = z
  .strictObject({
    connection: z
      .custom<object>(
        (v) => typeof v === 'object' && v !== null && typeof (v as { run?: unknown }).run === 'function',
        {
          error: 'Expected a DuckDBConnection',
        },
      )
      .optional(),
    path: z.string().min(1).optional(),
    settings: z.record(z.string(), z.string()).optional(),
    table: z
      .string()
      .regex(IDENTIFIER, {
        error: 'Expected a plain identifier: letters, digits and _, at most 63, not starting with a digit',
      })
      .optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.connection === undefined) === (value.path === undefined))
      ctx.addIssue({
        code: 'custom',
        path: value.connection === undefined ? ['path'] : ['connection'],
        message:
          'Give either connection (yours to close) or path (a database the sink opens), not both or neither',
        params: { code: value.connection === undefined ? 'missing_option' : 'conflicting_options' },
      });
    if (value.connection !== undefined && value.settings !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['settings'],
        message: 'settings apply to a database the sink opens (path), not to a given connection',
        params: { code: 'conflicting_options' },
      });
  });

/**
 * A DuckDB table sink with exactly-once delivery: records are appended (DuckDB's appender) inside one open
 * transaction, and each commit writes the sync state into `<table>_state` in the same transaction, so records
 * and cursor become durable together or not at all: a crash or kill at any instant leaves whole batches only,
 * and the next {@link SyncSink.open} returns the state committed with them.
 *
 * Tables: `<table>` (`source`, `kind`, `id`, `stream`, `key`, `position_ms`, `position_time`, `position_id`,
 * `batch`, `seq`, `value` JSON) keeps every delivered version, append-only, without an index (memory does not
 * grow with the table); the view `<table>_latest` holds the current version of each `(source, kind, id)`: the
 * latest position, then the latest delivery. `<table>_dead_letters` holds the dead letters of the same batches.
 *
 * Exported from `@cx/connectors/duckdb`; needs the optional peer dependency `@duckdb/node-api` (1.5.x).
 *
 * @param options - A connection or a database path, and the table name.
 * @returns The sink.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong (neither or both of `connection` and
 * `path`, a table name that is not a plain identifier).
 * @throws `CxSinkError` (from `@cx/connectors`) with code `sink_not_open` when written before `open()`.
 * @example
 * ```ts
 * import { ndjsonSource, syncToSink } from '@cx/connectors';
 * import { duckdbSink } from '@cx/connectors/duckdb';
 * import { Readable } from 'node:stream';
 * const sink = duckdbSink({ path: ':memory:' });
 * const source = ndjsonSource({
 *   input: () => Readable.from(['{"id":"c1","since":"2024-06-01T10:00:00Z"}\n']),
 *   kind: 'customer', fields: { id: 'id', firstSeenAt: 'since' }, defaults: { type: 'consumer' },
 * });
 * console.log((await syncToSink(source, sink)).records); // 1
 * await sink.close();
 * ```
 * @category Sinks
 * @since 0.2.0
 */
export function duckdbSink(options: DuckdbSinkOptions): SyncSink {
  parseOptions(duckdbSinkSchema, options, 'duckdbSink');
  const table = options.table ?? 'cx_records';
  const records = `"${table}"`;
  const states = `"${table}_state"`;
  const dead = `"${table}_dead_letters"`;
  const latest = `"${table}_latest"`;
  let instance: DuckDBInstance | null = null;
  let connection: DuckDBConnection | null = options.connection ?? null;
  let source: string | null = null;
  let batch = 0n;
  let seq = 0;
  let appender: DuckDBAppender | null = null;

  const opened = (what: string): DuckDBConnection => {
    if (connection === null || source === null)
      throw new CxSinkError('sink_not_open', `duckdbSink: call open() before ${what}()`);
    return connection;
  };
  const endBatch = () => {
    appender?.closeSync(); // flushes the appended rows into the open transaction
    appender = null;
  };

  return {
    async open(name) {
      if (connection === null) {
        instance = await DuckDBInstance.create(options.path as string, { ...options.settings });
        connection = await instance.connect();
      }
      if (source !== null) {
        endBatch();
        await connection.run('ROLLBACK');
      }
      await connection.run(`CREATE TABLE IF NOT EXISTS ${records} (
        source VARCHAR NOT NULL, kind VARCHAR NOT NULL, id VARCHAR NOT NULL, stream VARCHAR NOT NULL,
        key VARCHAR NOT NULL, position_ms BIGINT NOT NULL, position_time VARCHAR NOT NULL,
        position_id VARCHAR NOT NULL, batch BIGINT NOT NULL, seq INTEGER NOT NULL, value JSON NOT NULL)`);
      await connection.run(`CREATE TABLE IF NOT EXISTS ${states} (
        source VARCHAR PRIMARY KEY, batch BIGINT NOT NULL, state JSON NOT NULL, committed_at VARCHAR NOT NULL)`);
      await connection.run(`CREATE TABLE IF NOT EXISTS ${dead} (
        source VARCHAR NOT NULL, stream VARCHAR NOT NULL, key VARCHAR, line BIGINT, reason VARCHAR NOT NULL,
        issues JSON NOT NULL, raw JSON, dead_lettered_at VARCHAR NOT NULL, batch BIGINT NOT NULL)`);
      await connection.run(`CREATE OR REPLACE VIEW ${latest} AS
        SELECT * EXCLUDE (batch, seq) FROM ${records}
        QUALIFY row_number() OVER (PARTITION BY source, kind, id ORDER BY position_ms DESC, batch DESC, seq DESC) = 1`);
      const reader = await connection.runAndReadAll(
        `SELECT batch, state::VARCHAR FROM ${states} WHERE source = $1`,
        [name],
      );
      const row = reader.getRows()[0];
      batch = row === undefined ? 1n : (row[0] as bigint) + 1n;
      seq = 0;
      await connection.run('BEGIN TRANSACTION');
      source = name;
      return row === undefined ? null : parseSyncState(JSON.parse(row[1] as string));
    },
    async write(item) {
      const db = opened('write');
      appender ??= await db.createAppender(table);
      const value = item.record.value as { id: string };
      appender.appendVarchar(source as string);
      appender.appendVarchar(item.record.kind);
      appender.appendVarchar(value.id);
      appender.appendVarchar(item.stream);
      appender.appendVarchar(item.key);
      appender.appendBigInt(BigInt(instantToEpochMs(item.position.time)));
      appender.appendVarchar(item.position.time);
      appender.appendVarchar(item.position.id);
      appender.appendBigInt(batch);
      appender.appendInteger(seq++);
      appender.appendVarchar(JSON.stringify(value));
      appender.endRow();
    },
    async writeDeadLetter(letter) {
      const db = opened('writeDeadLetter');
      await db.run(`INSERT INTO ${dead} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
        source as string,
        letter.stream,
        letter.key,
        letter.line === null ? null : BigInt(letter.line),
        letter.reason,
        JSON.stringify(letter.issues),
        letter.raw === undefined ? null : JSON.stringify(letter.raw),
        letter.at,
        batch,
      ]);
    },
    async commit(state: SyncState) {
      const db = opened('commit');
      endBatch();
      await db.run(`INSERT OR REPLACE INTO ${states} VALUES ($1, $2, $3, $4)`, [
        source as string,
        batch,
        JSON.stringify(state),
        new Date().toISOString(),
      ]);
      await db.run('COMMIT');
      batch++;
      seq = 0;
      await db.run('BEGIN TRANSACTION');
    },
    async rollback() {
      const db = opened('rollback');
      endBatch();
      await db.run('ROLLBACK');
      seq = 0;
      await db.run('BEGIN TRANSACTION');
    },
    async close() {
      if (connection !== null && source !== null) {
        endBatch();
        await connection.run('ROLLBACK');
      }
      source = null;
      if (instance !== null) {
        connection?.closeSync();
        instance.closeSync();
        instance = null;
        connection = null;
      }
    },
  };
}
