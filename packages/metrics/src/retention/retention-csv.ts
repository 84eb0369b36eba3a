import { type ReducedChunk, reduceColumns } from '@cx/ingest';
import { CxOptionsError, parseOptions } from '@cx/model';
import { z } from 'zod';
import {
  csvDelimiter,
  DEFAULT_CHUNK_BYTES,
  type InteractionCsvField,
  interactionCsvMapping,
  openInteractionCsv,
  type ReadInteractionCsvOptions,
  readInteractionCsvOptionsSchema,
  rowIssues,
} from '../columnar/csv-stream.js';
import { workersOption } from '../parallel/workers-option.js';
import { CohortRetentionAccumulator } from './accumulator.js';
import { ChunkMerge, rejectedRows } from './chunk-merge.js';
import type { RetentionChunk, RetentionReducerOptions } from './chunk-reducer.js';
import type { RetentionMatrix } from './matrix.js';
import { planRetention, type RetentionPlan } from './normalize.js';
import type { CohortRetentionOptions } from './options.js';

/**
 * How {@link cohortRetentionCsv} reads the file: the options of {@link streamInteractionCsv} that say what the file
 * looks like.
 *
 * @example
 * ```ts
 * import type { RetentionCsvReadOptions } from '@cx/metrics';
 * const read: RetentionCsvReadOptions = { columns: { customerId: 'user_id', timestamp: 'ts' }, delimiter: ';' };
 * console.log(read.delimiter); // ';'
 * ```
 * @category Retention
 * @since 0.3.0
 */
export interface RetentionCsvReadOptions {
  /** Header names of the interaction fields when they differ from the field names, e.g. `{ name: 'event' }`. */
  readonly columns?: Partial<Readonly<Record<InteractionCsvField, string>>>;
  /** Field delimiter, one ASCII character. Default `','`. */
  readonly delimiter?: string;
  /** Bytes read per step (a worker's chunk is eight steps). Default 4 MiB. */
  readonly chunkBytes?: number;
  /** IANA time zone of timestamps written without an offset; without it such timestamps are rejected. */
  readonly timeZone?: string;
  /** Drop rows whose `id` was already seen, keeping the first (read on the calling thread). Default `false`. */
  readonly dedupe?: boolean;
}

/**
 * Options of {@link cohortRetentionCsv}: those of {@link CohortRetentionOptions} (except `cohortType:
 * 'recurring'`), the worker threads and how to read the file.
 *
 * @example
 * ```ts
 * import type { CohortRetentionCsvOptions } from '@cx/metrics';
 * const options: CohortRetentionCsvOptions = { interval: 'month', periods: 6, timeZone: 'Europe/Warsaw', workers: 2 };
 * console.log(options.workers); // 2
 * ```
 * @category Retention
 * @since 0.3.0
 */
export interface CohortRetentionCsvOptions extends CohortRetentionOptions {
  /**
   * Worker threads that read chunks of the file and reduce them (0 to 16; default 0: the calling thread reads and
   * counts). The matrix is the same.
   */
  readonly workers?: number;
  /** How to read the file. */
  readonly read?: RetentionCsvReadOptions;
}

const readSchema = readInteractionCsvOptionsSchema.pick({
  columns: true,
  delimiter: true,
  chunkBytes: true,
  timeZone: true,
  dedupe: true,
});

const ownSchema = z.looseObject({ workers: workersOption, read: readSchema.optional() });

/** The module of the chunk reducer: the built entry, or the TypeScript source under tsx (internal). */
function reducerModule(): string {
  const here = import.meta.url;
  // In the build, this code sits in a chunk in dist/ and the reducer is the entry dist/retention-reducer.js.
  return here.endsWith('.ts')
    ? new URL('./chunk-reducer.ts', here).href
    : new URL('./retention-reducer.js', here).href;
}

