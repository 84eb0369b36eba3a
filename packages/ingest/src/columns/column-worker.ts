// The worker thread of the parallel column path: reads the chunks it is sent, with the single-thread reader.
import { parentPort, workerData } from 'node:worker_threads';
import { type ChunkSetup, type ChunkTask, runChunk } from './chunk-task.js';

const setup = workerData as ChunkSetup;
parentPort?.on('message', (task: ChunkTask) => {
  runChunk(setup, task).then(
    (result) => {
      const transfer = [
        result.line.buffer,
        ...Object.values(result.columns).map((c) => c.buffer),
      ] as ArrayBuffer[];
      parentPort?.postMessage({ ok: true, result }, transfer);
    },
    (error: unknown) =>
      parentPort?.postMessage({
        ok: false,
        index: task.index,
        message: String((error as Error)?.message ?? error),
      }),
  );
});
