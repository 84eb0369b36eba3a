import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CxOptionsError, type OptionIssue, parseOptions } from '@cx/model';
import { z } from 'zod';
import { ActorPartitions } from '../columnar/actor-partitions.js';
import {
  type InteractionCsvField,
  openInteractionCsv,
  type ReadInteractionCsvOptions,
  readInteractionCsvOptionsSchema,
} from '../columnar/csv-stream.js';
import type { InteractionColumns } from '../columnar/interaction-columns.js';
import { funnelColumnsInto } from './funnel-columns.js';
import { newAggregate } from './funnel-kernel.js';
import type { FunnelOptions } from './funnel-options.js';
import { type ResolvedFunnel, resolveFunnel } from './funnel-resolve.js';
import { type FunnelResult, funnelResultOf } from './funnel-result.js';
import { PathCounts } from './path-counter.js';
import { type TopPathsOptions, type TopPathsResult, topPathsSchema } from './paths.js';
import { countPathsInto, rankPathCounts } from './paths-columns.js';
import type { InteractionPredicate } from './predicate.js';

const SUBJECT = 'journeyCsv';
const MIB = 2 ** 20;

/**
 * Options of {@link journeyCsv}.
 *
 * @category Journey analytics
 * @since 0.2.0
 */
export interface JourneyCsvOptions {
  /** The funnel to compute (as {@link funnelColumns}: conditions on properties are not available). */
  readonly funnel?: FunnelOptions | undefined;
  /** The top paths to compute (as {@link topPathsColumns}). */
  readonly paths?: TopPathsOptions | undefined;
  /**
   * Number of actor partitions spilled to disk, 1 to 4,096. Default: one per 256 MiB of the file (at least 1), so
   * that a partition's columns take a few hundred MiB.
   */
  readonly partitions?: number | undefined;
  /** Events buffered per partition before they are written, 1 to 2²⁰. Default 65,536 (1.75 MiB per partition). */
  readonly bufferEvents?: number | undefined;
  /** Directory for the spill files (a fresh subdirectory, removed afterwards). Default `os.tmpdir()`. */
  readonly tempDirectory?: string | undefined;
  /** Reader options: column names, delimiter, time zone of local timestamps, chunk size, reader workers. */
  readonly csv?:
    | {
        readonly columns?: Partial<Readonly<Record<InteractionCsvField, string>>> | undefined;
        readonly delimiter?: string | undefined;
        readonly timeZone?: string | undefined;
        readonly chunkBytes?: number | undefined;
        readonly workers?: number | undefined;
      }
    | undefined;
}

/**
 * What {@link journeyCsv} computed.
 *
 * @category Journey analytics
 * @since 0.2.0
 */
export interface JourneyCsvResult {
  /** The funnel, when `funnel` was given. */
  readonly funnel: FunnelResult | undefined;
  /** The top paths, when `paths` was given. */
  readonly paths: TopPathsResult | undefined;
  /** Events read. */
  readonly events: number;
  /** Distinct actors. */
  readonly actors: number;
  /** Partitions used. */
  readonly partitions: number;
}

const journeyCsvSchema = z.strictObject({
  funnel: z.unknown().optional(),
  paths: z.unknown().optional(),
  partitions: z.number().int().min(1).max(4096).optional(),
  bufferEvents: z
    .number()
    .int()
    .min(1)
    .max(2 ** 20)
    .default(65_536),
  tempDirectory: z.string().min(1).optional(),
  csv: readInteractionCsvOptionsSchema
    .pick({ columns: true, delimiter: true, timeZone: true, chunkBytes: true, workers: true })
    .default({}),
});

/** Runs `parse`, giving its option issues the path of `key` in the options of {@link journeyCsv}. */
function nested<T>(key: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof CxOptionsError)) throw error;
    throw new CxOptionsError(
      SUBJECT,
      error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })),
      { cause: error },
    );
  }
}

