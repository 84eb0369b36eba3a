// The churn sweep over worker threads (internal; `churnSeries(…, { workers })`). The customers are cut into ranges;
// the main thread and the workers claim ranges from one shared counter and run the kernel on each into the range's
// own rows, which are then added in range order. Only sums that are exact in any order are split: integer counts,
// revenue in exact integer units, exposure in whole milliseconds below 2^53. The call stays synchronous: the main
// thread works through the ranges itself and waits only for ranges a worker has claimed and not yet finished (a
// worker that has not started yet, or never starts, claims nothing).

import { postToWorkers } from '../../parallel/pool.js';
import { awaitRanges, lastSplit, newControl, shared } from '../../parallel/ranges.js';
import type { SubscriptionColumns } from '../columns.js';
import { floatRowsOf, runRange, runSweepJob, type SharedSweepColumns, type SweepJob } from './ranges.js';
import { BLOCK, INT_ROWS } from './rows.js';

/** Fewer customers than this are swept on the calling thread: the ranges would be too short to pay. */
export const PARALLEL_FROM = 4 * BLOCK;
/** Ranges per thread: a thread that finishes early takes more. */
const RANGES_PER_THREAD = 4;
/** How long the main thread waits for a range a worker claimed before computing it again itself (ms). */
const CLAIMED_RANGE_TIMEOUT_MS = 10_000;

interface SharedTable {
  readonly columns: SharedSweepColumns;
  /** Whether every spell starts and ends on a whole millisecond (exposure sums of whole ms are exact). */
  readonly wholeMs: boolean;
}

const sharedTables = new WeakMap<SubscriptionColumns, SharedTable>();

/** The kernel's arrays of `table` in shared memory, copied on first use and kept while the table lives. */
function sharedTableOf(table: SubscriptionColumns): SharedTable {
  let s = sharedTables.get(table);
  if (s === undefined) {
    let wholeMs = true;
    for (const times of [table.spellFrom, table.spellTo])
      for (let i = 0; i < times.length && wholeMs; i++) {
        const t = times[i] as number;
        if (t !== Number.POSITIVE_INFINITY && !Number.isInteger(t)) wholeMs = false;
      }
    s = {
      wholeMs,
      columns: {
        customerOffsets: shared(table.customerOffsets),
        customerSubscriptions: shared(table.customerSubscriptions),
        changeOffsets: shared(table.changeOffsets),
        changeTime: shared(table.changeTime),
        changeMrrUnits: shared(table.changeMrrUnits),
        start: shared(table.start),
        end: shared(table.end),
        spellOffsets: shared(table.spellOffsets),
        spellFrom: shared(table.spellFrom),
        spellTo: shared(table.spellTo),
      },
    };
    sharedTables.set(table, s);
  }
  return s;
}

/** Whether the sums of a sweep of `table` over `bounds` are exact in any order, so the sweep may be split. */
export function canSplit(
  table: SubscriptionColumns,
  bounds: Float64Array,
  mode: 'all' | 'customers',
  exposure: boolean,
): boolean {
  const customers = table.customerOffsets.length - 1;
  if (customers < PARALLEL_FROM) return false;
  if (mode === 'all' && table.mrrScale === 0) return false;
  if (mode === 'customers' && !exposure) return true;
  // Exposure: sums of whole-ms overlaps, each at most the longest period, over every spell: exact below 2^53.
  let longest = 0;
  for (let p = 0; p + 1 < bounds.length; p++)
    longest = Math.max(longest, (bounds[p + 1] as number) - (bounds[p] as number));
  if (table.spellFrom.length * longest > 2 ** 53) return false;
  return sharedTableOf(table).wholeMs;
}

/**
 * Sweeps `table` over `workers` worker threads and the calling thread (internal; only when {@link canSplit}).
 *
 * @returns The integer rows and the float rows (`'all'`: every float row; `'customers'`: the exposure row, or none)
 *   of the whole table, as one sequential sweep gives them.
 */
export function sweepInParallel(
  table: SubscriptionColumns,
  bounds: Float64Array,
  windows: Int32Array,
  width: number,
  mode: 'all' | 'customers',
  exposure: boolean,
  workers: number,
): { readonly ints: Int32Array; readonly floats: Float64Array } {
  const n = bounds.length;
  const customers = table.customerOffsets.length - 1;
  const ranges = Math.min((workers + 1) * RANGES_PER_THREAD, Math.ceil(customers / BLOCK));
  const rangeStarts = new Int32Array(new SharedArrayBuffer(4 * (ranges + 1)));
  for (let r = 0; r <= ranges; r++) rangeStarts[r] = Math.floor((customers * r) / ranges);
  const floatRows = floatRowsOf({ mode, exposure }, n);
  const job: SweepJob = {
    kind: 'churn',
    mode,
    exposure,
    columns: sharedTableOf(table).columns,
    bounds: shared(bounds),
    windows: shared(windows),
    width,
    rangeStarts,
    control: newControl(ranges),
    ints: new Int32Array(new SharedArrayBuffer(4 * INT_ROWS * n * ranges)),
    floats: new Float64Array(new SharedArrayBuffer(8 * Math.max(1, floatRows * ranges))),
  };
  postToWorkers(workers, job);
  lastSplit.here = runSweepJob(job);
  lastSplit.ranges = ranges;
  const ok = awaitRanges(job.control, ranges, CLAIMED_RANGE_TIMEOUT_MS);
  const ints = new Int32Array(INT_ROWS * n);
  const floats = new Float64Array(floatRows);
  for (let r = 0; r < ranges; r++) {
    let ri = job.ints.subarray(r * INT_ROWS * n, (r + 1) * INT_ROWS * n);
    let rf = job.floats.subarray(r * floatRows, (r + 1) * floatRows);
    if (!ok(r)) {
      // FAILED, or still running after the timeout: run it again into rows of this thread's own.
      const own: SweepJob = {
        ...job,
        ints: new Int32Array(INT_ROWS * n * ranges),
        floats: new Float64Array(Math.max(1, floatRows * ranges)),
      };
      runRange(own, r);
      ri = own.ints.subarray(r * INT_ROWS * n, (r + 1) * INT_ROWS * n);
      rf = own.floats.subarray(r * floatRows, (r + 1) * floatRows);
    }
    for (let i = 0; i < ri.length; i++) ints[i]! += ri[i] as number;
    for (let i = 0; i < rf.length; i++) floats[i]! += rf[i] as number;
  }
  return { ints, floats };
}
