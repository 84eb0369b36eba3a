// The worker threads of the package's parallel kernels (internal): started on first use, kept, and unreferenced so
// they never keep the process alive. One worker entry runs every kind of job (see kernel-worker.ts).
import { Worker } from 'node:worker_threads';
import { startWithFlags } from './worker-exec-argv.js';

const pool: Worker[] = [];

/** A worker running `kernel-worker` (the built `.js`, or the `.ts` source through tsx in tests and benchmarks). */
function startWorker(): Worker {
  const here = import.meta.url;
  let worker: Worker;
  if (here.endsWith('.ts')) {
    const url = new URL('./kernel-worker.ts', here).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
    worker = new Worker(boot, { eval: true, execArgv: ['--conditions=@cx/source'] });
  } else {
    // In the build, this code sits in a chunk in dist/ and the worker is the entry dist/kernel-worker.js.
    worker = startWithFlags((options) => new Worker(new URL('./kernel-worker.js', here), options));
  }
  worker.unref();
  // A worker that fails leaves the pool; the ranges it did not claim are the calling thread's.
  const leave = () => {
    const i = pool.indexOf(worker);
    if (i >= 0) pool.splice(i, 1);
  };
  worker.on('error', leave);
  worker.on('exit', leave);
  return worker;
}

/** Posts `job` to `count` pooled workers, starting the missing ones (internal). */
export function postToWorkers(count: number, job: unknown): void {
  while (pool.length < count) pool.push(startWorker());
  for (let i = 0; i < count; i++) pool[i]?.postMessage(job);
}
