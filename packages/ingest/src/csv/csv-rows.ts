import type { JsonValue, ValidationIssue } from '@cx/model';
import { CxValidationError } from '@cx/model';
import { guessEncoding, toUtf8 } from '../input/encoding.js';
import { byteChunks, type IngestInput } from '../input/input.js';
import type { FieldReader } from '../mapping/field-reader.js';
import type { RowAccess } from '../records/builder.js';
import { rawText, type SummaryBuilder } from '../records/dead-letter.js';
import type { ResolvedReadOptions } from '../records/options.js';
import type { RowVisitor } from '../records/visitor.js';
import { driveCsv } from './driver.js';
import { delimiterName, sniffDelimiters } from './sniff.js';
import {
  type CsvRecordTarget,
  CsvTokenizer,
  RECORD_OK,
  RECORD_STRAY_QUOTE,
  RECORD_UNCLOSED_QUOTE,
} from './tokenizer.js';

const lossy = new TextDecoder('utf-8');
const fatal = new TextDecoder('utf-8', { fatal: true });

/** The cells of the tokenizer's current record, by header name (internal). */
class CsvRowAccess implements RowAccess {
  readonly #index: ReadonlyMap<string, number>;
  readonly #header: readonly string[];
  tokenizer!: CsvTokenizer;
  #values: Record<string, JsonValue> | undefined | null;

  constructor(header: readonly string[]) {
    this.#header = header;
    const index = new Map<string, number>();
    header.forEach((h, k) => {
      if (!index.has(h)) index.set(h, k);
    });
    this.#index = index;
  }

  at(tokenizer: CsvTokenizer): this {
    this.tokenizer = tokenizer;
    this.#values = undefined;
    return this;
  }

  has(column: string): boolean {
    return this.#index.has(column);
  }

  /** Field index of `column` in the tokenizer's records (its first place in the header), or -1. */
  indexOf(column: string): number {
    return this.#index.get(column) ?? -1;
  }

  read(column: string, reader: FieldReader): unknown {
    const t = this.tokenizer;
    t.field(this.#index.get(column) as number);
    return reader.fromBytes(t.fieldBuf, t.fieldFrom, t.fieldTo);
  }

  text(column: string): string {
    const t = this.tokenizer;
    const k = this.#index.get(column);
    if (k === undefined) return '';
    t.field(k);
    return lossy.decode(t.fieldBuf.subarray(t.fieldFrom, t.fieldTo));
  }

  position(column: string): number | undefined {
    const t = this.tokenizer;
    const k = this.#index.get(column);
    if (k === undefined) return undefined;
    return t.columnOf((t.starts[k] as number) - (t.quoted[k] === 0 ? 0 : 1));
  }

  values(): Readonly<Record<string, JsonValue>> | undefined {
    if (this.#values === undefined) {
      const out: Record<string, JsonValue> = {};
      try {
        this.#header.forEach((h, k) => {
          if (h in out) return;
          this.tokenizer.field(k);
          out[h] = fatal.decode(
            this.tokenizer.fieldBuf.subarray(this.tokenizer.fieldFrom, this.tokenizer.fieldTo),
          );
        });
        this.#values = out;
      } catch {
        this.#values = null;
      }
    }
    return this.#values ?? undefined;
  }

  value(column: string): JsonValue | undefined {
    const k = this.#index.get(column);
    if (k === undefined) return undefined;
    this.tokenizer.field(k);
    return fatal.decode(this.tokenizer.fieldBuf.subarray(this.tokenizer.fieldFrom, this.tokenizer.fieldTo));
  }

  rawRow(): string {
    const t = this.tokenizer;
    return lossy.decode(t.buffer.subarray(t.recordStart, t.recordEnd));
  }
}

/** The first chunk of a stream, and the stream again from its start (internal). */
async function peek(
  chunks: AsyncGenerator<Uint8Array>,
): Promise<{ first: Uint8Array | undefined; all: AsyncGenerator<Uint8Array> }> {
  const head = await chunks.next();
  const first = head.done ? undefined : head.value;
  async function* all(): AsyncGenerator<Uint8Array> {
    try {
      if (first !== undefined) yield first;
      yield* { [Symbol.asyncIterator]: () => chunks };
    } finally {
      // Closed while the first chunk was out, `yield*` has not started and would not close the input.
      await chunks.return(undefined);
    }
  }
  return { first, all: all() };
}

