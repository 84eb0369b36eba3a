import { CxValidationError } from '@cx/model';
import { z } from 'zod';
import { type CompiledSql, toSql } from '../sql/dialect.js';
import type { SqlFragment } from '../sql/fragment.js';
import type { Engine, ResultRow } from './engine.js';
import { loadDriver } from './load-driver.js';
import { parseSettings } from './settings.js';
import { engineError, normalizeRow } from './values.js';

const clickhouseSettingsSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  username: z.string().min(1).default('default'),
  password: z.string().optional(),
  database: z.string().min(1).default('default'),
  requestTimeoutMs: z.number().int().min(1).optional(),
});

/**
 * Settings of {@link clickhouseEngine}. The password is used to connect and never appears in an error, a log
 * line, `description` or `toSql()`; a URL with user information is rejected (give `username` and `password`).
 *
 * @category Engines
 * @since 0.1.0
 */
export interface ClickHouseSettings {
  /** HTTP(S) endpoint, e.g. `http://127.0.0.1:8123`; no user or password in it. */
  readonly url: string;
  /** User name; default `default`. */
  readonly username?: string;
  /** Password. */
  readonly password?: string;
  /** Database; default `default`. */
  readonly database?: string;
  /** Request timeout in ms; default the client's. */
  readonly requestTimeoutMs?: number;
}

/** Settings every ClickHouse query runs with, so that results follow standard SQL (internal). */
export const CLICKHOUSE_QUERY_SETTINGS = {
  // Outer joins give NULL (not the type's default value) for missing rows, as in standard SQL.
  join_use_nulls: 1,
  // 64-bit integers as JSON numbers (the library checks they are safe integers).
  output_format_json_quote_64bit_integers: 0,
} as const;

interface ChResultSet {
  json<T>(): Promise<T>;
  stream(): AsyncIterable<Array<{ json<T>(): T }>>;
}
interface ChClient {
  query(params: Record<string, unknown>): Promise<ChResultSet>;
  command(params: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}
interface ChModule {
  createClient(config: Record<string, unknown>): ChClient;
}

/** Query parameters of a compiled query as ClickHouse expects them: `{ p1: value, … }` (internal). */
export function clickhouseParams(compiled: CompiledSql): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  compiled.params.forEach((p, i) => {
    // A double goes as its shortest round-trip text, which ClickHouse reads back exactly as Float64: the drivers
    // refuse whole-valued numbers beyond 2^53 (1e200 is one), which are exact doubles all the same.
    out[`p${i + 1}`] = p.type === 'float' && typeof p.value === 'number' ? String(p.value) : p.value;
  });
  return out;
}

/**
 * ClickHouse, a server or a cluster, through `@clickhouse/client` (an optional peer dependency). Queries are
 * written to give the same result on `Distributed` tables (see docs/warehouse.md).
 *
 * @param settings - URL, user, password, database and timeout.
 * @returns The engine.
 * @throws {@link @cx/model!CxOptionsError} for unknown or invalid settings (without echoing values), or a URL
 *   carrying credentials; {@link @cx/model!CxError} `missing_driver` when `@clickhouse/client` is not installed.
 * @example
 * ```ts
 * import { clickhouseEngine, ident, sql } from '@cx/warehouse';
 * const engine = await clickhouseEngine({ url: 'http://127.0.0.1:8123', password: 's3cret' });
 * console.log(engine.toSql(sql`SELECT count() FROM ${ident('events')} WHERE name = ${'buy'}`).text);
 * // 'SELECT count() FROM `events` WHERE name = {p1:String}'
 * await engine.close();
 * ```
 * @category Engines
 * @since 0.1.0
 */
export async function clickhouseEngine(settings: ClickHouseSettings): Promise<Engine> {
  const s = parseSettings(clickhouseSettingsSchema, settings, 'clickhouseEngine');
  const url = new URL(s.url);
  if (url.username !== '' || url.password !== '') {
    throw new CxValidationError([
      {
        path: ['url'],
        message: 'Expected a URL without user information: give username and password as settings',
        code: 'invalid_value',
      },
    ]);
  }
  const ch = await loadDriver<ChModule>('@clickhouse/client', () => import('@clickhouse/client'));
  const client = ch.createClient({
    url: s.url,
    username: s.username,
    password: s.password ?? '',
    database: s.database,
    ...(s.requestTimeoutMs === undefined ? {} : { request_timeout: s.requestTimeoutMs }),
    clickhouse_settings: CLICKHOUSE_QUERY_SETTINGS,
  });
  const secrets = s.password === undefined ? [] : [s.password];
  return new ClickHouseEngine(client, `clickhouse://${s.username}@${url.host}/${s.database}`, secrets);
}

class ClickHouseEngine implements Engine {
  readonly dialect = 'clickhouse' as const;
  readonly description: string;
  readonly #client: ChClient;
  readonly #secrets: readonly string[];

  constructor(client: ChClient, description: string, secrets: readonly string[]) {
    this.#client = client;
    this.description = description;
    this.#secrets = secrets;
  }

  toSql(query: SqlFragment) {
    return toSql(query, 'clickhouse');
  }

  async query(query: SqlFragment): Promise<ResultRow[]> {
    const compiled = this.toSql(query);
    try {
      const rs = await this.#client.query({
        query: compiled.text,
        query_params: clickhouseParams(compiled),
        format: 'JSONEachRow',
      });
      return (await rs.json<Record<string, unknown>[]>()).map(normalizeRow);
    } catch (error) {
      throw engineError('engine_query_failed', 'ClickHouse query failed', error, this.#secrets);
    }
  }

  async *stream(query: SqlFragment): AsyncIterable<ResultRow[]> {
    const compiled = this.toSql(query);
    let rs: ChResultSet;
    try {
      rs = await this.#client.query({
        query: compiled.text,
        query_params: clickhouseParams(compiled),
        format: 'JSONEachRow',
      });
    } catch (error) {
      throw engineError('engine_query_failed', 'ClickHouse query failed', error, this.#secrets);
    }
    for await (const rows of rs.stream())
      yield rows.map((r) => normalizeRow(r.json<Record<string, unknown>>()));
  }

  async execute(statement: SqlFragment): Promise<void> {
    const compiled = this.toSql(statement);
    try {
      await this.#client.command({ query: compiled.text, query_params: clickhouseParams(compiled) });
    } catch (error) {
      throw engineError('engine_query_failed', 'ClickHouse statement failed', error, this.#secrets);
    }
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}
