// @cx/warehouse at scale: interactions and survey responses generated straight into each engine with SQL (never
// through JavaScript objects), then NPS, the monthly NPS trend, weekly cohort retention, a 4-step funnel and the top
// paths timed on DuckDB, chDB and PostgreSQL, beside the in-process path (@cx/metrics on columns built from the same
// generator) where it fits in memory. Each engine runs in a child process, so that its peak RSS is its own.
//
// Run: node --conditions=@cx/source --expose-gc --import tsx bench/warehouse.ts [rows…]   (default 1000000 10000000)
// 100 M rows: CX_BENCH_LARGE=1 adds 100000000 (DuckDB and chDB; PostgreSQL only with CX_BENCH_PG_LARGE=1).
// One child: … bench/warehouse.ts --child <engine> <rows>, where engine is duckdb | chdb | postgres | in-process.
// CX_BENCH_METRICS=paths (or a comma list of nps, trend, retention, funnel, paths) times only those metrics (and only
// their hand-written DuckDB references; CX_BENCH_REFERENCE=0 skips the references). CX_BENCH_KEEP=1 keeps DuckDB's
// database in bench/.data/warehouse-<rows>.duckdb and reuses the generated tables on the next run (delete it after).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildInteractionColumns,
  cohortRetention,
  funnelColumns,
  NpsAccumulator,
  npsMetric,
  TrendAccumulator,
  topPathsColumns,
} from '@cx/metrics';
import { type Interaction, instantToEpochMs } from '@cx/model';
import {
  chdbEngine,
  cohortRetentionQuery,
  duckdbEngine,
  type Engine,
  funnelQuery,
  loadedInteractionTable,
  loadedSurveyResponseTable,
  postgresEngine,
  sql,
  surveyMetricQuery,
  surveyTrendQuery,
  topPathsQuery,
} from '@cx/warehouse';

const BASE = instantToEpochMs('2025-01-01T00:00:00Z');
const MINUTES = 180 * 24 * 60;
const NAMES = ['view', 'cart', 'checkout', 'buy', 'support'];
const RETENTION = { interval: 'week', periods: 8, timeZone: 'Europe/Warsaw', weekStartsOn: 1 } as const;
const FUNNEL = {
  steps: [{ name: 'view' }, { name: 'cart' }, { name: 'checkout' }, { name: 'buy' }],
  window: { days: 7 },
};
const PATHS = { limit: 10, maxLength: 5 } as const;
const TREND = { interval: 'month', timeZone: 'Europe/Warsaw' } as const;
const METRICS = ['nps', 'trend', 'retention', 'funnel', 'paths'] as const;
const selected = new Set(process.env.CX_BENCH_METRICS?.split(',') ?? METRICS);
const references = process.env.CX_BENCH_REFERENCE !== '0';
const KEEP_DIR = join(dirname(fileURLToPath(import.meta.url)), '.data');

/** The generator, shared by SQL and JavaScript: event i → (actor, minute, name, channel, touchpoint, value). */
const gen = (i: number, rows: number) => {
  // Two MINSTD steps (products stay below 2^53, exact in doubles and in BIGINT), so actor, time and name mix.
  const r = (((i * 48_271) % 2_147_483_647) * 48_271) % 2_147_483_647;
  return {
    actor: i % Math.max(1, Math.floor(rows / 50)),
    ms: BASE + (r % MINUTES) * 60_000,
    name: NAMES[Math.floor(((r * 16_807) % 2_147_483_647) / 7) % 5] as string,
    channel: Math.floor(i / 3) % 2 === 0 ? 'web' : 'mobile-app',
    touchpoint: `tp${r % 7}`,
    score: r % 11,
  };
};

