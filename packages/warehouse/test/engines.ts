// The engines every conformance test runs on: DuckDB and chDB in process, PostgreSQL started by the global setup.
import { createRequire } from 'node:module';
import { inject } from 'vitest';
import { chdbEngine, duckdbEngine, type Engine, ident, postgresEngine, sql } from '../src/index.js';

/** A named engine factory for the tests. */
export interface TestEngine {
  readonly name: 'duckdb' | 'chdb' | 'postgres';
  readonly open: () => Promise<Engine>;
}

function chdbInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('chdb');
    return true;
  } catch {
    return false;
  }
}

const CHDB_HINT =
  'chDB is not installed (about 540 MB, a test-only package): cd packages/warehouse && npm install --no-save chdb@3.4.0 (bash .ci/run does this)';

/**
 * Engines to test on; outside CI a missing chDB is reported and left out, in CI it is a failure. Locally,
 * `CX_TEST_ENGINES=duckdb,postgres` narrows the list (ignored in CI, which runs every engine).
 */
export function testEngines(): TestEngine[] {
  const only = process.env.CI === 'true' ? undefined : process.env.CX_TEST_ENGINES?.split(',');
  return allEngines().filter((e) => only === undefined || only.includes(e.name));
}

function allEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: 'duckdb', open: () => duckdbEngine({ threads: 2 }) }];
  if (chdbInstalled() || process.env.CI === 'true') engines.push({ name: 'chdb', open: () => chdbEngine() });
  else console.warn(CHDB_HINT);
  const pg = inject('postgres');
  engines.push({
    name: 'postgres',
    open: async () => {
      if ('missing' in pg) throw new Error(pg.missing);
      return postgresEngine({ ...pg, database: await workerDatabase(pg) });
    },
  });
  return engines;
}

/** The database of this worker, once created (one per vitest worker process). */
let workerDatabasePromise: Promise<string> | undefined;

/**
 * The database of the running vitest worker, created on first use in the cluster of the global setup. Test files of
 * this project run two at a time (`maxWorkers` in the root config) and load tables of the same names (`events`,
 * `responses`, …): each worker has a database of its own, so that two files never see each other's tables. Files
 * that follow one another on the same worker share it, as every file shared the one database before.
 */
function workerDatabase(pg: { host: string; port: number; user: string; database: string }): Promise<string> {
  workerDatabasePromise ??= (async () => {
    // VITEST_POOL_ID is 1 … maxWorkers, unique among the files running at one time.
    const name = `${pg.database}_worker_${process.env.VITEST_POOL_ID ?? '1'}`;
    const admin = await postgresEngine(pg);
    try {
      const found = await admin.query(sql`SELECT 1 AS found FROM pg_database WHERE datname = ${name}`);
      if (found.length === 0) await admin.execute(sql`CREATE DATABASE ${ident(name)}`);
    } finally {
      await admin.close();
    }
    return name;
  })();
  return workerDatabasePromise;
}

/**
 * An engine that records the text and bound values of every statement it runs through `query`, for tests that
 * check what SQL ran (e.g. that no statement converts zones with the engine's own rules).
 */
export function recordingEngine(engine: Engine): { engine: Engine; statements: string[] } {
  const statements: string[] = [];
  const spy = new Proxy(engine, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      if (key !== 'query') return value.bind(target);
      return (q: Parameters<Engine['query']>[0]) => {
        const compiled = target.toSql(q);
        statements.push(`${compiled.text} ${JSON.stringify(compiled.params.map((p) => p.value))}`);
        return target.query(q);
      };
    },
  });
  return { engine: spy, statements };
}
