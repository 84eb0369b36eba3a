// An unordered NDJSON export with distinct ids synced into the DuckDB sink of @cx/connectors, checking that memory
// and the saved state stay bounded (issue 15): peak RSS for 1 M and 10 M rows, the largest state committed, the
// rows in the table. The reference is DuckDB reading the same file into a table by itself (`read_json`, one thread).
// Each run is a fresh child process, so its peak RSS is its own.
//
// Run: node --conditions=@cx/source --expose-gc --import tsx bench/connectors-sink.ts
// Options (env): CX_BENCH_SINK_ROWS (default "1000000,10000000"), CX_BENCH_SINK_EVERY (checkpoint interval,
// default 50000), CX_BENCH_SINK_MEMORY (DuckDB memory_limit, default "512MB"), CX_BENCH_SINK_HEAP_MB (the child's
// --max-old-space-size, default 192).
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ndjsonSource, type SyncSink, syncToSink } from '@cx/connectors';
import { duckdbSink } from '@cx/connectors/duckdb';
import { DuckDBInstance } from '@duckdb/node-api';

const DATA = fileURLToPath(new URL('./.data/', import.meta.url));
const MB = 1_000_000;
const MiB = 2 ** 20;
const EVENTS = ['page_view', 'product_viewed', 'add_to_cart', 'checkout_started', 'order_completed'];
const memory = process.env.CX_BENCH_SINK_MEMORY ?? '512MB';
const heapMb = Number(process.env.CX_BENCH_SINK_HEAP_MB ?? 192);

/** Writes `rows` lines with distinct ids in a shuffled time order (a full-cycle LCG over the row numbers). */
async function generate(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const t0 = 1_717_200_000; // 2024-06-01, epoch seconds
  // i → (a·i + c) mod 2^k restricted to < rows: a permutation of 0..rows−1 without storing it
  let k = 1;
  while (2 ** k < rows) k++;
  const m = 2 ** k;
  let x = 0;
  let chunk = '';
  for (let i = 0; i < rows; ) {
    x = (x * 1_103_515_245 + 12_345) % m;
    if (x >= rows) continue;
    const line = `{"id":"e${i.toString(36).padStart(6, '0')}","anon":"a${(i * 7919) % 1_000_003}","ts":${t0 + x},"event":"${EVENTS[i % 5]}","page":"/p/${i % 5000}","price":${(i % 997) / 10}}\n`;
    chunk += line;
    i++;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.on('finish', () => r()));
}

function source(file: string) {
  return ndjsonSource({
    input: file,
    kind: 'interaction',
    fields: { id: 'id', anonymousId: 'anon', timestamp: 'ts', name: 'event', touchpointId: 'page' },
    defaults: { channel: 'web' },
    dedup: 'window',
    checkpointEvery: Number(process.env.CX_BENCH_SINK_EVERY ?? 50_000),
  });
}

/** In the child: the sync into the sink, or DuckDB alone. Prints one JSON line. */
async function child(mode: string, file: string, dir: string): Promise<void> {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  let peakRss = 0;
  const sample = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  let result: Record<string, number> = {};
  if (mode === 'sink') {
    // the bench owns the database, so that it can ask DuckDB how much memory it holds at each commit
    const instance = await DuckDBInstance.create(join(dir, 'sink.duckdb'), {
      memory_limit: memory,
      threads: '1',
    });
    const own = await instance.connect();
    const inner = duckdbSink({ connection: own });
    let maxState = 0;
    let maxSeen = 0;
    let commits = 0;
    let peakHeap = 0;
    let peakDuckdb = 0;
    const sink: SyncSink = {
      open: (s) => inner.open(s),
      write: (item) => inner.write(item),
      writeDeadLetter: (l) => inner.writeDeadLetter?.(l),
      rollback: () => inner.rollback(),
      close: () => inner.close(),
      async commit(state) {
        commits++;
        maxState = Math.max(maxState, JSON.stringify(state).length);
        maxSeen = Math.max(maxSeen, state.seen.length);
        const usage = process.memoryUsage();
        peakRss = Math.max(peakRss, usage.rss);
        peakHeap = Math.max(peakHeap, usage.heapUsed);
        const held = (
          await own.runAndReadAll('SELECT sum(memory_usage_bytes) FROM duckdb_memory()')
        ).getRows()[0]?.[0];
        peakDuckdb = Math.max(peakDuckdb, Number(held ?? 0));
        await inner.commit(state);
      },
    };
    const summary = await syncToSink(source(file), sink);
    await sink.close();
    own.closeSync();
    instance.closeSync();
    const db = await DuckDBInstance.create(join(dir, 'sink.duckdb'));
    const connection = await db.connect();
    const rows = Number(
      (await connection.runAndReadAll('SELECT count(*) FROM cx_records')).getRows()[0]?.[0],
    );
    const distinct = Number(
      (await connection.runAndReadAll('SELECT count(DISTINCT id) FROM cx_records')).getRows()[0]?.[0],
    );
    connection.closeSync();
    db.closeSync();
    result = {
      records: summary.records,
      duplicates: summary.duplicates,
      deadLetters: summary.deadLetters,
      commits,
      maxStateBytes: maxState,
      maxSeenKeys: maxSeen,
      finalStateBytes: JSON.stringify(summary.state).length,
      tableRows: rows,
      distinctIds: distinct,
      peakHeapMiB: peakHeap / MiB,
      peakDuckdbMiB: peakDuckdb / MiB,
      dbMiB: statSync(join(dir, 'sink.duckdb')).size / MiB,
    };
  } else {
    const db = await DuckDBInstance.create(join(dir, 'ref.duckdb'), { memory_limit: memory, threads: '1' });
    const connection = await db.connect();
    await connection.run(
      `CREATE TABLE t AS SELECT * FROM read_json('${file}', format = 'newline_delimited', columns = {id: 'VARCHAR', anon: 'VARCHAR', ts: 'BIGINT', event: 'VARCHAR', page: 'VARCHAR', price: 'DOUBLE'})`,
    );
    result = {
      tableRows: Number((await connection.runAndReadAll('SELECT count(*) FROM t')).getRows()[0]?.[0]),
    };
    connection.closeSync();
    db.closeSync();
  }
  clearInterval(sample);
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(
    JSON.stringify({
      mode,
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMiB: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / MiB,
      ...result,
    }),
  );
}

