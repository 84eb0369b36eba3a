import type { ColumnBatch, ColumnStream } from './read-columns.js';

/**
 * What a chunk reducer sees of the reader it runs beside: the fields read and the reader's dictionaries. In a worker
 * thread these are the worker's own dictionaries (indices of its batches); {@link ReducedChunk.toStream} maps them to
 * the stream's.
 *
 * @category Columns
 * @since 0.3.0
 */
export interface ChunkReducerContext {
  /** The fields read, in order, with the kind of array each has. */
  readonly fields: ColumnStream['fields'];
  /**
   * The reader's dictionary of a text field, as far as it has grown.
   *
   * @param field - A field read as a dictionary.
   * @returns Index → value.
   */
  dictionary(field: string): readonly string[];
}

/**
 * Reduces the batches of one chunk of a file to a value that is small next to them (per-actor state, counts): it
 * runs where the chunk was read, so only its value crosses threads. It must be a function of the chunk alone (the
 * same chunk gives the same value in any thread, cut into batches in any way), and its value must be structured-
 * cloneable.
 *
 * @example
 * ```ts
 * import type { ChunkReducer } from '@cx/ingest';
 * // Rows per chunk: a reducer module exports `createReducer = () => reducer`.
 * const reducer: ChunkReducer<number> = { reduce: (batches) => batches.reduce((n, b) => n + b.length, 0) };
 * console.log(reducer.reduce([], { fields: [], dictionary: () => [] })); // 0
 * ```
 * @category Columns
 * @since 0.3.0
 */
export interface ChunkReducer<R> {
  /**
   * Reduces the rows of one chunk.
   *
   * @param batches - The chunk's accepted rows, in file order; lines are the reader's (see
   *   {@link ReducedChunk.lineShift}); dictionary indices are the context's.
   * @param context - The fields and dictionaries of the reader.
   * @returns The chunk's value.
   */
  reduce(batches: readonly ColumnBatch[], context: ChunkReducerContext): R;
  /**
   * Starts a chunk reduced batch by batch (optional; with {@link ChunkReducer.add} and {@link ChunkReducer.end}, a
   * worker reduces each batch as soon as it is read, while it is in the cache, and the reader reuses the batch's
   * arrays for the next one). `begin`, `add` for each batch, `end` must give what `reduce` gives for those batches.
   *
   * @param context - The fields and dictionaries of the reader.
   */
  begin?(context: ChunkReducerContext): void;
  /**
   * Reduces the next batch of the chunk begun (optional, see {@link ChunkReducer.begin}). The batch's arrays are
   * the reader's to use again once this returns: copy what must be kept.
   *
   * @param batch - The next accepted rows of the chunk, in file order.
   * @param context - The fields and dictionaries of the reader (as far as they have grown: every value of the
   *   batch is in them).
   */
  add?(batch: ColumnBatch, context: ChunkReducerContext): void;
  /**
   * Ends the chunk begun (optional, see {@link ChunkReducer.begin}).
   *
   * @param context - The fields and dictionaries of the reader.
   * @returns The chunk's value.
   */
  end?(context: ChunkReducerContext): R;
  /**
   * Array buffers of a value that could be moved instead of copied to the calling thread (optional). Not used: the
   * worker copies every value, because moving a buffer detaches it, and the first detach in a thread makes V8's
   * typed-array code slower for the rest of the worker's life (about a sixth more CPU per byte read).
   *
   * @param value - A value this reducer returned.
   * @returns Buffers owned by the value alone.
   */
  transferList?(value: R): ArrayBuffer[];
}

/**
 * A module that makes chunk reducers: it is imported once per worker thread (and on the calling thread when a chunk
 * is read there), and its `createReducer` export is called once per read with the read's options.
 *
 * @category Columns
 * @since 0.3.0
 */
export interface ChunkReducerModule {
  /**
   * Creates the reducer of one read.
   *
   * @param options - The `reducer.options` of the read (structured-cloned into workers).
   * @returns The reducer.
   */
  createReducer(options: unknown): ChunkReducer<unknown>;
}

