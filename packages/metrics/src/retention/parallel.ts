// The counting pass of cohort retention over worker threads (internal; `cohortRetention(…, { workers })`). The
// actors are cut into ranges that the calling thread and the workers claim from one shared counter; each range's
// cohort sizes and retained actors (whole numbers, exact in any order) are added in range order. The call stays
// synchronous: the calling thread works through the ranges itself and waits only for ranges a worker has started.
import type { InteractionColumns } from '../columnar/interaction-columns.js';
import { newControl, shared } from '../parallel/ranges.js';
import { rangeStartsOf, runSplit, sharedRows } from '../parallel/split.js';
import type { CalendarCounts } from './kernel-calendar.js';
import type { CompiledMatcher } from './matcher.js';
import { type RetentionJob, runRetentionJob, runRetentionRange } from './parallel-ranges.js';

/** Fewer actors than this are counted on the calling thread: the ranges would be too short to pay. */
export const PARALLEL_ACTORS_FROM = 50_000;

type SharedColumn = 'actorOffsets' | 'time' | 'name' | 'channel' | 'touchpoint' | 'stage';
const sharedColumns = new WeakMap<
  InteractionColumns,
  Partial<Record<SharedColumn, Int32Array | Float64Array>>
>();

/** Column `key` of `cols` in shared memory: copied on first use, kept while the columns live. */
function sharedColumn<K extends SharedColumn>(cols: InteractionColumns, key: K): InteractionColumns[K] {
  let cache = sharedColumns.get(cols);
  if (cache === undefined) sharedColumns.set(cols, (cache = {}));
  let column = cache[key] as InteractionColumns[K] | undefined;
  if (column === undefined) cache[key] = column = shared(cols[key]);
  return column;
}

/** Per-actor arrays for the start pass: in shared memory when the count will be split (internal). */
export function actorArrays(
  actors: number,
  split: boolean,
): { startOf: Int32Array; startTime: Float64Array; lastTime: Float64Array } {
  return split
    ? {
        startOf: new Int32Array(new SharedArrayBuffer(4 * actors)),
        startTime: new Float64Array(new SharedArrayBuffer(8 * actors)),
        lastTime: new Float64Array(new SharedArrayBuffer(8 * actors)),
      }
    : {
        startOf: new Int32Array(actors),
        startTime: new Float64Array(actors),
        lastTime: new Float64Array(actors),
      };
}

/**
 * The calendar kernel's counts over `workers` worker threads and the calling thread (internal).
 *
 * @returns The cohort sizes and retained actors per table position, as one call over every actor gives them.
 */
export function countInParallel(
  cols: InteractionColumns,
  startOf: Int32Array,
  startTime: Float64Array,
  lastTime: Float64Array,
  starts: Float64Array,
  offsetColumn: Int32Array,
  columns: number,
  onOrAfter: boolean,
  ret: CompiledMatcher | undefined,
  workers: number,
): CalendarCounts {
  const positions = starts.length - 1;
  const cells = positions * columns;
  const rangeStarts = rangeStartsOf(cols.actorIds.length, workers, 4096);
  const ranges = rangeStarts.length - 1;
  const none = new Int32Array(0);
  const job: RetentionJob = {
    kind: 'retention',
    actorOffsets: sharedColumn(cols, 'actorOffsets'),
    time: sharedColumn(cols, 'time'),
    name: ret === undefined ? none : sharedColumn(cols, 'name'),
    channel: ret === undefined ? none : sharedColumn(cols, 'channel'),
    touchpoint: ret === undefined ? none : sharedColumn(cols, 'touchpoint'),
    stage: ret === undefined ? none : sharedColumn(cols, 'stage'),
    startOf,
    startTime,
    lastTime,
    starts: shared(starts),
    offsetColumn: shared(offsetColumn),
    columns,
    onOrAfter,
    ret,
    rangeStarts,
    control: newControl(ranges),
    sizes: sharedRows((b) => new Float64Array(b), 8, positions, ranges),
    counts: sharedRows((b) => new Float64Array(b), 8, cells, ranges),
  };
  const slices = (j: RetentionJob, r: number) => [
    j.sizes.subarray(r * positions, (r + 1) * positions),
    j.counts.subarray(r * cells, (r + 1) * cells),
  ];
  const [sizes, counts] = runSplit(
    job,
    workers,
    () => runRetentionJob(job),
    [positions, cells],
    (r) => slices(job, r),
    (r) => {
      const own: RetentionJob = {
        ...job,
        sizes: new Float64Array(Math.max(1, positions * ranges)),
        counts: new Float64Array(Math.max(1, cells * ranges)),
      };
      runRetentionRange(own, r);
      return slices(own, r);
    },
  ) as [Float64Array, Float64Array];
  return { sizes, counts };
}