/** The chunks cut into views of at most `size` bytes (no copy) (internal). */
async function* slices(chunks: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    if (chunk.length <= size) yield chunk;
    else
      for (let at = 0; at < chunk.length; at += size)
        yield chunk.subarray(at, Math.min(chunk.length, at + size));
  }
}

/**
 * The column-at-a-time side of a visitor (internal): it gathers the well-formed records of a buffer and reads them
 * together, column by column, instead of one `row` call per record.
 */
export interface CsvBatchVisitor {
  /** Whether the batch has no room for another record (it is then flushed first). */
  readonly full: boolean;
  /** A well-formed record: the tokenizer's current record, whose bytes stay in place until the next `flush`. */
  add(tokenizer: CsvTokenizer): void;
  /**
   * Reads the records added since the last call, in order; they are the last ones counted in the summary's `rowsIn`.
   * `replay` tokenizes one of them again (by its start offset and line) and gives its row access, for the row path.
   */
  flush(buffer: Uint8Array, replay: (recordStart: number, line: number) => RowAccess): void;
  /**
   * Where the tokenizer may write the next records itself ({@link CsvTokenizer.fill}), once the header is known;
   * `undefined` when every record goes through `add`.
   */
  target(): CsvRecordTarget | undefined;
}

/** A {@link RowVisitor} that may also follow the physical lines read (internal; the parallel column path). */
export interface CsvRowVisitor extends RowVisitor {
  /** After each chunk: the physical lines read so far (header and blank lines included, a carried record not). */
  linesRead?(lines: number): void;
  /**
   * When set, well-formed records go to it instead of `row`. Malformed records stay dead letters of their own, in
   * order: the records gathered before one are read first.
   */
  readonly batch?: CsvBatchVisitor;
}

/**
 * Reads a CSV input row by row into `visitor` (internal): header checks, malformed records (stray quotes, field
 * counts, invalid UTF-8) to dead letters, well-formed rows to the visitor. Yields after each chunk, or after each
 * `sliceBytes` of a chunk: the records path hands out its records slice by slice, so that they die young (a 4 MiB
 * chunk's records held until the chunk's end outlived the young generation, and garbage collection was a third of
 * the read). A slice is a view of the chunk; the driver copies a record cut by a slice's end, as by a chunk's.
 */
