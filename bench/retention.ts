// Monthly cohort retention matrix over 10 million interactions and monthly churn over 1 million subscriptions,
// @cx/metrics against DuckDB on the same CSV files and on in-memory tables, in one process.
//
// Run: node --conditions=@cx/source --expose-gc --import tsx bench/retention.ts
// Options (env): CX_BENCH_CUSTOMERS (default 200000 ≈ 10 M interactions), CX_BENCH_SUBSCRIPTIONS (default 1000000),
// CX_BENCH_ONLY=churn to skip the cohort retention part.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RetentionMatrix } from '@cx/metrics';
import {
  CohortRetentionAccumulator,
  churnSeries,
  cohortRetention,
  prepareSubscriptions,
  readInteractionColumnsCsv,
  readSubscriptionColumnsCsv,
  streamInteractionCsv,
} from '@cx/metrics';
import type { Subscription } from '@cx/model';
import { createSampleShop, writeCsv } from '@cx/sample-data';
import { DuckDBInstance } from '@duckdb/node-api';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '.data');
mkdirSync(dataDir, { recursive: true });
const customers = Number(process.env.CX_BENCH_CUSTOMERS ?? 200_000);
const subscriptionCount = Number(process.env.CX_BENCH_SUBSCRIPTIONS ?? 1_000_000);
const PERIODS = 11;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

/**
 * Times `fn` after a full GC. With `settleMs`, waits that long after the GC first: V8 finishes a collection
 * (sweeping) on background threads, and on this heap that work slowed a ~60 ms computation timed right after
 * `gc()` by 20-30 ms.
 */
