// @cx/ingest against DuckDB's read_csv on the same CSV file (10 M interactions by default), each measurement in a
// child process of its own so that its peak memory is its own, with the machine's load printed.
//
// Run: npm run build, then node --import tsx bench/ingest.ts (the children import the built packages, as users do,
// from a plain JavaScript copy of this script: no tsx in the measured processes or their workers).
// Options (env): CX_BENCH_CUSTOMERS (default 200000 ≈ 10 M interactions, the file of bench/retention.ts),
// CX_BENCH_MODES (a comma-separated subset of the modes below).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const customers = Number(process.env.CX_BENCH_CUSTOMERS ?? 200_000);
// A measuring child is given the file's path (it runs from a JavaScript copy of this script in bench/.data/).
const csv = process.argv[3] ?? join(here, '.data', `interactions-${customers}.csv`);
const COLUMNS = ['customerId', 'anonymousId', 'timestamp', 'name', 'channel', 'touchpointId', 'stageId'];
const PERIODS = 11;

interface Measurement {
  readonly ms: number;
  /** CPU time of the process, all threads (user + system). */
  readonly cpuMs: number;
  readonly rows: number;
  readonly maxRssMiB: number;
  readonly check?: string;
}

/**
 * Worker threads of a mode: `columns-2` and `columns-reuse-2` two, `columns-w1`, `columns-self-1` and
 * `columns-reuse-self-1` one (the `self` modes with the calling thread reading chunks too: two threads reading),
 * `columns-1` and `columns-reuse-1` none (the calling thread).
 */
function workersOf(mode: string): number {
  if (mode.endsWith('-w1') || mode.includes('-self-')) return 1;
  return mode.endsWith('2') ? 2 : 0;
}

/** One measurement, in this (child) process. */
async function measure(mode: string): Promise<Measurement> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let rows = 0;
  let check: string | undefined;
  if (mode.startsWith('duckdb')) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const duck = await DuckDBInstance.create(':memory:');
    const con = await duck.connect();
    await con.run(`SET threads = ${mode.endsWith('2') ? 2 : 1}`);
    const source = `read_csv('${csv}', header = true, columns = {'id': 'VARCHAR', 'customerId': 'VARCHAR', 'anonymousId': 'VARCHAR', 'timestamp': 'TIMESTAMP', 'name': 'VARCHAR', 'channel': 'VARCHAR', 'touchpointId': 'VARCHAR', 'stageId': 'VARCHAR'})`;
    if (mode.startsWith('duckdb-load')) {
      await con.run(`CREATE TABLE t AS SELECT ${COLUMNS.map((c) => `"${c}"`).join(', ')} FROM ${source}`);
      rows = Number((await con.runAndReadAll('SELECT count(*)::INTEGER AS n FROM t')).getRowObjects()[0]?.n);
    } else {
      const sql = `
        WITH e AS (SELECT coalesce(customerId, anonymousId) AS a, "timestamp" AS t FROM ${source}),
        f AS (SELECT a, date_trunc('month', min(t)) AS c FROM e GROUP BY a),
        r AS (SELECT DISTINCT e.a, f.c, datediff('month', f.c, date_trunc('month', e.t)) AS p FROM e JOIN f USING (a))
        SELECT count(*)::INTEGER AS n, sum(p)::BIGINT AS s FROM r WHERE p <= ${PERIODS}`;
      const row = (await con.runAndReadAll(sql)).getRowObjects()[0];
      check = `${row?.n}/${row?.s}`;
    }
  } else if (mode.startsWith('columns') || mode.startsWith('records')) {
    const { defineMapping, readColumns, readRecords } = await import('@cx/ingest');
    const mapping = defineMapping({
      kind: 'interaction',
      fields: {
        id: 'id',
        customerId: 'customerId',
        anonymousId: 'anonymousId',
        timestamp: 'timestamp',
        name: 'name',
        channel: 'channel',
        touchpointId: 'touchpointId',
        stageId: 'stageId',
      },
    });
    if (mode === 'records') {
      for await (const _ of readRecords({ path: csv }, { mapping, chunkBytes: 4 << 20 })) rows++;
    } else if (mode === 'records-batches') {
      // The same read handed out an array per 256 KiB of input (no promise per record).
      const read = readRecords({ path: csv }, { mapping, chunkBytes: 4 << 20 });
      for await (const batch of read.batches()) rows += batch.length;
    } else {
      const stream = readColumns(
        { path: csv },
        {
          mapping,
          fields: COLUMNS,
          chunkBytes: 4 << 20,
          workers: workersOf(mode),
          // The batches are only counted here: `columns-reuse-1` and `columns-reuse-2` let the reader hand out the
          // same arrays again (on the worker path, each batch's buffers go back to the worker that wrote them).
          ...(mode.startsWith('columns-reuse') ? { reuseBatches: true } : {}),
          ...(mode.includes('-self-') ? { callingThreadReads: true } : {}),
        },
      );
      for await (const batch of stream) rows += batch.length;
      check = `${stream.summary.rejected} rejected`;
    }
  } else {
    // Read + cohort retention, ours: the streaming reader into the streaming aggregator.
    const { CohortRetentionAccumulator, streamInteractionCsv } = await import('@cx/metrics');
    const aggregator = new CohortRetentionAccumulator({
      interval: 'month',
      periods: PERIODS,
      cohortType: 'first-time',
      retention: 'on',
    });
    const stream = streamInteractionCsv(csv, { dimensions: [], workers: workersOf(mode) });
    for await (const batch of stream) {
      aggregator.addBatch(batch, stream);
      rows += batch.length;
    }
    const matrix = aggregator.result();
    let n = 0;
    let s = 0;
    for (const c of matrix.cohorts)
      c.counts.forEach((count: number, p: number) => {
        n += count;
        s += p * count;
      });
    check = `${n}/${s}`;
  }
  const cpu = process.cpuUsage(c0);
  return {
    ms: performance.now() - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rows,
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(check ? { check } : {}),
  };
}

