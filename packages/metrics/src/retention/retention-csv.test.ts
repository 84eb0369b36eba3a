// cohortRetentionCsv: the reduced path (chunks reduced in the reader's workers, merged per actor on the calling
// thread) gives the one-thread accumulator's matrix and errors, and cohortRetention's matrix on the file's columns.
// Workers start slowly from the TypeScript sources (tsx), hence few runs and long timeouts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReducedChunk, reduceColumns } from '@cx/ingest';
import {
  CxError,
  CxLimitError,
  CxOptionsError,
  type CxValidationError,
  epochMsToInstant,
  instantToEpochMs,
} from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interactionCsvMapping } from '../columnar/csv-stream.js';
import { readInteractionColumnsCsv } from '../columnar/read-csv.js';
import { CohortRetentionAccumulator } from './accumulator.js';
import { ChunkMerge } from './chunk-merge.js';
import type { RetentionChunk } from './chunk-reducer.js';
import { cohortRetention } from './cohort-retention.js';
import { planRetention } from './normalize.js';
import type { CohortRetentionOptions } from './options.js';
import { cohortRetentionCsv } from './retention-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-retention-csv-'));
let files = 0;
const write = (text: string): string => {
  const path = join(dir, `r${files++}.csv`);
  writeFileSync(path, text);
  return path;
};

const BASE = instantToEpochMs('2026-01-01T00:00:00Z');
const DAY = 86_400_000;
const HEADER = 'customerId,anonymousId,timestamp,name,channel,note';

interface Row {
  readonly actor: number;
  readonly anonymous: boolean;
  readonly time: number;
  readonly name: string;
  readonly channel: string;
  readonly note: string;
}

/**
 * A file of `rows`: each actor's events get its times in ascending order, in the order its rows come (actors
 * interleaved, so the file is not in time order). Skipped notes hold quoted commas, quotes and line breaks.
 */
function csv(rows: readonly Row[], extra: { bad?: number; swap?: number } = {}): string {
  const times = new Map<number, number[]>();
  for (const r of rows) {
    const list = times.get(r.actor) ?? [];
    list.push(r.time);
    times.set(r.actor, list);
  }
  for (const list of times.values()) list.sort((a, b) => a - b);
  const next = new Map<number, number>();
  const lines = rows.map((r, i) => {
    const k = next.get(r.actor) ?? 0;
    next.set(r.actor, k + 1);
    const list = times.get(r.actor) as number[];
    // `swap`: this row takes its actor's last time (later rows of the actor are then earlier: out of order).
    const t = i === extra.swap ? (list[list.length - 1] as number) : (list[k] as number);
    const at = i === extra.bad ? 'soon' : epochMsToInstant(t);
    const id = `c${r.actor}`;
    const note = `"${r.note.replaceAll('"', '""')}"`;
    return [
      r.anonymous ? '' : id,
      r.anonymous ? `${r.actor % 3 === 0 ? id : `a${r.actor}`}` : '',
      at,
      r.name,
      r.channel,
      note,
    ].join(',');
  });
  return `${HEADER}\n${lines.join('\n')}\n`;
}

const row = fc.record({
  actor: fc.integer({ min: 0, max: 25 }),
  anonymous: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
  time: fc.integer({ min: BASE, max: BASE + 75 * DAY }),
  name: fc.constantFrom('signup', 'open', 'buy'),
  channel: fc.constantFrom('web', 'email', 'bogus-channel'),
  note: fc.constantFrom(
    '',
    'x'.repeat(120),
    'a, "quoted"\nline, break',
    `${'y'.repeat(60)}\r\n${'z'.repeat(40)}`,
  ),
});

const options = fc
  .record({
    interval: fc.constantFrom('day', 'week', 'month'),
    periods: fc.integer({ min: 0, max: 5 }),
    cohortType: fc.constantFrom('first-time', 'first-ever'),
    timeZone: fc.constantFrom('UTC', 'Europe/Warsaw', 'America/New_York'),
    retention: fc.constantFrom('on', 'on-or-after'),
    startEvent: fc.constantFrom(
      undefined,
      { name: 'signup' },
      { name: 'signup' },
      { name: 'signup', channel: 'web' },
    ),
    returnEvent: fc.constantFrom(undefined, { name: 'open' }, { name: 'open' }, { channel: 'email' }),
    from: fc.constantFrom(undefined, '2026-01-20T00:00:00Z'),
    to: fc.constantFrom(undefined, '2026-03-01T00:00:00Z'),
    maxPeriods: fc.constantFrom(undefined, 10_000, 40),
  })
  .map((o) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
    return out as unknown as CohortRetentionOptions;
  });

