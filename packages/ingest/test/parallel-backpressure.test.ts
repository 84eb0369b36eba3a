// A slow consumer holds the parallel column path's workers back: the chunks read and not yet taken stay within a
// window (three per worker), so memory is bounded by the chunk size however slowly the batches are consumed.
// Before, a worker was given its next chunk as soon as it answered: with a consumer that stopped, every chunk of
// the file was read and held on the calling thread.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { defineMapping, readColumns } from '../src/index.js';

const HOOK = Symbol.for('@cx/ingest.columnsTestHook');
const hooks = globalThis as Record<symbol, unknown>;
afterEach(() => {
  delete hooks[HOOK];
});

const mapping = defineMapping({
  kind: 'interaction',
  fields: {
    id: { generate: 'line' },
    customerId: 'who',
    timestamp: 'at',
    name: 'event',
    channel: { value: 'web' },
  },
});

describe('readColumns with workers and a slow consumer', () => {
  it('reads at most three chunks per worker ahead of the consumer, then the rest as it is taken', async () => {
    // About 60 chunks: 1 KiB steps (a worker's chunk is 8 steps) over ~480 KB.
    const rows = Array.from({ length: 12_000 }, (_, i) => `c${i % 97},2026-01-01T00:00:00Z,view${i % 5}`);
    const path = join(mkdtempSync(join(tmpdir(), 'cx-backpressure-')), 'f.csv');
    writeFileSync(path, `who,at,event\n${rows.join('\n')}\n`);
    const arrived: number[] = [];
    hooks[HOOK] = (chunk: number) => {
      arrived.push(chunk);
      return undefined;
    };
    const options = { format: 'csv', chunkBytes: 1024, mapping, fields: ['customerId', 'name'] } as const;
    const stream = readColumns({ path }, { ...options, workers: 2 });
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    // The consumer stops: the workers may finish what they were given, and nothing more.
    await sleep(1500);
    const ahead = arrived.length;
    expect(ahead).toBeGreaterThan(1);
    expect(ahead).toBeLessThanOrEqual(1 + 3 * 2);
    let count = (first.value as { length: number }).length;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      count += next.value.length;
    expect(arrived.length).toBeGreaterThan(30);
    expect(count).toBe(12_000);
    expect(stream.summary).toMatchObject({ rowsIn: 12_000, rowsOut: 12_000, rejected: 0 });
  }, 60_000);
});