/**
 * A funnel and the top paths of an interactions CSV of any length, in memory that grows with the number of
 * actors rather than events: the file is read once as a stream, each actor's events are spilled to one of
 * `partitions` temporary files (by actor), and each partition is then loaded as columns and run through the
 * columnar funnel and paths kernels, one at a time. Funnel counts and conversion times of disjoint actors add up
 * and path counts merge, so the results equal {@link funnelColumns} and {@link topPathsColumns} on the columns of
 * the whole file ({@link readInteractionColumnsCsv}).
 *
 * Memory: the reader's dictionaries (one entry per actor), `partitions × bufferEvents` buffered events (28 bytes
 * each), and one partition's columns at a time (about 60 bytes per event of the partition); disk: 28 bytes per
 * event. The options are checked before anything is read, and the call throws them synchronously.
 *
 * @param path - Path of the CSV file (the layout {@link streamInteractionCsv} reads).
 * @param options - The funnel and/or paths to compute, the partitioning and the reader's options.
 * @returns The funnel and paths asked for, with the numbers of events, actors and partitions.
 * @throws {@link @cx/model!CxOptionsError} (synchronously) for unknown keys, out-of-range numbers, and invalid
 *   `funnel` or `paths` options (paths start at `funnel` or `paths`), or neither of them given.
 * @throws {@link @cx/model!CxValidationError} (the promise rejects) for a header without the required columns or
 *   bad rows, as {@link streamInteractionCsv}.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { journeyCsv } from '@cx/metrics';
 * const file = join(tmpdir(), 'journey-csv-example.csv');
 * writeFileSync(file, 'customerId,timestamp,name,channel,touchpointId\n' +
 *   'c1,2026-01-01T10:00:00Z,view,web,home\nc2,2026-01-01T10:00:00Z,view,web,home\n' +
 *   'c1,2026-01-01T10:05:00Z,buy,web,checkout\n');
 * const result = await journeyCsv(file, {
 *   funnel: { steps: [{ name: 'view' }, { name: 'buy' }] },
 *   paths: { limit: 2 },
 *   partitions: 2,
 * });
 * console.log(result.funnel?.steps.map((s) => s.count), result.paths?.paths[0]?.path); // [ 2, 1 ] [ 'home', 'checkout' ]
 * ```
 * @category Journey analytics
 * @since 0.2.0
 */
export function journeyCsv(path: string, options: JourneyCsvOptions): Promise<JourneyCsvResult> {
  const o = parseOptions(journeyCsvSchema, options, SUBJECT);
  if (o.funnel === undefined && o.paths === undefined) {
    throw new CxOptionsError(SUBJECT, [
      {
        path: [],
        code: 'missing_option',
        message: 'Expected `funnel`, `paths` or both: there is nothing to compute',
      },
    ]);
  }
  const funnel =
    o.funnel === undefined ? undefined : nested('funnel', () => resolveFunnel(o.funnel, SUBJECT));
  if (funnel !== undefined) {
    const issues = propertyConditions(funnel);
    if (issues.length > 0) throw new CxOptionsError(SUBJECT, issues);
  }
  const paths =
    o.paths === undefined ? undefined : nested('paths', () => parseOptions(topPathsSchema, o.paths, SUBJECT));
  return run(path, o, funnel, paths);
}

/** Conditions on properties, which the spilled columns do not hold (internal). */
function propertyConditions(f: ResolvedFunnel): OptionIssue[] {
  const issues: OptionIssue[] = [];
  const check = (root: 'steps' | 'exclusions', list: readonly InteractionPredicate[]) => {
    list.forEach((p, k) => {
      if (p.properties !== undefined && Object.keys(p.properties).length > 0)
        issues.push({
          path: ['funnel', root, k, 'properties'],
          code: 'invalid_value',
          message: 'journeyCsv reads no properties; use funnelColumns on columns read with options.numeric',
        });
    });
  };
  check('steps', f.options.steps);
  check('exclusions', f.options.exclusions);
  if (f.options.breakdown?.property !== undefined)
    issues.push({
      path: ['funnel', 'breakdown', 'property'],
      code: 'invalid_value',
      message: 'Breakdown by property is not available on columns; use a field',
    });
  return issues;
}

async function run(
  path: string,
  o: z.output<typeof journeyCsvSchema>,
  f: ResolvedFunnel | undefined,
  paths: z.output<typeof topPathsSchema> | undefined,
): Promise<JourneyCsvResult> {
  const count = o.partitions ?? Math.max(1, Math.ceil(statSync(path).size / (256 * MIB)));
  // Keys given as `undefined` are left out (the reader's options are exact).
  const reader = Object.fromEntries(
    Object.entries(o.csv).filter(([, value]) => value !== undefined),
  ) as ReadInteractionCsvOptions;
  // Each batch is copied into the partitions' buffers before the next is asked for: its memory is reused.
  const stream = openInteractionCsv(path, reader, true);
  const directory = mkdtempSync(join(o.tempDirectory ?? tmpdir(), 'cx-journey-'));
  try {
    const partitions = new ActorPartitions(directory, count, o.bufferEvents);
    try {
      for await (const batch of stream) partitions.add(batch);
    } finally {
      partitions.finish();
    }
    const dictionaries = {
      actorCount: stream.actorCount,
      names: stream.names,
      channels: stream.channels,
      touchpoints: stream.touchpoints,
      stages: stream.stages,
    };
    const agg = f === undefined ? undefined : newAggregate(f.n);
    const counts = new PathCounts();
    let without = 0;
    let last: InteractionColumns | undefined;
    for (let k = 0; k < count; k++) {
      const columns = partitions.read(k, dictionaries);
      if (f !== undefined && agg !== undefined) funnelColumnsInto(columns, f, agg, SUBJECT);
      if (paths !== undefined) without += countPathsInto(columns, paths, counts);
      last = columns;
    }
    return {
      funnel: f === undefined || agg === undefined ? undefined : funnelResultOf(f, agg),
      paths:
        paths === undefined || last === undefined
          ? undefined
          : rankPathCounts(counts, last, paths.by, paths.limit, without),
      events: partitions.events,
      actors: stream.actorCount,
      partitions: count,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
