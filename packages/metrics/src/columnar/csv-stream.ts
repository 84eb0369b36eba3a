import {
  type ColumnBatch,
  type DeadLetter,
  deadLetterIssue,
  defineMapping,
  type FieldSource,
  type Mapping,
  type MappingSpec,
  readColumns,
  readHeader,
  StringIndex,
} from '@cx/ingest';
import type { ValidationIssue } from '@cx/model';
import { CxValidationError, parseOptions } from '@cx/model';
import { z } from 'zod';
import { csvChunkBytesOption, csvDelimiterOption, csvWorkersOption } from './csv-options.js';
import type { InteractionBatch } from './interaction-columns.js';

/**
 * The interaction fields a CSV column can hold, by their names in {@link @cx/model!Interaction}.
 *
 * @category Columnar
 * @since 0.1.0
 */
export type InteractionCsvField =
  | 'id'
  | 'customerId'
  | 'anonymousId'
  | 'timestamp'
  | 'name'
  | 'channel'
  | 'touchpointId'
  | 'stageId';

/** Every {@link InteractionCsvField}, for option schemas (internal). */
export const INTERACTION_CSV_FIELDS = [
  'id',
  'customerId',
  'anonymousId',
  'timestamp',
  'name',
  'channel',
  'touchpointId',
  'stageId',
] as const satisfies readonly InteractionCsvField[];

/**
 * The options of {@link streamInteractionCsv} and {@link readInteractionColumnsCsv}, strictly (internal; also picked
 * by the read options of `cohortRetentionCsv` and `journeyCsv`).
 */
export const readInteractionCsvOptionsSchema = z.strictObject({
  numeric: z.array(z.string().min(1)).optional(),
  columns: z.partialRecord(z.enum(INTERACTION_CSV_FIELDS), z.string().min(1)).optional(),
  delimiter: csvDelimiterOption.optional(),
  dedupe: z.boolean().optional(),
  chunkBytes: csvChunkBytesOption.optional(),
  dimensions: z.array(z.enum(['name', 'channel', 'touchpoint', 'stage'])).optional(),
  timeZone: z.string().min(1).optional(),
  workers: csvWorkersOption.optional(),
});

/**
 * Checks the options of an interactions CSV read (internal): unknown keys, wrong types and out-of-range values throw
 * {@link @cx/model!CxOptionsError} naming `fn`.
 */
export function checkReadInteractionCsvOptions(options: unknown, fn: string): ReadInteractionCsvOptions {
  return parseOptions(readInteractionCsvOptionsSchema, options, fn) as ReadInteractionCsvOptions;
}

/**
 * Options of {@link streamInteractionCsv} and {@link readInteractionColumnsCsv}.
 *
 * @category Columnar
 * @since 0.1.0
 */
export interface ReadInteractionCsvOptions {
  /**
   * Numeric properties to read, each from the column named `properties.<name>` or `<name>`; empty cells are
   * `NaN`. Default none.
   */
  readonly numeric?: readonly string[];
  /** Header names of the interaction fields when they differ from the field names, e.g. `{ name: 'event' }`. */
  readonly columns?: Partial<Readonly<Record<InteractionCsvField, string>>>;
  /** Field delimiter, one ASCII character. Default `','`. */
  readonly delimiter?: string;
  /**
   * Drop rows whose `id` was already seen, keeping the first. Default `false` (the id set grows with events;
   * retention counts distinct actors and is not affected by duplicates, property sums are).
   */
  readonly dedupe?: boolean;
  /** Bytes read per step, which bounds the size of each batch. Default 4 MiB. */
  readonly chunkBytes?: number;
  /**
   * The dictionary-encoded dimensions to read. Columns of the others are skipped (faster) and their batch
   * values are `-1`; a name or channel cell is then not required. Default all four.
   */
  readonly dimensions?: ReadonlyArray<'name' | 'channel' | 'touchpoint' | 'stage'>;
  /**
   * IANA time zone of timestamps written without an offset (`2026-03-01 09:30`); without it such timestamps are
   * rejected. DST gaps and overlaps are rejected.
   */
  readonly timeZone?: string;
  /** Worker threads reading chunks of the file in parallel (`@cx/ingest`'s `readColumns`); same result. Default 0. */
  readonly workers?: number;
}