function generateSql(engine: Engine, rows: number) {
  const d = engine.dialect;
  const actors = Math.max(1, Math.floor(rows / 50));
  const str = (x: string) =>
    d === 'clickhouse' ? `toString(${x})` : `CAST(${x} AS ${d === 'postgres' ? 'text' : 'VARCHAR'})`;
  const cat = (a: string, b: string) => (d === 'clickhouse' ? `concat(${a}, ${b})` : `${a} || ${b}`);
  const ts = (ms: string) =>
    d === 'duckdb'
      ? `make_timestamptz((${ms}) * 1000)`
      : d === 'postgres'
        ? `(TIMESTAMPTZ 'epoch' + (${ms}) * INTERVAL '1 millisecond')`
        : `fromUnixTimestamp64Milli(toInt64(${ms}), 'UTC')`;
  const div = (a: string, b: number) =>
    d === 'postgres' ? `(${a}) / ${b}` : d === 'duckdb' ? `(${a}) // ${b}` : `intDiv(${a}, ${b})`;
  const series =
    d === 'duckdb'
      ? `range(${rows}) t(i)`
      : d === 'postgres'
        ? `generate_series(0::bigint, ${rows - 1}::bigint) AS t(i)`
        : `(SELECT number AS i FROM numbers(${rows}))`;
  const r = '((((i * 48271) % 2147483647) * 48271) % 2147483647)';
  const name = `CASE ${div(`((${r} * 16807) % 2147483647)`, 7)} % 5 ${NAMES.map((n, k) => `WHEN ${k} THEN '${n}'`).join(' ')} END`;
  const engineClause = d === 'clickhouse' ? ' ENGINE = MergeTree ORDER BY tuple()' : '';
  const events = `CREATE TABLE events${engineClause} AS SELECT ${cat("'e'", str('i'))} AS id, ${cat("'c'", str(`i % ${actors}`))} AS customer_id, CAST(NULL AS ${d === 'clickhouse' ? 'Nullable(String)' : d === 'postgres' ? 'text' : 'VARCHAR'}) AS anonymous_id, ${ts(`${BASE} + (${r} % ${MINUTES}) * 60000`)} AS ts, ${name} AS name, CASE WHEN ${div('i', 3)} % 2 = 0 THEN 'web' ELSE 'mobile-app' END AS channel, ${cat("'tp'", str(`${r} % 7`))} AS touchpoint_id, CAST(NULL AS ${d === 'clickhouse' ? 'Nullable(String)' : d === 'postgres' ? 'text' : 'VARCHAR'}) AS stage_id, CAST(NULL AS ${d === 'clickhouse' ? 'Nullable(String)' : d === 'postgres' ? 'text' : 'VARCHAR'}) AS session_id, i AS seq, CAST(${r} % 100 AS ${d === 'postgres' ? 'double precision' : 'DOUBLE'}) AS value FROM ${series}`;
  const responses = `CREATE TABLE responses${engineClause} AS SELECT ${cat("'r'", str('i'))} AS id, 'nps' AS metric, CAST(${r} % 11 AS ${d === 'postgres' ? 'double precision' : 'DOUBLE'}) AS score, CAST(1 AS ${d === 'postgres' ? 'double precision' : 'DOUBLE'}) AS weight, ${ts(`${BASE} + (${r} % ${MINUTES}) * 60000`)} AS responded_at FROM ${series.replace(String(rows), String(Math.floor(rows / 20))).replace(String(rows - 1), String(Math.floor(rows / 20) - 1))}`;
  return { events, responses };
}

async function rawExec(engine: Engine, text: string) {
  await engine.execute(sql([text] as unknown as TemplateStringsArray));
}

