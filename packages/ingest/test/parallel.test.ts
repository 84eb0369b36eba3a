// The parallel column path gives what one thread gives: batches concatenated, dictionaries, dead letters, summary.
// Workers start slowly from the TypeScript sources (each compiles them through tsx), hence few runs and long timeouts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ColumnBatch, type ColumnStream, defineMapping, readColumns } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-ingest-parallel-'));
let n = 0;
const file = (text: string): string => {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, text);
  return path;
};

const mapping = defineMapping({
  kind: 'interaction',
  timeZone: 'Europe/Warsaw',
  fields: {
    id: { generate: 'line' },
    customerId: 'who',
    timestamp: 'at',
    name: 'event',
    channel: { value: 'web' },
  },
  numbers: { revenue: 'revenue' },
});

async function collect(stream: ColumnStream) {
  const rows: unknown[][] = [];
  for await (const batch of stream) {
    for (let i = 0; i < batch.length; i++) {
      rows.push([
        batch.line[i],
        stream.dictionary('customerId')[(batch.columns.customerId as Int32Array)[i] as number],
        (batch.columns.timestamp as Float64Array)[i],
        stream.dictionary('name')[(batch.columns.name as Int32Array)[i] as number],
        (batch.columns['properties.revenue'] as Float64Array)[i],
      ]);
    }
  }
  return {
    rows,
    summary: stream.summary,
    customers: stream.dictionary('customerId'),
    names: stream.dictionary('name'),
  };
}