/** The outcome of a call: its matrix, or its error's class and first issue. */
async function outcome<T>(run: () => Promise<T>): Promise<T | { error: string; first: unknown }> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof CxError)) throw error;
    // A validation error's first issue, or where a limit error says it was exceeded.
    const first =
      error instanceof CxLimitError
        ? { path: error.path, line: error.line, source: error.source }
        : (error as CxValidationError).issues?.[0];
    return { error: error.constructor.name, first };
  }
}

/** The one-thread reference: the stream into the accumulator (`cohortRetentionCsv` with `workers: 0` is that). */
async function accumulated(path: string, o: CohortRetentionOptions) {
  return outcome(async () => {
    const { streamInteractionCsv } = await import('../columnar/csv-stream.js');
    const acc = new CohortRetentionAccumulator(o);
    // The dimensions the matchers use, as cohortRetentionCsv reads them (the others are not required).
    const used = (['name', 'channel'] as const).filter(
      (d) => o.startEvent?.[d] !== undefined || o.returnEvent?.[d] !== undefined,
    );
    const stream = streamInteractionCsv(path, { chunkBytes: 1024, dimensions: used });
    for await (const batch of stream) acc.addBatch(batch, stream);
    return acc.result();
  });
}

describe('cohortRetentionCsv', () => {
  it('equals the one-thread accumulator and cohortRetention on the columns, with 0, 1 and 2 workers (property)', async () => {
    let reduced = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 400, size: 'large' }),
        options,
        async (rows, o) => {
          const path = write(csv(rows));
          const reference = await accumulated(path, o);
          if (!('error' in reference)) {
            reduced++;
            const columns = await readInteractionColumnsCsv(path, {
              dimensions: (['name', 'channel'] as const).filter(
                (d) => o.startEvent?.[d] !== undefined || o.returnEvent?.[d] !== undefined,
              ),
            });
            expect(cohortRetention(columns, o)).toEqual(reference);
          }
          for (const workers of [0, 1, 2]) {
            const got = await outcome(() =>
              cohortRetentionCsv(path, { ...o, workers, read: { chunkBytes: 1024 } }),
            );
            expect(got).toEqual(reference);
          }
        },
      ),
      { numRuns: 20 },
    );
    expect(reduced).toBeGreaterThan(0);
  }, 600_000);

  it('gives the one-thread error of a rejected row and of an event out of order, at the same row (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 40, maxLength: 400 }),
        fc.nat(),
        fc.boolean(),
        async (rows, at, rejected) => {
          const k = at % rows.length;
          const path = write(csv(rows, rejected ? { bad: k } : { swap: k }));
          const o: CohortRetentionOptions = { interval: 'week', periods: 3 };
          const reference = await accumulated(path, o);
          if (rejected) expect(reference).toMatchObject({ error: 'CxValidationError' });
          for (const workers of [1, 2]) {
            const got = await outcome(() =>
              cohortRetentionCsv(path, { ...o, workers, read: { chunkBytes: 1024 } }),
            );
            expect(got).toEqual(reference);
          }
        },
      ),
      { numRuns: 10 },
    );
  }, 600_000);

  it('takes a customer id and an anonymous id with the same text as one actor within a chunk', async () => {
    // The one-thread stream knows an actor by its customerId, else its anonymousId, by text: `c2` below is one actor
    // whichever column names it. Each file is one chunk, so only the reducer can tell the two apart (it did: an entry
    // per column, so the order check and the start ran per column, and a property run failed about once in 150).
    const unsortedFile = write(
      `${HEADER}\n,c1,2026-01-10T00:00:00Z,open,web,\nc1,,2026-01-05T00:00:00Z,open,web,\nc3,,2026-01-06T00:00:00Z,open,web,\n`,
    );
    const o: CohortRetentionOptions = { interval: 'month', periods: 1 };
    const reference = await accumulated(unsortedFile, o);
    // By hand: row 1 (c1 by its customer id) is earlier than row 0 (c1 by its anonymous id).
    expect(reference).toMatchObject({ error: 'CxValidationError', first: { path: [1, 'timestamp'] } });
    const startFile = write(
      `${HEADER}\n,c2,2026-01-20T00:00:00Z,open,web,\nc2,,2026-01-25T00:00:00Z,signup,web,\n,c2,2026-02-03T00:00:00Z,signup,web,\n`,
    );
    const started: CohortRetentionOptions = { interval: 'month', periods: 1, startEvent: { name: 'signup' } };
    const matrix = await accumulated(startFile, started);
    // By hand: c2 starts on 25 January (row 1) and comes back on 3 February: January's cohort, 1 of 1 retained.
    expect(matrix).toMatchObject({ cohorts: [{ period: '2026-01', size: 1, counts: [1, 1] }] });
    for (const workers of [1, 2]) {
      expect(await outcome(() => cohortRetentionCsv(unsortedFile, { ...o, workers }))).toEqual(reference);
      expect(await cohortRetentionCsv(startFile, { ...started, workers })).toEqual(matrix);
    }
  }, 120_000);

  it('gives the one-thread errors and matrix when a worker is slow or a chunk fails (test hook)', async () => {
    // 1,500 rows over about 12 chunks of 8 KiB; an event out of order (or a rejected row) at one of several rows.
    // The hook in @cx/ingest's pool delays a worker's answers (the other worker takes the next chunks: the chunks go
    // to the workers in another order) or fails a chunk (the calling thread reads on from it, with the file's rows
    // and lines).
    const HOOK = Symbol.for('@cx/ingest.columnsTestHook');
    type Hook = (chunk: number, worker: number) => 'fail' | number | undefined;
    const hooks = globalThis as Record<symbol, Hook | undefined>;
    const rows = (swap: number, bad: number): string => {
      const lines = Array.from({ length: 1_500 }, (_, i) => {
        const actor = (i * 37) % 120;
        let t = BASE + i * 3_600_000;
        if (i === swap) t += 400 * 3_600_000;
        const at = i === bad ? 'soon' : epochMsToInstant(t);
        return actor % 4 === 0 ? `,c${actor},${at},open,web,` : `c${actor},,${at},open,web,"a, ""b"""`;
      });
      return `${HEADER}\n${lines.join('\n')}\n`;
    };
    const cases = [
      write(rows(-1, -1)),
      write(rows(100, -1)),
      write(rows(700, -1)),
      write(rows(1_300, -1)),
      write(rows(-1, 650)),
      write(rows(900, 1_200)),
    ];
    const variants: Hook[] = [
      (_c, w) => (w === 0 ? 25 : undefined),
      (_c, w) => (w === 1 ? 25 : undefined),
      (c) => (c === 0 ? 'fail' : undefined),
      (c) => (c === 3 ? 'fail' : undefined),
      (c) => (c === 6 ? 'fail' : undefined),
      (c, w) => ((c * 7 + w * 3) % 5) * 5,
    ];
    const o: CohortRetentionOptions = { interval: 'week', periods: 3 };
    let errors = 0;
    for (const path of cases) {
      const reference = await accumulated(path, o);
      if ('error' in reference) errors++;
      for (const variant of variants) {
        hooks[HOOK] = variant;
        try {
          const got = await outcome(() =>
            cohortRetentionCsv(path, { ...o, workers: 2, read: { chunkBytes: 1024 } }),
          );
          expect(got).toEqual(reference);
        } finally {
          hooks[HOOK] = undefined;
        }
      }
    }
    expect(errors).toBe(5);
  }, 300_000);

  it('reads a file of many chunks with actors spread over all of them', async () => {
    // 30,000 rows of 400 actors in time order over a year: each actor has events in most of the 8 KiB chunks.
    const lines = Array.from({ length: 30_000 }, (_, i) => {
      const t = epochMsToInstant(BASE + i * 1_000_000);
      const name = i % 7 === 0 ? 'signup' : 'open';
      return `c${(i * 7919) % 400},,${t},${name},web,`;
    });
    const path = write(`${HEADER}\n${lines.join('\n')}\n`);
    for (const o of [
      { interval: 'month', periods: 6 },
      { interval: 'week', periods: 8, startEvent: { name: 'signup' }, returnEvent: { name: 'open' } },
    ] as CohortRetentionOptions[]) {
      const reference = await accumulated(path, o);
      expect(reference).not.toHaveProperty('error');
      for (const workers of [1, 2])
        expect(await cohortRetentionCsv(path, { ...o, workers, read: { chunkBytes: 1024 } })).toEqual(
          reference,
        );
    }
  }, 300_000);

  it('takes an actor first met in a later chunk as new, whatever its times (events before 1970)', async () => {
    // The merge keeps no time for an actor it has not met (a state bit, not a last time of 0 or -Infinity): an
    // actor whose first events come in a later chunk, at times before 1970-01-01 (negative epoch milliseconds),
    // is not out of order. 3,000 rows of 40 actors around the epoch, then actors c100… first met near the end.
    const EPOCH = 0;
    const lines = Array.from({ length: 3_000 }, (_, i) => {
      const late = i >= 2_400;
      const actor = late ? 100 + (i % 30) : i % 40;
      const t = epochMsToInstant(EPOCH - 60 * DAY + (late ? i - 2_400 : i) * 3_000_000);
      return `c${actor},,${t},${i % 5 === 0 ? 'signup' : 'open'},web,`;
    });
    const path = write(`${HEADER}\n${lines.join('\n')}\n`);
    const o: CohortRetentionOptions = { interval: 'month', periods: 3 };
    const reference = await accumulated(path, o);
    expect(reference).not.toHaveProperty('error');
    for (const workers of [1, 2])
      expect(await cohortRetentionCsv(path, { ...o, workers, read: { chunkBytes: 1024 } })).toEqual(
        reference,
      );
  }, 300_000);

  it('falls back to the stream and the accumulator for options that are not reduced per chunk', async () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => {
      const t = epochMsToInstant(BASE + i * 3_000_000);
      return `c${i % 37},,${t},${i % 3 === 0 ? 'signup' : 'open'},web,${i % 5}`;
    });
    const path = write(`customerId,anonymousId,timestamp,name,channel,revenue\n${lines.join('\n')}\n`);
    for (const o of [
      { interval: 'week', window: 'rolling' },
      { interval: 'week', minimumOccurrences: 2 },
    ] as CohortRetentionOptions[]) {
      const reference = await accumulated(path, o);
      expect(await cohortRetentionCsv(path, { ...o, workers: 2 })).toEqual(reference);
    }
    const acc = new CohortRetentionAccumulator({ interval: 'week' });
    const { streamInteractionCsv } = await import('../columnar/csv-stream.js');
    const stream = streamInteractionCsv(path, { dimensions: [], dedupe: true, columns: { id: 'revenue' } });
    for await (const batch of stream) acc.addBatch(batch, stream);
    expect(
      await cohortRetentionCsv(path, {
        interval: 'week',
        workers: 2,
        read: { dedupe: true, columns: { id: 'revenue' } },
      }),
    ).toEqual(acc.result());
  }, 300_000);

  it('rejects bad options synchronously: unknown keys, workers out of range, recurring cohorts, bad read options', () => {
    const path = write(`${HEADER}\nc1,,2026-01-01T00:00:00Z,open,web,\n`);
    // Checked synchronously, before the file is read.
    for (const bad of [
      { interval: 'month', bogus: 1 },
      { interval: 'month', workers: -1 },
      { interval: 'month', workers: 17 },
      { interval: 'month', read: { chunkBytes: 10 } },
      { interval: 'month', read: { colums: {} } },
      { interval: 'month', workers: 2, cohortType: 'recurring' },
      { interval: 'month', read: { delimiter: '"' } },
      { interval: 'month', read: { delimiter: ';;' } },
      null,
    ])
      expect(() => cohortRetentionCsv(path, bad as never)).toThrow(CxOptionsError);
  });

  it('throws the span error of the first start beyond maxPeriods, as the accumulator', async () => {
    const lines = Array.from(
      { length: 3_000 },
      (_, i) => `c${i},,${epochMsToInstant(BASE + i * DAY)},open,web,`,
    );
    const path = write(`${HEADER}\n${lines.join('\n')}\n`);
    const o: CohortRetentionOptions = { interval: 'day', maxPeriods: 1_000 };
    const reference = await accumulated(path, o);
    // By hand: c0 … c1000 start on days 0 … 1000, and the start of c1000 (data row 1000, line 1002 after the
    // header) makes the cohorts span 1,001 days, one more than maxPeriods.
    expect(reference).toMatchObject({
      error: CxLimitError.name,
      first: { path: [1000, 'timestamp'], line: 1002, source: path },
    });
    for (const workers of [0, 1, 2])
      expect(
        await outcome(() => cohortRetentionCsv(path, { ...o, workers, read: { chunkBytes: 1024 } })),
      ).toEqual(reference);
  }, 120_000);

  it('fails when a chunk is dropped or merged twice (chunks must tile the file)', async () => {
    const lines = Array.from(
      { length: 6_000 },
      (_, i) => `c${(i * 31) % 500},,${epochMsToInstant(BASE + i * 600_000)},open,web,`,
    );
    const path = write(`${HEADER}\n${lines.join('\n')}\n`);
    const o: CohortRetentionOptions = { interval: 'week', periods: 4 };
    const { mapping, read } = await interactionCsvMapping(path, { dimensions: [] }, ',', 1024);
    const stream = reduceColumns<RetentionChunk>(
      { path },
      {
        format: 'csv',
        chunkBytes: 1024,
        mapping,
        fields: read,
        workers: 2,
        reducer: { module: new URL('./chunk-reducer.ts', import.meta.url).href, options: { retention: o } },
      },
    );
    const chunks: Array<ReducedChunk<RetentionChunk>> = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(5);
    const merged = (list: Array<ReducedChunk<RetentionChunk>>) => {
      const merge = new ChunkMerge(planRetention(o, 'test'));
      for (const chunk of list) merge.add(chunk, (f) => stream.dictionary(f));
      return merge.matrix(stream.summary.rowsIn);
    };
    expect(merged(chunks)).toEqual(await accumulated(path, o));
    for (const k of [0, 3, chunks.length - 1]) {
      expect(() => merged(chunks.filter((_, j) => j !== k))).toThrow(/dropped/);
      expect(() => merged(chunks.flatMap((c, j) => (j === k ? [c, c] : [c])))).toThrow(
        /dropped or repeated|dropped/,
      );
    }
  }, 120_000);
});

