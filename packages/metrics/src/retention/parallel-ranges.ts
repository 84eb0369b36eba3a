// The part of a parallel cohort-retention count that every thread runs (internal): the calendar kernel over one
// range of actors into the range's own rows. Ranges are claimed by the protocol of ../parallel/ranges.ts.
import { runClaimedRanges } from '../parallel/ranges.js';
import { countCalendarReturns } from './kernel-calendar.js';
import type { CompiledMatcher } from './matcher.js';

/** One parallel count (internal; posted to the workers as is: its arrays share memory, nothing is copied). */
export interface RetentionJob {
  readonly kind: 'retention';
  readonly actorOffsets: Int32Array;
  readonly time: Float64Array;
  /** The dimension columns, or empty arrays when no return matcher reads them. */
  readonly name: Int32Array;
  readonly channel: Int32Array;
  readonly touchpoint: Int32Array;
  readonly stage: Int32Array;
  readonly startOf: Int32Array;
  readonly startTime: Float64Array;
  readonly lastTime: Float64Array;
  readonly starts: Float64Array;
  readonly offsetColumn: Int32Array;
  readonly columns: number;
  readonly onOrAfter: boolean;
  readonly ret: CompiledMatcher | undefined;
  /** Actor index where range `r` starts (`ranges + 1` entries). */
  readonly rangeStarts: Int32Array;
  /** The claiming protocol's control array. */
  readonly control: Int32Array;
  /** Per range, the cohort sizes per table position (`positions` slots), one range after another. */
  readonly sizes: Float64Array;
  /** Per range, the retained actors per position and column (`positions × columns` slots). */
  readonly counts: Float64Array;
}

/** Runs range `r` of `job` into its rows (internal). */
export function runRetentionRange(job: RetentionJob, r: number): void {
  const positions = job.starts.length - 1;
  const cells = positions * job.columns;
  countCalendarReturns(
    job.rangeStarts[r] as number,
    job.rangeStarts[r + 1] as number,
    job.actorOffsets,
    job.time,
    job.name,
    job.channel,
    job.touchpoint,
    job.stage,
    job.startOf,
    job.startTime,
    job.lastTime,
    job.starts,
    job.offsetColumn,
    job.columns,
    job.onOrAfter,
    job.ret,
    {
      sizes: job.sizes.subarray(r * positions, (r + 1) * positions),
      counts: job.counts.subarray(r * cells, (r + 1) * cells),
    },
  );
}

/** Claims and runs ranges of `job` until none is left (internal). */
export const runRetentionJob = (job: RetentionJob): number =>
  runClaimedRanges(job.control, job.rangeStarts.length - 1, (r) => runRetentionRange(job, r));
