import { CxOptionsError } from '@cx/model';
import { z } from 'zod';
import { visitCsv } from '../csv/csv-rows.js';
import type { CsvTokenizer } from '../csv/tokenizer.js';
import { filePath, type IngestInput, inputName, isIngestInput } from '../input/input.js';
import { resolveCurrency } from '../mapping/currency.js';
import { FieldReader } from '../mapping/field-reader.js';
import { kindFields, requiredFields } from '../mapping/kinds.js';
import { defineMapping, type Mapping, type MappingSpec } from '../mapping/mapping.js';
import { visitNdjson } from '../ndjson/ndjson-rows.js';
import { visitParquet } from '../parquet/parquet-rows.js';
import type { RowAccess } from '../records/builder.js';
import { type IngestSummary, rawText, SummaryBuilder } from '../records/dead-letter.js';
import { getPath } from '../records/json-access.js';
import { checkOptions, type ReadOptions, readOptionShape, resolveReadOptions } from '../records/options.js';
import { checkRejected } from '../records/threshold.js';
import type { ArrayPool } from './array-pool.js';
import type { ChunkReducerSpec } from './chunk-reducer.js';
import { FieldColumn } from './field-column.js';
import { GrowableInt32 } from './growable.js';
import { readColumnsParallel } from './parallel.js';
import { columnAtATime, RecordBatch } from './record-batch.js';

/**
 * The bytes a CSV column read holds back after its last chunk (a record cut by the chunk's end), by this key of the
 * stream (internal: the parallel path checks with it that a chunk ended at a record boundary).
 */
export const CARRIED: unique symbol = Symbol('carried');
/**
 * The physical lines a CSV column read has read so far (header and blank lines included, a record held back not),
 * by this key of the stream (internal: the parallel path numbers the lines of later chunks with it).
 */
export const LINES_READ: unique symbol = Symbol('linesRead');

/** Marks a stream of reduced chunks (internal: `openColumns` with a reducer, read by workers). */
export const REDUCED: unique symbol = Symbol('reduced');

/**
 * A block of rows read into typed arrays: text fields as indices into the stream's dictionaries (`-1` = empty),
 * instants as epoch milliseconds and numbers as doubles (`NaN` = empty, only for optional fields).
 *
 * @category Columns
 * @since 0.1.0
 */
export interface ColumnBatch {
  /** Rows in the batch. */
  readonly length: number;
  /** 1-based line of each row. */
  readonly line: Int32Array;
  /** One array per field read, by model field name. */
  readonly columns: Readonly<Record<string, Int32Array | Float64Array>>;
}

/**
 * An ongoing column read: iterate the batches once with `for await`; dictionaries grow as rows are read.
 *
 * @category Columns
 * @since 0.1.0
 */
export interface ColumnStream extends AsyncIterable<ColumnBatch> {
  /** Rows in, rows out, rows rejected, dead letters. */
  readonly summary: IngestSummary;
  /** The fields read, in order, with the kind of array each has. */
  readonly fields: ReadonlyArray<{
    readonly field: string;
    readonly kind: 'dictionary' | 'number' | 'instant';
  }>;
  /**
   * The dictionary of a text field: index → value (after the value map).
   *
   * @param field - A field read as a dictionary.
   * @returns The distinct values so far.
   */
  dictionary(field: string): readonly string[];
}

/**
 * Options of {@link readColumns}.
 *
 * @category Columns
 * @since 0.1.0
 */
export interface ReadColumnsOptions extends ReadOptions {
  /** How rows are read: a {@link Mapping} or its spec. Only column and constant sources can be read as columns. */
  readonly mapping: Mapping | MappingSpec;
  /** The mapped fields to read. Default every field mapped to a column. */
  readonly fields?: readonly string[];
  /**
   * Worker threads reading chunks of a CSV file in parallel (a `{ path }` input, not gzipped, UTF-8, with a given
   * delimiter; other inputs are read on the calling thread). The result is the same as on one thread. Default 0.
   */
  readonly workers?: number;
  /**
   * Lets the reader hand out the same arrays again: each batch's `line` and column arrays are then valid only until
   * the next batch is asked for (copy what you keep). Saves fresh memory per batch, a tenth of the CPU of a
   * one-thread read of a wide file. For a consumer that aggregates or copies each batch as it comes. Values are
   * the same either way, on one thread and on the worker path (where a batch is then handed out where its worker
   * wrote it: views on memory shared with the worker, which may be a `SharedArrayBuffer`, remapped in place, not
   * copied). Default `false`: every batch is the caller's, in ordinary arrays.
   */
  readonly reuseBatches?: boolean;
  /**
   * With `workers`, the calling thread reads chunks of the file too, whenever the batch it is to hand out next is
   * not read yet (so `workers: 1` reads on two threads, with one worker to start instead of two). The calling thread
   * is then busy for a chunk's read at a time (8 × `chunkBytes` of input, about a tenth of a second at the default)
   * while the consumer waits for a batch: for a batch job, not for a server that must answer meanwhile. Values are
   * the same either way. Default `false`.
   */
  readonly callingThreadReads?: boolean;
}