export async function* visitCsv(
  input: IngestInput,
  options: ResolvedReadOptions,
  visitor: CsvRowVisitor,
  summary: SummaryBuilder,
  sliceBytes = Number.POSITIVE_INFINITY,
): AsyncGenerator<void> {
  const chunks = byteChunks(input, options.chunkBytes, options.signal);
  const utf8 = toUtf8(Number.isFinite(sliceBytes) ? slices(chunks, sliceBytes) : chunks, options.encoding);
  const { first, all } = await peek(utf8);
  // The header check's delimiter hint sniffs a copy of the start: file chunks are reused buffers, and the header may
  // end after later chunks were read. 64 KiB hold the first records of any export that a hint is about.
  const start = first?.slice(0, 1 << 16);
  let delimiter = options.delimiter;
  if (delimiter === 'auto') {
    const candidates = first === undefined ? [] : sniffDelimiters(first);
    if (candidates.length !== 1) {
      throw new CxValidationError(
        [
          {
            path: ['delimiter'],
            code: 'invalid_csv',
            message:
              candidates.length === 0
                ? 'No delimiter among , ; tab | gives the same number of fields on the first lines: pass delimiter'
                : `Several delimiters fit the first lines (${candidates.map(delimiterName).join(', ')}): pass delimiter`,
          },
        ],
        { subject: `CSV ${options.name}` },
      );
    }
    delimiter = candidates[0] as string;
  }
  let header: readonly string[] = [];
  let access: CsvRowAccess | undefined;
  const batch = visitor.batch;
  const replayer = new CsvTokenizer(delimiter.charCodeAt(0));
  /** Reads the gathered records, while `t` still holds their bytes. */
  const flush = (t: CsvTokenizer): void => {
    if (batch === undefined || access === undefined) return;
    const rows = access;
    batch.flush(t.buffer, (recordStart, line) => {
      // The record was complete in these bytes: tokenized again from its start, it is the same record.
      replayer.reset(t.buffer, recordStart, t.end, t.final);
      replayer.nextLine = line;
      replayer.next();
      return rows.at(replayer);
    });
  };
  const sink = {
    header(cells: readonly string[]) {
      header = cells;
      // a repeated name makes every read of that column ambiguous: refuse it rather than pick one silently
      const firstOf = new Map<string, number>();
      const repeated: ValidationIssue[] = [];
      cells.forEach((name, k) => {
        const first = firstOf.get(name);
        if (name === '' || first === undefined) firstOf.set(name, k);
        else
          repeated.push({
            path: ['header', k],
            code: 'invalid_csv',
            message: `Column ${k + 1} of the header repeats the name ${JSON.stringify(name)} of column ${first + 1}: its cells could be read from either; rename one`,
          });
      });
      if (repeated.length > 0) throw new CxValidationError(repeated, { subject: `CSV ${options.name}` });
      const missing = visitor.header(cells);
      if (missing.length > 0) {
        const suspects = start === undefined ? [] : sniffDelimiters(start).filter((d) => d !== delimiter);
        const hint =
          cells.length === 1 && suspects.length > 0
            ? ` The header has one column; the file looks ${delimiterName(suspects[0] as string)}-delimited: pass delimiter: ${JSON.stringify(suspects[0])}.`
            : '';
        throw new CxValidationError(
          missing.map((c) => ({
            path: ['header', c],
            code: 'missing_column',
            message: `Expected a column ${JSON.stringify(c)} in the header (${cells.length} columns: ${cells
              .slice(0, 12)
              .map((h) => JSON.stringify(h))
              .join(', ')}${cells.length > 12 ? ', …' : ''}).${hint}`,
          })),
          { subject: `CSV ${options.name}` },
        );
      }
      access = new CsvRowAccess(cells);
    },
    record(t: CsvTokenizer) {
      if (batch !== undefined) {
        if (t.error === RECORD_OK && t.count === header.length) {
          if (batch.full) flush(t);
          summary.rowsIn++;
          batch.add(t);
          return;
        }
        // A malformed record's dead letter comes after the rows before it.
        flush(t);
      }
      summary.rowsIn++;
      if (t.error === RECORD_STRAY_QUOTE || t.error === RECORD_UNCLOSED_QUOTE) {
        summary.reject({
          source: options.name,
          line: t.lineOf(t.errorAt),
          column: t.columnOf(t.errorAt),
          raw: rawText(lossy.decode(t.buffer.subarray(t.recordStart, t.recordEnd))),
          code: t.error === RECORD_STRAY_QUOTE ? 'stray_quote' : 'unclosed_quote',
          reason:
            t.error === RECORD_STRAY_QUOTE
              ? 'A quote inside an unquoted field or right after a closing quote: quote the whole field and double the quotes in it ("")'
              : 'Expected a closing quote: a quoted field is still open at the end of the input; the row is cut at the end of its first line',
        });
        return;
      }
      if (t.count !== header.length) {
        const suspects =
          t.count === 1
            ? sniffDelimiters(t.buffer.subarray(t.recordStart, t.recordEnd)).filter((d) => d !== delimiter)
            : [];
        summary.reject({
          source: options.name,
          line: t.line,
          column: t.columnOf(t.recordEnd),
          raw: rawText(lossy.decode(t.buffer.subarray(t.recordStart, t.recordEnd))),
          code: 'field_count',
          reason: `Expected ${header.length} fields as in the header, got ${t.count}${t.count > header.length ? ' (an unquoted delimiter inside a value, such as 1,234.50?)' : ''}${suspects.length > 0 ? `; the row looks ${delimiterName(suspects[0] as string)}-delimited` : ''}`,
        });
        return;
      }
      visitor.row((access as CsvRowAccess).at(t), t.line);
    },
    linesRead(lines: number) {
      visitor.linesRead?.(lines);
    },
    ...(batch !== undefined
      ? {
          flush,
          fill(t: CsvTokenizer, maxRecordBytes: number) {
            const target = batch.target();
            if (target === undefined) return;
            for (;;) {
              summary.rowsIn += t.fill(target, maxRecordBytes);
              if (!batch.full) return;
              flush(t);
            }
          },
        }
      : {}),
  };
  for await (const carried of driveCsv(
    all,
    delimiter.charCodeAt(0),
    sink,
    options.maxRecordBytes,
    options.name,
  )) {
    visitor.chunkEnd?.(carried);
    yield;
  }
}

/** Whether bytes are valid UTF-8, and if not which encoding they look like (internal). */
export function utf8Problem(bytes: Uint8Array): string | undefined {
  try {
    fatal.decode(bytes);
    return undefined;
  } catch {
    return guessEncoding(bytes);
  }
}
