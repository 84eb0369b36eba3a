// The part of a parallel churn sweep that every thread runs (internal): run the kernel over one range of customers
// into the range's own rows. Ranges are claimed by the protocol of ../../parallel/ranges.ts.
import { runClaimedRanges } from '../../parallel/ranges.js';
import { countCustomers } from './customers-kernel.js';
import { sweepCustomersExact } from './exact-kernel.js';
import { BLOCK, FLOAT_ROWS, INT_ROWS } from './rows.js';

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
  readonly kind: 'churn';
  /** `'all'`: the exact-revenue kernel; `'customers'`: the counts kernel (with exposure when `exposure`). */
  readonly mode: 'all' | 'customers';
  readonly exposure: boolean;
  readonly columns: SharedSweepColumns;
  /** The customers to sweep, ascending (the ranges are ranges of this list). */
  readonly customers: Int32Array;
  readonly bounds: Float64Array;
  readonly windows: Int32Array;
  readonly width: number;
  /** Position in `customers` where range `r` starts (`ranges + 1` entries). */
  readonly rangeStarts: Int32Array;
  /** The claiming protocol's control array. */
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
        job.customers,
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
        job.customers,
        b,
        b1,
        c.spellOffsets,
        c.spellFrom,
        c.spellTo,
      );
  }
}

/** Claims and runs ranges of `job` until none is left (internal). */
export const runSweepJob = (job: SweepJob): number =>
  runClaimedRanges(job.control, job.rangeStarts.length - 1, (r) => runRange(job, r));
