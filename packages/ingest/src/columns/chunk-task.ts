import { closeSync, openSync, readSync } from 'node:fs';
import type { MappingSpec } from '../mapping/mapping.js';
import type { DeadLetter } from '../records/dead-letter.js';
import type { ArrayPool } from './array-pool.js';
import type { ChunkReducerSpec } from './chunk-reducer.js';
import { CARRIED, type ColumnBatch, type ColumnStream, LINES_READ, openColumns } from './read-columns.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** What every chunk of one parallel read shares (internal; sent once to each worker). */
export interface ChunkSetup {
  readonly path: string;
  readonly name: string;
  /** The header record's bytes, terminator included. */
  readonly header: Uint8Array;
  /** Byte offset of the first data byte (after the BOM and the header). */
  readonly dataStart: number;
  readonly fileSize: number;
  readonly delimiter: string;
  readonly spec: MappingSpec;
  readonly fields: readonly string[];
  readonly disambiguation?: string;
  /** Bytes of a chunk given to the reader at a time (the read's `chunkBytes`): each gives one batch. */
  readonly batchBytes: number;
  /** The reducer of a reduced read (`reduceColumns`): each chunk's batches are reduced in the worker. */
  readonly reducer?: ChunkReducerSpec;
  /** The reader's arrays are used again from batch to batch (`readColumns`' `reuseBatches`: a reducer that streams). */
  readonly reuseBatches?: boolean;
}

/** One chunk's nominal byte range `[start, end)` of the data area (internal). */
export interface ChunkTask {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/**
 * What a chunk read gives back (internal). A worker reads all its chunks with one column reader, so its dictionaries
 * live across its chunks: indices are the worker's own, and `newValues` lists only the values the worker met for the
 * first time in this chunk (in order of first appearance), which the main thread adds to its map of that worker.
 */
export interface ChunkResult {
  readonly index: number;
  /** Byte range actually read: from the first record starting at or after `start` to the first at or after `end`. */
  readonly begin: number;
  readonly finish: number;
  /**
   * The chunk may not end at a record boundary (the read falls back to one thread from there): an odd number of
   * quote bytes, or the reader held back a record cut by the chunk's end (a quoted field still open).
   */
  readonly oddQuotes: boolean;
  /** Line breaks in `[begin, finish)`, for line numbers. */
  readonly lineBreaks: number;
  /** Line breaks in the worker's earlier chunks (its reader's line numbers run on over them). */
  readonly priorLines: number;
  /** Rows the worker's reader had read before this chunk. */
  readonly priorRows: number;
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly deadLetters: readonly DeadLetter[];
  /** The chunk's rows in batches of about `batchBytes` of input (small arrays, written while in cache). */
  readonly batches: ReadonlyArray<Pick<ColumnBatch, 'length' | 'line' | 'columns'>>;
  readonly newValues: Readonly<Record<string, readonly string[]>>;
}

/**
 * Two buffers for the pieces of chunks, used in turn from piece to piece, chunk to chunk and read to read on this
 * thread (a fresh one per piece costs page faults and collections). A piece is read just before the reader tokenizes
 * it, so its bytes are still in the cache: a whole chunk read at once (32 MiB) was out of the cache again by the time
 * the reader reached most of it, and the reader needed about a seventh more CPU per byte than on the calling thread.
 * The reader is done with a piece when it asks for the next (it copies a record cut by a piece's end), and the other
 * buffer is the spare.
 */
const pieces: Uint8Array[] = [new Uint8Array(0), new Uint8Array(0)];
let turn = 0;

/** Reads `length` bytes at `position` of `fd` into the next piece buffer (fewer at the end of the file). */
function readPiece(fd: number, position: number, length: number): Uint8Array {
  turn ^= 1;
  let buffer = pieces[turn] as Uint8Array;
  if (buffer.length < length) {
    buffer = new Uint8Array(length);
    pieces[turn] = buffer;
  }
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position + read);
    if (n <= 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

/**
 * The record boundary at or after `x`: `x` itself at the start of the data, else the byte after the first line feed
 * at or after `x - 1` (internal). Neighbouring chunks use the same rule, so their ranges meet.
 */
export function boundary(fd: number, x: number, dataStart: number, fileSize: number): number {
  if (x <= dataStart) return dataStart;
  if (x >= fileSize) return fileSize;
  const window = Buffer.allocUnsafe(1 << 16);
  let at = x - 1;
  while (at < fileSize) {
    const n = readSync(fd, window, 0, Math.min(window.length, fileSize - at), at);
    if (n <= 0) break;
    const lf = window.indexOf(LF, 0);
    if (lf >= 0 && lf < n) return at + lf + 1;
    at += n;
  }
  return fileSize;
}

/** The quote bytes in `bytes` (internal). */
function quotesIn(bytes: Uint8Array): number {
  // Native search (Buffer#indexOf is memchr), not a loop over every byte.
  const search = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let quotes = 0;
  for (let at = search.indexOf(QUOTE, 0); at >= 0; at = search.indexOf(QUOTE, at + 1)) quotes++;
  return quotes;
}

/** The chunk being read: the file, the next byte to read, where the chunk ends, the quote bytes given so far. */
interface Source {
  readonly fd: number;
  at: number;
  readonly finish: number;
  /** The chunk ends the file: the reader's input ends after it (`null`), so that it reads a last record. */
  readonly last: boolean;
  ended: boolean;
  quotes: number;
}

/** Line breaks in `bytes`: LF, CRLF or a lone CR (internal; the header, before any chunk). */
function lineBreaksOf(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] !== LF)) n++;
  return n;
}