/**
 * A streaming read of an interactions CSV: an async iterable of {@link InteractionBatch} plus the dictionaries
 * the batches' indices refer to (they grow as the file is read).
 *
 * @category Columnar
 * @since 0.1.0
 */
export interface InteractionCsvStream extends AsyncIterable<InteractionBatch> {
  /** The path of the file read (named in errors with a batch's lines). */
  readonly source: string;
  /** Distinct event names so far (index → name). */
  readonly names: readonly string[];
  /** Distinct channels so far. */
  readonly channels: readonly string[];
  /** Distinct touchpoint ids so far. */
  readonly touchpoints: readonly string[];
  /** Distinct stage ids so far. */
  readonly stages: readonly string[];
  /** Number of distinct actors so far. */
  readonly actorCount: number;
  /**
   * The id of actor index `index`.
   *
   * @param index - Actor index from a batch.
   * @returns The actor id (`customerId`, else `anonymousId`).
   */
  actorId(index: number): string;
}

/** Bytes read per step unless `chunkBytes` says otherwise (internal). */
export const DEFAULT_CHUNK_BYTES = 1 << 22;

const DIMENSIONS: ReadonlyArray<[InteractionCsvField, 'name' | 'channel' | 'touchpoint' | 'stage']> = [
  ['name', 'name'],
  ['channel', 'channel'],
  ['touchpointId', 'touchpoint'],
  ['stageId', 'stage'],
];

/** The mapping of an interactions CSV with the given header, or the header's problems (internal). */
function interactionMapping(
  header: readonly string[],
  options: ReadInteractionCsvOptions,
  path: string,
): MappingSpec {
  const names = options.columns ?? {};
  const dimensions = new Set(options.dimensions ?? ['name', 'channel', 'touchpoint', 'stage']);
  const issues: ValidationIssue[] = [];
  const column = (field: InteractionCsvField): string | undefined => {
    const name = names[field] ?? field;
    if (header.includes(name)) return name;
    if (names[field] !== undefined) {
      issues.push({
        path: ['columns', field],
        code: 'missing_column',
        message: `Expected a column named ${JSON.stringify(name)} in the header of ${path}`,
      });
    }
    return undefined;
  };
  const fields: Record<string, FieldSource> = {};
  const id = column('id');
  fields.id = options.dedupe === true && id !== undefined ? id : { generate: 'line' };
  for (const field of ['customerId', 'anonymousId', 'timestamp'] as const) {
    const name = column(field);
    if (name !== undefined) fields[field] = name;
  }
  for (const [field, dimension] of DIMENSIONS) {
    const name = column(field);
    if (name !== undefined && dimensions.has(dimension)) fields[field] = name;
  }
  const numbers: Record<string, string> = {};
  [...new Set(options.numeric ?? [])].forEach((key, k) => {
    const name = header.includes(`properties.${key}`)
      ? `properties.${key}`
      : header.includes(key)
        ? key
        : undefined;
    if (name === undefined) {
      issues.push({
        path: ['numeric', k],
        code: 'missing_column',
        message: `Expected a column named "properties.${key}" or "${key}" in ${path}`,
      });
    } else numbers[key] = name;
  });
  for (const field of ['timestamp', 'name', 'channel'] as const) {
    const skipped = (field === 'name' || field === 'channel') && !dimensions.has(field);
    if (fields[field] === undefined && !skipped && !issues.some((i) => i.path[1] === field)) {
      issues.push({
        path: ['columns', field],
        code: 'missing_column',
        message: `Expected a ${JSON.stringify(names[field] ?? field)} column in ${path}`,
      });
    }
  }
  if (fields.customerId === undefined && fields.anonymousId === undefined) {
    issues.push({
      path: ['columns', 'customerId'],
      code: 'missing_column',
      message: `Expected a customerId or anonymousId column in ${path}`,
    });
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'interactions CSV header' });
  // The model requires a name and a channel; when their dimension is skipped they are not read (constants satisfy
  // the mapping's check and are never output).
  if (fields.name === undefined) fields.name = { value: 'unread' };
  if (fields.channel === undefined) fields.channel = { value: 'other' };
  return {
    kind: 'interaction',
    fields,
    numbers,
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
  };
}

