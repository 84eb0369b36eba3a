// The worker thread of the parallel column path. Workers are kept between reads (see `columns/worker-pool.ts`): a
// read opens a reader here (`open`, with the read's setup), sends it chunks (`task`), one after another into one
// single-thread column reader whose dictionaries live across the chunks, and ends it (`close`).
import { parentPort } from 'node:worker_threads';
import { ChunkReader, type ChunkSetup, type ChunkTask } from './chunk-task.js';

type Message =
  | { readonly type: 'open'; readonly read: number; readonly setup: ChunkSetup }
  | { readonly type: 'task'; readonly read: number; readonly task: ChunkTask }
  | { readonly type: 'close'; readonly read: number };

interface Open {
  readonly reader: ChunkReader;
  closed: boolean;
}

const reads = new Map<number, Open>();
/** Two tasks can be in flight; they are read in the order they came, one at a time (a task of a read that ended is
 * dropped). */
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (message: Message) => {
  if (message.type === 'open') {
    reads.set(message.read, { reader: new ChunkReader(message.setup), closed: false });
    return;
  }
  const open = reads.get(message.read);
  if (open === undefined) return;
  if (message.type === 'close') {
    open.closed = true;
    reads.delete(message.read);
    return;
  }
  const { read, task } = message;
  queue = queue.then(() => {
    if (open.closed) return;
    return open.reader.read(task).then(
      (result) => {
        const transfer = result.batches.flatMap((b) => [
          b.line.buffer,
          ...Object.values(b.columns).map((c) => c.buffer),
        ]) as ArrayBuffer[];
        parentPort?.postMessage({ ok: true, read, result }, transfer);
      },
      (error: unknown) =>
        parentPort?.postMessage({
          ok: false,
          read,
          index: task.index,
          message: String((error as Error)?.message ?? error),
        }),
    );
  });
});
