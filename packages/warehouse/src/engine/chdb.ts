import { z } from 'zod';
import { toSql } from '../sql/dialect.js';
import type { SqlFragment } from '../sql/fragment.js';
import { CLICKHOUSE_QUERY_SETTINGS, clickhouseParams } from './clickhouse.js';
import type { Engine, ResultRow } from './engine.js';
import { loadDriver } from './load-driver.js';
import { parseSettings } from './settings.js';
import { engineError, normalizeRow } from './values.js';

const chdbSettingsSchema = z.strictObject({ path: z.string().min(1).optional() });

/**
 * Settings of {@link chdbEngine}.
 *
 * @category Engines
 * @since 0.1.0
 */
export interface ChDbSettings {
  /** Directory of the session's data; default a temporary directory removed on `close()`. */
  readonly path?: string;
}

interface ChdbResult {
  text(): string;
}
interface ChdbStream extends AsyncIterable<{ rows<T>(): T[] }> {
  cancel(): void;
}
interface ChdbSession {
  queryBindAsync(query: string, params: object, opts?: { format?: string }): Promise<ChdbResult>;
  queryStreamBind(query: string, params: object, opts?: { format?: string }): ChdbStream;
  query(query: string, format?: string): string;
  cleanup(): void;
  close(): void;
}
interface ChdbModule {
  Session: new (path?: string) => ChdbSession;
}

function parseJsonEachRow(text: string): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const line of text.split('\n'))
    if (line.length > 0) rows.push(JSON.parse(line) as Record<string, unknown>);
  return rows;
}

/**
 * ClickHouse's engine in process through the `chdb` npm package: the same SQL dialect as a ClickHouse server,
 * without one. `chdb` (about 540 MB) is not a dependency of this package: install it where you want it
 * (`npm install chdb`).
 *
 * @param settings - Where the session keeps its tables.
 * @returns The engine.
 * @throws {@link @cx/model!CxOptionsError} for unknown settings; {@link @cx/model!CxError} `missing_driver`
 *   when `chdb` is not installed.
 * @example
 * ```ts
 * import { chdbEngine } from '@cx/warehouse';
 * // npm install chdb, then:
 * const open = () => chdbEngine();
 * console.log(typeof open); // 'function'
 * ```
 * @category Engines
 * @since 0.1.0
 */
export async function chdbEngine(settings: ChDbSettings = {}): Promise<Engine> {
  const s = parseSettings(chdbSettingsSchema, settings, 'chdbEngine');
  const chdb = await loadDriver<ChdbModule>('chdb', () => import(/* @vite-ignore */ 'chdb' as string));
  let session: ChdbSession;
  try {
    session = new chdb.Session(s.path);
    for (const [name, value] of Object.entries(CLICKHOUSE_QUERY_SETTINGS))
      session.query(`SET ${name} = ${value}`);
    session.query(`SET session_timezone = 'UTC'`);
  } catch (error) {
    throw engineError('engine_connection_failed', 'Could not start chDB', error, []);
  }
  return new ChDbEngine(session, s.path === undefined);
}

class ChDbEngine implements Engine {
  readonly dialect = 'clickhouse' as const;
  readonly description = 'chdb (ClickHouse in process)';
  readonly #session: ChdbSession;
  readonly #temporary: boolean;

  constructor(session: ChdbSession, temporary: boolean) {
    this.#session = session;
    this.#temporary = temporary;
  }

  toSql(query: SqlFragment) {
    return toSql(query, 'clickhouse');
  }

  async query(query: SqlFragment): Promise<ResultRow[]> {
    const compiled = this.toSql(query);
    try {
      const result = await this.#session.queryBindAsync(compiled.text, clickhouseParams(compiled), {
        format: 'JSONEachRow',
      });
      return parseJsonEachRow(result.text()).map(normalizeRow);
    } catch (error) {
      throw engineError('engine_query_failed', 'chDB query failed', error, []);
    }
  }

  async *stream(query: SqlFragment): AsyncIterable<ResultRow[]> {
    const compiled = this.toSql(query);
    let stream: ChdbStream;
    try {
      stream = this.#session.queryStreamBind(compiled.text, clickhouseParams(compiled), {
        format: 'JSONEachRow',
      });
    } catch (error) {
      throw engineError('engine_query_failed', 'chDB query failed', error, []);
    }
    let done = false;
    try {
      for await (const chunk of stream) yield chunk.rows<Record<string, unknown>>().map(normalizeRow);
      done = true;
    } catch (error) {
      throw engineError('engine_query_failed', 'chDB query failed', error, []);
    } finally {
      if (!done) stream.cancel();
    }
  }

  async execute(statement: SqlFragment): Promise<void> {
    const compiled = this.toSql(statement);
    try {
      await this.#session.queryBindAsync(compiled.text, clickhouseParams(compiled));
    } catch (error) {
      throw engineError('engine_query_failed', 'chDB statement failed', error, []);
    }
  }

  async close(): Promise<void> {
    if (this.#temporary) this.#session.cleanup();
    else this.#session.close();
  }
}
