// Benchmark of @cx/metrics journey analytics against DuckDB on the same data.
// Run: node --conditions=@cx/source --expose-gc --import tsx bench/journey.ts
// Env: CUSTOMERS (default 200000, about 10 million interactions), SEED (default 7), CSV (path of the cached file),
// CX_BENCH_RUNS (default 3: best of 3 after a warm-up, in memory), CX_BENCH_E2E_RUNS (default CX_BENCH_RUNS: the
// same for the end-to-end runs), CX_BENCH_SKIP_MEMORY=1 to skip the accumulator memory table.
// CX_BENCH_100M=1: the 100 M-interaction run on bench/.data/interactions-2000000.csv (written by bench/retention.ts
// or bench/generate-100m.ts): end to end only, one run per side, ours through journeyCsv (events spilled by actor,
// memory that grows with actors), peak RSS of our run taken before DuckDB starts; DuckDB gets the formulations that
// were fastest at 10 M (funnel `join`, paths `ranked`, the fastest at 1 M) and orders ties by the event number in the file's `id`.
// DuckDB reads `timestamp` as TIMESTAMP (the file's instants all end in Z, so UTC wall time is exact); it was
// TIMESTAMPTZ before, which goes through ICU and made DuckDB's read slower (bench/retention.ts measured about 5×).
// Every DuckDB query has two formulations (joins or window functions, and list aggregates with lambdas), checked
// equal; the faster at threads=2 is the reference, and is also timed at threads=1.
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MS_PER_DAY as DAY } from '@cx/model';
import { createSampleShop, writeCsv } from '@cx/sample-data';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
// Imported from the sources of the modules used (the package index is shared by several areas being built).
import { readInteractionColumnsCsv } from '../packages/metrics/src/columnar/read-csv.js';
import { FunnelAccumulator } from '../packages/metrics/src/journey/funnel-accumulator.js';
import { funnelColumns } from '../packages/metrics/src/journey/funnel-columns.js';
import type { FunnelOptions } from '../packages/metrics/src/journey/funnel-options.js';
import { journeyCsv } from '../packages/metrics/src/journey/journey-csv.js';
import { topPathsColumns } from '../packages/metrics/src/journey/paths-columns.js';
import {
  best,
  describeTimes,
  type Formulation,
  fastestOf,
  loadavg,
  mib,
  peakRss,
  ratio,
  timed,
} from './measure.js';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 200_000);
const SEED = Number(process.env.SEED ?? 7);
const HUNDRED_M = process.env.CX_BENCH_100M === '1';
const CSV = HUNDRED_M
  ? join(dirname(fileURLToPath(import.meta.url)), '.data', 'interactions-2000000.csv')
  : (process.env.CSV ?? `/tmp/cx-bench-journey-${SEED}-${CUSTOMERS}.csv`);
if (HUNDRED_M && !existsSync(CSV)) throw new Error(`${CSV} is missing: run bench/generate-100m.ts first`);
const STEPS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'];
const FUNNEL: FunnelOptions = { steps: STEPS.map((name) => ({ name })), window: { days: 7 } };
const TOP = 10;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
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
const RUNS = Number(process.env.CX_BENCH_RUNS ?? 3);
const E2E_RUNS = Number(process.env.CX_BENCH_E2E_RUNS ?? RUNS);
// The 100 M file (bench/retention.ts's) has ids `c0000001-e12` instead of a seq column: events of a customer are
// numbered in file order, which is the tie order the funnel and paths need (both work within one actor).
const load = HUNDRED_M
  ? `CREATE OR REPLACE TABLE events AS
  SELECT CAST(split_part(id, '-e', 2) AS BIGINT) AS seq, coalesce(customerId, anonymousId) AS actor,
    epoch_ms(timestamp) AS t, name, touchpointId
  FROM read_csv('${CSV}', header = true, columns = {
    'id': 'VARCHAR', 'customerId': 'VARCHAR', 'anonymousId': 'VARCHAR', 'timestamp': 'TIMESTAMP',
    'name': 'VARCHAR', 'channel': 'VARCHAR', 'touchpointId': 'VARCHAR', 'stageId': 'VARCHAR'})`
  : `CREATE OR REPLACE TABLE events AS
  SELECT seq, coalesce(customerId, anonymousId) AS actor, epoch_ms(timestamp) AS t, name, touchpointId
  FROM read_csv('${CSV}', header = true, columns = {
    'seq': 'BIGINT', 'customerId': 'VARCHAR', 'anonymousId': 'VARCHAR', 'timestamp': 'TIMESTAMP',
    'name': 'VARCHAR', 'channel': 'VARCHAR', 'touchpointId': 'VARCHAR', 'stageId': 'VARCHAR'})`;
