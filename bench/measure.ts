// Timing helpers shared by the kernel benchmarks (bench/retention.ts, bench/journey.ts): the machine's load
// beside every figure, a warm-up before a best-of-N, DuckDB formulations checked equal with the faster one kept.
import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** `/proc/loadavg`'s three averages (1, 5, 15 minutes), as text. */
export function loadavg(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}

/** Peak resident set size of the process so far, in bytes. */
export const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
export const ms = (x: number): string => `${Math.round(x).toLocaleString('en')} ms`;
/** `theirs / ours`, the speed-up of ours. */
export const ratio = (theirs: number, ours: number): string => `${(theirs / ours).toFixed(1)}×`;

/**
 * Times `fn` after a full GC. With `settleMs`, waits that long after the GC first: V8 finishes a collection
 * (sweeping) on background threads, which slows a short computation timed right after `gc()`.
 */
export async function time<T>(fn: () => Promise<T> | T, settleMs = 0): Promise<[T, number, number]> {
  gc();
  if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [value, wall, (c.user + c.system) / 1000];
}

/**
 * One warm-up run (`warmUp`), then the best of `runs` timed runs (wall clock), with that run's CPU time of the
 * whole process (every thread: ours, DuckDB's, the reader's workers) and the load average after the last run.
 */
export async function best<T>(
  runs: number,
  fn: () => Promise<T> | T,
  { settleMs = 0, warmUp = true }: { settleMs?: number; warmUp?: boolean } = {},
): Promise<{ value: T; ms: number; cpu: number; load: string }> {
  if (warmUp) await time(fn, settleMs);
  let result: [T, number, number] | undefined;
  for (let i = 0; i < runs; i++) {
    const r = await time(fn, settleMs);
    if (result === undefined || r[1] < result[1]) result = r;
  }
  const [value, t, cpu] = result as [T, number, number];
  return { value, ms: t, cpu, load: loadavg() };
}

export type Rows = Array<Record<string, unknown>>;

/** A query's rows as canonical text (bigints as numbers, rows sorted), for comparing formulations. */
export function canonical(rows: Rows): string {
  return rows
    .map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])))
    .sort()
    .join('\n');
}

export interface Formulation {
  readonly name: string;
  readonly sql: string;
}

export interface FormulationTimes {
  /** Per formulation: best time at `threads`, with the load after it. */
  readonly times: Array<{ name: string; ms: number; cpu: number; load: string }>;
  /** The fastest formulation and its rows. */
  readonly fastest: Formulation;
  readonly rows: Rows;
  readonly ms: number;
  /** Whether every formulation gave the same rows. */
  readonly equal: boolean;
}

/** Runs every formulation on `con` (already set to its thread count): warm-up and best of `runs` each. */
export async function fastestOf(
  con: DuckDBConnection,
  formulations: readonly Formulation[],
  runs: number,
  { settleMs = 0, warmUp = true }: { settleMs?: number; warmUp?: boolean } = {},
): Promise<FormulationTimes> {
  const times: Array<{ name: string; ms: number; cpu: number; load: string }> = [];
  let fastest: { f: Formulation; rows: Rows; ms: number } | undefined;
  let reference: string | undefined;
  let equal = true;
  for (const f of formulations) {
    const r = await best(runs, async () => (await con.runAndReadAll(f.sql)).getRowObjects() as Rows, {
      settleMs,
      warmUp,
    });
    times.push({ name: f.name, ms: r.ms, cpu: r.cpu, load: r.load });
    const text = canonical(r.value);
    if (reference === undefined) reference = text;
    else if (text !== reference) equal = false;
    if (fastest === undefined || r.ms < fastest.ms) fastest = { f, rows: r.value, ms: r.ms };
  }
  if (fastest === undefined) throw new Error('no formulation');
  return { times, fastest: fastest.f, rows: fastest.rows, ms: fastest.ms, equal };
}

/** `name ms (cpu) [load]` for each formulation, the fastest marked. */
export function describeTimes(t: FormulationTimes): string {
  return t.times
    .map(
      (x) =>
        `${x.name} ${ms(x.ms)} (cpu ${ms(x.cpu)})${x.name === t.fastest.name ? ' fastest' : ''} [load ${x.load}]`,
    )
    .join('; ');
}

/** `ms (cpu ms) [load]` of a {@link best} result. */
export const timed = (r: { ms: number; cpu: number; load: string }): string =>
  `${ms(r.ms)} (cpu ${ms(r.cpu)}) [load ${r.load}]`;
