// The churn sweep over worker threads (internal; `churnSeries(…, { workers })`). The customers are cut into ranges;
// the main thread and the workers claim ranges from one shared counter and run the kernel on each into the range's
// own rows, which are then added in range order. Only sums that are exact in any order are split: integer counts,
// revenue in exact integer units, exposure in whole milliseconds below 2^53. The call stays synchronous: the main
// thread works through the ranges itself and waits only for ranges a worker has claimed and not yet finished (a
// worker that has not started yet, or never starts, claims nothing).
import { newControl, shared } from '../../parallel/ranges.js';
import { rangeStartsOf, runSplit, sharedRows } from '../../parallel/split.js';
import type { SubscriptionColumns } from '../columns.js';
import { floatRowsOf, runRange, runSweepJob, type SharedSweepColumns, type SweepJob } from './ranges.js';
import { BLOCK, INT_ROWS } from './rows.js';

/** Fewer customers than this are swept on the calling thread: the ranges would be too short to pay. */
export const PARALLEL_FROM = 4 * BLOCK;

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
 * Sweeps the `customers` of `table` (ascending) over `workers` worker threads and the calling thread (internal; only
 * when {@link canSplit}); `meanwhile` runs on the calling thread once the job is posted, before it claims ranges.
 *
 * @returns The integer rows and the float rows (`'all'`: every float row; `'customers'`: the exposure row, or none)
 *   of the whole table, as one sequential sweep gives them.
 */
export function sweepInParallel(
  table: SubscriptionColumns,
  customers: Int32Array,
  bounds: Float64Array,
  windows: Int32Array,
  width: number,
  mode: 'all' | 'customers',
  exposure: boolean,
  workers: number,
  meanwhile: () => void = () => {},
): { readonly ints: Int32Array; readonly floats: Float64Array } {
  const n = bounds.length;
  const rangeStarts = rangeStartsOf(customers.length, workers, BLOCK);
  const ranges = rangeStarts.length - 1;
  const intRows = INT_ROWS * n;
  const floatRows = floatRowsOf({ mode, exposure }, n);
  const job: SweepJob = {
    kind: 'churn',
    mode,
    exposure,
    columns: sharedTableOf(table).columns,
    customers: shared(customers),
    bounds: shared(bounds),
    windows: shared(windows),
    width,
    rangeStarts,
    control: newControl(ranges),
    ints: sharedRows((b) => new Int32Array(b), 4, intRows, ranges),
    floats: sharedRows((b) => new Float64Array(b), 8, floatRows, ranges),
  };
  const slices = (j: SweepJob, r: number) => [
    j.ints.subarray(r * intRows, (r + 1) * intRows),
    j.floats.subarray(r * floatRows, (r + 1) * floatRows),
  ];
  const [ints, floats] = runSplit(
    job,
    workers,
    () => {
      meanwhile();
      return runSweepJob(job);
    },
    [intRows, floatRows],
    (r) => slices(job, r),
    (r) => {
      const own: SweepJob = {
        ...job,
        ints: new Int32Array(Math.max(1, intRows * ranges)),
        floats: new Float64Array(Math.max(1, floatRows * ranges)),
      };
      runRange(own, r);
      return slices(own, r);
    },
  ) as [Float64Array, Float64Array];
  // Whole numbers below 2^31 in every integer row, as one sequential sweep counts them.
  return { ints: Int32Array.from(ints), floats };
}
