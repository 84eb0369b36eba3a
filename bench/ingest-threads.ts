// Per-thread CPU of a parallel column read, every 500 ms (from /proc/self/task/*/stat): do the workers run
// concurrently the whole time, and how much does the calling thread take? Linux only.
//
// Run: npm run build, then node --import tsx bench/ingest-threads.ts [workers] (default 2), on the file of
// bench/ingest.ts (CX_BENCH_CUSTOMERS as there; generate it with bench/ingest.ts first).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMapping, readColumns } from '@cx/ingest';

const here = dirname(fileURLToPath(import.meta.url));
const customers = Number(process.env.CX_BENCH_CUSTOMERS ?? 200_000);
const csv = join(here, '.data', `interactions-${customers}.csv`);
const workers = Number(process.argv[2] ?? 2);

/** CPU milliseconds of each thread of this process so far (user + system, 10 ms ticks). */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const task of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(task, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

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
const fields = ['customerId', 'anonymousId', 'timestamp', 'name', 'channel', 'touchpointId', 'stageId'];
const before = threadCpu();
let last = before;
const rows: Array<[number, Map<string, number>]> = [];
const t0 = performance.now();
const timer = setInterval(() => {
  const now = threadCpu();
  const delta = new Map<string, number>();
  for (const [task, ms] of now) delta.set(task, ms - (last.get(task) ?? 0));
  last = now;
  rows.push([Math.round(performance.now() - t0), delta]);
}, 500);
const stream = readColumns(
  { path: csv },
  { mapping, fields, chunkBytes: 4 << 20, workers, reuseBatches: true },
);
let n = 0;
for await (const batch of stream) n += batch.length;
const wall = performance.now() - t0;
clearInterval(timer);
const after = threadCpu();
const total = (task: string) => (after.get(task) ?? 0) - (before.get(task) ?? 0);
// Threads that did at least 100 ms of work during the read: the calling thread first.
const main = String(process.pid);
const threads = [...after.keys()]
  .filter((task) => total(task) >= 100)
  .sort((a, b) => (a === main ? -1 : b === main ? 1 : total(b) - total(a)));
const name = (task: string) => (task === main ? 'calling' : `t${task}`);
console.log(`${csv}: ${n.toLocaleString('en')} rows, ${workers} workers, wall ${wall.toFixed(0)} ms`);
console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
console.log(`   ms ${threads.map((t) => name(t).padStart(9)).join('')}   (CPU ms per interval)`);
for (const [ms, delta] of rows)
  console.log(
    `${String(ms).padStart(5)} ${threads.map((t) => String(delta.get(t) ?? 0).padStart(9)).join('')}`,
  );
console.log(`total ${threads.map((t) => String(total(t)).padStart(9)).join('')}`);