/**
 * Where a reducer lives: the URL of a {@link ChunkReducerModule} (an ES module a worker can import: `file:` URL of
 * a built `.js` file, or a `.ts` file when the process runs through tsx) and options for its `createReducer`.
 *
 * @example
 * ```ts
 * import type { ChunkReducerSpec } from '@cx/ingest';
 * const spec: ChunkReducerSpec = { module: new URL('./my-reducer.js', import.meta.url).href, options: { field: 'amount' } };
 * console.log(spec.module.endsWith('my-reducer.js')); // true
 * ```
 * @category Columns
 * @since 0.3.0
 */
export interface ChunkReducerSpec {
  /** The module's URL. */
  readonly module: string;
  /** Options given to `createReducer`: plain data (structured-cloneable). Default `undefined`. */
  readonly options?: unknown;
}

/**
 * The value of one chunk of a reduced read ({@link reduceColumns}), with what its caller needs to place it in the
 * file: rows and lines before it, the rows it rejected, and the map from the reader's dictionary indices to the
 * stream's.
 *
 * @category Columns
 * @since 0.3.0
 */
export interface ReducedChunk<R> {
  /** The reducer's value of the chunk. */
  readonly value: R;
  /** Data rows of the file before the chunk (rejected ones included): row `k` of the chunk is row `firstRow + k`. */
  readonly firstRow: number;
  /** Rows read in the chunk. */
  readonly rowsIn: number;
  /** Rows of the chunk rejected (dead letters, in the stream's summary). A reducer saw the others only. */
  readonly rejected: number;
  /** Added to a line of the chunk's batches, gives the line in the file. */
  readonly lineShift: number;
  /**
   * The map from the reader's indices of a dictionary field to the stream's ({@link ReducedColumnStream.dictionary}).
   *
   * @param field - A field read as a dictionary.
   * @returns `map[readerIndex]` = stream index, for every index the chunk's batches hold.
   */
  toStream(field: string): Int32Array;
}

/**
 * An ongoing reduced read: iterate its {@link ReducedChunk}s once with `for await`, in file order.
 *
 * @category Columns
 * @since 0.3.0
 */
export interface ReducedColumnStream<R> extends AsyncIterable<ReducedChunk<R>> {
  /** Rows in, rows out, rows rejected, dead letters, as {@link readColumns} reports them. */
  readonly summary: ColumnStream['summary'];
  /** The fields read, in order, with the kind of array each has. */
  readonly fields: ColumnStream['fields'];
  /**
   * The stream's dictionary of a text field (values in order of first appearance in the file).
   *
   * @param field - A field read as a dictionary.
   * @returns Index → value.
   */
  dictionary(field: string): readonly string[];
}

/** Whether a reducer reduces batch by batch ({@link ChunkReducer.begin}, `add`, `end` all given) (internal). */
export function streams<R>(
  reducer: ChunkReducer<R>,
): reducer is ChunkReducer<R> & Required<Pick<ChunkReducer<R>, 'begin' | 'add' | 'end'>> {
  return (
    typeof reducer.begin === 'function' &&
    typeof reducer.add === 'function' &&
    typeof reducer.end === 'function'
  );
}

/** Reducer modules imported on this thread, by URL (internal). */
const loaded = new Map<string, Promise<ChunkReducerModule>>();

/** Imports a reducer module once per thread and checks its shape (internal). */
export function loadReducer(spec: ChunkReducerSpec): Promise<ChunkReducer<unknown>> {
  let module = loaded.get(spec.module);
  if (module === undefined) {
    module = import(spec.module) as Promise<ChunkReducerModule>;
    loaded.set(spec.module, module);
  }
  return module.then((m) => {
    if (typeof m.createReducer !== 'function')
      throw new TypeError(`The reducer module ${spec.module} has no createReducer export`);
    return m.createReducer(spec.options);
  });
}
