// Streaming file sources of @cx/connectors: read a 100 MB and a 1 GB NDJSON file (and CSV) through the full sync
// pipeline (@cx/ingest's CSV tokenizer or NDJSON reader, mapping, zod validation, dedup, checkpoints), reporting
// MB/s and peak memory. Each read runs in a fresh child process so that its peak RSS is its own; memory must not
// grow with file size.
//
// Run: node --conditions=@cx/source --expose-gc --import tsx bench/connectors-files.ts
// Options (env): CX_BENCH_CONNECTORS_SIZES_MB (default "100,1000"), CX_BENCH_CONNECTORS_FORMATS (default
// "ndjson,csv"; add "ndjson-raw" for the floor: lines and JSON.parse only).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvSource, ndjsonSource, readLines, type Source, sync } from '@cx/connectors';
import { writeCsv, writeNdjson } from '@cx/sample-data';

const MB = 1_000_000;
const mib = (bytes: number) => bytes / 2 ** 20;
const EVENTS = ['page_view', 'product_viewed', 'add_to_cart', 'checkout_started', 'order_completed'];

/** Synthetic interaction rows in time order, about 200 bytes each, until `bytes` are reached. */
function* rows(bytes: number): Generator<Record<string, string | number>> {
  const t0 = Date.parse('2024-01-01T00:00:00Z');
  let written = 0;
  for (let i = 0; written < bytes; i++) {
    const row = {
      event_id: `evt-${i.toString(36).padStart(8, '0')}`,
      anonymous_id: `anon-${(i * 7919) % 250_000}`,
      ts: new Date(t0 + i * 500).toISOString(),
      event: EVENTS[i % EVENTS.length] as string,
      page: `https://shop.example/p/${i % 5000}`,
      utm_source: i % 3 === 0 ? 'newsletter' : 'google',
      price: (i % 997) / 10,
    };
    written += 150 + row.page.length;
    yield row;
  }
}

function makeSource(format: string, file: string): Source {
  const options = {
    input: { path: file },
    mapping: {
      kind: 'interaction' as const,
      fields: {
        id: 'event_id',
        anonymousId: 'anonymous_id',
        timestamp: 'ts',
        name: 'event',
        touchpointId: 'page',
        channel: { value: 'web' },
      },
      properties: 'rest' as const,
    },
    ordered: true,
  };
  return format === 'csv' ? csvSource(options) : ndjsonSource(options);
}

async function readOne(format: string, file: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  gc();
  const started = performance.now();
  let records = 0;
  let checkpoints = 0;
  let peakHeap = 0;
  if (format === 'ndjson-raw') {
    // the reading floor: lines + JSON.parse only, no mapping, validation or dedup
    for await (const { text } of readLines(file)) {
      JSON.parse(text);
      records++;
      if ((records & 0xffff) === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
  } else {
    for await (const item of sync(makeSource(format, file))) {
      if (item.type === 'record') {
        records++;
        if ((records & 0xffff) === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      } else checkpoints++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const size = statSync(file).size;
  process.stdout.write(
    JSON.stringify({
      format,
      mb: size / MB,
      records,
      checkpoints,
      seconds,
      mbPerSecond: size / MB / seconds,
      recordsPerSecond: records / seconds,
      peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
      peakHeapMiB: mib(peakHeap),
    }),
  );
}

async function main(): Promise<void> {
  const sizes = (process.env.CX_BENCH_CONNECTORS_SIZES_MB ?? '100,1000').split(',').map(Number);
  const formats = (process.env.CX_BENCH_CONNECTORS_FORMATS ?? 'ndjson,csv').split(',');
  const dir = mkdtempSync(join(tmpdir(), 'cx-bench-connectors-'));
  const results: Array<Record<string, number | string>> = [];
  try {
    for (const format of formats) {
      for (const size of sizes) {
        const file = join(dir, `events-${size}.${format === 'csv' ? 'csv' : 'ndjson'}`);
        const t = performance.now();
        if (format === 'csv') await writeCsv(rows(size * MB), file);
        else if (format === 'ndjson-raw') await writeNdjson(rows(size * MB), file);
        else await writeNdjson(rows(size * MB), file);
        console.error(
          `wrote ${file} (${(statSync(file).size / MB).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
        );
        const out = execFileSync(
          process.execPath,
          [
            '--conditions=@cx/source',
            '--expose-gc',
            '--import',
            'tsx',
            fileURLToPath(import.meta.url),
            '--read',
            format,
            file,
          ],
          { encoding: 'utf8', maxBuffer: 1 << 20 },
        );
        const result = JSON.parse(out) as Record<string, number | string>;
        results.push(result);
        console.error(JSON.stringify(result));
        rmSync(file);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('| format | file | records | time | MB/s | records/s | peak RSS | peak heap |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const n = (k: string) => Number(r[k]);
    console.log(
      `| ${r.format} | ${n('mb').toFixed(0)} MB | ${n('records').toLocaleString('en-US')} | ${n('seconds').toFixed(1)} s | ${n('mbPerSecond').toFixed(1)} | ${Math.round(n('recordsPerSecond')).toLocaleString('en-US')} | ${n('peakRssMiB').toFixed(0)} MiB | ${n('peakHeapMiB').toFixed(0)} MiB |`,
    );
  }
}

const at = process.argv.indexOf('--read');
if (at >= 0) await readOne(process.argv[at + 1] as string, process.argv[at + 2] as string);
else await main();
