import type { Interaction, IssuePath } from '@cx/model';
import { CxValidationError, instantToEpochMsOrNaN, parseOptions } from '@cx/model';
import { z } from 'zod';
import { buildInteractionColumns } from '../columnar/build.js';
import type { InteractionColumns } from '../columnar/interaction-columns.js';
import { workersOption } from '../parallel/workers-option.js';
import { type RecordLocator, retentionOfColumns } from './kernel.js';
import type { RetentionMatrix } from './matrix.js';
import { planRetention } from './normalize.js';
import type { CohortRetentionOptions } from './options.js';

/**
 * Options of {@link cohortRetention}: those of {@link CohortRetentionOptions} and the number of worker threads.
 *
 * @example
 * ```ts
 * import type { CohortRetentionRunOptions } from '@cx/metrics';
 * const options: CohortRetentionRunOptions = { interval: 'month', periods: 12, workers: 1 };
 * console.log(options.workers); // 1
 * ```
 * @category Retention
 * @since 0.2.0
 */
export interface CohortRetentionRunOptions extends CohortRetentionOptions {
  /**
   * Worker threads that count ranges of actors beside the calling thread (0 to 16; default 0: the calling thread
   * only). The matrix is the same. Used by the counting of the common form (calendar windows, one cohort per
   * actor, `minimumOccurrences` 1, no `aggregate`, at most 31 columns) from 50,000 actors on; otherwise the calling
   * thread counts alone. The first split count over a store copies the columns it reads (times and actor offsets,
   * and the dimension columns when a return event is given) into shared memory, kept while the store lives; the
   * workers are started once and never keep the process alive. The call stays synchronous.
   */
  readonly workers?: number;
}

const workersSchema = z.strictObject({ workers: workersOption });

/** `options` without `workers`, and `workers` checked (internal; the other keys are checked by the plan). */
function splitWorkers(options: CohortRetentionRunOptions): {
  readonly rest: CohortRetentionOptions;
  readonly workers: number;
} {
  if (
    typeof options !== 'object' ||
    options === null ||
    Array.isArray(options) ||
    !Object.hasOwn(options, 'workers')
  )
    return { rest: options, workers: 0 };
  const { workers, ...rest } = options;
  return { rest, workers: parseOptions(workersSchema, { workers }, 'cohortRetention').workers };
}

function isColumns(source: unknown): source is InteractionColumns {
  return typeof source === 'object' && source !== null && 'actorOffsets' in source && 'time' in source;
}

/**
 * Where an event of the columns came from: its position in an array of interactions (found by actor and instant,
 * only when an error needs it), or its position in the columns (internal).
 */
function locator(
  source: InteractionColumns | Iterable<Interaction>,
  columns: InteractionColumns,
): RecordLocator {
  if (source === columns) return (j) => ['time', j];
  return (j): IssuePath => {
    if (!Array.isArray(source)) return [];
    let a = 0;
    while ((columns.actorOffsets[a + 1] as number) <= j) a++;
    const actor = columns.actorIds[a];
    const t = columns.time[j];
    const i = (source as readonly Interaction[]).findIndex(
      (e) => (e.customerId ?? e.anonymousId) === actor && instantToEpochMsOrNaN(e.timestamp) === t,
    );
    return i === -1 ? [] : [i, 'timestamp'];
  };
}

/**
 * Cohort retention matrix from interactions, with the options of PostHog, Amplitude and Mixpanel (see
 * `docs/retention.md` for which options reproduce which tool).
 *
 * Actors are grouped into cohorts by the calendar period of their start event (keyed by `period` in the
 * calendar's zone); column `k` counts the actors who did the return event in period `k` after it ("on") or in
 * period `k` or later ("on or after"). Column 0 is the cohort itself. Cells whose time has not fully elapsed by
 * `asOf` are flagged and left out of the average row.
 *
 * Work is bounded by the input: the rows run from the first cohort to the last, at most `maxPeriods` of them
 * (a start event in year 9999 among events of 2024 is a `CxLimitError` naming it, not a loop over millions of days).
 *
 * @param source - Interactions in any order, or their columns ({@link buildInteractionColumns}).
 * @param options - `interval` (required), cohort type, start and return events, windows, brackets, aggregation,
 *   average rule, `asOf`, `from`, `to`, `maxPeriods`, `workers`.
 * @returns The matrix with column labels, cohort rows and the average row.
 * @throws {@link @cx/model!CxOptionsError} for a missing `interval` (or the old name `period`), unknown option keys,
 *   `null` options, unknown values, conflicting options (`periods` with `brackets`, `rollingTruncation` with
 *   calendar windows, `recurring` or quarters with rolling windows) and instants that are not UTC instants
 *   (`asOf: 1e300`).
 * @throws {@link @cx/model!CxLimitError} (`too_many_periods`) when the cohorts span more than `maxPeriods` periods,
 *   naming the latest start event.
 * @throws {@link @cx/model!CxValidationError} for bad interactions (an instant such as 2024-02-30T00:00:00Z, no
 *   actor, no name) with their positions, and an aggregated property that is not a numeric column.
 * @example
 * ```ts
 * import { cohortRetention } from '@cx/metrics';
 * const e = (customerId: string, timestamp: string) =>
 *   ({ id: `${customerId}${timestamp}`, customerId, timestamp, name: 'open', channel: 'mobile-app' as const, properties: {} });
 * const matrix = cohortRetention(
 *   [e('a', '2026-01-01T10:00:00Z'), e('a', '2026-01-02T09:00:00Z'), e('b', '2026-01-01T12:00:00Z')],
 *   { interval: 'day', periods: 2, asOf: '2026-01-10T00:00:00Z' },
 * );
 * console.log(matrix.columns, matrix.cohorts[0]?.period, matrix.cohorts[0]?.counts); // [ 'Day 0', 'Day 1', 'Day 2' ] '2026-01-01' [ 2, 1, 0 ]
 * console.log(matrix.average.rates); // [ 1, 0.5, 0 ]
 * ```
 * @category Retention
 * @since 0.1.0
 */
export function cohortRetention(
  source: InteractionColumns | Iterable<Interaction>,
  options: CohortRetentionRunOptions,
): RetentionMatrix {
  const { rest, workers } = splitWorkers(options);
  const plan = planRetention(rest, 'cohortRetention');
  const property = plan.options.aggregate?.property;
  const columns = isColumns(source)
    ? source
    : buildInteractionColumns(source, property === undefined ? {} : { numeric: [property] });
  let values: Float64Array | undefined;
  if (property !== undefined) {
    values = Object.hasOwn(columns.numeric, property) ? columns.numeric[property] : undefined;
    if (values === undefined) {
      throw new CxValidationError(
        [
          {
            path: ['aggregate', 'property'],
            message: `Expected a numeric column named ${JSON.stringify(property)}; build the columns with numeric: [${JSON.stringify(property)}]`,
            code: 'missing_column',
          },
        ],
        { subject: 'columns' },
      );
    }
  }
  return retentionOfColumns(columns, plan, values, locator(source, columns), 'auto', workers);
}