/** Time of a reference query, or -1 when the engine refused it (e.g. out of memory): reported, never fatal. */
async function reference(fn: () => Promise<unknown>): Promise<number> {
  try {
    return (await timed(fn))[1];
  } catch (error) {
    console.error(`reference query failed: ${String(error).split('\n')[0]}`);
    return -1;
  }
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

/**
 * The timings of one child, each also written to stderr as it is taken (with the time of day and the RSS so far), so
 * that a long run cut off before its end still shows how far it got.
 */
function progressRecord(kind: string, rows: number): Record<string, number> {
  return new Proxy({} as Record<string, number>, {
    set(target, key, value: number) {
      target[key as string] = value;
      const rss = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;
      process.stderr.write(
        `${new Date().toISOString().slice(11, 19)} ${kind} ${rows}: ${String(key)} ${(value / 1000).toFixed(1)} s (peak RSS so far ${rss.toFixed(0)} MiB, load ${loadavg()[0]?.toFixed(2)})\n`,
      );
      return true;
    },
  });
}

async function child(kind: string, rows: number) {
  const out = progressRecord(kind, rows);
  const check: Record<string, unknown> = {};
  if (kind === 'in-process') {
    const [columns, build] = await timed(() =>
      buildInteractionColumns(
        (function* events(): Generator<Interaction> {
          for (let i = 0; i < rows; i++) {
            const g = gen(i, rows);
            yield {
              id: `e${i}`,
              customerId: `c${g.actor}`,
              timestamp: new Date(g.ms).toISOString(),
              name: g.name,
              channel: g.channel as 'web',
              touchpointId: g.touchpoint,
              properties: {},
            };
          }
        })(),
        { dedupe: false },
      ),
    );
    out.load = build;
    const [nps, tNps] = await timed(() => {
      const acc = new NpsAccumulator();
      for (let i = 0; i < Math.floor(rows / 20); i++) acc.add(gen(i, rows).score);
      return acc.result();
    });
    out.nps = tNps;
    out.trend = (
      await timed(() => {
        const acc = new TrendAccumulator(npsMetric(), TREND);
        for (let i = 0; i < Math.floor(rows / 20); i++) {
          const g = gen(i, rows);
          acc.addAt(g.ms, g.score);
        }
        return acc.result();
      })
    )[1];
    const [matrix, tRet] = await timed(() => cohortRetention(columns, RETENTION));
    out.retention = tRet;
    const [f, tFunnel] = await timed(() => funnelColumns(columns, FUNNEL));
    out.funnel = tFunnel;
    const [paths, tPaths] = await timed(() => topPathsColumns(columns, PATHS));
    out.paths = tPaths;
    Object.assign(check, {
      nps: nps.score,
      cohorts: matrix.cohorts.length,
      funnel: f.steps.map((s) => s.count),
      topPath: paths.paths[0]?.actors,
      paths: paths.paths.map((p) => [p.path.join(' > '), p.actors]),
      pathTotals: [paths.actors, paths.actorsWithoutPath, paths.other.paths, paths.other.actors],
    });
  } else {
    const keep = kind === 'duckdb' && process.env.CX_BENCH_KEEP === '1';
    if (keep) mkdirSync(KEEP_DIR, { recursive: true });
    const dir = keep ? KEEP_DIR : mkdtempSync(join(tmpdir(), 'cx-bench-wh-'));
    const file = join(dir, keep ? `warehouse-${rows}.duckdb` : 'bench.duckdb');
    const reuse = keep && existsSync(file);
    const engine =
      kind === 'duckdb'
        ? await duckdbEngine({ path: file, threads: 2, memoryLimit: '6GB' })
        : kind === 'chdb'
          ? await chdbEngine({ path: join(dir, 'chdb') })
          : await postgresEngine(JSON.parse(process.env.CX_BENCH_PG as string));
    const counted = reuse
      ? await engine.query(
          sql`SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM responses) AS responses`,
        )
      : [];
    if (counted[0]?.events === rows && counted[0]?.responses === Math.floor(rows / 20)) {
      process.stderr.write(`reusing the tables generated in ${file}\n`);
    } else {
      const { events, responses } = generateSql(engine, rows);
      await rawExec(engine, 'DROP TABLE IF EXISTS events');
      await rawExec(engine, 'DROP TABLE IF EXISTS responses');
      out.load = (
        await timed(async () => {
          await rawExec(engine, events);
          await rawExec(engine, responses);
          if (kind === 'postgres') await rawExec(engine, 'ANALYZE');
        })
      )[1];
    }
    const interactions = { ...loadedInteractionTable('events'), dedupe: false };
    const answers = loadedSurveyResponseTable('responses');
    if (selected.has('nps')) {
      const [nps, tNps] = await timed(() => surveyMetricQuery(answers, npsMetric()).run(engine));
      out.nps = tNps;
      check.nps = nps.score;
    }
    if (selected.has('trend')) {
      out.trend = (await timed(() => surveyTrendQuery(answers, npsMetric(), TREND).run(engine)))[1];
    }
    if (selected.has('retention')) {
      const [matrix, tRet] = await timed(() => cohortRetentionQuery(interactions, RETENTION).run(engine));
      out.retention = tRet;
      check.cohorts = matrix.cohorts.length;
    }
    if (selected.has('funnel')) {
      const [f, tFunnel] = await timed(() => funnelQuery(interactions, FUNNEL).run(engine));
      out.funnel = tFunnel;
      check.funnel = f.steps.map((s) => s.count);
    }
    if (selected.has('paths')) {
      const [paths, tPaths] = await timed(() => topPathsQuery(interactions, PATHS).run(engine));
      out.paths = tPaths;
      check.topPath = paths.paths[0]?.actors;
      check.paths = paths.paths.map((p) => [p.path.join(' > '), p.actors]);
      check.pathTotals = [paths.actors, paths.actorsWithoutPath, paths.other.paths, paths.other.actors];
    }
    if (kind === 'duckdb' && references) {
      // DuckDB's own hand-written queries for the same questions, the reference the library's SQL is measured by.
      // Retention: the same counts (weekly cohorts from Monday in Europe/Warsaw through the engine's zone rules).
      // Funnel: the classic chain of joins on each actor's first step instants (first attempt only, a cheaper and
      // looser definition than the library's). Paths: each actor's first five touchpoints, repeats kept.
      const week = `(date_diff('day', DATE '1970-01-01', CAST(timezone('Europe/Warsaw', ts) AS DATE)) + 3) // 7`;
      if (selected.has('retention'))
        out.retentionRef = await reference(() =>
          rawExec(
            engine,
            `CREATE OR REPLACE TEMP TABLE ref_r AS WITH e AS (SELECT customer_id AS a, ${week} AS w FROM events), c AS (SELECT a, min(w) AS w0 FROM e GROUP BY a), x AS (SELECT DISTINCT e.a, c.w0, e.w - c.w0 AS k FROM e JOIN c USING (a) WHERE e.w - c.w0 BETWEEN 1 AND 8) SELECT w0, k, count(*) AS n FROM x GROUP BY ALL UNION ALL SELECT w0, 0, count(*) FROM c GROUP BY w0`,
          ),
        );
      const step = (k: number, name: string) =>
        `s${k} AS (SELECT v.a, min(v.ts) AS t, any_value(s${k - 1}.t0) AS t0 FROM v JOIN s${k - 1} USING (a) WHERE v.name = '${name}' AND v.ts >= s${k - 1}.t AND v.ts <= s${k - 1}.t0 + INTERVAL 7 DAY GROUP BY v.a)`;
      if (selected.has('funnel'))
        out.funnelRef = await reference(() =>
          rawExec(
            engine,
            `CREATE OR REPLACE TEMP TABLE ref_f AS WITH v AS (SELECT customer_id AS a, ts, name FROM events WHERE name IN ('view', 'cart', 'checkout', 'buy')), s1 AS (SELECT a, min(ts) AS t, min(ts) AS t0 FROM v WHERE name = 'view' GROUP BY a), ${step(2, 'cart')}, ${step(3, 'checkout')}, ${step(4, 'buy')} SELECT (SELECT count(*) FROM s1) AS n1, (SELECT count(*) FROM s2) AS n2, (SELECT count(*) FROM s3) AS n3, (SELECT count(*) FROM s4) AS n4`,
          ),
        );
      if (selected.has('paths'))
        out.pathsRef = await reference(() =>
          rawExec(
            engine,
            `CREATE OR REPLACE TEMP TABLE ref_p AS SELECT path, count(*) AS n FROM (SELECT customer_id, array_to_string(list(touchpoint_id ORDER BY ts, id)[1:5], '>') AS path FROM events GROUP BY customer_id) GROUP BY path ORDER BY n DESC LIMIT 10`,
          ),
        );
    }
    await engine.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  const peakMiB = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  console.log(JSON.stringify({ kind, rows, ms: out, peakMiB, check }));
}

function startPostgres(): { settings: string; stop: () => void } {
  const bin = '/usr/lib/postgresql/15/bin';
  const dir = mkdtempSync(join(tmpdir(), 'cx-bench-pg-'));
  execFileSync('chown', ['postgres:postgres', dir]);
  const as = (args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'pipe' });
  as([`${bin}/initdb`, '-D', `${dir}/data`, '-A', 'trust', '-U', 'cx']);
  as([
    `${bin}/pg_ctl`,
    '-D',
    `${dir}/data`,
    '-o',
    `-p 54390 -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=1GB -c work_mem=256MB -c max_parallel_workers_per_gather=2`,
    '-l',
    `${dir}/log`,
    '-w',
    'start',
  ]);
  execFileSync(`${bin}/createdb`, ['-h', '127.0.0.1', '-p', '54390', '-U', 'cx', 'cx']);
  return {
    settings: JSON.stringify({ host: '127.0.0.1', port: 54390, user: 'cx', database: 'cx' }),
    stop: () => {
      as([`${bin}/pg_ctl`, '-D', `${dir}/data`, '-m', 'fast', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  if (process.argv[2] === '--child') return child(process.argv[3] as string, Number(process.argv[4]));
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const rowsList =
    sizes.length > 0
      ? sizes
      : [1_000_000, 10_000_000, ...(process.env.CX_BENCH_LARGE === '1' ? [100_000_000] : [])];
  const kinds = (process.env.CX_BENCH_ENGINES ?? 'in-process,duckdb,chdb,postgres').split(',');
  const pg = kinds.includes('postgres') ? startPostgres() : undefined;
  console.log(
    `load before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (2 cores, shared)`,
  );
  const results: Array<{
    kind: string;
    rows: number;
    ms: Record<string, number>;
    peakMiB: number;
    check: unknown;
  }> = [];
  try {
    for (const rows of rowsList) {
      for (const kind of kinds) {
        if (kind === 'in-process' && rows > 20_000_000) continue; // does not fit comfortably in memory
        if (kind === 'postgres' && rows > 20_000_000 && process.env.CX_BENCH_PG_LARGE !== '1') continue;
        const r = spawnSync(
          process.execPath,
          [...process.execArgv, process.argv[1] as string, '--child', kind, String(rows)],
          {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'inherit'], // progress lines go straight to the log
            env: { ...process.env, ...(pg === undefined ? {} : { CX_BENCH_PG: pg.settings }) },
            maxBuffer: 1 << 24,
          },
        );
        const line = r.stdout.trim().split('\n').at(-1) ?? '';
        if (r.status !== 0 || !line.startsWith('{')) {
          console.log(
            `${kind} ${rows}: failed (exit ${r.status}, signal ${r.signal}; its stderr is above)\n${r.stdout}`,
          );
          continue;
        }
        const result = JSON.parse(line);
        results.push(result);
        const ms = result.ms as Partial<Record<string, number>>;
        const time = (k: string) => {
          const t = ms[k];
          return t === undefined ? '' : `  ${k} ${t < 0 ? 'refused' : `${(t / 1000).toFixed(1)} s`}`;
        };
        const vs = (k: string) => {
          const lib = ms[k];
          const ref = ms[`${k}Ref`];
          return lib === undefined || ref === undefined
            ? ''
            : `  ${k} ${ref < 0 ? 'refused by the engine' : `${(ref / 1000).toFixed(1)} s (library ${(lib / ref).toFixed(2)}×)`}`;
        };
        const refs = ['retention', 'funnel', 'paths'].map(vs).join('');
        console.log(
          `${kind.padEnd(10)} ${String(rows).padStart(10)}${ms.load === undefined ? '  tables reused' : time('load')}${METRICS.map(time).join('')}  peak RSS ${result.peakMiB.toFixed(0)} MiB  ${JSON.stringify(result.check)}${refs === '' ? '' : `\n${''.padEnd(22)}hand-written DuckDB:${refs}`}`,
        );
      }
    }
  } finally {
    pg?.stop();
  }
  console.log(
    `load after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  for (const rows of rowsList) {
    const base = results.find((r) => r.kind === 'in-process' && r.rows === rows);
    if (base === undefined) continue;
    for (const r of results.filter((x) => x.rows === rows && x.kind !== 'in-process')) {
      const ratio = (k: string) =>
        r.ms[k] === undefined ? '' : `  ${k} ${((r.ms[k] as number) / (base.ms[k] as number)).toFixed(2)}×`;
      console.log(`${r.kind} / in-process at ${rows}:${METRICS.map(ratio).join('')}`);
    }
  }
}

await main();
