// Throughput and memory of @cx/sample-data: streams 1M and 10M interactions (each size in a fresh process, so
// peak RSS is that size's own), plus 1M interactions written to NDJSON and CSV.
// Wall-clock figures depend on machine load; cpuSeconds (user + system) is the process's own work.
// Run: node --conditions=@cx/source --import tsx bench/sample-data.ts   (add --quick for 100k / 1M only)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSampleShop, writeCsv, writeNdjson } from '@cx/sample-data';

interface Row {
  task: string;
  records: number;
  seconds: number;
  cpuSeconds: number;
  recordsPerSecond: number;
  peakRssMiB: number;
  baseRssMiB: number;
}

const MiB = 1024 * 1024;

/** Interactions average ~50 per customer; ask for enough customers and stop at exactly `n`. */
function* firstInteractions(n: number) {
  const shop = createSampleShop({ customers: Math.ceil(n / 40), seed: 42 });
  let i = 0;
  for (const e of shop.interactions()) {
    if (i++ >= n) return;
    yield e;
  }
}

async function child(task: string, n: number): Promise<Row> {
  const base = process.memoryUsage().rss;
  let peak = base;
  let count = 0;
  const sample = () => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  };
  const timer = setInterval(sample, 50);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  if (task === 'stream') {
    for (const _ of firstInteractions(n)) {
      if (++count % 100_000 === 0) sample();
    }
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'cx-bench-'));
    try {
      const write = task === 'ndjson' ? writeNdjson : writeCsv;
      count = (await write(firstInteractions(n), join(dir, `out.${task}`))).records;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  sample();
  return {
    task,
    records: count,
    seconds: Math.round(seconds * 100) / 100,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 10_000) / 100,
    recordsPerSecond: Math.round(count / seconds),
    peakRssMiB: Math.round(peak / MiB),
    baseRssMiB: Math.round(base / MiB),
  };
}

async function main(): Promise<void> {
  const [, , role, task, n] = process.argv;
  if (role === '--child') {
    process.stdout.write(JSON.stringify(await child(task!, Number(n))));
    return;
  }
  const quick = process.argv.includes('--quick');
  const plan: Array<[string, number]> = quick
    ? [
        ['stream', 100_000],
        ['stream', 1_000_000],
        ['ndjson', 100_000],
        ['csv', 100_000],
      ]
    : [
        ['stream', 1_000_000],
        ['stream', 10_000_000],
        ['ndjson', 1_000_000],
        ['csv', 1_000_000],
      ];
  const rows: Row[] = [];
  for (const [task, size] of plan) {
    const out = execFileSync(
      process.execPath,
      [
        '--conditions=@cx/source',
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--child',
        task,
        String(size),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    rows.push(JSON.parse(out) as Row);
  }
  console.table(rows);
  const streams = rows.filter((r) => r.task === 'stream');
  if (streams.length === 2) {
    const [small, large] = streams as [Row, Row];
    console.log(
      `records ×${large.records / small.records}: peak RSS ×${(large.peakRssMiB / small.peakRssMiB).toFixed(2)} ` +
        `(flat memory means close to 1), throughput ×${(large.recordsPerSecond / small.recordsPerSecond).toFixed(2)}`,
    );
  }
}

await main();
