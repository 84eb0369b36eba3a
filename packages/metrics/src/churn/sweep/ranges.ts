// The part of a parallel churn sweep that every thread runs (internal): claim a range of customers, run the kernel
// over it into the range's own rows, mark it done. The main thread and the workers run this same function on one
// job, so a range is computed by whichever thread claims it first, and a worker that is slow to start (or never
// starts) leaves its ranges to the main thread.
import { countCustomers } from './customers-kernel.js';
import { sweepCustomersExact } from './exact-kernel.js';
import { BLOCK, FLOAT_ROWS, INT_ROWS } from './rows.js';

/**
 * Control slots of a job's `Int32Array` on a SharedArrayBuffer (internal): the next range to claim, the number of
 * ranges done, then one status per range (`PENDING`, `OK`, `FAILED`).
 */
export const NEXT = 0;
export const DONE = 1;
export const STATUS = 2;
export const PENDING = 0;
export const OK = 1;
export const FAILED = 2;

/** The kernel's input arrays, backed by SharedArrayBuffers (internal). */
export interface SharedSweepColumns {
  readonly customerOffsets: Int32Array;
  readonly customerSubscriptions: Int32Array;
  readonly changeOffsets: Int32Array;
  readonly changeTime: Float64Array;
  readonly changeMrrUnits: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly spellOffsets: Int32Array;
  readonly spellFrom: Float64Array;
  readonly spellTo: Float64Array;
}

/** One parallel sweep (internal; posted to the workers as is: its arrays share memory, nothing is copied). */
export interface SweepJob {
  /** `'all'`: the exact-revenue kernel; `'customers'`: the counts kernel (with exposure when `exposure`). */
  readonly mode: 'all' | 'customers';
  readonly exposure: boolean;
  readonly columns: SharedSweepColumns;
  readonly bounds: Float64Array;
  readonly windows: Int32Array;
  readonly width: number;
  /** Customer index where range `r` starts (`ranges + 1` entries). */
  readonly rangeStarts: Int32Array;
  /** `[NEXT, DONE, status of range 0, status of range 1, …]`. */
  readonly control: Int32Array;
  /** Per range `INT_ROWS × n` integer rows, one range after another. */
  readonly ints: Int32Array;
  /** Per range `FLOAT_ROWS × n` float rows (mode `'all'`) or one exposure row (mode `'customers'`). */
  readonly floats: Float64Array;
}

/** Float slots per range of a job (internal). */
export const floatRowsOf = (job: Pick<SweepJob, 'mode' | 'exposure'>, n: number): number =>
  job.mode === 'all' ? FLOAT_ROWS * n : job.exposure ? n : 0;

/** Runs range `r` of `job` into its rows (internal). */
export function runRange(job: SweepJob, r: number): void {
  const n = job.bounds.length;
  const c0 = job.rangeStarts[r] as number;
  const c1 = job.rangeStarts[r + 1] as number;
  const ints = job.ints.subarray(r * INT_ROWS * n, (r + 1) * INT_ROWS * n);
  const fr = floatRowsOf(job, n);
  const floats = job.floats.subarray(r * fr, (r + 1) * fr);
  const c = job.columns;
  for (let b = c0; b < c1; b += BLOCK) {
    const b1 = Math.min(c1, b + BLOCK);
    if (job.mode === 'all')
      sweepCustomersExact(
        ints,
        floats,
        job.bounds,
        job.windows,
        job.width,
        b,
        b1,
        c.customerOffsets,
        c.customerSubscriptions,
        c.changeOffsets,
        c.changeTime,
        c.changeMrrUnits,
        c.start,
        c.end,
        c.spellOffsets,
        c.spellFrom,
        c.spellTo,
      );
    else
      countCustomers(
        ints,
        floats,
        job.bounds,
        job.windows,
        job.width,
        b,
        b1,
        c.spellOffsets,
        c.spellFrom,
        c.spellTo,
      );
  }
}

/**
 * Claims and runs ranges of `job` until none is left (internal). A range that throws is marked `FAILED` (the main
 * thread runs it again into rows of its own, where the error surfaces), so a claimed range is always marked done.
 *
 * @returns The number of ranges this thread ran.
 */
export function runClaimedRanges(job: SweepJob): number {
  const ranges = job.rangeStarts.length - 1;
  for (let ran = 0; ; ran++) {
    const r = Atomics.add(job.control, NEXT, 1);
    if (r >= ranges) return ran;
    let status = OK;
    try {
      runRange(job, r);
    } catch {
      status = FAILED;
    }
    Atomics.store(job.control, STATUS + r, status);
    Atomics.add(job.control, DONE, 1);
    Atomics.notify(job.control, DONE);
  }
}
