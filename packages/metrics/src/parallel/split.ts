// The calling thread's side of a split job (internal), shared by the parallel kernels: cut the items into ranges,
// post the job, run ranges here too, wait for the ones workers started, and add the ranges' rows in range order.
import { postToWorkers } from './pool.js';
import { awaitRanges, lastSplit } from './ranges.js';

/** Ranges per thread: a thread that finishes early takes more. */
const RANGES_PER_THREAD = 4;
/** How long the calling thread waits for a range a worker started before running it again itself (ms). */
const CLAIMED_RANGE_TIMEOUT_MS = 10_000;

/**
 * Where each range of `count` items starts (`ranges + 1` entries, in shared memory): `RANGES_PER_THREAD` ranges per
 * thread, none shorter than about `minItems` items (internal).
 */
export function rangeStartsOf(count: number, workers: number, minItems: number): Int32Array {
  const ranges = Math.max(1, Math.min((workers + 1) * RANGES_PER_THREAD, Math.ceil(count / minItems)));
  const starts = new Int32Array(new SharedArrayBuffer(4 * (ranges + 1)));
  for (let r = 0; r <= ranges; r++) starts[r] = Math.floor((count * r) / ranges);
  return starts;
}

/** Rows of `width` slots for each of `ranges` ranges, in shared memory (at least one slot) (internal). */
export function sharedRows<T extends Int32Array | Float64Array>(
  make: (buffer: SharedArrayBuffer) => T,
  bytesPerSlot: number,
  width: number,
  ranges: number,
): T {
  return make(new SharedArrayBuffer(bytesPerSlot * Math.max(1, width * ranges)));
}

/**
 * Runs a split job (internal): posts it to `workers` pooled workers, runs ranges on the calling thread with
 * `runHere`, waits for the ranges a worker started, and returns per range the rows to add: `rows(r)` for a range
 * that finished, `rerun(r)` (the range run again on this thread into rows of its own) for one that failed or did not
 * finish in time. The sums are added in range order.
 *
 * @param widths - Slots per range of each kind of row, in the order `rows` and `rerun` give them.
 * @returns The sums over all ranges, one array per kind of row (`Float64Array`; integer rows hold whole numbers).
 */
export function runSplit(
  job: { readonly control: Int32Array; readonly rangeStarts: Int32Array },
  workers: number,
  runHere: () => number,
  widths: readonly number[],
  rows: (r: number) => ReadonlyArray<ArrayLike<number>>,
  rerun: (r: number) => ReadonlyArray<ArrayLike<number>>,
): Float64Array[] {
  const ranges = job.rangeStarts.length - 1;
  postToWorkers(workers, job);
  lastSplit.here = runHere();
  lastSplit.ranges = ranges;
  const ok = awaitRanges(job.control, ranges, CLAIMED_RANGE_TIMEOUT_MS);
  const sums = widths.map((width) => new Float64Array(width));
  for (let r = 0; r < ranges; r++) {
    const parts = ok(r) ? rows(r) : rerun(r);
    parts.forEach((part, k) => {
      const sum = sums[k] as Float64Array;
      for (let i = 0; i < sum.length; i++) sum[i]! += part[i] as number;
    });
  }
  return sums;
}
