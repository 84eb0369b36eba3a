// Monthly cohort retention matrix over 10 million interactions and monthly churn over 1 million subscriptions,
// @cx/metrics against DuckDB on the same CSV files and on in-memory tables, in one process.
//
// Run: node --conditions=@cx/source --expose-gc --import tsx bench/retention.ts
// Options (env): CX_BENCH_CUSTOMERS (default 200000 ≈ 10 M interactions), CX_BENCH_SUBSCRIPTIONS (default 1000000),
// CX_BENCH_ONLY=churn to skip the cohort retention part, CX_BENCH_RUNS (default 3: best of 3 after a warm-up),
// CX_BENCH_100M=1 for the 100 M-interaction run (2,000,000 customers, file generated once into bench/.data/, about
// 8.7 GB): cohort retention end to end only, one run per side, peak RSS of our streaming passes.
// CX_BENCH_E2E_ONLY=1: the cohort retention end-to-end rows only (at 10 M), best of CX_BENCH_RUNS.
// Every DuckDB query has two or three formulations, checked equal; the fastest at threads=2 is the reference.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RetentionMatrix } from '@cx/metrics';
import {
  CohortRetentionAccumulator,
  churnSeries,
  cohortRetention,
  cohortRetentionCsv,
  prepareSubscriptions,
  readInteractionColumnsCsv,
  readSubscriptionColumnsCsv,
  streamInteractionCsv,
} from '@cx/metrics';
import { createSampleShop, writeCsv } from '@cx/sample-data';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  best,
  describeTimes,
  type Formulation,
  fastestOf,
  loadavg,
  mib,
  ms,
  peakRss,
  type Rows,
  ratio,
  time,
  timed,
} from './measure.js';
import { generateSubscriptions } from './subscriptions.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '.data');
mkdirSync(dataDir, { recursive: true });
const customers =
  process.env.CX_BENCH_100M === '1' ? 2_000_000 : Number(process.env.CX_BENCH_CUSTOMERS ?? 200_000);
const subscriptionCount = Number(process.env.CX_BENCH_SUBSCRIPTIONS ?? 1_000_000);
const PERIODS = 11;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