// Sequential, uniques, first entry: step k is the first step-k event after step k-1 (by time, then file
// order) within 7 days of the first step-0 event; the steps have distinct names, so this equals the greedy scan.
const WINDOW_MS = 7 * DAY;
const stepNames = STEPS.map((s) => `'${s}'`).join(', ');
const key = (alias: string) => `{'t': ${alias}.t, 's': ${alias}.seq}`;
const funnelJoin = `WITH ev AS (SELECT actor, t, seq, name FROM events WHERE name IN (${stepNames})),
  f0 AS (SELECT actor, min(${key('ev')}) AS k FROM ev WHERE name = '${STEPS[0]}' GROUP BY actor),
  ${[1, 2, 3]
    .map(
      (
        k,
      ) => `f${k} AS (SELECT p.actor, any_value(p.start) AS start, min(${key('ev')}) AS k FROM (SELECT actor, k, ${k === 1 ? 'k.t' : 'start'} AS start FROM f${k - 1}) p
    JOIN ev ON ev.actor = p.actor AND ev.name = '${STEPS[k]}' AND ${key('ev')} > p.k AND ev.t <= p.start + ${WINDOW_MS}
    GROUP BY p.actor)`,
    )
    .join(',\n  ')}
  SELECT (SELECT count(*) FROM f0) AS c0, (SELECT count(*) FROM f1) AS c1, (SELECT count(*) FROM f2) AS c2, (SELECT count(*) FROM f3) AS c3`;
// The same funnel from one list per actor: each step is the first later element of its name (list_filter)[1].
const after = (k: number) =>
  `(x.t > k${k}.t OR (x.t = k${k}.t AND x.s > k${k}.s)) AND x.t <= k0.t + ${WINDOW_MS}`;
const funnelList = `WITH l AS (SELECT list({'t': t, 's': seq, 'n': name} ORDER BY t, seq) AS ev FROM events
    WHERE name IN (${stepNames}) GROUP BY actor),
  s0 AS (SELECT ev, list_filter(ev, lambda x: x.n = '${STEPS[0]}')[1] AS k0 FROM l),
  s1 AS (SELECT ev, k0, list_filter(ev, lambda x: x.n = '${STEPS[1]}' AND ${after(0)})[1] AS k1 FROM s0),
  s2 AS (SELECT ev, k0, k1, list_filter(ev, lambda x: x.n = '${STEPS[2]}' AND ${after(1)})[1] AS k2 FROM s1),
  s3 AS (SELECT k0, k1, k2, list_filter(ev, lambda x: x.n = '${STEPS[3]}' AND ${after(2)})[1] AS k3 FROM s2)
  SELECT count(k0) AS c0, count(k1) AS c1, count(k2) AS c2, count(k3) AS c3 FROM s3`;
const pathsWindow = `WITH x AS (SELECT actor, touchpointId AS tp, t, seq,
      lag(touchpointId) OVER (PARTITION BY actor ORDER BY t, seq) AS prev
    FROM events WHERE touchpointId IS NOT NULL),
  z AS (SELECT actor, list(tp ORDER BY t, seq)[1:10] AS path FROM x WHERE prev IS NULL OR prev <> tp GROUP BY actor)
  SELECT array_to_string(path, ' > ') AS path, count(*) AS actors FROM z GROUP BY path ORDER BY actors DESC, path LIMIT ${TOP}`;
const pathsList = `WITH l AS (SELECT list(touchpointId ORDER BY t, seq) AS tp FROM events WHERE touchpointId IS NOT NULL GROUP BY actor),
  z AS (SELECT list_filter(tp, lambda x, i: i = 1 OR x <> tp[i - 1])[1:10] AS path FROM l)
  SELECT array_to_string(path, ' > ') AS path, count(*) AS actors FROM z GROUP BY path ORDER BY actors DESC, path LIMIT ${TOP}`;