async function time<T>(fn: () => Promise<T> | T, settleMs = 0): Promise<[T, number]> {
  gc();
  if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

async function best<T>(runs: number, fn: () => Promise<T> | T, settleMs = 0): Promise<[T, number]> {
  let result: [T, number] | undefined;
  for (let i = 0; i < runs; i++) {
    const r = await time(fn, settleMs);
    if (result === undefined || r[1] < result[1]) result = r;
  }
  return result as [T, number];
}

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

/** Seeded subscriptions: one per customer, monthly or yearly, some cancelled, some upgraded (mulberry32). */
function* generateSubscriptions(n: number): Generator<Subscription> {
  let seed = 12345;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const from = Date.parse('2024-01-01T00:00:00Z');
  const span = 730 * 86_400_000;
  for (let i = 0; i < n; i++) {
    const start = from + Math.floor(random() * span);
    const yearly = random() < 0.2;
    const amount = yearly ? 290 : [9, 29, 49][Math.floor(random() * 3)]!;
    const cancelled = random() < 0.45;
    const end = cancelled ? start + Math.floor(random() * span * 0.8) : undefined;
    const upgrade = random() < 0.1 ? start + Math.floor(random() * 200 * 86_400_000) : undefined;
    yield {
      id: `s${i}`,
      customerId: `c${i}`,
      status: cancelled ? 'cancelled' : 'active',
      startedAt: new Date(start).toISOString(),
      ...(end === undefined ? {} : { endedAt: new Date(end).toISOString() }),
      amount,
      currency: 'USD',
      billingInterval: yearly ? 'year' : 'month',
      amountChanges:
        upgrade !== undefined && (end === undefined || upgrade < end)
          ? [{ at: new Date(upgrade).toISOString(), amount: amount * 2 }]
          : [],
      properties: {},
    };
  }
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

const duck = await DuckDBInstance.create(':memory:');
const con = await duck.connect();
await con.run(`SET TimeZone = 'UTC'`);
const threads = (await con.runAndReadAll(`SELECT current_setting('threads') AS t`)).getRowObjects()[0]?.t;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const ratio = (theirs: number, ours: number) => `${(theirs / ours).toFixed(1)}×`;
let retentionReport = '';
let retentionOk = true;
if (!onlyChurn) {
  const csvBytes = statSync(interactionsCsv).size;
  console.log(`interactions CSV: ${mib(csvBytes)}; subscriptions: ${subscriptionCount.toLocaleString('en')}`);

  // ---------------------------------------------------------------- cohort retention
  const options = { interval: 'month', periods: PERIODS, cohortType: 'first-time', retention: 'on' } as const;

  // 1. Ours, end to end: streaming CSV reader → streaming accumulator (per-customer state only).
  gc();
  const rssBefore = process.memoryUsage().rss;
  const [streamed, oursE2e] = await time(async () => {
    const accumulator = new CohortRetentionAccumulator(options);
    // Any start and return event: no dimension is matched on, so none is dictionary-encoded.
    const stream = streamInteractionCsv(interactionsCsv, { dimensions: [] });
    let events = 0;
    for await (const batch of stream) {
      accumulator.addBatch(batch, stream);
      events += batch.length;
    }
    return { matrix: accumulator.result(), events, actors: stream.actorCount };
  });
  const rssStreaming = peakRss();
  console.log(
    `events ${streamed.events.toLocaleString('en')}, customers ${streamed.actors.toLocaleString('en')}`,
  );

  // 2. DuckDB, end to end from the same CSV, one thread.
  await con.run('SET threads = 1');
  const retentionSql = (source: string) => `
  WITH e AS (SELECT customerId AS a, "timestamp" AS t FROM ${source}),
  f AS (SELECT a, date_trunc('month', min(t)) AS c FROM e GROUP BY a),
  r AS (SELECT DISTINCT e.a, f.c, datediff('month', f.c, date_trunc('month', e.t)) AS p FROM e JOIN f USING (a))
  SELECT strftime(c, '%Y-%m-%dT%H:%M:%S.000Z') AS cohort, p, count(*)::INTEGER AS n FROM r WHERE p <= ${PERIODS}
  GROUP BY ALL ORDER BY ALL`;
  // The file's instants all end in Z, so TIMESTAMP (UTC wall time) is exact here and DuckDB's fastest choice;
  // TIMESTAMPTZ goes through ICU and made DuckDB about 5× slower in a trial run.
  const csvSource = `read_csv('${interactionsCsv}', header = true, columns = {'id': 'VARCHAR', 'customerId': 'VARCHAR', 'anonymousId': 'VARCHAR', 'timestamp': 'TIMESTAMP', 'name': 'VARCHAR', 'channel': 'VARCHAR', 'touchpointId': 'VARCHAR', 'stageId': 'VARCHAR'})`;
  const [duckE2eRows, duckE2e] = await time(async () =>
    (await con.runAndReadAll(retentionSql(csvSource))).getRowObjects(),
  );

  // 3. In memory: our columns vs a DuckDB table.
  const [columns, loadColumns] = await time(() => readInteractionColumnsCsv(interactionsCsv));
  const [inMemory, oursMem] = await best(5, () => cohortRetention(columns, options));
  await con.run(`CREATE TABLE ev AS SELECT customerId, "timestamp" FROM ${csvSource}`);
  const [, duckMem1] = await best(3, async () =>
    (await con.runAndReadAll(retentionSql('ev'))).getRowObjects(),
  );
  await con.run('RESET threads');
  const [duckMemRows, duckMemN] = await best(3, async () =>
    (await con.runAndReadAll(retentionSql('ev'))).getRowObjects(),
  );

  // Same matrix?
  function sameAsDuck(matrix: RetentionMatrix, rows: Array<Record<string, unknown>>): boolean {
    const ours = new Map<string, number>();
    matrix.cohorts.forEach((c) => {
      c.counts.forEach((n, p) => {
        if (n > 0) ours.set(`${c.start}|${p}`, n);
      });
    });
    const theirs = new Map<string, number>(rows.map((r) => [`${r.cohort}|${Number(r.p)}`, Number(r.n)]));
    return ours.size === theirs.size && [...ours].every(([k, v]) => theirs.get(k) === v);
  }
  const equal = sameAsDuck(streamed.matrix, duckE2eRows) && sameAsDuck(inMemory, duckMemRows);
  const streamingEqualsColumnar = JSON.stringify(streamed.matrix) === JSON.stringify(inMemory);

  // Per customer: last event and start time (8 + 8 bytes), cohort (4), a 2-byte counter per column.
  const stateBytes = streamed.actors * (8 + 8 + 4 + 2 * (PERIODS + 1));
  retentionReport = `
Monthly cohort retention (${PERIODS + 1} columns, first-time, any event), ${streamed.events.toLocaleString('en')} events, ${streamed.actors.toLocaleString('en')} customers
  end to end from CSV   @cx/metrics stream ${ms(oursE2e)}   DuckDB threads=1 ${ms(duckE2e)}   DuckDB/ours ${ratio(duckE2e, oursE2e)}
  in memory             @cx/metrics ${ms(oursMem)}   DuckDB threads=1 ${ms(duckMem1)} (${ratio(duckMem1, oursMem)})   DuckDB threads=${threads} ${ms(duckMemN)} (${ratio(duckMemN, oursMem)})
  loading columns       readInteractionColumnsCsv ${ms(loadColumns)}
  same matrix as DuckDB: ${equal}; streaming = columnar: ${streamingEqualsColumnar}
  memory: RSS before ${mib(rssBefore)}, peak after streaming pass ${mib(rssStreaming)}; accumulator state ${mib(stateBytes)} (typed arrays, without the id map) (${(stateBytes / streamed.actors).toFixed(0)} B per customer, none per event)`;
  retentionOk = equal && streamingEqualsColumnar;
  await con.run('DROP TABLE ev');
}

// ---------------------------------------------------------------- churn
const churnOptions = {
  interval: 'month',
  from: '2024-01-01T00:00:00Z',
  to: '2026-01-01T00:00:00Z',
  asOf: '2026-01-01T00:00:00Z',
} as const;
// DuckDB reads the instants as TIMESTAMP (all end in Z; UTC calendar months), its faster form.
const subsCsvSource = `read_csv('${subscriptionsCsv}', header = true, columns = {'customerId': 'VARCHAR', 'startedAt': 'TIMESTAMP', 'endedAt': 'TIMESTAMP', 'amount': 'DOUBLE', 'currency': 'VARCHAR', 'billingInterval': 'VARCHAR'})`;
const churnSql = (source: string) => `
  WITH subs AS (SELECT startedAt AS s, endedAt AS e FROM ${source}),
  m AS (SELECT range AS m0, range + INTERVAL 1 MONTH AS m1 FROM range(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00', INTERVAL 1 MONTH))
  SELECT strftime(m0, '%Y-%m-%dT%H:%M:%S.000Z') AS month,
    count(*) FILTER (WHERE s <= m0 AND (e IS NULL OR e > m0))::INTEGER AS at_start,
    count(*) FILTER (WHERE s <= m0 AND e > m0 AND e <= m1)::INTEGER AS lost
  FROM m, subs GROUP BY ALL ORDER BY ALL`;
const sameChurn = (
  rows: Array<Record<string, unknown>>,
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
await con.run('SET threads = 1');
const [e2eSeries, oursChurnE2e] = await best(2, async () =>
  churnSeries(await readSubscriptionColumnsCsv(subscriptionsCsv), churnOptions),
);
const [duckChurnE2eRows, duckChurnE2e] = await best(2, async () =>
  (await con.runAndReadAll(churnSql(subsCsvSource))).getRowObjects(),
);
const [csvTable, loadSubs] = await time(() => readSubscriptionColumnsCsv(subscriptionsCsv));

// (b) In memory: the prepared table (objects with upgrades, checked once) against a DuckDB table.
const subscriptions = [...generateSubscriptions(subscriptionCount)];
const [table, prepareMs] = await time(() => prepareSubscriptions(subscriptions));
const SETTLE = 500;
const [series, oursChurn] = await best(5, () => churnSeries(table, churnOptions), SETTLE);
// Apples to apples with the DuckDB query: customers at start and lost per month for the one policy, no revenue.
const countOptions = { ...churnOptions, measures: 'customers' } as const;
const [countSeries, oursCounts] = await best(5, () => churnSeries(table, countOptions), SETTLE);
const [, oursCountsUnsettled] = await best(5, () => churnSeries(table, countOptions));
const [, oursChurnUnsettled] = await best(5, () => churnSeries(table, churnOptions));
const [, oursChurnCsvTable] = await best(5, () => churnSeries(csvTable, churnOptions), SETTLE);
const [objectSeries, oursChurnObjects] = await time(() => churnSeries(subscriptions, churnOptions));
// One policy after the other: under Promise.all the two timing loops interleaved at their awaits, and each
// policy's time included the other's runs.
const policyTimes: string[] = [];
for (const midPeriodPolicy of ['exposure', 'eligible'] as const) {
  const [, t] = await best(3, () => churnSeries(table, { ...churnOptions, midPeriodPolicy }), SETTLE);
  policyTimes.push(`${midPeriodPolicy} ${ms(t)}`);
}
await con.run(`CREATE TABLE subs AS SELECT * FROM ${subsCsvSource}`);
const [, duckChurn1] = await best(
  3,
  async () => (await con.runAndReadAll(churnSql('subs'))).getRowObjects(),
  SETTLE,
);
await con.run('RESET threads');
const [churnRows, duckChurnN] = await best(
  3,
  async () => (await con.runAndReadAll(churnSql('subs'))).getRowObjects(),
  SETTLE,
);
const churnEqual =
  sameChurn(churnRows, series) &&
  sameChurn(churnRows, countSeries) &&
  sameChurn(duckChurnE2eRows, e2eSeries) &&
  JSON.stringify(objectSeries) === JSON.stringify(series);

// ---------------------------------------------------------------- report
console.log(`${retentionReport}
Monthly churn, ${subscriptionCount.toLocaleString('en')} subscriptions, ${series.length} months (midPeriodPolicy 'exclude', with revenue retention)
  end to end from CSV   readSubscriptionColumnsCsv + churnSeries ${ms(oursChurnE2e)}   DuckDB threads=1 ${ms(duckChurnE2e)} (${ratio(duckChurnE2e, oursChurnE2e)})
  in memory             churnSeries(prepared) ${ms(oursChurn)}   DuckDB threads=1 ${ms(duckChurn1)} (${ratio(duckChurn1, oursChurn)})   DuckDB threads=${threads} ${ms(duckChurnN)} (${ratio(duckChurnN, oursChurn)})
  in memory, timed right after gc(): churnSeries(prepared) ${ms(oursChurnUnsettled)} (${ratio(duckChurn1, oursChurnUnsettled)} DuckDB threads=1); the row above waits ${SETTLE} ms after gc() before every run, DuckDB's too
  in memory, like for like (same outputs as the DuckDB query: customers at start and lost, one policy, no revenue)
                        churnSeries(prepared, { measures: 'customers' }) ${ms(oursCounts)}   DuckDB threads=1 ${ms(duckChurn1)} (${ratio(duckChurn1, oursCounts)})   DuckDB threads=${threads} ${ms(duckChurnN)} (${ratio(duckChurnN, oursCounts)})   right after gc() ${ms(oursCountsUnsettled)} (${ratio(duckChurn1, oursCountsUnsettled)})
  in memory, CSV table  churnSeries ${ms(oursChurnCsvTable)} (no amount changes)
  other policies        ${policyTimes.join('   ')}
  preparing             readSubscriptionColumnsCsv ${ms(loadSubs)}   prepareSubscriptions(objects) ${ms(prepareMs)}   churnSeries(objects) incl. checking ${ms(oursChurnObjects)}
  same customers at start and lost per month as DuckDB (both paths, both measures), objects = prepared: ${churnEqual}
  peak RSS of the whole run ${mib(peakRss())}`);
if (!retentionOk || !churnEqual) process.exitCode = 1;
