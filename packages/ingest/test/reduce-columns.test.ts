// reduceColumns: each chunk's value, placed with its firstRow, lineShift and dictionary map, gives what readColumns
// gives on one thread; errors of the reducer reach the caller with the file's lines. Workers start slowly from the
// TypeScript sources (tsx), hence few runs and long timeouts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CxOptionsError,
  CxValidationError,
  defineMapping,
  readColumns,
  reduceColumns,
} from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-ingest-reduce-'));
let n = 0;
const file = (text: string): string => {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, text);
  return path;
};
const module = new URL('./reducers/rows-reducer.ts', import.meta.url).href;

const mapping = defineMapping({
  kind: 'interaction',
  timeZone: 'Europe/Warsaw',
  fields: {
    id: { generate: 'line' },
    customerId: 'who',
    timestamp: 'at',
    name: { value: 'x' },
    channel: { value: 'web' },
  },
});
const fields = ['customerId', 'timestamp'];

/** The one-thread read as [line, row, customer, time] rows, with its summary. */
async function oneThread(path: string) {
  const stream = readColumns({ path }, { mapping, fields, chunkBytes: 1024 });
  const rows: unknown[][] = [];
  let firstRow = 0;
  for await (const batch of stream) {
    for (let i = 0; i < batch.length; i++) {
      rows.push([
        batch.line[i],
        stream.dictionary('customerId')[(batch.columns.customerId as Int32Array)[i] as number],
        (batch.columns.timestamp as Float64Array)[i],
      ]);
    }
    firstRow = stream.summary.rowsIn;
  }
  void firstRow;
  return { rows, summary: stream.summary };
}

/** The reduced read placed in the file: rows with file lines and stream values; chunks that ran in a worker. */
async function reduced(
  path: string,
  workers: number,
  chunkBytes = 1024,
  options: { stream?: boolean; keep?: boolean } = {},
) {
  const stream = reduceColumns<{
    rows: Array<[number, number, number]>;
    inWorker: boolean;
    streamed: boolean;
  }>({ path }, { mapping, fields, chunkBytes, workers, reducer: { module, options } });
  const rows: unknown[][] = [];
  let rowsIn = 0;
  let inWorker = 0;
  let streamed = 0;
  for await (const chunk of stream) {
    expect(chunk.firstRow).toBe(rowsIn);
    rowsIn += chunk.rowsIn;
    const map = chunk.toStream('customerId');
    for (const [line, who, at] of chunk.value.rows)
      rows.push([line + chunk.lineShift, stream.dictionary('customerId')[map[who] as number], at]);
    if (chunk.value.inWorker) inWorker++;
    if (chunk.value.streamed) streamed++;
  }
  return { rows, summary: stream.summary, inWorker, streamed };
}

describe('reduceColumns', () => {
  it('places every chunk as one thread reads it: rows, lines, dictionaries, summary (property; 0/1/2 workers)', async () => {
    const row = fc.record({
      who: fc.constantFrom('a', 'b', 'Ćma', 'd,e', 'f"g', ''),
      at: fc.constantFrom('2024-01-01T10:00:00Z', '2024-03-31 02:30', '2024-06-01 12:00', 'soon'),
      note: fc.constantFrom('', 'plain', 'line\nbreak', 'x"y'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 300 }), async (rows) => {
        const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
        const path = file(
          `who,at,note\n${rows.map((r) => [quote(r.who), r.at, quote(r.note)].join(',')).join('\n')}\n`,
        );
        const one = await oneThread(path);
        for (const workers of [0, 1, 2]) {
          for (const stream of [false, true]) {
            const got = await reduced(path, workers, 1024, { stream });
            expect(got.rows).toEqual(one.rows);
            expect(got.summary).toEqual(one.summary);
          }
        }
      }),
      { numRuns: 4 },
    );
  }, 240_000);

  it('runs the reducer in the workers on a file of many chunks', async () => {
    const lines = Array.from(
      { length: 20_000 },
      (_, i) => `c${(i * 7919) % 997},2024-0${1 + (i % 9)}-1${i % 10} 10:00,`,
    );
    const path = file(`who,at,note\n${lines.join('\n')}\n`);
    const one = await oneThread(path);
    const two = await reduced(path, 2, 4096);
    expect(two.rows).toEqual(one.rows);
    expect(two.summary).toEqual(one.summary);
    // 8 × 4 KiB chunks over about 600 KiB: every chunk was reduced in a worker.
    expect(two.inWorker).toBeGreaterThan(10);
  }, 120_000);

  it('reduces batch by batch in the workers with a reducer that streams, the batches reused', async () => {
    const lines = Array.from(
      { length: 20_000 },
      (_, i) => `c${(i * 7919) % 997},2024-0${1 + (i % 9)}-1${i % 10} 10:00,`,
    );
    const path = file(`who,at,note\n${lines.join('\n')}\n`);
    const one = await oneThread(path);
    const streamed = await reduced(path, 2, 4096, { stream: true });
    expect(streamed.rows).toEqual(one.rows);
    expect(streamed.summary).toEqual(one.summary);
    expect(streamed.streamed).toBeGreaterThan(10);
    // A reducer that keeps the batches given to `add` sees them overwritten by the next ones: the workers' readers
    // reuse their arrays when the reducer streams (and only then: the same reducer without `stream` is right).
    const kept = await reduced(path, 2, 4096, { stream: true, keep: true });
    expect(kept.rows).not.toEqual(one.rows);
    expect(kept.rows.length).toBe(one.rows.length);
  }, 120_000);

  it("throws the reducer's typed error with the file's line, from a worker's chunk too", async () => {
    const lines = Array.from(
      { length: 5_000 },
      (_, i) => `${i === 3_210 ? 'boom' : `c${i % 50}`},2024-01-01T10:00:00Z,`,
    );
    const path = file(`who,at,note\n${lines.join('\n')}\n`);
    for (const [workers, streamed] of [
      [0, false],
      [2, false],
      [2, true],
    ] as const) {
      const stream = reduceColumns(
        { path },
        {
          mapping,
          fields,
          chunkBytes: 1024,
          workers,
          reducer: { module, options: { failOn: 'boom', stream: streamed } },
        },
      );
      const error = await (async () => {
        try {
          for await (const _ of stream) void _;
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(CxValidationError);
      // Data row 3,210 is line 3,212 (the header is line 1).
      expect((error as CxValidationError).issues[0]?.line).toBe(3_212);
    }
  }, 120_000);

  it('rejects a reducer that is not { module, options? } and unknown options', () => {
    expect(() => reduceColumns({ text: 'who,at\n' }, { mapping, fields, reducer: { module: '' } })).toThrow(
      CxOptionsError,
    );
    expect(() =>
      reduceColumns({ text: 'who,at\n' }, { mapping, fields, reducer: { module, extra: 1 } as never }),
    ).toThrow(CxOptionsError);
    expect(() =>
      reduceColumns({ text: 'who,at\n' }, { mapping, fields, reducer: { module }, bogus: 1 } as never),
    ).toThrow(CxOptionsError);
    // readColumns' callingThreadReads has no meaning here (each chunk is reduced where it is read): an error, not
    // an option silently ignored.
    expect(() =>
      reduceColumns(
        { path: 'x.csv' },
        { mapping, fields, reducer: { module }, workers: 1, callingThreadReads: true },
      ),
    ).toThrow(/callingThreadReads applies to readColumns only/);
  });
});