/**
 * CPU time per thread of this process, by thread name (`/proc/self/task/<tid>/stat`, in clock ticks of 10 ms): with
 * `CX_BENCH_THREADS=1`, a child prints it to stderr after its measurement (where the CPU of a mode goes: the calling
 * thread, each worker, libuv's pool, V8's helpers, a loader's hooks).
 */
function threadCpu(): string {
  const rows: string[] = [];
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(rest[11]) + Number(rest[12])) * 10;
      if (ms > 0) rows.push(`${name}:${ms}`);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return rows.join(' ');
}

if (process.argv[2] !== undefined) {
  const result = await measure(process.argv[2]);
  if (process.env.CX_BENCH_THREADS === '1') console.error(`threads (CPU ms): ${threadCpu()}`);
  console.log(JSON.stringify(result));
  process.exit(0);
}

if (!existsSync(csv)) {
  console.log(`generating ${csv} …`);
  const { createSampleShop, writeCsv } = await import('@cx/sample-data');
  await writeCsv(createSampleShop({ seed: 5, customers }).interactions(), `${csv}.tmp`, {
    columns: ['id', ...COLUMNS],
  });
  renameSync(`${csv}.tmp`, csv);
}
const bytes = statSync(csv).size;
const load = () => readFileSync('/proc/loadavg', 'utf8').trim();
console.log(`${csv}: ${(bytes / 2 ** 20).toFixed(0)} MiB; load average before: ${load()}`);
// The children run this script as plain JavaScript, type annotations stripped once by esbuild, without tsx: a child
// started with `--import tsx` pays for tsx's loader (its own thread, ~0.2–0.3 CPU-s) and passes the flag on to every
// worker thread it starts (each then loads tsx too), which users running the built packages never do.
const child = join(here, '.ingest-child.mjs');
{
  const { transformSync } = await import('esbuild');
  const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  writeFileSync(child, transformSync(source, { loader: 'ts', format: 'esm', target: 'node20' }).code);
}
const run = (mode: string): Measurement =>
  JSON.parse(
    execFileSync(process.execPath, [child, mode, csv], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    })
      .trim()
      .split('\n')
      .pop() as string,
  );
const allModes = [
  'duckdb-load-1',
  'columns-1',
  'columns-reuse-1',
  'duckdb-load-2',
  'columns-w1',
  'columns-2',
  'columns-reuse-2',
  'columns-self-1',
  'columns-reuse-self-1',
  'records',
  'records-batches',
  'duckdb-retention-2',
  'retention-1',
  'retention-2',
];
// CX_BENCH_MODES=records,duckdb-load-1 runs only those modes, in that order (e.g. the records path with DuckDB's rows
// of the same run for context).
const modes = process.env.CX_BENCH_MODES?.split(',') ?? allModes;
for (const mode of modes)
  if (!allModes.includes(mode)) throw new Error(`Unknown mode ${mode}: one of ${allModes.join(', ')}`);
const results = new Map<string, Measurement>();
for (const mode of modes) {
  const m = run(mode);
  results.set(mode, m);
  const mbs = bytes / 1e6 / (m.ms / 1000);
  const cpuMbs = bytes / 1e6 / (m.cpuMs / 1000);
  console.log(
    `${mode.padEnd(20)} ${m.ms.toFixed(0).padStart(7)} ms  ${mbs.toFixed(0).padStart(5)} MB/s  CPU ${m.cpuMs.toFixed(0).padStart(6)} ms (${cpuMbs.toFixed(0)} MB/CPU-s)  rows ${m.rows.toLocaleString('en')}  peak RSS ${m.maxRssMiB} MiB${m.check ? `  (${m.check})` : ''}  load ${load().split(' ').slice(0, 3).join(' ')}`,
  );
}
/** Wall-time ratio a ÷ b, or `n/a` when either mode was not run. */
const ratio = (a: string, b: string): string => {
  const x = results.get(a);
  const y = results.get(b);
  return x === undefined || y === undefined ? 'n/a' : (x.ms / y.ms).toFixed(2);
};
console.log(
  `DuckDB threads=1 ÷ ours (1 thread): ${ratio('duckdb-load-1', 'columns-1')}×, ÷ ours (1 thread, reused batches): ${ratio('duckdb-load-1', 'columns-reuse-1')}×; DuckDB threads=2 ÷ ours (1 worker): ${ratio('duckdb-load-2', 'columns-w1')}×, ÷ ours (2 workers): ${ratio('duckdb-load-2', 'columns-2')}×, ÷ ours (2 workers, reused batches): ${ratio('duckdb-load-2', 'columns-reuse-2')}×`,
);
console.log(
  `validated records: DuckDB threads=1 ÷ ours ${ratio('duckdb-load-1', 'records')}× (batches ${ratio('duckdb-load-1', 'records-batches')}×), DuckDB threads=2 ÷ ours ${ratio('duckdb-load-2', 'records')}× (batches ${ratio('duckdb-load-2', 'records-batches')}×)`,
);
console.log(
  `read + cohort retention: DuckDB threads=2 ÷ ours (1 thread) ${ratio('duckdb-retention-2', 'retention-1')}×, ÷ ours (2 workers) ${ratio('duckdb-retention-2', 'retention-2')}×`,
);
console.log(`load average after: ${load()}`);
