import { CxOptionsError, parseOptions } from '@cx/model';
import { z } from 'zod';
import type { IngestInput } from '../input/input.js';
import {
  type ChunkReducer,
  type ChunkReducerSpec,
  loadReducer,
  type ReducedChunk,
  type ReducedColumnStream,
} from './chunk-reducer.js';
import { type ColumnStream, openColumns, REDUCED, type ReadColumnsOptions } from './read-columns.js';

/**
 * Options of {@link reduceColumns}: those of {@link readColumns} and the reducer.
 *
 * @category Columns
 * @since 0.3.0
 */
export interface ReduceColumnsOptions extends ReadColumnsOptions {
  /** The module of the chunk reducer and its options ({@link ChunkReducerSpec}). */
  readonly reducer: ChunkReducerSpec;
}

const reducerSchema = z.strictObject({
  module: z.string().min(1, { error: 'Expected the URL of a reducer module' }),
  options: z.unknown().optional(),
});

/**
 * Reads rows into columns as {@link readColumns} does (the same grammar, checks, dead letters and summary) and
 * reduces each chunk of them with a {@link ChunkReducer} where it was read: with `workers`, a CSV file is cut into
 * chunks that worker threads read, and each worker imports the reducer module once and posts only each chunk's value,
 * so the calling thread handles per-chunk values instead of every row; a reducer that streams
 * ({@link ChunkReducer.begin}, `add`, `end`) is given each batch as the worker reads it, and the worker's reader
 * reuses the batch's arrays. Without workers (or for an input the workers cannot read) the reducer runs on the
 * calling thread, one batch at a time (`reduce` of that batch).
 *
 * The chunks come in file order, whatever thread read them. A chunk's value refers to the reader's dictionary
 * indices; {@link ReducedChunk.toStream} maps them to the stream's. A chunk whose rows cannot be trusted to start at
 * a record boundary, a worker that fails and a reducer that throws in a worker all make the calling thread read on
 * from that chunk, so an error of the reducer is thrown by the iteration with the file's lines.
 *
 * @param input - A file, text, bytes or a stream ({@link IngestInput}).
 * @param options - The options of {@link readColumns} and the `reducer`.
 * @returns A stream of the chunks' values with the dictionaries and the summary.
 * @throws {@link @cx/model!CxOptionsError} for bad options, as {@link readColumns}, for a reducer that is not
 *   `{ module, options? }`, and for `callingThreadReads` (chunks are reduced where they are read); while iterating, what {@link readColumns} throws, and what the reducer throws.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { reduceColumns } from '@cx/ingest';
 * const file = join(tmpdir(), 'reduce-columns-example.csv');
 * writeFileSync(file, 'customer,at,total\nc1,2024-01-01T10:00:00Z,10.50\nc2,2024-01-02T10:00:00Z,99\n');
 * // A reducer module summing a column (any ES module URL with a createReducer export).
 * const module = `data:text/javascript,export const createReducer = (o) => ({ reduce: (batches) => batches.reduce((s, b) => s + b.columns[o.field].reduce((x, y) => x + y, 0), 0) });`;
 * const stream = reduceColumns({ path: file }, {
 *   format: 'csv',
 *   mapping: { kind: 'order', fields: { id: { generate: 'line' }, customerId: 'customer', orderedAt: 'at', amount: 'total', currency: { value: 'EUR' }, status: { value: 'paid' } } },
 *   fields: ['amount'],
 *   reducer: { module, options: { field: 'amount' } },
 * });
 * let total = 0;
 * for await (const chunk of stream) total += chunk.value as number;
 * console.log(total, stream.summary.rowsOut); // 109.5 2
 * ```
 * @category Columns
 * @since 0.3.0
 */
export function reduceColumns<R = unknown>(
  input: IngestInput,
  options: ReduceColumnsOptions,
): ReducedColumnStream<R> {
  const { reducer } = parseOptions(z.looseObject({ reducer: reducerSchema }), options, 'reduceColumns');
  if (options.callingThreadReads === true)
    // The chunks are reduced where they are read: a chunk read on the calling thread would not be (it was ignored).
    throw new CxOptionsError('reduceColumns', [
      {
        path: ['callingThreadReads'],
        code: 'conflicting_options',
        message:
          'callingThreadReads applies to readColumns only: reduceColumns reduces each chunk in its worker',
      },
    ]);
  const spec: ChunkReducerSpec = {
    module: reducer.module,
    ...(reducer.options !== undefined ? { options: reducer.options } : {}),
  };
  const { reducer: _, ...read } = options;
  const stream = openColumns(input, read, 'reduceColumns', spec);
  if (stream[REDUCED] === true) return stream as unknown as ReducedColumnStream<R>;
  return reduceHere<R>(stream, spec);
}

/** The chunks of a read on the calling thread: one per batch (and one for rows rejected after the last) (internal). */
function reduceHere<R>(stream: ColumnStream, spec: ChunkReducerSpec): ReducedColumnStream<R> {
  let started = false;
  return {
    get summary() {
      return stream.summary;
    },
    fields: stream.fields,
    dictionary: (field) => stream.dictionary(field),
    async *[Symbol.asyncIterator]() {
      if (started) throw new Error('This read was already iterated; start a new read');
      started = true;
      const reducer = (await loadReducer(spec)) as ChunkReducer<R>;
      const context = { fields: stream.fields, dictionary: (field: string) => stream.dictionary(field) };
      let rowsIn = 0;
      let rowsOut = 0;
      let identity: Int32Array = new Int32Array(0);
      const identityOf = (size: number): Int32Array => {
        if (identity.length < size) identity = identityMap(Math.max(size, identity.length * 2));
        return identity;
      };
      const chunk = (value: R): ReducedChunk<R> => {
        const s = stream.summary;
        const out: ReducedChunk<R> = {
          value,
          firstRow: rowsIn,
          rowsIn: s.rowsIn - rowsIn,
          rejected: s.rowsIn - rowsIn - (s.rowsOut - rowsOut),
          lineShift: 0,
          toStream: (field) => identityOf(stream.dictionary(field).length),
        };
        rowsIn = s.rowsIn;
        rowsOut = s.rowsOut;
        return out;
      };
      for await (const batch of stream) yield chunk(reducer.reduce([batch], context));
      if (stream.summary.rowsIn > rowsIn) yield chunk(reducer.reduce([], context));
    },
  };
}

/** `[0, 1, …, size - 1]` (internal). */
function identityMap(size: number): Int32Array {
  const map = new Int32Array(size);
  for (let i = 0; i < size; i++) map[i] = i;
  return map;
}