describe('cohortRetentionCsv: the line of an event out of order', () => {
  // Lines counted by hand: line 1 is the header; the note of c1's first row holds a line break, so its row takes
  // lines 2–3; then line 4 (c2), 5 (c1, later), and N filler rows of c2 on lines 6 to 5 + N; c1's event on line
  // 6 + N is earlier than its event of line 5. Its data row (0-based) is 3 + N: the rows of lines 2–3, 4, 5 and the
  // fillers come before it. With N = 400 (about 14 KB) and 1 KiB steps, a worker's chunk (8 steps) ends before it:
  // the merge finds it against the previous chunks.
  const text = (n: number): string =>
    [
      HEADER,
      'c1,,2026-01-05T00:00:00Z,open,web,"two',
      'lines"',
      'c2,,2026-01-01T00:00:00Z,open,web,',
      'c1,,2026-02-01T00:00:00Z,open,web,',
      ...Array.from(
        { length: n },
        (_, k) => `c2,,2026-01-01T${String(k % 24).padStart(2, '0')}:00:00Z,open,web,x`,
      ).sort(),
      'c1,,2026-01-20T00:00:00Z,open,web,',
    ].join('\n');
  it.each([
    { n: 60, workers: 0, chunkBytes: 1024, window: 'calendar' },
    { n: 60, workers: 2, chunkBytes: 1024, window: 'calendar' },
    { n: 400, workers: 0, chunkBytes: 1024, window: 'calendar' },
    { n: 400, workers: 1, chunkBytes: 1024, window: 'calendar' },
    { n: 400, workers: 2, chunkBytes: 1024, window: 'calendar' },
    { n: 400, workers: 2, chunkBytes: 1 << 20, window: 'calendar' },
    { n: 400, workers: 0, chunkBytes: 1024, window: 'rolling' },
    { n: 400, workers: 1, chunkBytes: 1024, window: 'rolling' },
    { n: 400, workers: 2, chunkBytes: 1024, window: 'rolling' },
  ] as const)(
    'names its line and the file ($n fillers, workers $workers, chunkBytes $chunkBytes, window $window)',
    async ({ n, workers, chunkBytes, window }) => {
      const path = write(text(n));
      // A rolling window is not reduced per chunk: it reads the stream into the accumulator, which names the event
      // by its batch's `firstRow` (with workers, a chunk gives several batches).
      const error = await cohortRetentionCsv(path, {
        interval: 'month',
        window,
        workers,
        read: { chunkBytes },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CxError);
      const issue = (error as CxValidationError).issues[0];
      expect(issue).toMatchObject({
        code: 'unsorted_events',
        path: [3 + n, 'timestamp'],
        line: 6 + n,
        source: path,
      });
      expect((error as Error).message).toContain(`${path}:${6 + n} `);
    },
    60_000,
  );
});
