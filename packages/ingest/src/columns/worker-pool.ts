import { Worker } from 'node:worker_threads';
import { startWithFlags } from './worker-exec-argv.js';

/**
 * The column workers of this process, kept between reads (internal). Starting a worker costs more than reading tens
 * of megabytes (its module graph is loaded again: about 0.1 s from the build, over a second from the TypeScript
 * sources through tsx), so a read leases started workers, starts only the ones missing, and gives them back when it
 * ends. An idle worker does not keep the process alive (it is unref'd) and holds no read's data; a worker that
 * failed is dropped.
 */
const idle: Worker[] = [];

/** A worker running `column-worker` (the built `.js`, or the `.ts` source through tsx in tests and benchmarks). */
function startWorker(): Worker {
  const here = import.meta.url;
  let worker: Worker;
  if (here.endsWith('.ts')) {
    const url = new URL('./column-worker.ts', here).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
    worker = new Worker(boot, { eval: true, execArgv: ['--conditions=@cx/source'] });
  } else {
    // In the build, this code sits in dist/ and the worker in dist/columns/ (an entry of its own).
    worker = startWithFlags((options) => new Worker(new URL('./columns/column-worker.js', here), options));
  }
  // A worker that fails while idle must not take the process down; a leased one is also watched by its read.
  const drop = (): void => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  };
  worker.on('error', drop);
  worker.on('exit', drop);
  return worker;
}

/** `count` workers for one read: idle ones first, then new ones; each keeps the process alive until released. */
export function leaseWorkers(count: number): Worker[] {
  const leased = idle.splice(0, count);
  while (leased.length < count) leased.push(startWorker());
  for (const worker of leased) worker.ref();
  return leased;
}

/** Gives back a read's workers: the healthy ones wait, unref'd, for the next read; failed ones are ended. */
export async function releaseWorkers(workers: readonly Worker[], failed: ReadonlySet<Worker>): Promise<void> {
  const ending: Array<Promise<number>> = [];
  for (const worker of workers) {
    if (failed.has(worker)) ending.push(worker.terminate());
    else {
      worker.unref();
      idle.push(worker);
    }
  }
  await Promise.all(ending);
}
