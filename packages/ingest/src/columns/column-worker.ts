// The worker thread of the parallel column path. Workers are kept between reads (see `columns/worker-pool.ts`): a
// read opens a reader here (`open`, with the read's setup), sends it chunks (`task`), one after another into one
// single-thread column reader whose dictionaries live across the chunks, and ends it (`close`). A read with a
// reducer (`reduceColumns`) imports the reducer's module once and posts each chunk's reduced value instead of its
// batches (a reducer with `begin` / `add` / `end` is given each batch as it is read, and the reader then reuses the
// batch's arrays); a reducer that fails makes the chunk fail, and the calling thread reads on from it (where the
// reducer throws again, with the file's lines).
//
// Nothing is transferred (moved) from here: batches are written in shared storage (`ArrayPool`, shared), which
// `postMessage` shares, and a reducer's value is copied. A transfer detaches the buffer, and the first detach makes
// V8 drop, for the rest of this thread's life, an assumption that all its typed-array code relies on (see
// `array-pool.ts`): measured, the reader then needs about a sixth more CPU per byte.
import { parentPort } from 'node:worker_threads';
import { ArrayPool } from './array-pool.js';
import { type ChunkReducer, loadReducer, streams } from './chunk-reducer.js';
import { ChunkReader, type ChunkSetup, type ChunkTask } from './chunk-task.js';

type Message =
  | { readonly type: 'open'; readonly read: number; readonly setup: ChunkSetup }
  | { readonly type: 'task'; readonly read: number; readonly task: ChunkTask }
  | { readonly type: 'close'; readonly read: number }
  | { readonly type: 'recycle'; readonly buffers: readonly ArrayBufferLike[] };

interface Open {
  /** The reader; with a reducer, made once the reducer is loaded (it reuses its arrays when the reducer streams). */
  readonly reader: Promise<ChunkReader>;
  readonly reducer: Promise<ChunkReducer<unknown>> | undefined;
  closed: boolean;
}

const reads = new Map<number, Open>();
/** Shared batch buffers the calling thread gave back, for the storage of later batches of any read. */
const arrays = new ArrayPool(256, true);

/** Two tasks can be in flight; they are read in the order they came, one at a time (a task of a read that ended is
 * dropped). */
let queue: Promise<void> = Promise.resolve();

async function run(open: Open, read: number, task: ChunkTask): Promise<void> {
  const reader = await open.reader;
  if (open.reducer !== undefined) {
    const reducer = await open.reducer;
    const context = { fields: reader.fields, dictionary: (field: string) => reader.dictionary(field) };
    if (streams(reducer)) {
      // Each batch reduced as it is read, while in the cache; the reader then uses its arrays again.
      reducer.begin(context);
      const result = await reader.read(task, (batch) => reducer.add(batch, context));
      const reduced = reducer.end(context);
      // Copied, not transferred (the reducer's `transferList` is not used here: see the top of this file).
      parentPort?.postMessage({ ok: true, read, result: { ...result, reduced } });
      return;
    }
  }
  const result = await reader.read(task);
  if (open.reducer === undefined) {
    // The batches' shared storage goes with the message; the calling thread gives it back once it has copied it.
    parentPort?.postMessage({ ok: true, read, result });
    return;
  }
  const reducer = await open.reducer;
  const reduced = reducer.reduce(result.batches, {
    fields: reader.fields,
    dictionary: (field) => reader.dictionary(field),
  });
  parentPort?.postMessage({ ok: true, read, result: { ...result, batches: [], reduced } });
}

parentPort?.on('message', (message: Message) => {
  if (message.type === 'recycle') {
    arrays.give(message.buffers);
    return;
  }
  if (message.type === 'open') {
    const reducer = message.setup.reducer;
    const pending = reducer === undefined ? undefined : loadReducer(reducer);
    // A module that cannot be loaded fails each task (below); the rejection is not left unhandled meanwhile.
    pending?.catch(() => undefined);
    const setup = message.setup;
    const reader =
      pending === undefined
        ? Promise.resolve(new ChunkReader(setup, arrays))
        : pending.then(
            // No pool: a reducer may keep its batches' arrays in its value, so they are fresh (or, when it streams,
            // the reader's own, used again from batch to batch).
            (r) => new ChunkReader(streams(r) ? { ...setup, reuseBatches: true } : setup),
            () => new ChunkReader(setup),
          );
    reads.set(message.read, { reader, reducer: pending, closed: false });
    return;
  }
  const open = reads.get(message.read);
  if (open === undefined) return;
  if (message.type === 'close') {
    open.closed = true;
    reads.delete(message.read);
    // An idle worker holds no read's memory: the spare storage goes with the last read open here.
    if (reads.size === 0) arrays.clear();
    return;
  }
  const { read, task } = message;
  queue = queue.then(() => {
    if (open.closed) return;
    return run(open, read, task).catch((error: unknown) =>
      parentPort?.postMessage({
        ok: false,
        read,
        index: task.index,
        message: String((error as Error)?.message ?? error),
      }),
    );
  });
});