/**
 * The chunks a worker reads, fed one at a time into one single-thread column reader (internal; runs in a worker).
 * Each chunk ends at a record boundary, so the reader tokenizes it where it lies (no carried bytes, no copy), and
 * its dictionaries are kept from chunk to chunk: a value (a customer id, a channel) is decoded, value-mapped and
 * schema-checked once per worker, not once per chunk.
 */
export class ChunkReader {
  readonly #setup: ChunkSetup;
  readonly #stream: ColumnStream & { readonly [CARRIED]: () => number; readonly [LINES_READ]: () => number };
  readonly #batches: AsyncIterator<ColumnBatch>;
  #pending: Promise<IteratorResult<ColumnBatch>> | undefined;
  /** The header, until the reader takes it; the chunk being read; the reader waiting for input; who waits for the
   * reader to ask (when the chunk is done). */
  #header: Uint8Array | undefined;
  #source: Source | undefined;
  #wantsChunk: ((chunk: Uint8Array | null) => void) | undefined;
  #asked: (() => void) | undefined;
  #letters: DeadLetter[] = [];
  readonly #sent = new Map<string, number>();
  #lines = 0;
  /** Physical lines the reader had read after the previous chunk (the header's at first). */
  #linesSeen: number;
  #rowsIn = 0;
  #rowsOut = 0;

  /**
   * @param pool - Where the reader takes the storage of its next batch when it hands one out (the calling thread
   *   copies each batch out and gives its buffers back to the pool); without one, each batch is a fresh copy.
   */
  constructor(setup: ChunkSetup, pool?: ArrayPool) {
    this.#setup = setup;
    const feed = this.#feed.bind(this);
    // `null` ends the input: after the file's last chunk, whose last record may have no line break after it.
    const input: AsyncIterable<Uint8Array> = {
      async *[Symbol.asyncIterator]() {
        for (let chunk = await feed(); chunk !== null; chunk = await feed()) yield chunk;
      },
    };
    // The one-thread reader (no `workers`): its stream has the CARRIED and LINES_READ keys.
    this.#stream = openColumns(
      input,
      {
        format: 'csv',
        delimiter: setup.delimiter,
        name: setup.name,
        mapping: setup.spec,
        fields: [...setup.fields],
        keepDeadLetters: 0,
        onDeadLetter: (letter) => this.#letters.push(letter),
        ...(setup.reuseBatches === true ? { reuseBatches: true } : {}),
      },
      'readColumns',
      undefined,
      setup.reuseBatches === true ? undefined : pool,
    ) as ColumnStream & { readonly [CARRIED]: () => number; readonly [LINES_READ]: () => number };
    this.#batches = this.#stream[Symbol.asyncIterator]();
    this.#header = setup.header;
    this.#linesSeen = lineBreaksOf(setup.header);
    for (const { field, kind } of this.#stream.fields) if (kind === 'dictionary') this.#sent.set(field, 0);
  }