async function main(): Promise<void> {
  const sizes = (process.env.CX_BENCH_SINK_ROWS ?? '1000000,10000000').split(',').map(Number);
  mkdirSync(DATA, { recursive: true });
  console.error(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.error(`/proc/loadavg at start: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  const results: Array<Record<string, number | string>> = [];
  for (const rows of sizes) {
    const file = join(DATA, `unordered-${rows}.ndjson`);
    if (!existsSync(file)) {
      const t = performance.now();
      await generate(file, rows);
      console.error(
        `wrote ${file} (${(statSync(file).size / MB).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(0)} s`,
      );
    }
    for (const mode of ['reference', 'sink']) {
      const dir = join(DATA, `sink-${rows}-${mode}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      const out = execFileSync(
        process.execPath,
        [
          // the sync's JS heap is capped: a per-row structure would crash the run instead of growing it
          `--max-old-space-size=${heapMb}`,
          '--conditions=@cx/source',
          '--expose-gc',
          '--import',
          'tsx',
          fileURLToPath(import.meta.url),
          '--child',
          mode,
          file,
          dir,
        ],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      const result = {
        rows,
        mb: statSync(file).size / MB,
        load: readFileSync('/proc/loadavg', 'utf8').trim(),
        ...JSON.parse(out),
      };
      results.push(result);
      console.error(JSON.stringify(result));
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.error(`/proc/loadavg at end: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  console.log(
    '| run | file | rows | wall | cpu | vs DuckDB (cpu) | peak RSS | peak JS heap | peak DuckDB memory | largest state | keys in state | table rows |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const n = (k: string) => Number(r[k]);
    const ref = results.find((x) => x.rows === r.rows && x.mode === 'reference');
    const ratio = ref === undefined ? '' : `${(n('cpuSeconds') / Number(ref.cpuSeconds)).toFixed(1)}×`;
    console.log(
      `| ${r.mode === 'sink' ? '`syncToSink(ndjsonSource, duckdbSink)`' : 'DuckDB `read_json` → table'} | ${n('mb').toFixed(0)} MB | ${n('rows').toLocaleString('en-US')} | ${n('seconds').toFixed(0)} s | ${n('cpuSeconds').toFixed(0)} s | ${ratio} | ${n('peakRssMiB').toFixed(0)} MiB | ${r.peakHeapMiB === undefined ? '–' : `${n('peakHeapMiB').toFixed(0)} MiB`} | ${r.peakDuckdbMiB === undefined ? '–' : `${n('peakDuckdbMiB').toFixed(0)} MiB`} | ${r.maxStateBytes === undefined ? '–' : `${n('maxStateBytes')} B`} | ${r.maxSeenKeys ?? '–'} | ${n('tableRows').toLocaleString('en-US')} |`,
    );
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0)
  await child(process.argv[at + 1] as string, process.argv[at + 2] as string, process.argv[at + 3] as string);
else await main();