describe('readColumns with workers', () => {
  it('equals the single-thread read on generated files, quoted line breaks and stray quotes included (property)', async () => {
    const row = fc.record({
      who: fc.constantFrom('a', 'b', 'Ćma', 'd,e', 'f"g', ''),
      at: fc.constantFrom('2024-01-01T10:00:00Z', '2024-03-31 02:30', '2024-06-01 12:00', 'soon'),
      event: fc.constantFrom('visit', 'buy', 'line\nbreak', 'x'.repeat(50)),
      revenue: fc.constantFrom('', '12,50', '1 234,50', '1,234', 'abc'),
      stray: fc.constantFrom('', '', '', 'x"y'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 400 }),
        fc.constantFrom('\n', '\r\n'),
        async (rows, eol) => {
          const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
          const text = `who,at,event,revenue,note${eol}${rows.map((r) => [quote(r.who), r.at, quote(r.event), quote(r.revenue), r.stray].join(',')).join(eol)}${eol}`;
          const path = file(text);
          const one = await collect(readColumns({ path }, { mapping, chunkBytes: 1024 }));
          const two = await collect(readColumns({ path }, { mapping, chunkBytes: 1024, workers: 2 }));
          expect(two).toEqual(one);
          expect(one.summary.rowsIn).toBe(rows.length);
        },
      ),
      { numRuns: 4 },
    );
  }, 240_000);

  it.each([
    [1, false],
    [1, true],
    [2, true],
  ])(
    'with callingThreadReads, the calling thread reads chunks too, to the values of one thread (%i workers, reuseBatches %s)',
    async (workers, reuseBatches) => {
      // Customers met again and new ones, dead letters ('soon'), quoted fields with line breaks: the chunks the calling
      // thread reads (numbered after the workers in the test hook) are merged as a worker's are.
      const lines = Array.from({ length: 6_000 }, (_, i) => {
        const who = i % 5 === 0 ? `late${Math.floor(i / 50)}` : `c${(i * 7919) % 211}`;
        const at = i % 37 === 0 ? 'soon' : `2024-0${1 + (i % 9)}-1${i % 10} 10:00`;
        return `${who},${at},"e${Math.floor(i / 400)}${i % 11 === 0 ? '\nwrapped' : ''}",${i},`;
      });
      const path = file(`who,at,event,revenue,note\n${lines.join('\n')}\n`);
      const one = await collect(readColumns({ path }, { mapping, chunkBytes: 1024, keepDeadLetters: 1000 }));
      const readers = new Map<number, number>();
      const hooks = globalThis as Record<symbol, unknown>;
      hooks[Symbol.for('@cx/ingest.columnsTestHook')] = (_chunk: number, reader: number) => {
        readers.set(reader, (readers.get(reader) ?? 0) + 1);
      };
      try {
        const stream = readColumns(
          { path },
          {
            mapping,
            chunkBytes: 1024,
            keepDeadLetters: 1000,
            workers,
            reuseBatches,
            callingThreadReads: true,
          },
        );
        expect(await collect(stream)).toEqual(one);
      } finally {
        delete hooks[Symbol.for('@cx/ingest.columnsTestHook')];
      }
      // The calling thread (reader number `workers`) read chunks, and so did the workers.
      expect(readers.get(workers) ?? 0).toBeGreaterThan(0);
      expect([...readers.keys()].filter((k) => k < workers).length).toBeGreaterThan(0);
      if (!reuseBatches) {
        // Every batch is the consumer's: kept to the end, each still holds what it held when it came.
        const kept: Array<{ batch: ColumnBatch; copy: number[][] }> = [];
        const snapshot = (batch: ColumnBatch) =>
          [batch.line, ...Object.values(batch.columns)].map((array) => Array.from(array));
        for await (const batch of readColumns(
          { path },
          { mapping, chunkBytes: 1024, workers, callingThreadReads: true },
        ))
          kept.push({ batch, copy: snapshot(batch) });
        expect(kept.length).toBeGreaterThan(20);
        for (const { batch, copy } of kept) expect(snapshot(batch)).toEqual(copy);
      }
    },
    120_000,
  );

  it('rejects a callingThreadReads that is not a boolean', () => {
    expect(() =>
      readColumns(
        { path: 'x.csv' },
        { mapping, workers: 1, callingThreadReads: 'yes' as unknown as boolean },
      ),
    ).toThrow(/callingThreadReads/);
  });

  it('reads a file of many chunks on two workers to the same columns', async () => {
    const lines = Array.from(
      { length: 20_000 },
      (_, i) => `c${i % 997},2024-0${1 + (i % 9)}-1${i % 10} 10:00,e${i % 13},${i},`,
    );
    const path = file(`who,at,event,revenue,note\n${lines.join('\n')}\n`);
    const one = await collect(readColumns({ path }, { mapping, chunkBytes: 4096 }));
    const two = await collect(readColumns({ path }, { mapping, chunkBytes: 4096, workers: 2 }));
    expect(two.rows.length).toBe(20_000);
    expect(two).toEqual(one);
  }, 120_000);

  it("keeps each worker's dictionaries across its chunks: values met again, values new to one worker, dead letters", async () => {
    // Chunks of 8 KiB over 300 KiB: each worker reads about twenty of them. Customers come back across the file (a
    // value known to the merge but new to the other worker), new names keep appearing late, and every 37th row has
    // a bad instant, so dead letters and their lines and rows come from every chunk.
    const lines = Array.from({ length: 6_000 }, (_, i) => {
      const who = i % 5 === 0 ? `late${Math.floor(i / 50)}` : `c${(i * 7919) % 211}`;
      const at = i % 37 === 0 ? 'soon' : `2024-0${1 + (i % 9)}-1${i % 10} 10:00`;
      return `${who},${at},e${Math.floor(i / 400)},${i},`;
    });
    const path = file(`who,at,event,revenue,note\n${lines.join('\n')}\n`);
    const one = await collect(readColumns({ path }, { mapping, chunkBytes: 1024 }));
    const two = await collect(readColumns({ path }, { mapping, chunkBytes: 1024, workers: 2 }));
    expect(one.summary.rejected).toBe(Math.ceil(6_000 / 37));
    expect(two.summary.deadLetters.map((d) => [d.line, d.row])).toEqual(
      Array.from({ length: Math.ceil(6_000 / 37) }, (_, k) => [2 + 37 * k, 37 * k]),
    );
    expect(two).toEqual(one);
  }, 120_000);

  it('with reuseBatches, gives the values of one thread in the same arrays again, batch after batch', async () => {
    // The file of the test above (many 8 KiB chunks, customers met again, dead letters). Each batch is read as it
    // comes (collect), so the values are those of one thread only if no batch is overwritten while it is the
    // consumer's. With reuseBatches, a worker's batch is handed out where the worker wrote it (views on its shared
    // storage, remapped in place), and that storage goes back to the worker for later batches; without, each batch
    // is copied into ordinary arrays of the consumer's own, fresh ones per batch.
    const lines = Array.from({ length: 6_000 }, (_, i) => {
      const who = i % 5 === 0 ? `late${Math.floor(i / 50)}` : `c${(i * 7919) % 211}`;
      const at = i % 37 === 0 ? 'soon' : `2024-0${1 + (i % 9)}-1${i % 10} 10:00`;
      return `${who},${at},e${Math.floor(i / 400)},${i},`;
    });
    const path = file(`who,at,event,revenue,note\n${lines.join('\n')}\n`);
    const one = await collect(readColumns({ path }, { mapping, chunkBytes: 1024 }));
    for (let round = 0; round < 2; round++) {
      const stream = readColumns({ path }, { mapping, chunkBytes: 1024, workers: 2, reuseBatches: true });
      expect(await collect(stream)).toEqual(one);
    }
    for (const reuseBatches of [true, false]) {
      const buffers = new Set<ArrayBufferLike>();
      let batches = 0;
      let shared = 0;
      for await (const batch of readColumns(
        { path },
        { mapping, chunkBytes: 1024, workers: 2, reuseBatches },
      )) {
        expect(batch.line.length).toBe(batch.length);
        for (const array of [batch.line, ...Object.values(batch.columns)]) {
          expect(array.length).toBe(batch.length);
          if (array.buffer instanceof SharedArrayBuffer) shared++;
        }
        buffers.add(batch.line.buffer);
        batches++;
      }
      expect(batches).toBeGreaterThan(50);
      // A worker's first batches (and any that outgrew its storage) reach this thread as copies the message made.
      if (reuseBatches) expect(shared).toBeGreaterThan(4 * batches);
      else expect([buffers.size, shared]).toEqual([batches, 0]);
    }
  }, 120_000);

  it.each([1, 2, 3])(
    'with reuseBatches, keeps each batch as it was until the next is asked for, however slow the consumer (%i workers)',
    async (workers) => {
      // The workers read ahead (three chunks each) while the consumer sleeps on each batch: a batch whose storage
      // went back to its worker before the consumer asked for the next would be written over by a later chunk.
      const lines = Array.from({ length: 4_000 }, (_, i) => {
        const who = i % 7 === 0 ? `new${i}` : `c${(i * 7919) % 101}`;
        return `${who},2024-0${1 + (i % 9)}-1${i % 10} 10:00,e${(i * 31) % 17},${i},`;
      });
      const path = file(`who,at,event,revenue,note\n${lines.join('\n')}\n`);
      const one = await collect(readColumns({ path }, { mapping, chunkBytes: 1024 }));
      const stream = readColumns({ path }, { mapping, chunkBytes: 1024, workers, reuseBatches: true });
      const rows: unknown[][] = [];
      let shared = 0;
      for await (const batch of stream) {
        if (batch.line.buffer instanceof SharedArrayBuffer) shared++;
        const before = Array.from(batch.columns.customerId as Int32Array);
        await new Promise((resolve) => setTimeout(resolve, 3));
        // Read after the pause: the values must still be the batch's.
        expect(Array.from(batch.columns.customerId as Int32Array)).toEqual(before);
        for (let i = 0; i < batch.length; i++)
          rows.push([
            batch.line[i],
            stream.dictionary('customerId')[(batch.columns.customerId as Int32Array)[i] as number],
            (batch.columns.timestamp as Float64Array)[i],
            stream.dictionary('name')[(batch.columns.name as Int32Array)[i] as number],
            (batch.columns['properties.revenue'] as Float64Array)[i],
          ]);
      }
      // The batches came from the workers (views on their storage), not from a fallback on this thread.
      expect(shared).toBeGreaterThan(20);
      expect(rows).toEqual(one.rows);
      expect(stream.summary).toEqual(one.summary);
      expect(stream.dictionary('customerId')).toEqual(one.customers);
    },
    120_000,
  );

  it("copies a chunk's batches out before its worker writes in their storage again (chunks taken late)", async () => {
    // A worker reads on into storage the calling thread gave back. Here every chunk's result is taken 20 ms late,
    // while its worker reads its next chunk: a worker that wrote in storage not yet given back would overwrite
    // batches the calling thread has not copied yet, and the values would differ from one thread's.
    const lines = Array.from({ length: 3_000 }, (_, i) => {
      const who = i % 5 === 0 ? `late${Math.floor(i / 50)}` : `c${(i * 7919) % 211}`;
      return `${who},2024-0${1 + (i % 9)}-1${i % 10} 10:00,e${Math.floor(i / 400)},${i},`;
    });
    const path = file(`who,at,event,revenue,note\n${lines.join('\n')}\n`);
    const one = await collect(readColumns({ path }, { mapping, chunkBytes: 1024 }));
    const hooks = globalThis as Record<symbol, unknown>;
    hooks[Symbol.for('@cx/ingest.columnsTestHook')] = () => 20;
    try {
      for (const reuseBatches of [false, true]) {
        const stream = readColumns({ path }, { mapping, chunkBytes: 1024, workers: 2, reuseBatches });
        expect(await collect(stream)).toEqual(one);
      }
    } finally {
      delete hooks[Symbol.for('@cx/ingest.columnsTestHook')];
    }
  }, 120_000);

  it('keeps its workers between reads: after a read left mid-way, and beside a read running at the same time', async () => {
    // Workers are leased per read and kept afterwards. A read abandoned after its first batch leaves chunks in flight
    // on its workers; their answers come after the next read has leased the same workers and must be ignored (the
    // next read would otherwise take chunks read with another read's dictionaries). Two reads at once lease four.
    const lines = Array.from({ length: 8_000 }, (_, i) => {
      const who = i % 3 === 0 ? `new${i}` : `c${(i * 7919) % 401}`;
      return `${who},2024-0${1 + (i % 9)}-1${i % 10} 10:00,"e${i % 29}, with ""quotes""",${i},`;
    });
    const path = file(`who,at,event,revenue,note\n${lines.join('\n')}\n`);
    const one = await collect(readColumns({ path }, { mapping, chunkBytes: 1024 }));
    expect(one.rows.length).toBe(8_000);
    for (let round = 0; round < 2; round++) {
      const abandoned = readColumns({ path }, { mapping, chunkBytes: 1024, workers: 2 });
      for await (const batch of abandoned) {
        expect(batch.length).toBeGreaterThan(0);
        break;
      }
      expect(await collect(readColumns({ path }, { mapping, chunkBytes: 1024, workers: 2 }))).toEqual(one);
    }
    const [a, b] = await Promise.all([
      collect(readColumns({ path }, { mapping, chunkBytes: 1024, workers: 2 })),
      collect(readColumns({ path }, { mapping, chunkBytes: 2048, workers: 2 })),
    ]);
    expect(a).toEqual(one);
    expect(b).toEqual(one);
  }, 240_000);

  it('reads a record longer than a chunk (chunks with no record of their own)', async () => {
    // 8 KiB chunks and a 40 KiB event name: several chunks lie inside that one line and start no record.
    const lines = Array.from({ length: 600 }, (_, i) =>
      i === 300
        ? `c1,2024-01-01 10:00,${'x'.repeat(40_000)},1,`
        : `c${i % 17},2024-01-0${1 + (i % 9)} 10:00,e${i % 5},${i},`,
    );
    const path = file(`who,at,event,revenue,note\n${lines.join('\n')}\n`);
    const one = await collect(readColumns({ path }, { mapping, chunkBytes: 1024 }));
    const two = await collect(readColumns({ path }, { mapping, chunkBytes: 1024, workers: 2 }));
    expect(one.summary.rowsIn).toBe(600);
    expect(one.summary.rejected).toBe(1); // the 40 KiB name is longer than the schema allows
    expect(two).toEqual(one);
  }, 120_000);

  it('reads the last record of a file that does not end with a line break', async () => {
    const lines = Array.from(
      { length: 2_000 },
      (_, i) => `c${i % 31},2024-02-0${1 + (i % 9)} 10:00,e${i % 7},${i},`,
    );
    for (const eol of ['\n', '\r\n']) {
      const path = file(`who,at,event,revenue,note${eol}${lines.join(eol)}`);
      const one = await collect(readColumns({ path }, { mapping, chunkBytes: 1024 }));
      const two = await collect(readColumns({ path }, { mapping, chunkBytes: 1024, workers: 2 }));
      expect(one.rows.length).toBe(2_000);
      expect(two).toEqual(one);
    }
  }, 120_000);

  it('falls back to one thread when a chunk ends inside a quoted field although its quotes are even', async () => {
    // Chunks of 8 KiB: a stray quote at about 5 KB and a quoted 3,000-byte field of line breaks from about 7 KB, so
    // the first chunk's cut (the first line feed after 8 KiB) lies inside the quoted field and the chunk has two
    // quote bytes. Only the reader knows the cut is inside a record: it held back the open record.
    const plain = (i: number) => `c${i % 13},2024-03-0${1 + (i % 9)} 10:00,e${i % 4},${i},`;
    const rows: string[] = [];
    let bytes = 0;
    for (let i = 0; bytes < 20_000; i++) {
      const row =
        bytes > 5_000 && bytes < 5_100
          ? 'c1,2024-03-01 10:00,e1,1,x"y'
          : bytes > 7_000 && bytes < 7_100
            ? `c2,2024-03-02 10:00,"${'line\n'.repeat(600)}",2,`
            : plain(i);
      rows.push(row);
      bytes += row.length + 1;
    }
    const path = file(`who,at,event,revenue,note\n${rows.join('\n')}\n`);
    const one = await collect(readColumns({ path }, { mapping, chunkBytes: 1024 }));
    const two = await collect(readColumns({ path }, { mapping, chunkBytes: 1024, workers: 2 }));
    expect(one.summary.rowsIn).toBe(rows.length);
    expect(two).toEqual(one);
  }, 120_000);
});
