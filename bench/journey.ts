// Benchmark of @cx/metrics journey analytics against DuckDB on the same data.
// Run: node --conditions=@cx/source --expose-gc --import tsx bench/journey.ts
// Env: CUSTOMERS (default 200000, about 10 million interactions), SEED (default 7), CSV (path of the cached file).
import { existsSync, statSync } from 'node:fs';
import { MS_PER_DAY as DAY } from '@cx/model';
import { createSampleShop, writeCsv } from '@cx/sample-data';
import { DuckDBInstance } from '@duckdb/node-api';
// Imported from the sources of the modules used (the package index is shared by several areas being built).
import { readInteractionColumnsCsv } from '../packages/metrics/src/columnar/read-csv.js';
import { FunnelAccumulator } from '../packages/metrics/src/journey/funnel-accumulator.js';
import { funnelColumns } from '../packages/metrics/src/journey/funnel-columns.js';
import type { FunnelOptions } from '../packages/metrics/src/journey/funnel-options.js';
import { topPathsColumns } from '../packages/metrics/src/journey/paths-columns.js';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 200_000);
const SEED = Number(process.env.SEED ?? 7);
const CSV = process.env.CSV ?? `/tmp/cx-bench-journey-${SEED}-${CUSTOMERS}.csv`;
const STEPS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'];
const FUNNEL: FunnelOptions = { steps: STEPS.map((name) => ({ name })), window: { days: 7 } };
const TOP = 10;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
async function time<T>(label: string, fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  console.log(`  ${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms`);
  return { ms, value };
}

// ---- data -----------------------------------------------------------------------------------------------
if (!existsSync(CSV)) {
  console.log(`writing ${CSV} (${CUSTOMERS} customers) …`);
  const shop = createSampleShop({ seed: SEED, customers: CUSTOMERS });
  let seq = 0;
  function* rows() {
    for (const e of shop.interactions()) {
      yield {
        seq: seq++,
        customerId: e.customerId,
        anonymousId: e.anonymousId,
        timestamp: e.timestamp,
        name: e.name,
        channel: e.channel,
        touchpointId: e.touchpointId,
        stageId: e.stageId,
      };
    }
  }
  await writeCsv(rows(), CSV, {
    columns: ['seq', 'customerId', 'anonymousId', 'timestamp', 'name', 'channel', 'touchpointId', 'stageId'],
  });
}
console.log(`data: ${CSV} (${mb(statSync(CSV).size)})`);

// ---- DuckDB SQL -----------------------------------------------------------------------------------------
const load = `CREATE OR REPLACE TABLE events AS
  SELECT seq, coalesce(customerId, anonymousId) AS actor, epoch_ms(timestamp) AS t, name, touchpointId
  FROM read_csv('${CSV}', header = true, columns = {
    'seq': 'BIGINT', 'customerId': 'VARCHAR', 'anonymousId': 'VARCHAR', 'timestamp': 'TIMESTAMPTZ',
    'name': 'VARCHAR', 'channel': 'VARCHAR', 'touchpointId': 'VARCHAR', 'stageId': 'VARCHAR'})`;
// Sequential, uniques, first entry: step k is the first step-k event after step k-1 (by time, then file
// order) within 7 days of the first step-0 event; the steps have distinct names, so this equals the greedy scan.
const key = (alias: string) => `{'t': ${alias}.t, 's': ${alias}.seq}`;
const funnelSql = `WITH ev AS (SELECT actor, t, seq, name FROM events WHERE name IN (${STEPS.map((s) => `'${s}'`).join(', ')})),
  f0 AS (SELECT actor, min(${key('ev')}) AS k FROM ev WHERE name = '${STEPS[0]}' GROUP BY actor),
  ${[1, 2, 3]
    .map(
      (
        k,
      ) => `f${k} AS (SELECT p.actor, any_value(p.start) AS start, min(${key('ev')}) AS k FROM (SELECT actor, k, ${k === 1 ? 'k.t' : 'start'} AS start FROM f${k - 1}) p
    JOIN ev ON ev.actor = p.actor AND ev.name = '${STEPS[k]}' AND ${key('ev')} > p.k AND ev.t <= p.start + ${7 * DAY}
    GROUP BY p.actor)`,
    )
    .join(',\n  ')}
  SELECT (SELECT count(*) FROM f0) AS c0, (SELECT count(*) FROM f1) AS c1, (SELECT count(*) FROM f2) AS c2, (SELECT count(*) FROM f3) AS c3`;
const pathsSql = `WITH x AS (SELECT actor, touchpointId AS tp, t, seq,
      lag(touchpointId) OVER (PARTITION BY actor ORDER BY t, seq) AS prev
    FROM events WHERE touchpointId IS NOT NULL),
  z AS (SELECT actor, list(tp ORDER BY t, seq)[1:10] AS path FROM x WHERE prev IS NULL OR prev <> tp GROUP BY actor)
  SELECT array_to_string(path, ' > ') AS path, count(*) AS actors FROM z GROUP BY path ORDER BY actors DESC, path LIMIT ${TOP}`;