// Window functions only: repeats dropped with lag(), the first 10 nodes kept by row_number(), so the per-actor
// aggregate holds at most 10 short strings (the two above aggregate every event of an actor into one list).
const pathsRanked = `WITH x AS (SELECT actor, touchpointId AS tp, t, seq,
      lag(touchpointId) OVER (PARTITION BY actor ORDER BY t, seq) AS prev
    FROM events WHERE touchpointId IS NOT NULL),
  y AS (SELECT actor, tp, row_number() OVER (PARTITION BY actor ORDER BY t, seq) AS k
    FROM x WHERE prev IS NULL OR prev <> tp),
  z AS (SELECT actor, string_agg(tp, ' > ' ORDER BY k) AS path FROM y WHERE k <= 10 GROUP BY actor)
  SELECT path, count(*) AS actors FROM z GROUP BY path ORDER BY actors DESC, path LIMIT ${TOP}`;
const funnelFormulations: Formulation[] = [
  { name: 'join', sql: funnelJoin },
  { name: 'list', sql: funnelList },
];
const pathFormulations: Formulation[] = [
  { name: 'window', sql: pathsWindow },
  { name: 'list', sql: pathsList },
  { name: 'ranked', sql: pathsRanked },
];

async function duck(threads: number): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  return instance.connect();
}
console.log(`best of ${RUNS} after a warm-up (end to end: ${E2E_RUNS}); load at start ${loadavg()}`);

const spillDir = join(dirname(fileURLToPath(import.meta.url)), '.data');
const funnelCounts = (rows: Array<Record<string, unknown>>) =>
  ['c0', 'c1', 'c2', 'c3'].map((c) => Number(rows[0]?.[c]));
const pathCounts = (rows: Array<Record<string, unknown>>) =>
  rows.map((r) => [String(r.path), Number(r.actors)] as const);

if (HUNDRED_M) {
  // ---- the 100 M run: end to end only, one run per side -------------------------------------------------
  gc();
  const rssBefore = process.memoryUsage().rss;
  // The reader with its worker thread: reading all four dimensions, it took 10.1 s instead of 15.5 s for the
  // 10 M file in the lead's quiet run (bench/README.md), so the 100 M run uses that configuration.
  const ours = await best(
    1,
    () =>
      journeyCsv(CSV, {
        funnel: FUNNEL,
        paths: { limit: TOP },
        tempDirectory: spillDir,
        csv: { workers: 1 },
      }),
    { warmUp: false },
  );
  const rssOurs = peakRss();
  const r = ours.value;
  console.log(
    `ours journeyCsv ${timed(ours)}: ${r.events.toLocaleString('en')} events, ${r.actors.toLocaleString('en')} actors, ${r.partitions} partitions; peak RSS ${mib(rssOurs)} (before ${mib(rssBefore)})`,
  );
  const conn = await duck(2);
  const parts = { load: 0, funnel: 0, paths: 0 };
  const theirs = await best(
    1,
    async () => {
      let t = performance.now();
      await conn.run(load);
      parts.load = performance.now() - t;
      t = performance.now();
      const f = (await conn.runAndReadAll(funnelJoin)).getRowObjects();
      parts.funnel = performance.now() - t;
      t = performance.now();
      const p = (await conn.runAndReadAll(pathsRanked)).getRowObjects();
      parts.paths = performance.now() - t;
      return { funnel: funnelCounts(f), paths: pathCounts(p) };
    },
    { warmUp: false },
  );
  const ourCounts = r.funnel?.steps.map((s) => s.count) ?? [];
  const ourPaths = r.paths?.paths.map((p) => [p.path.join(' > '), p.actors] as const) ?? [];
  const sameFunnel = JSON.stringify(ourCounts) === JSON.stringify(theirs.value.funnel);
  const samePaths =
    JSON.stringify(ourPaths.map((p) => p[1])) === JSON.stringify(theirs.value.paths.map((p) => p[1]));
  console.log(`
4-step funnel + top ${TOP} paths end to end, ${r.events.toLocaleString('en')} interactions, ${r.actors.toLocaleString('en')} actors (CX_BENCH_100M=1, one run each)
  ours      journeyCsv (stream with the reader's worker, spill by actor into ${r.partitions} partitions, columnar kernels per partition) ${timed(ours)}
  DuckDB    threads=2 read_csv into a table + funnel join + paths ranked ${timed(theirs)} (load ${Math.round(parts.load)} ms, funnel ${Math.round(parts.funnel)} ms, paths ${Math.round(parts.paths)} ms)
  ratio vs threads=2 ${ratio(theirs.ms, ours.ms)} (target ≥ 1×)
  funnel counts ours ${JSON.stringify(ourCounts)}, DuckDB ${JSON.stringify(theirs.value.funnel)} -> ${sameFunnel ? 'equal' : 'DIFFERENT'}; top ${TOP} path counts equal: ${samePaths ? 'yes' : 'NO'}
  peak RSS of our run (before DuckDB ran) ${mib(rssOurs)}; of the whole process now ${mib(peakRss())}; load now ${loadavg()}`);
  process.exit(sameFunnel && samePaths ? 0 : 1);
}