/** The delimiter of the options, checked: one ASCII character (internal). */
export function csvDelimiter(options: ReadInteractionCsvOptions): string {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127 || delimiter === '"' || delimiter === '\n') {
    throw new CxValidationError(
      [
        {
          path: ['delimiter'],
          message: `Expected one ASCII character, got ${JSON.stringify(delimiter)}`,
          code: 'invalid_value',
        },
      ],
      { subject: 'CSV options' },
    );
  }
  return delimiter;
}

/**
 * The mapping of an interactions CSV from its header and the fields it reads (internal; shared by the streaming
 * read and the reduced retention read, so that both read and check the same columns).
 */
export async function interactionCsvMapping(
  path: string,
  options: ReadInteractionCsvOptions,
  delimiter: string,
  chunkBytes: number,
): Promise<{ readonly mapping: Mapping; readonly read: string[] }> {
  let header: string[];
  try {
    header = await readHeader({ path }, { format: 'csv', delimiter, chunkBytes });
  } catch (error) {
    if (error instanceof CxValidationError && error.issues[0]?.code === 'missing_header') {
      throw new CxValidationError(
        [
          {
            path: [],
            message: `Expected a header row in ${path}, found an empty file`,
            code: 'missing_header',
          },
        ],
        { subject: 'interactions CSV', cause: error },
      );
    }
    throw error;
  }
  const mapping = defineMapping(interactionMapping(header, options, path));
  const read = mapping.fields.filter((f) => f.source === 'column').map((f) => f.field);
  return { mapping, read };
}

/** The issues of dead letters with `[dataRowIndex, column]` paths, with line and column (internal). */
export function rowIssues(letters: readonly DeadLetter[]): ValidationIssue[] {
  return letters.map((d) => {
    const issue = deadLetterIssue(d);
    // Numeric properties by their header name; a row without actor at customerId, as before.
    const column =
      d.field === undefined
        ? d.code === 'schema_custom'
          ? 'customerId'
          : undefined
        : d.field.startsWith('properties.')
          ? d.sourceColumn
          : d.field;
    return { ...issue, path: column === undefined ? [d.row] : [d.row, column] };
  });
}

/** Maps the indices of a growing ingest dictionary into a shared one (internal). */
class Translation {
  #map = new Int32Array(256).fill(-1);