async function duck(threads: number) {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  return instance.connect();
}
type Conn = Awaited<ReturnType<typeof duck>>;
async function duckQueries(conn: Conn) {
  const f = (await (await conn.runAndReadAll(funnelSql)).getRowObjects())[0] as Record<string, bigint>;
  const p = await (await conn.runAndReadAll(pathsSql)).getRowObjects();
  return {
    funnel: ['c0', 'c1', 'c2', 'c3'].map((c) => Number(f[c])),
    paths: p.map((r) => [String(r.path), Number(r.actors)] as const),
  };
}

// ---- end to end from the CSV ----------------------------------------------------------------------------
console.log('\nend to end from the CSV (DuckDB with one thread):');
const ours = await time('@cx/metrics: read CSV + funnel + top paths', async () => {
  const columns = await readInteractionColumnsCsv(CSV);
  return { columns, funnel: funnelColumns(columns, FUNNEL), paths: topPathsColumns(columns, { limit: TOP }) };
});
const conn1 = await duck(1);
const duck1 = await time('DuckDB 1 thread: load CSV + funnel + top paths', async () => {
  await conn1.run(load);
  return duckQueries(conn1);
});
const columns = ours.value.columns;
console.log(`  interactions ${columns.length}, actors ${columns.actorIds.length}`);
console.log(`  ratio DuckDB / ours: ${(duck1.ms / ours.ms).toFixed(2)}× (target ≥ 1)`);

// ---- in memory ------------------------------------------------------------------------------------------
console.log('\nin memory (DuckDB with its default threads on an in-memory table):');
const connN = await duck(2);
await connN.run(load);
const runs = 3;
let bestOurs = Number.POSITIVE_INFINITY;
let bestDuck = Number.POSITIVE_INFINITY;
let oursMem = ours.value;
let duckMem = duck1.value;
for (let r = 0; r < runs; r++) {
  const a = await time(`@cx/metrics: funnel + top paths (run ${r + 1})`, () => ({
    columns,
    funnel: funnelColumns(columns, FUNNEL),
    paths: topPathsColumns(columns, { limit: TOP }),
  }));
  const b = await time(`DuckDB: funnel + top paths (run ${r + 1})`, () => duckQueries(connN));
  bestOurs = Math.min(bestOurs, a.ms);
  bestDuck = Math.min(bestDuck, b.ms);
  oursMem = a.value;
  duckMem = b.value;
}
console.log(
  `  best of ${runs}: ours ${bestOurs.toFixed(0)} ms, DuckDB ${bestDuck.toFixed(0)} ms, ratio ${(bestDuck / bestOurs).toFixed(1)}× (target ≥ 10)`,
);

// ---- same counts ----------------------------------------------------------------------------------------
const ourCounts = oursMem.funnel.steps.map((s) => s.count);
const ourPaths = oursMem.paths.paths.map((p) => [p.path.join(' > '), p.actors] as const);
const sameFunnel =
  JSON.stringify(ourCounts) === JSON.stringify(duckMem.funnel) &&
  JSON.stringify(duck1.value.funnel) === JSON.stringify(ourCounts);
const duckPathMap = new Map(duckMem.paths);
const samePaths =
  JSON.stringify(ourPaths.map((p) => p[1])) === JSON.stringify(duckMem.paths.map((p) => p[1])) &&
  ourPaths.every(([path, n]) => !duckPathMap.has(path) || duckPathMap.get(path) === n);
console.log(
  `\nfunnel counts: ours ${JSON.stringify(ourCounts)}, DuckDB ${JSON.stringify(duckMem.funnel)} -> ${sameFunnel ? 'equal' : 'DIFFERENT'}`,
);
console.log(
  `top ${TOP} path counts equal: ${samePaths ? 'yes' : 'NO'}; top path "${ourPaths[0]?.[0]}" × ${ourPaths[0]?.[1]}`,
);

// ---- memory of the streaming path -----------------------------------------------------------------------
console.log('\nmemory: funnel over time-ordered input, streaming (per-actor state) vs buffered:');
const memCustomers = Math.min(CUSTOMERS, 50_000);
for (const inputOrder of ['time-ordered', 'any'] as const) {
  for (const customers of [memCustomers / 2, memCustomers]) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const acc = new FunnelAccumulator({ ...FUNNEL, inputOrder });
    let events = 0;
    for (const e of createSampleShop({ seed: SEED, customers }).interactions()) {
      acc.add(e);
      events++;
    }
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    const r = acc.result();
    console.log(
      `  ${inputOrder.padEnd(12)} ${String(customers).padStart(6)} customers ${String(events).padStart(9)} events: retained ${mb(retained).padStart(10)} = ${(retained / customers).toFixed(0)} B/customer, ${(retained / events).toFixed(1)} B/event (entered ${r.entered})`,
    );
  }
}
