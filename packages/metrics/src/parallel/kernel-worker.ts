// The worker of the package's parallel kernels (internal; an entry of the build: dist/kernel-worker.js). For each
// job it receives, it runs the ranges no other thread has claimed.
import { parentPort } from 'node:worker_threads';
import { runSweepJob, type SweepJob } from '../churn/sweep/ranges.js';
import { type RetentionJob, runRetentionJob } from '../retention/parallel-ranges.js';

parentPort?.on('message', (job: SweepJob | RetentionJob) => {
  if (job.kind === 'churn') runSweepJob(job);
  else runRetentionJob(job);
});