/**
 * Cohort retention of an interactions CSV file of any length, read once, with memory that grows with actors, not
 * events: the same matrix as {@link streamInteractionCsv} into a {@link CohortRetentionAccumulator} (and as
 * {@link cohortRetention} on the file's columns), with the same checks and errors.
 *
 * With `workers`, the common form (calendar windows, `minimumOccurrences` 1, no `aggregate`, rows not
 * deduplicated) is reduced where it is read: worker threads read chunks of the file (`@cx/ingest`'s
 * `reduceColumns`, every row checked by the same grammar) and reduce each chunk to one entry per actor in it (first
 * and last event time, what its events do to the actor if it has not started yet, the periods of its return
 * events), and the calling thread merges the entries in file order, so its work grows with actors per chunk, not
 * with events. Other options read the file with the workers and count on the calling thread, event by event
 * (`streamInteractionCsv` + `CohortRetentionAccumulator.addBatch`); so does `workers: 0`.
 *
 * Errors are those of the one-thread read: the rows the reader rejects (thrown when their chunk is reached, with
 * every dead letter so far), an event earlier than its actor's previous one (`unsorted_events`, the first in row
 * order), a cohort span beyond `maxPeriods` (`CxLimitError`). When a chunk holds a rejected row and an event out of
 * order, the rejected row is reported (the one-thread read does the same within a batch).
 *
 * Only the columns the matchers use are read among the dimensions (`name`, `channel`, `touchpointId`, `stageId`);
 * a dimension the matchers do not use is not required.
 *
 * @param path - Path of the CSV file (header row; columns as {@link streamInteractionCsv} reads them).
 * @param options - The retention options, `workers` and `read`.
 * @returns The retention matrix.
 * @throws {@link @cx/model!CxOptionsError} for invalid options (as {@link cohortRetention}; `cohortType:
 *   'recurring'` too); {@link @cx/model!CxValidationError} for a header without the required columns, rejected
 *   rows and events out of order per actor; {@link @cx/model!CxLimitError} when the cohorts span more than
 *   `maxPeriods`.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { cohortRetentionCsv } from '@cx/metrics';
 * const file = join(tmpdir(), 'retention-csv-example.csv');
 * writeFileSync(file, [
 *   'customerId,timestamp,name,channel',
 *   'a,2026-01-05T10:00:00Z,signup,web',
 *   'a,2026-02-03T10:00:00Z,open,web',
 *   'b,2026-01-20T10:00:00Z,signup,web',
 * ].join('\n'));
 * const matrix = await cohortRetentionCsv(file, { interval: 'month', periods: 1, workers: 1 });
 * console.log(matrix.cohorts[0]?.period, matrix.cohorts[0]?.counts); // '2026-01' [ 2, 1 ]
 * ```
 * @category Retention
 * @since 0.3.0
 */
export function cohortRetentionCsv(
  path: string,
  options: CohortRetentionCsvOptions,
): Promise<RetentionMatrix> {
  // Options are checked now, synchronously; the file is read by the returned promise.
  const { workers, read = {} } = parseOptions(ownSchema, options, 'cohortRetentionCsv');
  const { workers: _w, read: _r, ...retention } = options;
  const plan = planRetention(retention, 'cohortRetentionCsv');
  const o = plan.options;
  if (o.cohortType === 'recurring') {
    throw new CxOptionsError('cohortRetentionCsv', [
      {
        path: ['cohortType'],
        code: 'invalid_value',
        message:
          'cohortRetentionCsv does not count recurring cohorts (an actor joins a cohort per period, which needs all its events); use cohortRetention on columns',
      },
    ]);
  }
  const dimensions = (['name', 'channel', 'touchpoint', 'stage'] as const).filter(
    (d) => o.startEvent[d] !== undefined || o.returnEvent[d] !== undefined,
  );
  const readOptions: ReadInteractionCsvOptions = {
    ...(read.columns !== undefined ? { columns: read.columns } : {}),
    ...(read.delimiter !== undefined ? { delimiter: read.delimiter } : {}),
    ...(read.chunkBytes !== undefined ? { chunkBytes: read.chunkBytes } : {}),
    ...(read.timeZone !== undefined ? { timeZone: read.timeZone } : {}),
    ...(read.dedupe !== undefined ? { dedupe: read.dedupe } : {}),
    dimensions,
  };
  const reducible =
    workers > 0 &&
    o.window === 'calendar' &&
    o.minimumOccurrences === 1 &&
    o.aggregate === undefined &&
    read.dedupe !== true;
  if (!reducible) {
    const accumulator = new CohortRetentionAccumulator(retention);
    return (async () => {
      // The accumulator counts each batch before the next is asked for: its memory is reused.
      const stream = openInteractionCsv(path, { ...readOptions, workers }, true);
      for await (const batch of stream) accumulator.addBatch(batch, stream);
      return accumulator.result();
    })();
  }
  return reduced(path, plan, retention, readOptions, workers);
}

/** The reduced path of {@link cohortRetentionCsv} (internal; options checked). */
async function reduced(
  path: string,
  plan: RetentionPlan,
  retention: CohortRetentionOptions,
  readOptions: ReadInteractionCsvOptions,
  workers: number,
): Promise<RetentionMatrix> {
  const delimiter = csvDelimiter(readOptions);
  const chunkBytes = Math.max(1 << 10, readOptions.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const { mapping, read: fields } = await interactionCsvMapping(path, readOptions, delimiter, chunkBytes);
  const reducerOptions: RetentionReducerOptions = { retention };
  const stream = reduceColumns<RetentionChunk>(
    { path },
    {
      format: 'csv',
      delimiter,
      chunkBytes,
      mapping,
      fields,
      workers,
      reducer: { module: reducerModule(), options: reducerOptions },
    },
  );
  const merge = new ChunkMerge(plan, path);
  const dictionary = (field: string) => stream.dictionary(field);
  for await (const chunk of stream as AsyncIterable<ReducedChunk<RetentionChunk>>) {
    if (chunk.rejected > 0) throw rejectedRows(rowIssues(stream.summary.deadLetters));
    merge.add(chunk, dictionary);
  }
  return merge.matrix(stream.summary.rowsIn);
}