// ---- ours, end to end from the CSV (one thread, and with the reader's worker thread) ----------------------
const oursE2e = async (workers: number) => {
  const columns = await readInteractionColumnsCsv(CSV, { workers });
  return { columns, funnel: funnelColumns(columns, FUNNEL), paths: topPathsColumns(columns, { limit: TOP }) };
};
const ours0 = await best(E2E_RUNS, () => oursE2e(0));
console.log(`ours e2e workers=0 ${timed(ours0)}`);
const ours1 = await best(E2E_RUNS, () => oursE2e(1));
console.log(`ours e2e workers=1 ${timed(ours1)}`);
// The spilling path (memory that grows with actors, not events), as the 100 M run uses it.
const spilled = (workers: number) => () =>
  journeyCsv(CSV, { funnel: FUNNEL, paths: { limit: TOP }, tempDirectory: spillDir, csv: { workers } });
const oursSpill = await best(E2E_RUNS, spilled(0));
console.log(`ours e2e journeyCsv workers=0 (${oursSpill.value.partitions} partitions) ${timed(oursSpill)}`);
const oursSpill1 = await best(E2E_RUNS, spilled(1));
console.log(`ours e2e journeyCsv workers=1 ${timed(oursSpill1)}`);
const oursE2eMs = Math.min(ours0.ms, ours1.ms);
const columns = ours0.value.columns;
console.log(
  `  interactions ${columns.length}, actors ${columns.actorIds.length}; peak RSS so far ${mib(peakRss())}`,
);

// ---- in memory: ours on the columns, DuckDB on a table --------------------------------------------------
const oursMem = await best(RUNS, () => ({
  funnel: funnelColumns(columns, FUNNEL),
  paths: topPathsColumns(columns, { limit: TOP }),
}));
console.log(`ours in memory ${timed(oursMem)}`);
// each query alone too: the issue's targets are per query (funnel, paths)
const oursFunnelMem = await best(RUNS, () => funnelColumns(columns, FUNNEL));
const oursPathsMem = await best(RUNS, () => topPathsColumns(columns, { limit: TOP }));
console.log(`ours in memory: funnel ${timed(oursFunnelMem)}; paths ${timed(oursPathsMem)}`);
const conn2 = await duck(2);
await conn2.run(load);
const funnel2 = await fastestOf(conn2, funnelFormulations, RUNS);
console.log(`DuckDB funnel threads=2: ${describeTimes(funnel2)}; equal: ${funnel2.equal}`);
const paths2 = await fastestOf(conn2, pathFormulations, RUNS);
console.log(`DuckDB paths threads=2: ${describeTimes(paths2)}; equal: ${paths2.equal}`);
const conn1 = await duck(1);
await conn1.run(load);
const funnel1 = await fastestOf(conn1, [funnel2.fastest], RUNS);
const paths1 = await fastestOf(conn1, [paths2.fastest], RUNS);
const duckMem2 = funnel2.ms + paths2.ms;
const duckMem1 = funnel1.ms + paths1.ms;

// ---- DuckDB end to end: read_csv into a table, then the faster formulations ------------------------------
const duckE2e = (conn: DuckDBConnection) => async () => {
  await conn.run(load);
  const f = (await conn.runAndReadAll(funnel2.fastest.sql)).getRowObjects();
  const p = (await conn.runAndReadAll(paths2.fastest.sql)).getRowObjects();
  return { funnel: funnelCounts(f), paths: pathCounts(p) };
};
const duckE2e2 = await best(E2E_RUNS, duckE2e(conn2));
console.log(`DuckDB e2e threads=2 ${timed(duckE2e2)}`);
const duckE2e1 = await best(E2E_RUNS, duckE2e(conn1));
console.log(`DuckDB e2e threads=1 ${timed(duckE2e1)}`);