  /** The map, with room for `size` indices (`-1` = not yet translated); valid until the next call. */
  table(size: number): Int32Array {
    if (size > this.#map.length) {
      const grown = new Int32Array(Math.max(this.#map.length * 2, size)).fill(-1);
      grown.set(this.#map);
      this.#map = grown;
    }
    return this.#map;
  }

  /** Maps `[0, count)` to themselves (the shared dictionary holds those values at the same indices). */
  identity(count: number): void {
    const map = this.table(count);
    for (let i = 0; i < count; i++) map[i] = i;
  }

  get(index: number, values: readonly string[], into: StringIndex): number {
    if (index < 0) return -1;
    const map = this.table(index + 1);
    let out = map[index] as number;
    if (out < 0) {
      out = into.add(values[index] as string);
      map[index] = out;
    }
    return out;
  }
}

/**
 * Streams an interactions CSV (header row, RFC 4180 quoting) as dictionary-encoded batches through the
 * `@cx/ingest` column path: memory stays bounded by the chunk size plus the dictionaries (actors, names, …).
 *
 * Columns are matched by header name (`customerId`, `anonymousId`, `timestamp`, `name`, `channel`,
 * `touchpointId`, `stageId`, optionally `id`; rename with `columns`), numeric properties from `properties.<name>`
 * or `<name>` (read with the numbers grammar of `@cx/ingest`: `1,234.50` and `1 234,50` are read, `1,234` is
 * ambiguous); other columns are ignored. Timestamps follow the instant grammar of `@cx/ingest`: an offset or `Z`,
 * or a local time with `timeZone`.
 *
 * @param path - Path of the CSV file.
 * @param options - Numeric properties, column names, delimiter, duplicate handling, chunk size, time zone.
 * @returns A stream to iterate with `for await`, plus its dictionaries.
 * @throws {@link @cx/model!CxOptionsError} (at the call) for an unknown option, a delimiter other than one ASCII
 *   character, `chunkBytes` outside 1 KiB–1 GiB or not whole, an unknown column field or dimension, or `workers`
 *   outside 0–64.
 * @throws {@link @cx/model!CxValidationError} (while iterating) for a header without the required columns, and for
 *   rows with a bad timestamp, number, field count or quote, or without actor, name or channel; paths are
 *   `[dataRowIndex, column]` and messages give the line and column. Rows before the failing chunk have been yielded.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { streamInteractionCsv } from '@cx/metrics';
 * const file = join(tmpdir(), 'events-stream-example.csv');
 * writeFileSync(file, 'customerId,timestamp,name,channel\nc1,2026-01-01T00:00:00Z,visit,web\nc2,2026-01-02T00:00:00Z,buy,web\n');
 * const stream = streamInteractionCsv(file);
 * let events = 0;
 * for await (const batch of stream) events += batch.length;
 * console.log(events, stream.actorCount, stream.names); // 2 2 [ 'visit', 'buy' ]
 * ```
 * @category Columnar
 * @since 0.1.0
 */
export function streamInteractionCsv(
  path: string,
  options: ReadInteractionCsvOptions = {},
): InteractionCsvStream {
  checkReadInteractionCsvOptions(options, 'streamInteractionCsv');
  return openInteractionCsv(path, options, false);
}

/**
 * The read of {@link streamInteractionCsv} once its options are checked (internal). With `reuseBatches`, for the
 * library's own consumers that copy or aggregate each batch before asking for the next (never for a caller's loop):
 * a batch's arrays may be written over once the next batch is asked for (`@cx/ingest`'s `readColumns`
 * `reuseBatches`, on one thread and with workers alike), so no fresh memory per batch.
 */
export function openInteractionCsv(
  path: string,
  options: ReadInteractionCsvOptions,
  reuseBatches: boolean,
): InteractionCsvStream {
  const delimiter = csvDelimiter(options);
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const actors = new StringIndex();
  // While every actor so far has a customerId (and rows are not deduplicated), actor indices are the customerId
  // dictionary's own: both are in order of first appearance, so the shared dictionary is not filled (a string map
  // entry per actor saved). The first actor known only by its anonymousId fills it with the customers met so far.
  let identity = options.dedupe !== true;
  let identityCount = 0;
  let customerIds: readonly string[] = [];
  const names: string[] = [];
  const channels: string[] = [];
  const touchpoints: string[] = [];
  const stages: string[] = [];
  const keys = [...new Set(options.numeric ?? [])];
  return {
    source: path,
    names,
    channels,
    touchpoints,
    stages,
    get actorCount() {
      return identity ? identityCount : actors.size;
    },
    actorId: (index: number) => {
      const size = identity ? identityCount : actors.size;
      if (!(index >= 0 && index < size)) {
        throw new CxValidationError([
          {
            path: ['index'],
            message: `Expected an actor index below ${size}, got ${index}`,
            code: 'out_of_range',
          },
        ]);
      }
      return (identity ? customerIds[index] : actors.values[index]) as string;
    },
    async *[Symbol.asyncIterator]() {
      const { mapping, read } = await interactionCsvMapping(path, options, delimiter, chunkBytes);
      const stream = readColumns(
        { path },
        {
          format: 'csv',
          delimiter,
          chunkBytes,
          mapping,
          fields: read,
          workers: options.workers ?? 0,
          ...(reuseBatches ? { reuseBatches: true } : {}),
        },
      );
      const customers = new Translation();
      const anonymous = new Translation();
      const seen = options.dedupe === true && read.includes('id') ? new Set<number>() : undefined;
      const grow = (field: string, into: string[]): void => {
        if (!read.includes(field)) return;
        const all = stream.dictionary(field);
        for (let i = into.length; i < all.length; i++) into.push(all[i] as string);
      };
      let firstRow = 0;
      /**
       * Rows `[from, to)` of a batch of the reader as one batch of events whose first is data row `row`. The arrays
       * are views of the reader's (no copy), except the actor index, made here.
       */
      const convert = (batch: ColumnBatch, from: number, to: number, row: number): InteractionBatch => {
        const c = batch.columns;
        const length = to - from;
        const customer = c.customerId as Int32Array | undefined;
        const anon = c.anonymousId as Int32Array | undefined;
        const customerValues = customer ? stream.dictionary('customerId') : [];
        const anonValues = anon ? stream.dictionary('anonymousId') : [];
        const view32 = (array: Int32Array | undefined): Int32Array => {
          if (array === undefined) return new Int32Array(length).fill(-1);
          return from === 0 && to === array.length ? array : array.subarray(from, to);
        };
        const view64 = (array: Float64Array): Float64Array =>
          from === 0 && to === array.length ? array : array.subarray(from, to);
        const actor = new Int32Array(length);
        if (customer !== undefined) customerIds = customerValues;
        let customerMap = customers.table(customerValues.length);
        for (let j = 0; j < length; j++) {
          const i = from + j;
          const who = customer === undefined ? -1 : (customer[i] as number);
          if (identity) {
            // Customer ids come in dictionary order: each is one met before or the next one.
            if (who >= 0 && who <= identityCount) {
              if (who === identityCount) identityCount++;
              actor[j] = who;
              continue;
            }
            for (let k = 0; k < identityCount; k++) actors.add(customerValues[k] as string);
            customers.identity(identityCount);
            customerMap = customers.table(customerValues.length);
            identity = false;
          }
          const mapped = who < 0 ? -1 : (customerMap[who] as number);
          const fromCustomer = mapped >= 0 || who < 0 ? mapped : customers.get(who, customerValues, actors);
          actor[j] =
            fromCustomer >= 0
              ? fromCustomer
              : anonymous.get((anon as Int32Array)[i] as number, anonValues, actors);
        }
        const numeric: Record<string, Float64Array> = {};
        for (const key of keys) numeric[key] = view64(c[`properties.${key}`] as Float64Array);
        return {
          length,
          firstRow: row,
          actor,
          time: view64(c.timestamp as Float64Array),
          name: view32(c.name as Int32Array | undefined),
          channel: view32(c.channel as Int32Array | undefined),
          touchpoint: view32(c.touchpointId as Int32Array | undefined),
          stage: view32(c.stageId as Int32Array | undefined),
          numeric,
          line: view32(batch.line),
        };
      };
      for await (const batch of stream) {
        const summary = stream.summary;
        if (summary.rejected > 0)
          throw new CxValidationError(rowIssues(summary.deadLetters), { subject: 'interactions CSV' });
        grow('name', names);
        grow('channel', channels);
        grow('touchpointId', touchpoints);
        grow('stageId', stages);
        const ids = batch.columns.id as Int32Array | undefined;
        const n = batch.length;
        // Data rows are counted batch by batch: the summary can already count rows of batches not yet handed out
        // (a worker's chunk gives several), and no row is rejected (the read fails above).
        const batchRow = firstRow;
        firstRow += n;
        if (seen === undefined || ids === undefined) {
          if (n > 0) yield convert(batch, 0, n, batchRow);
          continue;
        }
        // A dropped duplicate ends a run of kept rows: each run is a batch of its own, so that `firstRow + i` is
        // the data row of its event `i` (rejected rows end the read above, so data rows and batch rows agree).
        let from = 0;
        for (let i = 0; i <= n; i++) {
          if (i < n) {
            const id = ids[i] as number;
            if (!seen.has(id)) {
              seen.add(id);
              continue;
            }
          }
          if (i > from) yield convert(batch, from, i, batchRow + from);
          from = i + 1;
        }
      }
      const summary = stream.summary;
      if (summary.rejected > 0)
        throw new CxValidationError(rowIssues(summary.deadLetters), { subject: 'interactions CSV' });
    },
  };
}
