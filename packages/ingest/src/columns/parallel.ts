import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { CsvTokenizer } from '../csv/tokenizer.js';
import type { Mapping } from '../mapping/mapping.js';
import { type DeadLetter, SummaryBuilder } from '../records/dead-letter.js';
import type { ResolvedReadOptions } from '../records/options.js';
import { checkRejected } from '../records/threshold.js';
import { ArrayPool } from './array-pool.js';
import { remapInto, shiftInto } from './batch-copy.js';
import { type ChunkReducerSpec, loadReducer, type ReducedChunk } from './chunk-reducer.js';
import { ChunkReader, type ChunkResult, type ChunkSetup } from './chunk-task.js';
import { GrowableInt32 } from './growable.js';
import type { ColumnBatch, ColumnStream } from './read-columns.js';
import { StringIndex } from './string-index.js';
import { leaseWorkers, releaseWorkers } from './worker-pool.js';

/** The header record of a CSV file: its bytes (terminator included) and where the data starts (internal). */
async function headerOf(
  path: string,
  delimiter: string,
): Promise<{ header: Uint8Array; dataStart: number; lineBreaks: number }> {
  const file = await open(path, 'r');
  try {
    let size = 1 << 16;
    for (;;) {
      const buffer = Buffer.allocUnsafe(size);
      const { bytesRead } = await file.read(buffer, 0, size, 0);
      const bom = bytesRead >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
      const tokenizer = new CsvTokenizer(delimiter.charCodeAt(0));
      tokenizer.reset(buffer, bom, bytesRead, bytesRead < size);
      if (tokenizer.next()) {
        const header = buffer.subarray(bom, tokenizer.consumed);
        let lineBreaks = 0;
        for (let i = 0; i < header.length; i++)
          if (header[i] === 10 || (header[i] === 13 && header[i + 1] !== 10)) lineBreaks++;
        return { header: Uint8Array.from(header), dataStart: tokenizer.consumed, lineBreaks };
      }
      if (bytesRead < size)
        return { header: buffer.subarray(bom, bytesRead), dataStart: bytesRead, lineBreaks: 0 };
      size *= 4;
    }
  } finally {
    await file.close();
  }
}

/**
 * A dictionary merged across chunks in chunk order, so indices are in order of first appearance (internal). Each
 * worker keeps its own dictionary across its chunks and sends only the values new to it; the merge keeps, per
 * worker, a typed map from the worker's indices to the merged ones, and a chunk's column is remapped through it.
 */
class MergedDictionary {
  /** Millions of ids: a {@link StringIndex}, not a `Map` (which cost the calling thread ~0.8 µs an id at 2 M). */
  readonly #index = new StringIndex();
  readonly values: readonly string[] = this.#index.values;
  readonly #maps = new Map<number, GrowableInt32>();
  /**
   * The workers whose map is the identity so far (each value they sent got the merged index it has in theirs): their
   * codes need no remapping. The worker that reads the file's first chunk keeps it for every field whose values all
   * appear there first (event names, channels: a third to a half of the remapping saved on two workers).
   */
  readonly #identity = new Set<number>();