// ---- same counts ----------------------------------------------------------------------------------------
const ourCounts = oursMem.value.funnel.steps.map((s) => s.count);
const ourPaths = oursMem.value.paths.paths.map((p) => [p.path.join(' > '), p.actors] as const);
const duckFunnel = funnelCounts(funnel2.rows);
const duckPaths = pathCounts(paths2.rows);
const sameFunnel =
  funnel2.equal &&
  JSON.stringify(ourCounts) === JSON.stringify(duckFunnel) &&
  JSON.stringify(ours1.value.funnel.steps.map((s) => s.count)) === JSON.stringify(ourCounts) &&
  JSON.stringify(duckE2e2.value.funnel) === JSON.stringify(ourCounts) &&
  JSON.stringify(oursSpill.value.funnel?.steps.map((s) => s.count)) === JSON.stringify(ourCounts);
const spillPathsEqual = [oursSpill, oursSpill1].every(
  (r) =>
    JSON.stringify(r.value.paths) === JSON.stringify(oursMem.value.paths) &&
    JSON.stringify(r.value.funnel) === JSON.stringify(oursMem.value.funnel),
);
// Paths tied at the 10th place may differ in which path is listed; the counts and every path listed by both match.
const duckPathMap = new Map(duckPaths);
const samePaths =
  paths2.equal &&
  JSON.stringify(ourPaths.map((p) => p[1])) === JSON.stringify(duckPaths.map((p) => p[1])) &&
  ourPaths.every(([path, n]) => !duckPathMap.has(path) || duckPathMap.get(path) === n);

console.log(`
4-step funnel + top ${TOP} paths, ${columns.length.toLocaleString('en')} interactions, ${columns.actorIds.length.toLocaleString('en')} actors
  in memory        ours funnelColumns + topPathsColumns ${timed(oursMem)}
                   DuckDB threads=2 funnel ${describeTimes(funnel2)}
                                    paths ${describeTimes(paths2)}
                   DuckDB threads=1 funnel ${funnel1.fastest.name} ${Math.round(funnel1.ms)} ms + paths ${paths1.fastest.name} ${Math.round(paths1.ms)} ms
                   ratio vs threads=2 ${ratio(duckMem2, oursMem.ms)} (target ≥ 10×), vs threads=1 ${ratio(duckMem1, oursMem.ms)}
                   each alone: funnel ours ${Math.round(oursFunnelMem.ms)} ms, ratio vs threads=2 ${ratio(funnel2.ms, oursFunnelMem.ms)} (target ≥ 10×); paths ours ${Math.round(oursPathsMem.ms)} ms, ratio vs threads=2 ${ratio(paths2.ms, oursPathsMem.ms)} (target ≥ 10×)
  end to end       ours readInteractionColumnsCsv + funnel + paths workers=0 ${timed(ours0)}   workers=1 ${timed(ours1)}
                   ours journeyCsv (spilled by actor, ${oursSpill.value.partitions} partitions) workers=0 ${timed(oursSpill)}   workers=1 ${timed(oursSpill1)}
                   ratio of journeyCsv (faster) vs DuckDB threads=2 ${ratio(duckE2e2.ms, Math.min(oursSpill.ms, oursSpill1.ms))}; same funnel and paths as in memory: ${spillPathsEqual}
                   DuckDB read_csv into a table + funnel + paths threads=2 ${timed(duckE2e2)}   threads=1 ${timed(duckE2e1)}
                   ratio vs threads=2 ${ratio(duckE2e2.ms, oursE2eMs)} (target ≥ 1×), vs threads=1 ${ratio(duckE2e1.ms, oursE2eMs)}
  funnel counts: ours ${JSON.stringify(ourCounts)}, DuckDB ${JSON.stringify(duckFunnel)} -> ${sameFunnel ? 'equal (every formulation, both paths)' : 'DIFFERENT'}
  top ${TOP} path counts equal: ${samePaths ? 'yes (every formulation)' : 'NO'}; top path "${ourPaths[0]?.[0]}" × ${ourPaths[0]?.[1]}
  peak RSS of the run so far ${mib(peakRss())}; load now ${loadavg()}`);
if (!sameFunnel || !samePaths || !spillPathsEqual) process.exitCode = 1;

// ---- memory of the streaming path -----------------------------------------------------------------------
if (process.env.CX_BENCH_SKIP_MEMORY !== '1')
  console.log('\nmemory: funnel over time-ordered input, streaming (per-actor state) vs buffered:');
const memCustomers = Math.min(CUSTOMERS, 50_000);
for (const inputOrder of process.env.CX_BENCH_SKIP_MEMORY === '1' ? [] : (['time-ordered', 'any'] as const)) {
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
