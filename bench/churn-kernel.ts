// Development harness for the churn-with-revenue kernel (issue 20): the bench's 1 M subscriptions prepared once,
// then `churnSeries` called many times on the prepared table; prints the best wall and CPU time per call of each
// variant, with the load. Not a benchmark against DuckDB (bench/retention.ts is): a profile target.
// Run: node --conditions=@cx/source --expose-gc --import tsx bench/churn-kernel.ts [calls]
import { churnSeries, prepareSubscriptions } from '@cx/metrics';
import { loadavg } from './measure.js';
import { generateSubscriptions } from './subscriptions.js';

const n = Number(process.env.CX_BENCH_SUBSCRIPTIONS ?? 1_000_000);
const calls = Number(process.argv[2] ?? 40);
const only = process.env.CX_ONLY;

const options = {
  interval: 'month',
  from: '2024-01-01T00:00:00Z',
  to: '2026-01-01T00:00:00Z',
  asOf: '2026-01-01T00:00:00Z',
} as const;
let t0 = performance.now();
const table = prepareSubscriptions(generateSubscriptions(n));
console.log(`prepared ${n.toLocaleString('en')} subscriptions in ${Math.round(performance.now() - t0)} ms`);

const variants: Array<[string, () => unknown]> = [
  ['all, one thread', () => churnSeries(table, options)],
  ['all, workers 1', () => churnSeries(table, { ...options, workers: 1 })],
  ['customers, one thread', () => churnSeries(table, { ...options, measures: 'customers' })],
  ['customers, workers 1', () => churnSeries(table, { ...options, measures: 'customers', workers: 1 })],
];
const reference = JSON.stringify(churnSeries(table, options));
t0 = performance.now();
for (const [name, run] of variants) {
  if (only !== undefined && !name.includes(only)) continue;
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  let value: unknown;
  for (let i = 0; i < calls; i++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    value = run();
    const w = performance.now() - w0;
    const c = process.cpuUsage(c0);
    wall = Math.min(wall, w);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  const same = name.startsWith('all') ? JSON.stringify(value) === reference : '';
  console.log(
    `${name.padEnd(24)} best wall ${wall.toFixed(1)} ms  best CPU ${cpu.toFixed(1)} ms  ${same === '' ? '' : `same as one thread: ${same}`}  load ${loadavg()}`,
  );
}