// ---------------------------------------------------------------- data
const interactionsCsv = join(dataDir, `interactions-${customers}.csv`);
if (!existsSync(interactionsCsv)) {
  console.log(`generating ${interactionsCsv} from createSampleShop({ seed: 5, customers: ${customers} }) …`);
  const t0 = performance.now();
  const shop = createSampleShop({ seed: 5, customers });
  await writeCsv(shop.interactions(), `${interactionsCsv}.tmp`, {
    columns: ['id', 'customerId', 'anonymousId', 'timestamp', 'name', 'channel', 'touchpointId', 'stageId'],
  });
  const { renameSync } = await import('node:fs');
  renameSync(`${interactionsCsv}.tmp`, interactionsCsv);
  console.log(`  done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

// The CSV holds amounts and billing intervals but not the amount changes (a flat file has no place for them):
// counts are the same as from the objects, revenue figures from the CSV leave the upgrades out.
const subscriptionsCsv = join(dataDir, `subscriptions-v2-${subscriptionCount}.csv`);
if (!existsSync(subscriptionsCsv)) {
  const lines = ['customerId,startedAt,endedAt,amount,currency,billingInterval'];
  for (const s of generateSubscriptions(subscriptionCount))
    lines.push(
      `${s.customerId},${s.startedAt},${s.endedAt ?? ''},${s.amount},${s.currency},${s.billingInterval}`,
    );
  writeFileSync(subscriptionsCsv, `${lines.join('\n')}\n`);
}
const onlyChurn = process.env.CX_BENCH_ONLY === 'churn';

const RUNS = Number(process.env.CX_BENCH_RUNS ?? 3);
const SETTLE = 500;
const HUNDRED_M = process.env.CX_BENCH_100M === '1';
/** The end-to-end retention rows only (always so at 100 M). */
const E2E_ONLY = HUNDRED_M || process.env.CX_BENCH_E2E_ONLY === '1';

/** CPU milliseconds of each thread of this process so far, by `tid:name` (Linux, /proc/self/task). */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks of 10 ms.
      out.set(`${tid}:${name}`, (Number(f[11]) + Number(f[12])) * 10);
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return out;
}

/** A ratio with two decimals (0.96× and 1.04× both print 1.0× with one, around a target of 1×). */
const ratio2 = (theirs: number, ours: number): string => `${(theirs / ours).toFixed(2)}×`;

/** Reads `path` once, sequentially, and forgets the bytes: the file is then in the page cache, if it fits. */
function warmPageCache(path: string): { ms: number } {
  const t0 = performance.now();
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 24);
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd);
  }
  return { ms: performance.now() - t0 };
}

/** `fn`'s value with the CPU each thread spent during it (threads over 50 ms, the calling thread first). */
async function withThreads<T>(fn: () => Promise<T>): Promise<T & { threads: string }> {
  const before = threadCpu();
  const value = await fn();
  const main = String(process.pid);
  const spent = [...threadCpu()]
    .map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const)
    .filter(([k, v]) => v >= 50 || k.startsWith(`${main}:`))
    .sort((a, b) => (a[0].startsWith(`${main}:`) ? -1 : b[0].startsWith(`${main}:`) ? 1 : b[1] - a[1]))
    .map(([k, v]) => `${k.startsWith(`${main}:`) ? 'calling thread' : k.split(':')[0]} ${ms(v)}`);
  return { ...value, threads: spent.join(', ') };
}
const duck = await DuckDBInstance.create(':memory:');
const con = await duck.connect();
await con.run(`SET TimeZone = 'UTC'`);
const threadsDefault = (await con.runAndReadAll(`SELECT current_setting('threads') AS t`)).getRowObjects()[0]
  ?.t;
console.log(
  `DuckDB default threads=${threadsDefault}; best of ${RUNS} after a warm-up; load at start ${loadavg()}`,
);
let retentionReport = '';
let retentionOk = true;
if (!onlyChurn) {
  const csvBytes = statSync(interactionsCsv).size;
  console.log(`interactions CSV: ${mib(csvBytes)}; subscriptions: ${subscriptionCount.toLocaleString('en')}`);

  // ---------------------------------------------------------------- cohort retention
  const options = { interval: 'month', periods: PERIODS, cohortType: 'first-time', retention: 'on' } as const;
  const fmt = `strftime(c, '%Y-%m-%dT%H:%M:%S.000Z')`;
  // Three formulations of the same matrix (first event's month, distinct months with an event, offsets ≤ PERIODS).
  const retentionSql = (source: string): Formulation[] => [
    {
      name: 'join',
      sql: `WITH e AS (SELECT customerId AS a, "timestamp" AS t FROM ${source}),
  f AS (SELECT a, date_trunc('month', min(t)) AS c FROM e GROUP BY a),
  r AS (SELECT DISTINCT e.a, f.c, datediff('month', f.c, date_trunc('month', e.t)) AS p FROM e JOIN f USING (a))
  SELECT ${fmt} AS cohort, p, count(*)::INTEGER AS n FROM r WHERE p <= ${PERIODS} GROUP BY ALL ORDER BY ALL`,
    },
    {
      name: 'window',
      sql: `WITH e AS (SELECT DISTINCT customerId AS a, date_trunc('month', "timestamp") AS m FROM ${source}),
  w AS (SELECT m, min(m) OVER (PARTITION BY a) AS c FROM e)
  SELECT ${fmt} AS cohort, datediff('month', c, m) AS p, count(*)::INTEGER AS n FROM w
  WHERE datediff('month', c, m) <= ${PERIODS} GROUP BY ALL ORDER BY ALL`,
    },
    {
      name: 'list',
      sql: `WITH l AS (SELECT list(DISTINCT date_trunc('month', "timestamp")) AS ms FROM ${source} GROUP BY customerId),
  x AS (SELECT list_min(ms) AS c, unnest(ms) AS m FROM l)
  SELECT ${fmt} AS cohort, datediff('month', c, m) AS p, count(*)::INTEGER AS n FROM x
  WHERE datediff('month', c, m) <= ${PERIODS} GROUP BY ALL ORDER BY ALL`,
    },
  ];
  // The file's instants all end in Z, so TIMESTAMP (UTC wall time) is exact here and DuckDB's fastest choice;
  // TIMESTAMPTZ goes through ICU and made DuckDB about 5× slower in a trial run.
  const csvSource = `read_csv('${interactionsCsv}', header = true, columns = {'id': 'VARCHAR', 'customerId': 'VARCHAR', 'anonymousId': 'VARCHAR', 'timestamp': 'TIMESTAMP', 'name': 'VARCHAR', 'channel': 'VARCHAR', 'touchpointId': 'VARCHAR', 'stageId': 'VARCHAR'})`;

  function sameAsDuck(matrix: RetentionMatrix, rows: Rows): boolean {
    const ours = new Map<string, number>();
    matrix.cohorts.forEach((c) => {
      c.counts.forEach((n, p) => {
        if (n > 0) ours.set(`${c.start}|${p}`, n);
      });
    });
    const theirs = new Map<string, number>(rows.map((r) => [`${r.cohort}|${Number(r.p)}`, Number(r.n)]));
    return ours.size === theirs.size && [...ours].every(([k, v]) => theirs.get(k) === v);
  }

  // 1. Ours, end to end: streaming CSV reader → streaming accumulator (per-customer state only), on one thread
  //    and with the reader's worker thread.
  const streamRetention = async (workers: number) => {
    const accumulator = new CohortRetentionAccumulator(options);
    // Any start and return event: no dimension is matched on, so none is dictionary-encoded.
    const stream = streamInteractionCsv(interactionsCsv, { dimensions: [], workers });
    let events = 0;
    for await (const batch of stream) {
      accumulator.addBatch(batch, stream);
      events += batch.length;
    }
    return { matrix: accumulator.result(), events, actors: stream.actorCount };
  };
  // The reduced path: cohortRetentionCsv with reader workers, each chunk reduced in its worker to one entry per
  // actor, merged per actor on the calling thread.
  const reducedRetention = (workers: number) =>
    withThreads(async () => ({
      matrix: await cohortRetentionCsv(interactionsCsv, { ...options, workers }),
    }));
  // Both sides read the file with the same page cache: the 8.5 GiB file of the 100 M run is often partly evicted
  // between runs on this machine (3.4 of 8.5 GiB resident before one run), and our pass, which runs first, then read
  // from disk (synchronous reads in its workers: ~3 s more system CPU a worker, a third of their wall time blocked in
  // read()) while DuckDB, after it, found the file cached. One sequential read of the whole file first, timed.
  const warm = warmPageCache(interactionsCsv);
  console.log(
    `page cache: the file read once before the timed passes in ${ms(warm.ms)} (${(csvBytes / 2 ** 30 / (warm.ms / 1000)).toFixed(1)} GiB/s; from disk when well below the cached rate of ~5–7 GiB/s) [load ${loadavg()}]`,
  );
  gc();
  const rssBefore = process.memoryUsage().rss;
  const e2eRuns = HUNDRED_M ? 1 : RUNS;
  const skipped = { value: undefined, ms: Number.POSITIVE_INFINITY, cpu: 0, load: '' };
  // At 100 M: the reduced path first (its peak RSS alone), then the stream + accumulator with two reader workers.
  const reduced2First = HUNDRED_M ? await best(1, () => reducedRetention(2), { warmUp: false }) : undefined;
  const rssReduced = peakRss();
  const ours0 = HUNDRED_M
    ? await best(1, () => withThreads(() => streamRetention(2)), { warmUp: false })
    : await best(e2eRuns, () => withThreads(() => streamRetention(0)), { warmUp: true });
  const rssStreaming = peakRss();
  const ours1 = HUNDRED_M ? skipped : await best(e2eRuns, () => withThreads(() => streamRetention(1)));
  // Two reader workers (the machine's two cores; DuckDB's reference runs with threads=2); workers are kept between
  // reads, so the warm-up starts them.
  const ours2 = HUNDRED_M ? ours0 : await best(e2eRuns, () => withThreads(() => streamRetention(2)));
  const reduced1 = HUNDRED_M ? skipped : await best(e2eRuns, () => reducedRetention(1));
  const reduced2 = reduced2First ?? (await best(e2eRuns, () => reducedRetention(2)));
  const streamed = ours0.value;
  const oursE2e = Math.min(ours0.ms, ours1.ms, ours2.ms, reduced1.ms, reduced2.ms);
  const oursOld = Math.min(ours0.ms, ours1.ms, ours2.ms);
  const oursReduced = Math.min(reduced1.ms, reduced2.ms);
  const threadsOf = (r: { value?: { threads: string } | undefined }) => r.value?.threads ?? '';
  // At 100 M only the two-worker runs are taken: the others are not printed.
  console.log(
    HUNDRED_M
      ? `events ${streamed.events.toLocaleString('en')}, customers ${streamed.actors.toLocaleString('en')}; ours e2e (stream + accumulator) workers=2 ${timed(ours0)} [${threadsOf(ours0)}]; peak RSS ${mib(rssStreaming)}
  cohortRetentionCsv (reduced per chunk) workers=2 ${timed(reduced2)} [${threadsOf(reduced2)}]; peak RSS after it (run first) ${mib(rssReduced)}`
      : `events ${streamed.events.toLocaleString('en')}, customers ${streamed.actors.toLocaleString('en')}; ours e2e (stream + accumulator) workers=0 ${timed(ours0)}, workers=1 ${timed(ours1)}, workers=2 ${timed(ours2)}; peak RSS ${mib(rssStreaming)}
  per thread (best run): workers=0 [${threadsOf(ours0)}]; workers=1 [${threadsOf(ours1)}]; workers=2 [${threadsOf(ours2)}]
  cohortRetentionCsv (reduced per chunk) workers=1 ${timed(reduced1)} [${threadsOf(reduced1)}]; workers=2 ${timed(reduced2)} [${threadsOf(reduced2)}]`,
  );

  // 2. DuckDB, end to end from the same CSV: every formulation at threads=2, the fastest also at threads=1.
  await con.run('SET threads = 2');
  const duckE2e2 = await fastestOf(con, retentionSql(csvSource), e2eRuns, { warmUp: !HUNDRED_M });
  console.log(`DuckDB e2e threads=2: ${describeTimes(duckE2e2)}; formulations equal: ${duckE2e2.equal}`);
  await con.run('SET threads = 1');
  const duckE2e1 = await fastestOf(con, [duckE2e2.fastest], e2eRuns, { warmUp: !HUNDRED_M });
  console.log(`DuckDB e2e threads=1: ${describeTimes(duckE2e1)}`);
  const e2eEqual =
    duckE2e2.equal &&
    [ours0, ours1, ours2, reduced1, reduced2].every(
      (r) => r.value === undefined || sameAsDuck(r.value.matrix, duckE2e2.rows),
    );

  if (E2E_ONLY) {
    retentionReport = `
Monthly cohort retention at ${streamed.events.toLocaleString('en')} events, ${streamed.actors.toLocaleString('en')} customers (end to end only${HUNDRED_M ? ', CX_BENCH_100M=1: one run each' : `, best of ${RUNS}`})
  end to end from CSV   cohortRetentionCsv (chunks reduced in the reader's workers) ${HUNDRED_M ? '' : `workers=1 ${timed(reduced1)}   `}workers=2 ${timed(reduced2)}
                          per thread: ${HUNDRED_M ? '' : `workers=1 [${threadsOf(reduced1)}]; `}workers=2 [${threadsOf(reduced2)}]
                        stream + CohortRetentionAccumulator ${HUNDRED_M ? `workers=2 ${timed(ours0)}` : `workers=0 ${timed(ours0)}   workers=1 ${timed(ours1)}   workers=2 ${timed(ours2)}`}
                          per thread: workers=2 [${threadsOf(ours2)}]
                        DuckDB threads=2 ${describeTimes(duckE2e2)}   threads=1 ${ms(duckE2e1.ms)}
                        ratio vs threads=2: reduced ${ratio2(duckE2e2.ms, oursReduced)}, stream + accumulator ${ratio2(duckE2e2.ms, oursOld)} (target ≥ 1×)
  peak RSS ${HUNDRED_M ? `after the reduced pass (run first) ${mib(rssReduced)}, after the stream + accumulator pass ${mib(rssStreaming)}` : `after the first streaming pass ${mib(rssStreaming)}`} (before DuckDB ran); RSS before ${mib(rssBefore)}
  same matrix as DuckDB (every formulation, every path): ${e2eEqual}`;
    retentionOk = e2eEqual;
  } else {
    // 3. In memory: our columns vs a DuckDB table.
    const [columns, loadColumns, loadCpu] = await time(() => readInteractionColumnsCsv(interactionsCsv));
    const [, loadColumns1, loadCpu1] = await time(() =>
      readInteractionColumnsCsv(interactionsCsv, { workers: 1 }),
    );
    const [, loadColumns2, loadCpu2] = await time(() =>
      readInteractionColumnsCsv(interactionsCsv, { workers: 2 }),
    );
    const loadLoad = loadavg();
    // Each in-memory run of either side waits SETTLE ms after gc(), as the churn runs below: V8 sweeps on
    // background threads after a collection, which slows a ~50 ms computation timed right after it.
    const oursMem = await best(RUNS, () => cohortRetention(columns, options), { settleMs: SETTLE });
    const oursMemUnsettled = await best(RUNS, () => cohortRetention(columns, options));
    // The counting split over one worker thread beside the calling thread (same matrix).
    const oursMemSplit = await best(RUNS, () => cohortRetention(columns, { ...options, workers: 1 }), {
      settleMs: SETTLE,
    });
    await con.run(`CREATE TABLE ev AS SELECT customerId, "timestamp" FROM ${csvSource}`);
    await con.run('SET threads = 2');
    const duckMem2 = await fastestOf(con, retentionSql('ev'), RUNS, { settleMs: SETTLE });
    console.log(
      `DuckDB in memory threads=2: ${describeTimes(duckMem2)}; formulations equal: ${duckMem2.equal}`,
    );
    await con.run('SET threads = 1');
    const duckMem1 = await fastestOf(con, [duckMem2.fastest], RUNS, { settleMs: SETTLE });
    const equal =
      e2eEqual &&
      duckMem2.equal &&
      sameAsDuck(oursMem.value, duckMem2.rows) &&
      JSON.stringify(oursMemSplit.value) === JSON.stringify(oursMem.value);
    const streamingEqualsColumnar =
      JSON.stringify(streamed.matrix) === JSON.stringify(oursMem.value) &&
      JSON.stringify(reduced2.value?.matrix) === JSON.stringify(oursMem.value);

    // Per customer: last event, start time and next instant (3 × 8 bytes), cohort (4), a 2-byte counter per column.
    const stateBytes = streamed.actors * (8 * 3 + 4 + 2 * (PERIODS + 1));
    retentionReport = `
Monthly cohort retention (${PERIODS + 1} columns, first-time, any event), ${streamed.events.toLocaleString('en')} events, ${streamed.actors.toLocaleString('en')} customers
  in memory             cohortRetention ${timed(oursMem)}; timed right after gc() ${ms(oursMemUnsettled.ms)} (each in-memory run of either side waits ${SETTLE} ms after gc())
                        DuckDB threads=1 ${ms(duckMem1.ms)} (${duckMem1.fastest.name})   threads=2 ${describeTimes(duckMem2)}
                        ratio vs threads=2 ${ratio(duckMem2.ms, oursMem.ms)} (target ≥ 10×; ${ratio(duckMem2.ms, oursMemUnsettled.ms)} right after gc()), vs threads=1 ${ratio(duckMem1.ms, oursMem.ms)}
                        with a worker thread: cohortRetention(columns, { workers: 1 }) ${timed(oursMemSplit)}   ratio vs threads=2 ${ratio(duckMem2.ms, oursMemSplit.ms)} (target ≥ 10×; same matrix)
  end to end from CSV   ours (stream + CohortRetentionAccumulator.addBatch) workers=0 ${timed(ours0)}   workers=1 ${timed(ours1)}   workers=2 ${timed(ours2)}
                        cohortRetentionCsv (chunks reduced in the reader's workers) workers=1 ${timed(reduced1)}   workers=2 ${timed(reduced2)}
                          per thread: workers=2 [${threadsOf(reduced2)}]; stream + accumulator workers=2 [${threadsOf(ours2)}]
                        DuckDB read_csv threads=1 ${ms(duckE2e1.ms)} (${duckE2e1.fastest.name})   threads=2 ${describeTimes(duckE2e2)}
                        ratio vs threads=2 ${ratio(duckE2e2.ms, oursE2e)} (target ≥ 1×), vs threads=1 ${ratio(duckE2e1.ms, oursE2e)}
  reading the CSV into columns (readInteractionColumnsCsv, all dimensions) workers=0 ${ms(loadColumns)} (cpu ${ms(loadCpu)})   workers=1 ${ms(loadColumns1)} (cpu ${ms(loadCpu1)})   workers=2 ${ms(loadColumns2)} (cpu ${ms(loadCpu2)}) [load ${loadLoad}]
  same matrix as DuckDB (every formulation, both paths): ${equal}; streaming = columnar: ${streamingEqualsColumnar}
  memory: RSS before ${mib(rssBefore)}, peak after the streaming passes ${mib(rssStreaming)}; accumulator state ${mib(stateBytes)} (typed arrays, without the id map) (${(stateBytes / streamed.actors).toFixed(0)} B per customer, none per event)`;
    retentionOk = equal && streamingEqualsColumnar;
    await con.run('DROP TABLE ev');
  }
  console.log(retentionReport);
}

if (!E2E_ONLY) {
  // ---------------------------------------------------------------- churn
  const churnOptions = {
    interval: 'month',
    from: '2024-01-01T00:00:00Z',
    to: '2026-01-01T00:00:00Z',
    asOf: '2026-01-01T00:00:00Z',
  } as const;
  // DuckDB reads the instants as TIMESTAMP (all end in Z; UTC calendar months), its faster form.
  const subsCsvSource = `read_csv('${subscriptionsCsv}', header = true, columns = {'customerId': 'VARCHAR', 'startedAt': 'TIMESTAMP', 'endedAt': 'TIMESTAMP', 'amount': 'DOUBLE', 'currency': 'VARCHAR', 'billingInterval': 'VARCHAR'})`;
  // Customers at the start of month m0 (started ≤ m0, not ended by m0) and lost in it (m0 < end ≤ next month).
  // 'join': every month × every subscription with FILTERed counts. 'list': per subscription the first month
  // boundary at or after its start (si) and end (ei); it is at start of months [si, ei) (a range() list,
  // unnested) and lost in month ei − 1.
  const ceilMonth = (x: string) =>
    `(datediff('month', TIMESTAMP '2024-01-01', date_trunc('month', ${x})) + (${x} > date_trunc('month', ${x}))::INTEGER)`;
  const churnSql = (source: string): Formulation[] => [
    {
      name: 'join',
      sql: `WITH subs AS (SELECT startedAt AS s, endedAt AS e FROM ${source}),
  m AS (SELECT range AS m0, range + INTERVAL 1 MONTH AS m1 FROM range(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00', INTERVAL 1 MONTH))
  SELECT strftime(m0, '%Y-%m-%dT%H:%M:%S.000Z') AS month,
    count(*) FILTER (WHERE s <= m0 AND (e IS NULL OR e > m0))::INTEGER AS at_start,
    count(*) FILTER (WHERE s <= m0 AND e > m0 AND e <= m1)::INTEGER AS lost
  FROM m, subs GROUP BY ALL ORDER BY ALL`,
    },
    {
      name: 'list',
      sql: `WITH x AS (SELECT greatest(0, ${ceilMonth('startedAt')}) AS si,
      CASE WHEN endedAt IS NULL THEN 24 ELSE least(24, ${ceilMonth('endedAt')}) END AS ei,
      endedAt IS NOT NULL AND ${ceilMonth('endedAt')} <= 24 AS ends FROM ${source}),
  a AS (SELECT unnest(range(si, ei)) AS k FROM x WHERE si < ei),
  sa AS (SELECT k, count(*) AS at_start FROM a GROUP BY k),
  sl AS (SELECT ei - 1 AS k, count(*) AS lost FROM x WHERE ends AND si < ei GROUP BY k),
  m AS (SELECT range AS k FROM range(0, 24))
  SELECT strftime(TIMESTAMP '2024-01-01' + to_months(m.k::INTEGER), '%Y-%m-%dT%H:%M:%S.000Z') AS month,
    coalesce(at_start, 0)::INTEGER AS at_start, coalesce(lost, 0)::INTEGER AS lost
  FROM m LEFT JOIN sa USING (k) LEFT JOIN sl USING (k) ORDER BY month`,
    },
  ];
  const sameChurn = (
    rows: Rows,
    series: ReadonlyArray<{ start: string; customersAtStart: number; lostCustomers: number }>,
  ): boolean =>
    rows.length === series.length &&
    rows.every((r, i) => {
      const p = series[i];
      return (
        p !== undefined &&
        r.month === p.start &&
        Number(r.at_start) === p.customersAtStart &&
        Number(r.lost) === p.lostCustomers
      );
    });

  // (a) End to end from the same CSV: ours reads it straight into the columnar table; DuckDB read_csv + SQL.
  const oursChurnE2e = await best(RUNS, async () =>
    churnSeries(await readSubscriptionColumnsCsv(subscriptionsCsv), churnOptions),
  );
  await con.run('SET threads = 2');
  const duckChurnE2e2 = await fastestOf(con, churnSql(subsCsvSource), RUNS);
  await con.run('SET threads = 1');
  const duckChurnE2e1 = await fastestOf(con, [duckChurnE2e2.fastest], RUNS);
  const [, loadSubs] = await time(() => readSubscriptionColumnsCsv(subscriptionsCsv));

  // (b) In memory: the prepared table (objects with upgrades, checked once) against a DuckDB table.
  const subscriptions = [...generateSubscriptions(subscriptionCount)];
  const [table, prepareMs] = await time(() => prepareSubscriptions(subscriptions));
  const full = await best(RUNS, () => churnSeries(table, churnOptions), { settleMs: SETTLE });
  // Apples to apples with the DuckDB query: customers at start and lost per month for the one policy, no revenue.
  const countOptions = { ...churnOptions, measures: 'customers' } as const;
  const counts = await best(RUNS, () => churnSeries(table, countOptions), { settleMs: SETTLE });
  const fullUnsettled = await best(RUNS, () => churnSeries(table, churnOptions));
  // The same sweeps with one worker thread beside the calling thread (customers split in ranges; same result).
  const fullSplit = await best(RUNS, () => churnSeries(table, { ...churnOptions, workers: 1 }), {
    settleMs: SETTLE,
  });
  const countsSplit = await best(RUNS, () => churnSeries(table, { ...countOptions, workers: 1 }), {
    settleMs: SETTLE,
  });
  const [objectSeries, oursChurnObjects] = await time(() => churnSeries(subscriptions, churnOptions));
  await con.run(`CREATE TABLE subs AS SELECT * FROM ${subsCsvSource}`);
  await con.run('SET threads = 2');
  const duckChurn2 = await fastestOf(con, churnSql('subs'), RUNS, { settleMs: SETTLE });
  await con.run('SET threads = 1');
  const duckChurn1 = await fastestOf(con, [duckChurn2.fastest], RUNS, { settleMs: SETTLE });
  const series = full.value;
  const churnEqual =
    duckChurn2.equal &&
    duckChurnE2e2.equal &&
    sameChurn(duckChurn2.rows, series) &&
    sameChurn(duckChurn2.rows, counts.value) &&
    sameChurn(duckChurnE2e2.rows, oursChurnE2e.value) &&
    JSON.stringify(objectSeries) === JSON.stringify(series) &&
    JSON.stringify(fullSplit.value) === JSON.stringify(series) &&
    JSON.stringify(countsSplit.value) === JSON.stringify(counts.value);

  console.log(`
Monthly churn, ${subscriptionCount.toLocaleString('en')} subscriptions, ${series.length} months (midPeriodPolicy 'exclude'); DuckDB computes customers at start and lost per month
  in memory, with revenue   churnSeries(prepared) ${timed(full)}; timed right after gc() ${ms(fullUnsettled.ms)}
                            DuckDB threads=1 ${ms(duckChurn1.ms)} (${duckChurn1.fastest.name})   threads=2 ${describeTimes(duckChurn2)}
                            ratio vs threads=2 ${ratio(duckChurn2.ms, full.ms)} (target ≥ 10×; ${ratio(duckChurn2.ms, fullUnsettled.ms)} right after gc()), vs threads=1 ${ratio(duckChurn1.ms, full.ms)}
                            with a worker thread: churnSeries(prepared, { workers: 1 }) ${timed(fullSplit)}   ratio vs threads=2 ${ratio(duckChurn2.ms, fullSplit.ms)} (target ≥ 10×)
  in memory, counts only    churnSeries(prepared, { measures: 'customers' }) ${timed(counts)}   ratio vs threads=2 ${ratio(duckChurn2.ms, counts.ms)}, vs threads=1 ${ratio(duckChurn1.ms, counts.ms)}
                            with a worker thread ${timed(countsSplit)}   ratio vs threads=2 ${ratio(duckChurn2.ms, countsSplit.ms)}
  (each in-memory run of either side waits ${SETTLE} ms after gc())
  end to end from CSV       readSubscriptionColumnsCsv + churnSeries ${timed(oursChurnE2e)}
                            DuckDB threads=1 ${ms(duckChurnE2e1.ms)}   threads=2 ${describeTimes(duckChurnE2e2)}   ratio vs threads=2 ${ratio(duckChurnE2e2.ms, oursChurnE2e.ms)}
  preparing                 readSubscriptionColumnsCsv ${ms(loadSubs)}   prepareSubscriptions(objects) ${ms(prepareMs)}   churnSeries(objects) incl. checking ${ms(oursChurnObjects)}
  same customers at start and lost per month as DuckDB (every formulation, both paths, both measures), objects = prepared, worker split = one thread: ${churnEqual}`);
  if (!churnEqual) process.exitCode = 1;
}
console.log(`peak RSS of the whole run ${mib(peakRss())}; load at end ${loadavg()}`);
if (!retentionOk) process.exitCode = 1;