const columnOptionShape = {
  ...readOptionShape,
  mapping: z.custom<Mapping | MappingSpec>((v) => typeof v === 'object' && v !== null, {
    message: 'Expected a mapping',
  }),
  fields: z.array(z.string().min(1)).optional(),
  workers: z.number().int().min(0).max(64).optional(),
  reuseBatches: z.boolean().optional(),
  callingThreadReads: z.boolean().optional(),
};

/**
 * Reads rows straight into typed-array column batches under a mapping, with the rules of {@link readRecords}: the
 * same grammar for every cell, the same value maps, the same schema checks of each field read, the same dead letters.
 * Memory is bounded by the chunk size plus the dictionaries, not by the file.
 *
 * What the column path checks is the fields it reads: a row rejected by {@link readRecords} for a field not read
 * here is kept, and the rules that join several fields (an interaction needs `customerId` or `anonymousId`; a
 * subscription ends after it starts) are checked when their fields are read. When a row has several faults, the
 * first one in mapping order is reported on both paths.
 *
 * @param input - A file, text, bytes or a stream ({@link IngestInput}).
 * @param options - The mapping, the fields to read and the read options.
 * @returns A stream of batches with the dictionaries and a summary.
 * @throws {@link CxOptionsError} for bad options, a field that is not mapped, or a field mapped to a function or a
 *   generated id; {@link @cx/model!CxValidationError} (while iterating) as {@link readRecords} does.
 * @example
 * ```ts
 * import { readColumns } from '@cx/ingest';
 * const csv = 'customer,at,total\nc1,2024-01-01T10:00:00Z,10.50\nc2,2024-01-02T10:00:00Z,99\nc1,2024-01-03T10:00:00Z,5\n';
 * const stream = readColumns({ text: csv }, {
 *   format: 'csv',
 *   mapping: { kind: 'order', fields: { id: { generate: 'line' }, customerId: 'customer', orderedAt: 'at', amount: 'total', currency: { value: 'EUR' }, status: { value: 'paid' } } },
 *   fields: ['customerId', 'orderedAt', 'amount'],
 * });
 * for await (const batch of stream) console.log(Array.from(batch.columns.customerId ?? []), Array.from(batch.columns.amount ?? [])); // [ 0, 1, 0 ] [ 10.5, 99, 5 ]
 * console.log(stream.dictionary('customerId')); // [ 'c1', 'c2' ]
 * ```
 * @category Columns
 * @since 0.1.0
 */
export function readColumns(input: IngestInput, options: ReadColumnsOptions): ColumnStream {
  return openColumns(input, options, 'readColumns');
}

/**
 * {@link readColumns} under the name of its public caller (internal); with a `reducer`, a CSV file read by workers
 * gives a stream of {@link ReducedChunk}s instead of batches (see `reduceColumns`), and `reduced` says so. With a
 * `pool` (a worker's reader: the calling thread copies each batch out, then gives its storage back), each batch is
 * handed out in the storage it was written in, and the next one is written in storage from the pool (no copy, no
 * fresh memory).
 */
