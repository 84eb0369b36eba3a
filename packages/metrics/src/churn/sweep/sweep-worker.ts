// The worker of the parallel churn sweep (internal; an entry of the build: dist/churn-sweep-worker.js). It runs the
// ranges of each job it receives that no other thread has claimed.
import { parentPort } from 'node:worker_threads';
import { runClaimedRanges, type SweepJob } from './ranges.js';

parentPort?.on('message', (job: SweepJob) => runClaimedRanges(job));
