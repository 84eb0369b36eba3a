import { closeSync, openSync, readSync } from 'node:fs';
import type { MappingSpec } from '../mapping/mapping.js';
import type { DeadLetter } from '../records/dead-letter.js';
import { readColumns } from './read-columns.js';

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
}

/** One chunk's nominal byte range `[start, end)` of the data area (internal). */
export interface ChunkTask {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/** What a chunk read gives back (internal; dictionary indices are the chunk's own). */
export interface ChunkResult {
  readonly index: number;
  /** Byte range actually read: from the first record starting at or after `start` to the first at or after `end`. */
  readonly begin: number;
  readonly finish: number;
  /** An odd number of quote bytes: the cut may be inside a quoted field (the read falls back to one thread). */
  readonly oddQuotes: boolean;
  /** Line breaks in `[begin, finish)`, for line numbers. */
  readonly lineBreaks: number;
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly deadLetters: readonly DeadLetter[];
  readonly line: Int32Array;
  readonly columns: Readonly<Record<string, Int32Array | Float64Array>>;
  readonly dictionaries: Readonly<Record<string, readonly string[]>>;
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

// Chunk buffers of this worker, used again from task to task: a fresh buffer per chunk costs page faults and
// garbage collections worth a sizeable share of the read. A worker reads at most two chunks at once (the pool's
// size); a buffer goes back to the pool when its chunk's columns are built.
const pool: Uint8Array[] = [];

function acquire(size: number): Uint8Array {
  const buffer = pool.pop();
  if (buffer !== undefined && buffer.length >= size) return buffer.subarray(0, size);
  // Chunks differ in length by their cut lines: room for a quarter more, so that the next chunk fits.
  return new Uint8Array(Math.max(Math.ceil(size * 1.25), buffer?.length ?? 0)).subarray(0, size);
}

/** Reads one chunk of the file with the single-thread column path (internal; runs in a worker). */
export async function runChunk(setup: ChunkSetup, task: ChunkTask): Promise<ChunkResult> {
  const fd = openSync(setup.path, 'r');
  let bytes: Uint8Array;
  let begin: number;
  let finish: number;
  try {
    begin = boundary(fd, task.start, setup.dataStart, setup.fileSize);
    finish = boundary(fd, task.end, setup.dataStart, setup.fileSize);
    const length = Math.max(0, finish - begin);
    bytes = acquire(setup.header.length + length);
    bytes.set(setup.header, 0);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, bytes, setup.header.length + read, length - read, begin + read);
      if (n <= 0) break;
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  try {
    return await readChunk(setup, task, bytes, begin, finish);
  } finally {
    pool.push(new Uint8Array(bytes.buffer));
  }
}

/** The columns of one chunk's bytes (header first) (internal). */
async function readChunk(
  setup: ChunkSetup,
  task: ChunkTask,
  bytes: Uint8Array,
  begin: number,
  finish: number,
): Promise<ChunkResult> {
  // Quotes and line breaks by native search (Buffer#indexOf is memchr), not a loop over every byte.
  const search = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let quotes = 0;
  for (let at = search.indexOf(QUOTE, setup.header.length); at >= 0; at = search.indexOf(QUOTE, at + 1))
    quotes++;
  let lineBreaks = 0;
  for (let at = search.indexOf(LF, setup.header.length); at >= 0; at = search.indexOf(LF, at + 1))
    lineBreaks++;
  // Lone CR line ends (old Mac files) count as line breaks too.
  for (let at = search.indexOf(CR, setup.header.length); at >= 0; at = search.indexOf(CR, at + 1))
    if (search[at + 1] !== LF) lineBreaks++;
  const stream = readColumns(bytes, {
    format: 'csv',
    delimiter: setup.delimiter,
    name: setup.name,
    mapping: setup.spec,
    fields: [...setup.fields],
    // Batches of a few MiB: the column arrays stay small and warm; the batches are joined below.
    chunkBytes: Math.max(1 << 10, Math.min(bytes.length + 1, 4 << 20)),
    keepDeadLetters: Number.MAX_SAFE_INTEGER,
  });
  const batches = [];
  for await (const batch of stream) batches.push(batch);
  const total = batches.reduce((n, b) => n + b.length, 0);
  const line = new Int32Array(total);
  const columns: Record<string, Int32Array | Float64Array> = {};
  const dictionaries: Record<string, readonly string[]> = {};
  for (const { field, kind } of stream.fields) {
    const out = kind === 'dictionary' ? new Int32Array(total) : new Float64Array(total);
    let at = 0;
    for (const b of batches) {
      out.set(b.columns[field] as Int32Array & Float64Array, at);
      at += b.length;
    }
    columns[field] = out;
    if (kind === 'dictionary') dictionaries[field] = [...stream.dictionary(field)];
  }
  let at = 0;
  for (const b of batches) {
    line.set(b.line, at);
    at += b.length;
  }
  const summary = stream.summary;
  return {
    index: task.index,
    begin,
    finish,
    oddQuotes: quotes % 2 === 1,
    lineBreaks,
    rowsIn: summary.rowsIn,
    rowsOut: summary.rowsOut,
    deadLetters: summary.deadLetters,
    line,
    columns,
    dictionaries,
  };
}