  #add(value: string): number {
    return this.#index.add(value);
  }

  /** Adds the values that `worker` met for the first time in a chunk (the chunk's rows may all be rejected). */
  extend(worker: number, added: readonly string[]): void {
    let map = this.#maps.get(worker);
    if (map === undefined) {
      map = new GrowableInt32(1024);
      this.#maps.set(worker, map);
      this.#identity.add(worker);
    }
    let identity = this.#identity.has(worker);
    for (const value of added) {
      const index = this.#add(value);
      if (index !== map.length) identity = false;
      map.push(index);
    }
    if (!identity) this.#identity.delete(worker);
  }

  /** The map from `worker`'s indices to the merged ones (valid for the values it has sent so far). */
  mapOf(worker: number): Int32Array {
    return this.#maps.get(worker)?.data ?? new Int32Array(0);
  }

  /** Extends `map` (from the indices of the one-thread dictionary `local`) with the values `local` gained. */
  follow(local: readonly string[], map: GrowableInt32): Int32Array {
    for (let i = map.length; i < local.length; i++) map.push(this.#add(local[i] as string));
    return map.data;
  }

  /**
   * Copies `column` of a chunk read by `worker` to `target`, remapped (after {@link MergedDictionary.extend} with the
   * chunk's values).
   */
  copy(worker: number, column: Int32Array, target: Int32Array): void {
    if (this.#identity.has(worker)) target.set(column.subarray(0, target.length));
    else remapInto(column, (this.#maps.get(worker) as GrowableInt32).data, target);
  }

  /** Remaps `column` of a chunk read by `worker` where it lies (after {@link MergedDictionary.extend}). */
  remapInPlace(worker: number, column: Int32Array): void {
    if (!this.#identity.has(worker))
      remapInto(column, (this.#maps.get(worker) as GrowableInt32).data, column);
  }

  /** Remaps `column` read with the whole dictionary `local` (the one-thread fallback). */
  remap(local: readonly string[], column: Int32Array): void {
    remap(
      column,
      Int32Array.from(local, (value) => this.#add(value)),
    );
  }
}

function remap(column: Int32Array, map: Int32Array): void {
  remapInto(column, map, column);
}

/**
 * The chunks of the data area `[dataStart, fileSize)` (internal): of `size` bytes, and the last `4 × size` bytes in
 * chunks of a quarter of that (at least `minimum`), so that the workers finish together: a worker that takes the
 * file's last full chunk while the other has nothing left to do would leave a core idle for a whole chunk's time
 * (the two processors of this machine do not read at the same speed, and chunks are handed out as workers ask).
 */
export function plan(
  dataStart: number,
  fileSize: number,
  size: number,
  minimum = 1 << 13,
): Array<{ index: number; start: number; end: number }> {
  const tasks: Array<{ index: number; start: number; end: number }> = [];
  const tail = Math.max(minimum, Math.floor(size / 4));
  for (let start = dataStart, index = 0; start < fileSize; index++) {
    const step = fileSize - start > 4 * size ? size : tail;
    tasks.push({ index, start, end: Math.min(fileSize, start + step) });
    start += step;
  }
  return tasks;
}

type Outcome =
  | (ChunkResult & { readonly worker: number; readonly reduced?: unknown })
  | { readonly failed: true; readonly index: number };

/**
 * What a test may do to a chunk's outcome as it reaches the calling thread (internal): `'fail'` treats it as a chunk
 * the worker could not read (the calling thread reads on from it), a number delays taking it in (and giving that
 * worker its next chunk) by that many milliseconds, so that another worker takes the next chunks.
 */
export type ColumnsTestHook = (chunk: number, worker: number) => 'fail' | number | undefined;

/** The test hook, if a test set one: `globalThis[Symbol.for('@cx/ingest.columnsTestHook')]` (internal). */
function testHook(): ColumnsTestHook | undefined {
  return (globalThis as Record<symbol, ColumnsTestHook | undefined>)[
    Symbol.for('@cx/ingest.columnsTestHook')
  ];
}

/** Reads of this process so far: each read's messages carry its number (a leased worker may still answer a read
 * that ended). */
let reads = 0;

/** The calling thread's reader of chunks (made when it reads its first) and the storage of its batches (internal). */
interface OwnReader {
  reader: ChunkReader | undefined;
  readonly arrays: ArrayPool;
}

/** Chunks per worker given out and not yet taken by the consumer (in flight, or read and waiting). */
const AHEAD_PER_WORKER = 3;

/**
 * Runs the tasks of one read on leased workers ({@link leaseWorkers}), at most two per worker in flight; results are
 * awaited in task order. A task is given out only while fewer than {@link AHEAD_PER_WORKER} per worker are given out
 * and not yet taken by the consumer, so a slow consumer holds the workers back instead of letting their results pile
 * up: memory stays bounded by the chunk size whatever the consumer does.
 */
class Pool {
  readonly #read = ++reads;
  readonly #workers: Worker[];
  readonly #failed = new Set<Worker>();
  readonly #tasks: ReadonlyArray<{ index: number; start: number; end: number }>;
  readonly #done = new Map<number, Outcome>();
  readonly #waiting = new Map<number, () => void>();
  readonly #listeners: Array<() => void> = [];
  /** Tasks in flight per worker (given out, no answer yet). */
  readonly #inFlight: number[];
  #next = 0;
  /** Outcomes the consumer has taken. */
  #taken = 0;
  readonly #setup: ChunkSetup;
  /**
   * The calling thread's own reader, when it reads chunks too (numbered after the workers, with its own dictionaries
   * across its chunks, as a worker's), and the storage of its batches; `undefined` once a chunk failed there.
   */
  #own: OwnReader | undefined;

  /**
   * @param selfRead - The calling thread reads chunks too, whenever the outcome it waits for is not there yet.
   */
  constructor(
    setup: ChunkSetup,
    tasks: ReadonlyArray<{ index: number; start: number; end: number }>,
    size: number,
    selfRead = false,
  ) {
    this.#tasks = tasks;
    this.#setup = setup;
    if (selfRead) this.#own = { reader: undefined, arrays: new ArrayPool(256) };
    this.#workers = leaseWorkers(size);
    this.#inFlight = this.#workers.map(() => 0);
    this.#workers.forEach((worker, k) => {
      const onMessage = (message: { ok: boolean; read: number; result?: ChunkResult; index?: number }) => {
        if (message.read !== this.#read) return;
        let outcome: Outcome = message.ok
          ? { ...(message.result as ChunkResult & { reduced?: unknown }), worker: k }
          : { failed: true, index: message.index as number };
        const verdict = testHook()?.(outcome.index, k);
        if (verdict === 'fail') outcome = { failed: true, index: outcome.index };
        const take = (): void => {
          this.#inFlight[k] = (this.#inFlight[k] as number) - 1;
          this.#settle(outcome.index, outcome);
          this.#pump();
        };
        if (typeof verdict === 'number') setTimeout(take, verdict);
        else take();
      };
      // A worker that cannot start or crashes: its chunks are read by the fallback on the calling thread.
      const onFailure = () => {
        this.#failed.add(worker);
        for (const task of this.#tasks)
          if (!this.#done.has(task.index)) this.#settle(task.index, { failed: true, index: task.index });
      };
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onFailure);
      this.#listeners.push(() => {
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
      });
      worker.postMessage({ type: 'open', read: this.#read, setup });
    });
    this.#pump();
  }

  #settle(index: number, outcome: Outcome): void {
    if (this.#done.has(index)) return;
    this.#done.set(index, outcome);
    this.#waiting.get(index)?.();
  }

  /** Gives out tasks, each to the working worker with the fewest in flight (at most two), within the window. */
  #pump(): void {
    const window = AHEAD_PER_WORKER * this.#workers.length;
    while (this.#next < this.#tasks.length && this.#next - this.#taken < window) {
      let best = -1;
      this.#workers.forEach((worker, k) => {
        const load = this.#inFlight[k] as number;
        if (load < 2 && !this.#failed.has(worker) && (best < 0 || load < (this.#inFlight[best] as number)))
          best = k;
      });
      if (best < 0) return;
      this.#inFlight[best] = (this.#inFlight[best] as number) + 1;
      (this.#workers[best] as Worker).postMessage({
        type: 'task',
        read: this.#read,
        task: this.#tasks[this.#next++],
      });
    }
  }

  /**
   * The calling thread reads the next task not given out yet, itself (within the window of tasks given out and not
   * taken, one more reader's share): its outcome waits for its turn as a worker's does. Its batches are its own (no
   * message, no shared storage); a chunk that fails here is read again by the fallback, and this thread reads no
   * further chunks.
   */
  async #readOne(): Promise<void> {
    const own = this.#own as OwnReader;
    const task = this.#tasks[this.#next++] as { index: number; start: number; end: number };
    const k = this.#workers.length;
    let outcome: Outcome;
    try {
      own.reader ??= new ChunkReader(this.#setup, own.arrays);
      outcome = { ...(await own.reader.read(task)), worker: k };
    } catch {
      this.#own = undefined;
      outcome = { failed: true, index: task.index };
    }
    if (testHook()?.(task.index, k) === 'fail') outcome = { failed: true, index: task.index };
    this.#settle(task.index, outcome);
  }

  /** Whether reader `k` is the calling thread's own. */
  own(k: number): boolean {
    return k === this.#workers.length;
  }

  async take(index: number): Promise<Outcome> {
    while (
      !this.#done.has(index) &&
      this.#own !== undefined &&
      this.#next < this.#tasks.length &&
      this.#next - this.#taken < AHEAD_PER_WORKER * (this.#workers.length + 1)
    ) {
      await this.#readOne();
      // A turn of the event loop: the workers' answers that came meanwhile are taken in (and they are given their
      // next chunks) before this thread reads another; its read does not let them in (it awaits only promises).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (!this.#done.has(index)) await new Promise<void>((resolve) => this.#waiting.set(index, resolve));
    this.#waiting.delete(index);
    const outcome = this.#done.get(index) as Outcome;
    this.#done.delete(index);
    this.#taken++;
    this.#pump();
    return outcome;
  }

  /**
   * Gives the shared storage of a chunk's batches back to worker `k`, which wrote them, once they are copied out
   * (shared, not transferred: nothing is detached on either side; an unshared array, which the message copied, is
   * left to the collector).
   */
  recycle(k: number, batches: ChunkResult['batches']): void {
    if (this.own(k)) {
      // The calling thread's own batches: their storage goes back to its reader's pool.
      const buffers = batches.flatMap((batch) => [
        batch.line.buffer,
        ...Object.values(batch.columns).map((a) => a.buffer),
      ]);
      this.#own?.arrays.give(buffers);
      return;
    }
    const worker = this.#workers[k] as Worker;
    if (this.#failed.has(worker)) return;
    const buffers: SharedArrayBuffer[] = [];
    for (const batch of batches)
      for (const array of [batch.line, ...Object.values(batch.columns)])
        if (array.buffer instanceof SharedArrayBuffer) buffers.push(array.buffer);
    if (buffers.length > 0) worker.postMessage({ type: 'recycle', buffers });
  }

  /** Ends the read on its workers and gives them back (tasks still queued there are dropped unread). */
  async close(): Promise<void> {
    for (const off of this.#listeners) off();
    for (const worker of this.#workers)
      if (!this.#failed.has(worker)) worker.postMessage({ type: 'close', read: this.#read });
    await releaseWorkers(this.#workers, this.#failed);
  }
}

/**
 * The column path over worker threads (internal): the file is cut into chunks at line feeds, each chunk is read by
 * the single-thread reader in a worker, and the results are merged in file order (dictionaries in order of first
 * appearance, lines and rows offset), so the batches, dictionaries and dead letters are those of one thread. A chunk
 * with an odd number of quote bytes may have been cut inside a quoted field, and a chunk a worker could not read is
 * not trusted: from that chunk's first byte on, the file is read on the calling thread. At most two chunks per worker
 * are in flight and three per worker given out before the consumer takes them, so memory stays bounded by the chunk
 * size (8 × `chunkBytes`), however slowly the batches are consumed.
 *
 * With `reuseBatches` (`recycle`), a worker's batch is handed out where the worker wrote it, remapped in place, and
 * its storage goes back to the worker once the consumer asks for the batch after the chunk's last. With
 * `callingThreadReads` (`selfRead`), the calling thread reads the next chunk not given out whenever the outcome it
 * waits for is not there yet (one more reader, with dictionaries of its own across its chunks, merged as a
 * worker's).
 *
 * With a `reducer` (`reduceColumns`), the stream yields each chunk's reduced value ({@link ReducedChunk}) instead of
 * its batches: the worker runs the reducer on the chunk's batches and posts the value, and what the calling thread
 * reads itself (after a chunk it could not trust) is reduced there, batch by batch.
 */
export function readColumnsParallel(
  path: string,
  options: ResolvedReadOptions,
  mapping: Mapping,
  fields: readonly string[],
  workers: number,
  single: (input: AsyncIterable<Uint8Array>) => ColumnStream,
  reducer?: ChunkReducerSpec,
  recycle = false,
  selfRead = false,
): ColumnStream {
  const summary = new SummaryBuilder(options.name, options.keepDeadLetters, options.onDeadLetter);
  const probe = single((async function* () {})());
  const kinds = probe.fields;
  const dictionaries = new Map<string, MergedDictionary>();
  for (const { field, kind } of kinds)
    if (kind === 'dictionary') dictionaries.set(field, new MergedDictionary());
  let lineOffset = 0;
  let rowOffset = 0;
  /** A dead letter of a chunk; its line and row were counted from `lines` breaks and `rows` rows before the chunk. */
  const letter = (d: DeadLetter, lines = 0, rows = 0): void => {
    summary.rejected++;
    summary.byCode[d.code] = (summary.byCode[d.code] ?? 0) + 1;
    const shifted = { ...d, line: d.line - lines + lineOffset, row: d.row - rows + rowOffset };
    if (summary.deadLetters.length < options.keepDeadLetters) summary.deadLetters.push(shifted);
    options.onDeadLetter?.(shifted);
  };
  /**
   * A batch of a worker's chunk copied out of the worker's storage into fresh arrays (without `reuseBatches`; see
   * `batch-copy.ts`), its dictionary indices made global (through the worker's map) and its lines the file's
   * (`shift` added to the worker's line numbers).
   */
  const copy = (batch: ChunkResult['batches'][number], worker: number, shift: number): ColumnBatch => {
    const { length } = batch;
    const out: Record<string, Int32Array | Float64Array> = {};
    for (const { field, kind } of kinds) {
      const values = batch.columns[field] as Int32Array | Float64Array;
      if (kind === 'dictionary') {
        const target = new Int32Array(length);
        (dictionaries.get(field) as MergedDictionary).copy(worker, values as Int32Array, target);
        out[field] = target;
      } else {
        const target = new Float64Array(length);
        target.set(values.length === length ? values : values.subarray(0, length));
        out[field] = target;
      }
    }
    const line = new Int32Array(length);
    shiftInto(batch.line, shift, line);
    return { length, line, columns: out };
  };
  /**
   * A batch of a worker's chunk handed out where the worker wrote it (`reuseBatches`: the consumer is done with a
   * batch when it asks for the next, and the chunk's storage goes back to its worker only after its last batch):
   * views on the shared storage, codes remapped and lines shifted in place. No copy, no fresh memory.
   */
  const view = (batch: ChunkResult['batches'][number], worker: number, shift: number): ColumnBatch => {
    const { length } = batch;
    const out: Record<string, Int32Array | Float64Array> = {};
    for (const { field, kind } of kinds) {
      const stored = batch.columns[field] as Int32Array | Float64Array;
      const values = stored.length === length ? stored : stored.subarray(0, length);
      if (kind === 'dictionary')
        (dictionaries.get(field) as MergedDictionary).remapInPlace(worker, values as Int32Array);
      out[field] = values;
    }
    const line = batch.line.length === length ? batch.line : batch.line.subarray(0, length);
    if (shift !== 0) shiftInto(line, shift, line);
    return { length, line, columns: out };
  };
  /** A batch of the one-thread fallback, remapped in place (its arrays are this thread's own). */
  const adopt = (
    length: number,
    line: Int32Array,
    columns: Readonly<Record<string, Int32Array | Float64Array>>,
    local: (field: string) => readonly string[],
  ): ColumnBatch => {
    const out: Record<string, Int32Array | Float64Array> = {};
    for (const { field, kind } of kinds) {
      const values = columns[field] as Int32Array | Float64Array;
      if (kind === 'dictionary')
        (dictionaries.get(field) as MergedDictionary).remap(local(field), values as Int32Array);
      out[field] = values;
    }
    for (let i = 0; i < line.length; i++) line[i] = (line[i] as number) + lineOffset;
    return { length, line, columns: out };
  };
  let started = false;
  return {
    get summary() {
      return summary.snapshot();
    },
    fields: kinds,
    dictionary(field: string): readonly string[] {
      return dictionaries.get(field)?.values ?? probe.dictionary(field);
    },
    async *[Symbol.asyncIterator]() {
      if (started) throw new Error('This read was already iterated; start a new read');
      started = true;
      const { header, dataStart } = await headerOf(path, options.delimiter);
      // Header problems (missing columns) are reported by the single-thread reader, with its messages.
      for await (const _ of single(
        (async function* () {
          yield header;
        })(),
      ))
        void _;
      const fileSize = statSync(path).size;
      const tasks = plan(dataStart, fileSize, Math.max(8 * options.chunkBytes, 1 << 13));
      const setup: ChunkSetup = {
        path,
        name: options.name,
        header,
        dataStart,
        fileSize,
        delimiter: options.delimiter,
        spec: mapping.spec,
        fields,
        batchBytes: options.chunkBytes,
        ...(reducer !== undefined ? { reducer } : {}),
      };
      // The calling thread reads too (not with a reducer, which would then run here).
      const pool = new Pool(
        setup,
        tasks,
        Math.max(1, Math.min(workers, tasks.length)),
        selfRead && reducer === undefined,
      );
      let resumeAt = -1;
      let verified = dataStart;
      try {
        for (const task of tasks) {
          options.signal?.throwIfAborted();
          const outcome = await pool.take(task.index);
          if ('failed' in outcome || outcome.oddQuotes) {
            resumeAt = verified;
            break;
          }
          for (const d of outcome.deadLetters) letter(d, outcome.priorLines, outcome.priorRows);
          for (const [field, merged] of dictionaries)
            merged.extend(outcome.worker, outcome.newValues[field] ?? []);
          if (reducer !== undefined) {
            const worker = outcome.worker;
            const chunk: ReducedChunk<unknown> = {
              value: outcome.reduced,
              firstRow: rowOffset,
              rowsIn: outcome.rowsIn,
              rejected: outcome.rowsIn - outcome.rowsOut,
              lineShift: lineOffset - outcome.priorLines,
              toStream: (field) => (dictionaries.get(field) as MergedDictionary).mapOf(worker),
            };
            summary.rowsIn += outcome.rowsIn;
            summary.rowsOut += outcome.rowsOut;
            lineOffset += outcome.lineBreaks;
            rowOffset += outcome.rowsIn;
            verified = outcome.finish;
            yield chunk as unknown as ColumnBatch;
            continue;
          }
          // Each batch is handed out in place (reuseBatches) or copied out as the consumer asks for it; once the last
          // is taken, the chunk's storage goes back to its worker. The worker numbered the chunk's lines from its own earlier chunks' line breaks.
          const shift = lineOffset - outcome.priorLines;
          summary.rowsIn += outcome.rowsIn;
          summary.rowsOut += outcome.rowsOut;
          lineOffset += outcome.lineBreaks;
          rowOffset += outcome.rowsIn;
          verified = outcome.finish;
          const { batches } = outcome;
          if (recycle) {
            // Each batch in place; once the consumer asks for the batch after the chunk's last, the storage goes back.
            for (const batch of batches) if (batch.length > 0) yield view(batch, outcome.worker, shift);
            pool.recycle(outcome.worker, batches);
            continue;
          }
          if (pool.own(outcome.worker)) {
            // The calling thread's own batches, in arrays of its own (never given back to its reader): the
            // consumer's, with no copy.
            for (const batch of batches) if (batch.length > 0) yield view(batch, outcome.worker, shift);
            continue;
          }
          for (let b = 0; b < batches.length; b++) {
            const batch = batches[b] as ChunkResult['batches'][number];
            const copied = batch.length > 0 ? copy(batch, outcome.worker, shift) : undefined;
            if (b === batches.length - 1) pool.recycle(outcome.worker, batches);
            if (copied !== undefined) yield copied;
          }
        }
      } finally {
        await pool.close();
      }
      if (resumeAt >= 0) {
        // One thread reads on from the last verified record boundary: the header, then the bytes from there.
        const from = resumeAt;
        const rest = single(
          (async function* () {
            yield header;
            for await (const chunk of createReadStream(path, {
              start: from,
              highWaterMark: options.chunkBytes,
            }))
              yield chunk as Buffer;
          })(),
        );
        // The rest's rows and dead letters are added as its batches come (a reduced chunk's rejections are in the
        // summary when it is yielded).
        let letters = 0;
        let rowsIn = 0;
        let rowsOut = 0;
        const settle = (): { rowsIn: number; rejected: number } => {
          const s = rest.summary;
          for (; letters < s.deadLetters.length; letters++) letter(s.deadLetters[letters] as DeadLetter);
          const delta = { rowsIn: s.rowsIn - rowsIn, rejected: s.rowsIn - rowsIn - (s.rowsOut - rowsOut) };
          summary.rowsIn += s.rowsIn - rowsIn;
          summary.rowsOut += s.rowsOut - rowsOut;
          rowsIn = s.rowsIn;
          rowsOut = s.rowsOut;
          return delta;
        };
        const local = reducer === undefined ? undefined : await loadReducer(reducer);
        const maps = new Map<string, GrowableInt32>();
        const context = { fields: rest.fields, dictionary: (f: string) => rest.dictionary(f) };
        const reduced = (batches: ColumnBatch[]): ReducedChunk<unknown> => {
          const firstRow = rowOffset + rowsIn;
          // The file's lines, so that what the reducer throws here names them.
          for (const { line } of batches) for (let i = 0; i < line.length; i++) line[i]! += lineOffset;
          const value = (local as NonNullable<typeof local>).reduce(batches, context);
          const { rowsIn: read, rejected } = settle();
          return {
            value,
            firstRow,
            rowsIn: read,
            rejected,
            lineShift: 0,
            toStream: (field) => {
              let map = maps.get(field);
              if (map === undefined) {
                map = new GrowableInt32(1024);
                maps.set(field, map);
              }
              return (dictionaries.get(field) as MergedDictionary).follow(rest.dictionary(field), map);
            },
          };
        };
        for await (const batch of rest) {
          if (local !== undefined) {
            yield reduced([batch]) as unknown as ColumnBatch;
            continue;
          }
          const adopted = adopt(batch.length, Int32Array.from(batch.line), batch.columns, (f) =>
            rest.dictionary(f),
          );
          settle();
          yield adopted;
        }
        // Values of rows rejected after the last batch are in the dictionaries of one thread too.
        for (const [field, merged] of dictionaries) merged.remap(rest.dictionary(field), new Int32Array(0));
        if (local !== undefined && rest.summary.rowsIn > rowsIn) yield reduced([]) as unknown as ColumnBatch;
        settle();
      }
      checkRejected(options, summary);
    },
  };
}
