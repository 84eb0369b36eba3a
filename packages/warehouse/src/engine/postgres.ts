import { z } from 'zod';
import { toSql } from '../sql/dialect.js';
import type { SqlFragment } from '../sql/fragment.js';
import type { Engine, ResultRow } from './engine.js';
import { loadDriver } from './load-driver.js';
import { parseSettings } from './settings.js';
import { engineError, normalizeRow } from './values.js';

const postgresSettingsSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535).default(5432),
  user: z.string().min(1),
  password: z.string().optional(),
  database: z.string().min(1),
  ssl: z.boolean().default(false),
  maxConnections: z.number().int().min(1).max(100).default(4),
  statementTimeoutMs: z.number().int().min(0).optional(),
});

/**
 * Settings of {@link postgresEngine}. The password is used to connect and never appears in an error, a log line,
 * `description` or `toSql()`.
 *
 * @category Engines
 * @since 0.1.0
 */
export interface PostgresSettings {
  /** Host name or address. */
  readonly host: string;
  /** Port; default 5432. */
  readonly port?: number;
  /** User name. */
  readonly user: string;
  /** Password, if the server asks for one. */
  readonly password?: string;
  /** Database name. */
  readonly database: string;
  /** Connect over TLS; default false. */
  readonly ssl?: boolean;
  /** Pool size; default 4. */
  readonly maxConnections?: number;
  /** Server-side statement timeout in ms; default none. */
  readonly statementTimeoutMs?: number;
}

interface PgClient {
  query(config: {
    text: string;
    values?: unknown[];
    types?: unknown;
  }): Promise<{ rows: Record<string, unknown>[] }>;
  release(): void;
}
interface PgPool {
  connect(): Promise<PgClient>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
}
interface PgModule {
  Pool: new (config: Record<string, unknown>) => PgPool;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** int8 parsed exactly (BigInt) then narrowed; numeric kept as text (the library never selects it). */
const types = {
  getTypeParser(oid: number, format?: string): (value: string) => unknown {
    if (format === 'binary') throw new Error('binary results are not used');
    if (oid === INT8_OID) return (value: string) => BigInt(value);
    if (oid === NUMERIC_OID) return (value: string) => value;
    return defaultParser(oid);
  },
};
let defaultParser: (oid: number) => (value: string) => unknown = () => (value: string) => value;

/**
 * PostgreSQL through `pg` (an optional peer dependency), with a small connection pool.
 *
 * @param settings - Host, port, user, password, database, TLS, pool size and statement timeout.
 * @returns The engine (connections open on the first query).
 * @throws {@link @cx/model!CxOptionsError} for unknown or invalid settings (without echoing values);
 *   {@link @cx/model!CxError} `missing_driver` when `pg` is not installed.
 * @example
 * ```ts
 * import { postgresEngine, sql } from '@cx/warehouse';
 * const engine = await postgresEngine({ host: '127.0.0.1', user: 'cx', password: 's3cret', database: 'cx' });
 * console.log(engine.description); // 'postgres://cx@127.0.0.1:5432/cx'
 * console.log(engine.toSql(sql`SELECT ${1}`).text); // 'SELECT $1::bigint'
 * await engine.close();
 * ```
 * @category Engines
 * @since 0.1.0
 */
export async function postgresEngine(settings: PostgresSettings): Promise<Engine> {
  const s = parseSettings(postgresSettingsSchema, settings, 'postgresEngine');
  const pg = await loadDriver<PgModule & { types: { getTypeParser(oid: number): (v: string) => unknown } }>(
    'pg',
    () => import('pg'),
  );
  defaultParser = (oid) => pg.types.getTypeParser(oid);
  const pool = new pg.Pool({
    host: s.host,
    port: s.port,
    user: s.user,
    password: s.password,
    database: s.database,
    ssl: s.ssl,
    max: s.maxConnections,
    ...(s.statementTimeoutMs === undefined ? {} : { statement_timeout: s.statementTimeoutMs }),
    options: '-c TimeZone=UTC',
  });
  const secrets = s.password === undefined ? [] : [s.password];
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new PostgresEngine(pool, `postgres://${s.user}@${s.host}:${s.port}/${s.database}`, secrets);
}

class PostgresEngine implements Engine {
  readonly dialect = 'postgres' as const;
  readonly description: string;
  readonly #pool: PgPool;
  readonly #secrets: readonly string[];

  constructor(pool: PgPool, description: string, secrets: readonly string[]) {
    this.#pool = pool;
    this.description = description;
    this.#secrets = secrets;
  }

  toSql(query: SqlFragment) {
    return toSql(query, 'postgres');
  }

  async #client(): Promise<PgClient> {
    try {
      return await this.#pool.connect();
    } catch (error) {
      throw engineError(
        'engine_connection_failed',
        `Could not connect to ${this.description}`,
        error,
        this.#secrets,
      );
    }
  }

  async query(query: SqlFragment): Promise<ResultRow[]> {
    const { text, params } = this.toSql(query);
    const client = await this.#client();
    try {
      const result = await client.query({ text, values: params.map((p) => p.value), types });
      return result.rows.map(normalizeRow);
    } catch (error) {
      throw engineError('engine_query_failed', 'PostgreSQL query failed', error, this.#secrets);
    } finally {
      client.release();
    }
  }

  async *stream(query: SqlFragment, batchRows = 10_000): AsyncIterable<ResultRow[]> {
    const { text, params } = this.toSql(query);
    const client = await this.#client();
    let open = false;
    try {
      await client.query({ text: 'BEGIN READ ONLY' });
      open = true;
      await client.query({
        text: `DECLARE cx_cursor NO SCROLL CURSOR FOR ${text}`,
        values: params.map((p) => p.value),
      });
      for (;;) {
        const { rows } = await client.query({
          text: `FETCH ${Math.max(1, Math.floor(batchRows))} FROM cx_cursor`,
          types,
        });
        if (rows.length === 0) break;
        yield rows.map(normalizeRow);
      }
      await client.query({ text: 'COMMIT' });
      open = false;
    } catch (error) {
      throw engineError('engine_query_failed', 'PostgreSQL query failed', error, this.#secrets);
    } finally {
      if (open) await client.query({ text: 'ROLLBACK' }).catch(() => undefined);
      client.release();
    }
  }

  async execute(statement: SqlFragment): Promise<void> {
    const { text, params } = this.toSql(statement);
    const client = await this.#client();
    try {
      await client.query({ text, values: params.map((p) => p.value) });
    } catch (error) {
      throw engineError('engine_query_failed', 'PostgreSQL statement failed', error, this.#secrets);
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
