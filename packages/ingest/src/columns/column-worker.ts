// The worker thread of the parallel column path: reads the chunks it is sent, one after another, with one
// single-thread column reader whose dictionaries live across the chunks.
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkReader, type ChunkSetup, type ChunkTask } from './chunk-task.js';

const reader = new ChunkReader(workerData as ChunkSetup);
// Two tasks can be in flight; the reader takes them in the order they came.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (task: ChunkTask) => {
  queue = queue.then(() =>
    reader.read(task).then(
      (result) => {
        const transfer = result.batches.flatMap((b) => [
          b.line.buffer,
          ...Object.values(b.columns).map((c) => c.buffer),
        ]) as ArrayBuffer[];
        parentPort?.postMessage({ ok: true, result }, transfer);
      },
      (error: unknown) =>
        parentPort?.postMessage({
          ok: false,
          index: task.index,
          message: String((error as Error)?.message ?? error),
        }),
    ),
  );
});