export function openColumns(
  input: IngestInput,
  options: ReadColumnsOptions,
  functionName: string,
  reducer?: ChunkReducerSpec,
  pool?: ArrayPool,
): ColumnStream & { readonly [REDUCED]?: true } {
  if (!isIngestInput(input)) {
    throw new CxOptionsError(functionName, [
      {
        path: ['input'],
        code: 'invalid_type',
        message: 'Expected { path }, { text }, a Uint8Array or an async iterable of chunks',
      },
    ]);
  }
  const checked = checkOptions(columnOptionShape, options, functionName);
  const {
    mapping: spec,
    fields: wanted,
    workers = 0,
    reuseBatches = false,
    callingThreadReads = false,
    ...rest
  } = checked;
  const mapping =
    Object.isFrozen(spec) && Array.isArray((spec as Mapping).columns)
      ? (spec as Mapping)
      : defineMapping(spec as MappingSpec);
  const resolved = resolveReadOptions(input, rest, inputName(input), functionName);
  if (mapping.skip !== undefined) {
    throw new CxOptionsError(functionName, [
      {
        path: ['mapping', 'skip'],
        code: 'invalid_value',
        message: 'A skip function cannot run on the column path: use readRecords, or filter the batches',
      },
    ]);
  }
  const names = [...(wanted ?? mapping.fields.filter((f) => f.source === 'column').map((f) => f.field))];
  // Amounts are checked against the record's currency, so a mapped currency is read with them.
  const currencySpec = mapping.fields.find((f) => f.field === 'currency');
  const readsMoney = names.some((n) => mapping.fields.find((f) => f.field === n)?.type === 'money');
  if (
    readsMoney &&
    currencySpec !== undefined &&
    !names.includes('currency') &&
    (currencySpec.source === 'column' || currencySpec.source === 'value')
  )
    names.push('currency');
  const required = new Set(requiredFields(mapping.kind));
  const columns: FieldColumn[] = [];
  const constants: Array<{ field: string; value: unknown }> = [];
  for (const name of names) {
    const spec = mapping.fields.find((f) => f.field === name);
    if (spec === undefined || spec.source === 'function' || spec.source === 'generate') {
      throw new CxOptionsError(functionName, [
        {
          path: ['fields', name],
          code: 'invalid_value',
          message:
            spec === undefined
              ? `The mapping has no field ${JSON.stringify(name)}`
              : `${name} is mapped to a ${spec.source === 'function' ? 'function' : 'generated id'}, which the column path cannot read: use readRecords`,
        },
      ]);
    }
    if (spec.source === 'value') constants.push({ field: name, value: spec.value });
    else
      columns.push(
        new FieldColumn(new FieldReader(spec, mapping.disambiguation), mapping.kind, required.has(name)),
      );
  }
  // Read in mapping order (conversion errors are reported in that order), check in schema order (as zod does).
  const order = mapping.fields.map((f) => f.field);
  columns.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  const shapeOrder = [...kindFields(mapping.kind)];
  const checkOrder = [...columns].sort((a, b) => shapeOrder.indexOf(a.field) - shapeOrder.indexOf(b.field));
  const path = filePath(input);
  if (
    workers > 0 &&
    path !== undefined &&
    !path.endsWith('.gz') &&
    resolved.format === 'csv' &&
    resolved.encoding === 'utf-8' &&
    resolved.delimiter !== 'auto'
  ) {
    const requested = [...columns, ...constants].map((c) => c.field);
    const parallel = readColumnsParallel(
      path,
      resolved,
      mapping,
      requested,
      workers,
      (part) =>
        readColumns(part, {
          format: 'csv',
          delimiter: resolved.delimiter,
          name: resolved.name,
          chunkBytes: resolved.chunkBytes,
          keepDeadLetters: Number.MAX_SAFE_INTEGER,
          mapping,
          fields: requested,
        }),
      reducer,
      reuseBatches,
      callingThreadReads,
    );
    return reducer === undefined ? parallel : Object.assign(parallel, { [REDUCED]: true as const });
  }
  const summary = new SummaryBuilder(resolved.name, resolved.keepDeadLetters, resolved.onDeadLetter);
  const lines = new GrowableInt32(1 << 14);
  const constantColumns = constants.map(
    (c) =>
      new FieldColumn(
        new FieldReader(
          { field: c.field, type: 'string', source: 'column', column: c.field, decimal: 'auto' },
          mapping.disambiguation,
        ),
        mapping.kind,
        false,
      ),
  );
  // An interaction needs customerId or anonymousId: checked when each of the two is read or not mapped at all (then
  // always empty); a side mapped to a constant fills it, one mapped to a column not read cannot be known here.
  const actorSides = ['customerId', 'anonymousId'].map((field) => ({
    column: columns.find((c) => c.field === field),
    mapped: mapping.fields.some((f) => f.field === field),
  }));
  const actorRule =
    mapping.kind === 'interaction' &&
    actorSides.some((side) => side.column !== undefined) &&
    actorSides.every((side) => side.column !== undefined || !side.mapped)
      ? actorSides.map((side) => side.column)
      : undefined;
  const periodRule =
    mapping.kind === 'subscription'
      ? [columns.find((c) => c.field === 'startedAt'), columns.find((c) => c.field === 'endedAt')]
      : undefined;
  let indices: Int32Array = new Int32Array(0);
  const reject = (
    line: number,
    column: FieldColumn,
    access: RowAccess,
    position: number | undefined,
    failure = column.failure,
  ): void => {
    const sourceColumn = column.reader.spec.column as string;
    summary.reject({
      source: resolved.name,
      line,
      ...(position !== undefined ? { column: position } : {}),
      field: column.field,
      sourceColumn,
      raw: rawText(access.text(sourceColumn)),
      code: failure.code,
      reason: failure.message,
    });
  };
  const moneyColumns = columns.filter((c) => c.reader.spec.type === 'money');
  const currencyColumn = columns.find((c) => c.field === 'currency');
  const currencyConstant = constants.find((c) => c.field === 'currency')?.value;
  const currencyCheck = (line: number, access: RowAccess): boolean => {
    for (const column of moneyColumns) {
      const token = column.reader.currency;
      if (token === undefined || Number.isNaN(column.current)) continue;
      const declared =
        currencyColumn !== undefined
          ? currencyColumn.current >= 0
            ? currencyColumn.values[currencyColumn.current]
            : undefined
          : typeof currencyConstant === 'string'
            ? currencyConstant
            : undefined;
      const currency = resolveCurrency(token, declared);
      if ('error' in currency) {
        reject(line, column, access, access.position(column.reader.spec.column as string), {
          code: currency.error,
          message: `${column.field}: ${currency.message}`,
        });
        return false;
      }
    }
    return true;
  };
  const crossChecks = (line: number, access: RowAccess): boolean => {
    if (
      actorRule !== undefined &&
      (actorRule[0] === undefined || actorRule[0].current < 0) &&
      (actorRule[1] === undefined || actorRule[1].current < 0)
    ) {
      summary.reject({
        source: resolved.name,
        line,
        raw: rawText(access.rawRow()),
        field: 'customerId',
        code: 'schema_custom',
        reason: 'customerId: Expected customerId or anonymousId: an interaction must belong to someone',
      });
      return false;
    }
    if (
      periodRule?.[0] !== undefined &&
      periodRule[1] !== undefined &&
      periodRule[1].current < periodRule[0].current
    ) {
      summary.reject({
        source: resolved.name,
        line,
        field: 'endedAt',
        raw: rawText(access.rawRow()),
        code: 'schema_custom',
        reason: 'endedAt: Expected endedAt not before startedAt',
      });
      return false;
    }
    return true;
  };
  const commit = (line: number): void => {
    for (let i = 0; i < columns.length; i++) (columns[i] as FieldColumn).commit();
    lines.push(line);
    summary.rowsOut++;
  };
  let carried = 0;
  let linesRead = 0;
  // CSV rows are read column at a time, but for money (whose check joins a cell's currency token with another
  // column): see RecordBatch.
  const batch =
    resolved.format === 'csv' && moneyColumns.length === 0 && columnAtATime.enabled
      ? new RecordBatch(
          columns,
          lines,
          summary,
          (access, line) => visitor.row(access, line),
          {
            actor: actorRule as [FieldColumn | undefined, FieldColumn | undefined] | undefined,
            period: periodRule as [FieldColumn | undefined, FieldColumn | undefined] | undefined,
          },
          columnAtATime.capacity,
        )
      : undefined;
  const visitor = {
    ...(batch !== undefined ? { batch } : {}),
    chunkEnd(bytes: number): void {
      carried = bytes;
    },
    linesRead(lines: number): void {
      linesRead = lines;
    },
    header(headerColumns: readonly string[]): readonly string[] {
      if (resolved.format === 'ndjson') return [];
      indices = Int32Array.from(columns, (c) => headerColumns.indexOf(c.reader.spec.column as string));
      batch?.setFields(indices, headerColumns.length);
      return columns
        .filter((c) => !headerColumns.includes(c.reader.spec.column as string))
        .map((c) => c.reader.spec.column as string);
    },
    row(access: RowAccess, line: number): void {
      if (resolved.format === 'csv') {
        const t = (access as unknown as { tokenizer: CsvTokenizer }).tokenizer;
        for (let i = 0; i < columns.length; i++) {
          const column = columns[i] as FieldColumn;
          if (!column.readCsv(t, indices[i] as number)) {
            reject(line, column, access, access.position(column.reader.spec.column as string));
            return;
          }
        }
      } else {
        const object = (access as unknown as { object: Record<string, unknown> }).object;
        for (const column of columns) {
          if (!column.readValue(getPath(object, column.reader.spec.column as string))) {
            reject(line, column, access, undefined);
            return;
          }
        }
      }
      if (moneyColumns.length > 0 && !currencyCheck(line, access)) return;
      for (let i = 0; i < checkOrder.length; i++) {
        const column = checkOrder[i] as FieldColumn;
        if (column.deferred !== undefined) {
          reject(line, column, access, access.position(column.reader.spec.column as string), column.deferred);
          return;
        }
      }
      if ((actorRule !== undefined || periodRule !== undefined) && !crossChecks(line, access)) return;
      commit(line);
    },
  };
  let started = false;
  const stream: ColumnStream & { readonly [CARRIED]: () => number; readonly [LINES_READ]: () => number } = {
    get summary() {
      return summary.snapshot();
    },
    [CARRIED]: () => carried,
    [LINES_READ]: () => linesRead,
    fields: [...columns, ...constantColumns].map((c) => ({ field: c.field, kind: c.kind })),
    dictionary(field: string): readonly string[] {
      const column = columns.find((c) => c.field === field) ?? constantColumns.find((c) => c.field === field);
      if (column === undefined || column.kind !== 'dictionary') {
        throw new CxOptionsError('ColumnStream.dictionary', [
          {
            path: ['field'],
            code: 'invalid_value',
            message: `${JSON.stringify(field)} is not a text field read by this stream`,
          },
        ]);
      }
      return column.values;
    },
    async *[Symbol.asyncIterator]() {
      if (started)
        throw new CxOptionsError('readColumns', [
          { path: [], code: 'invalid_value', message: 'This read was already iterated; start a new read' },
        ]);
      started = true;
      constantColumns.forEach((c, i) => {
        c.readValue(constants[i]?.value);
      });
      const generator =
        resolved.format === 'csv'
          ? visitCsv(input, resolved, visitor, summary)
          : resolved.format === 'ndjson'
            ? visitNdjson(input, resolved, visitor, summary)
            : visitParquet(input, resolved, visitor, summary);
      // With reuseBatches, a constant field's column is filled once and handed out as a view of it.
      const filled: Array<Int32Array | Float64Array> = constantColumns.map((c) =>
        c.kind === 'dictionary' ? new Int32Array(0) : new Float64Array(0),
      );
      for await (const _ of generator) {
        const length = lines.length;
        if (length === 0) continue;
        const out: Record<string, Int32Array | Float64Array> = {};
        if (pool !== undefined) {
          for (const c of columns) out[c.field] = c.handOff(pool);
          for (const c of constantColumns)
            out[c.field] =
              c.kind === 'dictionary'
                ? pool.int32(length).subarray(0, length).fill(c.current)
                : pool.float64(length).subarray(0, length).fill(c.current);
          const line = lines.data.subarray(0, length);
          lines.data = pool.int32(lines.data.length);
          lines.length = 0;
          yield { length, line, columns: out };
          continue;
        }
        for (const c of columns) out[c.field] = c.take(reuseBatches);
        constantColumns.forEach((c, i) => {
          let values = filled[i] as Int32Array | Float64Array;
          if (!reuseBatches || values.length < length) {
            values =
              c.kind === 'dictionary'
                ? new Int32Array(length).fill(c.current)
                : new Float64Array(length).fill(c.current);
            if (reuseBatches) filled[i] = values;
          }
          out[c.field] = reuseBatches ? values.subarray(0, length) : values;
        });
        const line = reuseBatches ? lines.data.subarray(0, length) : lines.data.slice(0, length);
        lines.length = 0;
        yield { length, line, columns: out };
      }
      checkRejected(resolved, summary);
    },
  };
  return stream;
}