  /**
   * The reader asks for its next input: the header, the next piece of the chunk being read, `null` after the file's
   * last chunk, or it waits (and says so: the chunk is done).
   */
  #feed(): Promise<Uint8Array | null> {
    const header = this.#header;
    this.#header = undefined;
    if (header !== undefined) return Promise.resolve(header);
    const piece = this.#piece();
    if (piece !== undefined) return Promise.resolve(piece);
    const asked = this.#asked;
    this.#asked = undefined;
    const wait = new Promise<Uint8Array | null>((resolve) => {
      this.#wantsChunk = resolve;
    });
    asked?.();
    return wait;
  }

  /**
   * The next piece of the chunk being read, read from the file now: `batchBytes` from where the last piece ended,
   * cut after its last line feed (so that each normally ends a record and the reader holds nothing back between
   * them; a piece ending inside a quoted field is carried over by the reader, as between the chunks of one thread).
   * The bytes after that line feed are read again with the next piece. `null` ends the file's last chunk;
   * `undefined`: the chunk is done.
   */
  #piece(): Uint8Array | null | undefined {
    const source = this.#source;
    if (source === undefined) return undefined;
    if (source.at < source.finish) {
      const to = Math.min(source.finish, source.at + this.#setup.batchBytes);
      const bytes = readPiece(source.fd, source.at, to - source.at);
      let piece = bytes;
      if (to < source.finish && bytes.length === to - source.at) {
        const lf = bytes.lastIndexOf(LF);
        if (lf >= 0) piece = bytes.subarray(0, lf + 1);
      }
      // A file cut short while it is read ends the chunk where its bytes end.
      source.at = piece.length > 0 ? source.at + piece.length : source.finish;
      if (piece.length > 0) {
        source.quotes += quotesIn(piece);
        return piece;
      }
    }
    if (source.last && !source.ended) {
      source.ended = true;
      return null;
    }
    return undefined;
  }

  /** The fields read, with the kind of array each has. */
  get fields(): ColumnStream['fields'] {
    return this.#stream.fields;
  }

  /** The reader's dictionary of a text field (the worker's indices), as far as it has grown. */
  dictionary(field: string): readonly string[] {
    return this.#stream.dictionary(field);
  }

  /**
   * Reads chunk `task` of the file into columns: its batches are in the result, or given to `onBatch` one by one as
   * they are read (then the result has none).
   */
  async read(task: ChunkTask, onBatch?: (batch: ColumnBatch) => void): Promise<ChunkResult> {
    const setup = this.#setup;
    const fd = openSync(setup.path, 'r');
    const priorLines = this.#lines;
    const priorRows = this.#rowsIn;
    const batches: ColumnBatch[] = [];
    let begin: number;
    let finish: number;
    let source: Source;
    try {
      begin = boundary(fd, task.start, setup.dataStart, setup.fileSize);
      finish = boundary(fd, task.end, setup.dataStart, setup.fileSize);
      source = { fd, at: begin, finish, last: finish >= setup.fileSize, ended: false, quotes: 0 };
      if (finish <= begin) {
        // A record longer than a chunk spans its nominal range: nothing starts in it (the reader is not woken, it
        // would wait for bytes that do not come).
        return {
          index: task.index,
          begin,
          finish,
          oddQuotes: false,
          lineBreaks: 0,
          priorLines,
          priorRows,
          rowsIn: 0,
          rowsOut: 0,
          deadLetters: [],
          batches: [],
          newValues: {},
        };
      }
      // Give the chunk to the reader, then take batches until it asks for more input: the chunk is done.
      const done = new Promise<void>((resolve) => {
        this.#asked = resolve;
      });
      this.#source = source;
      const wants = this.#wantsChunk;
      if (wants !== undefined) {
        const piece = this.#piece();
        if (piece !== undefined) {
          this.#wantsChunk = undefined;
          wants(piece);
        } else {
          const asked = this.#asked;
          this.#asked = undefined;
          asked?.();
        }
      }
      for (;;) {
        this.#pending ??= this.#batches.next();
        const next = await Promise.race([this.#pending, done.then(() => undefined)]);
        if (next === undefined) break;
        this.#pending = undefined;
        if (next.done === true) break;
        if (onBatch !== undefined) onBatch(next.value);
        else batches.push(next.value);
      }
    } finally {
      this.#source = undefined;
      closeSync(fd);
    }
    // Bytes held back at the end of a chunk that ends with a line feed: that line feed is inside a quoted field.
    const cut = this.#stream[CARRIED]() > 0;
    // The chunk's line breaks as the reader counted them while reading it (a scan of its own cost one native search
    // per line, about a tenth of a worker's CPU): exact when the chunk ends at a record boundary, as a trusted one
    // does (the file's last record without a line break counts as a line, and nothing is numbered after it).
    const linesRead = this.#stream[LINES_READ]();
    const lineBreaks = linesRead - this.#linesSeen;
    this.#linesSeen = linesRead;
    this.#lines += lineBreaks;
    const summary = this.#stream.summary;
    const rowsIn = summary.rowsIn - this.#rowsIn;
    const rowsOut = summary.rowsOut - this.#rowsOut;
    this.#rowsIn = summary.rowsIn;
    this.#rowsOut = summary.rowsOut;
    const deadLetters = this.#letters;
    this.#letters = [];
    const newValues: Record<string, readonly string[]> = {};
    for (const [field, sent] of this.#sent) {
      const values = this.#stream.dictionary(field);
      newValues[field] = values.slice(sent);
      this.#sent.set(field, values.length);
    }
    return {
      index: task.index,
      begin,
      finish,
      // An odd number of quote bytes: the chunk may have been cut inside a quoted field.
      oddQuotes: source.quotes % 2 === 1 || cut,
      lineBreaks,
      priorLines,
      priorRows,
      rowsIn,
      rowsOut,
      deadLetters,
      batches,
      newValues,
    };
  }
}
