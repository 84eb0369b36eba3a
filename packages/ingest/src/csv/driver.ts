import { CxLimitError, CxValidationError } from '@cx/model';
import { CsvTokenizer } from './tokenizer.js';

const LF = 10;

/** Receives the header and the records of a CSV input (internal). */
export interface CsvSink {
  /** The header cells; throw to stop. */
  header(cells: readonly string[], tokenizer: CsvTokenizer): void;
  /** One data record (the tokenizer's current record). */
  record(tokenizer: CsvTokenizer): void;
  /** After each chunk: the physical lines read so far (header and blank lines included, a carried record not). */
  linesRead?(lines: number): void;
  /**
   * Called while the tokenizer still holds the bytes of the records handed to `record` since the last call: at the
   * end of each run over a buffer (before the bytes are moved or reused) and before a record too long is thrown. A
   * sink that gathers records (the column path's batches) reads them here.
   */
  flush?(tokenizer: CsvTokenizer): void;
  /**
   * Called before each data record is tokenized: a sink that gathers records may take the next ones straight from
   * the tokenizer ({@link CsvTokenizer.fill}) instead of one `record` call each.
   */
  fill?(tokenizer: CsvTokenizer, maxRecordBytes: number): void;
}

const fatal = new TextDecoder('utf-8', { fatal: true });

/** The current record's fields decoded as UTF-8 strings, or `undefined` when one is not valid UTF-8 (internal). */
export function decodeFields(tokenizer: CsvTokenizer): string[] | undefined {
  const cells: string[] = [];
  for (let k = 0; k < tokenizer.count; k++) {
    tokenizer.field(k);
    try {
      cells.push(fatal.decode(tokenizer.fieldBuf.subarray(tokenizer.fieldFrom, tokenizer.fieldTo)));
    } catch {
      return undefined;
    }
  }
  return cells;
}

/**
 * Feeds byte chunks through one tokenizer into `sink`: carries a record cut by a chunk end over to the next chunk,
 * skips a UTF-8 byte-order mark, and yields after each chunk so that the caller can hand out what the sink built
 * (internal): the number of bytes held back for the next chunk (a record cut by the chunk's end; 0 when the chunk
 * ended at a record boundary). A record longer than `maxRecordBytes` is a {@link CxLimitError}, wherever the chunks
 * cut the input: a whole record within one chunk is measured as one carried over from chunk to chunk.
 */
export async function* driveCsv(
  chunks: AsyncIterable<Uint8Array>,
  delimiter: number,
  sink: CsvSink,
  maxRecordBytes: number,
  name: string,
): AsyncGenerator<number> {
  const tokenizer = new CsvTokenizer(delimiter);
  /** A record of `bytes` (or more) from `line` on, over the limit. */
  const tooLong = (line: number, bytes: number): CxLimitError =>
    new CxLimitError(
      'too_long',
      `The CSV record starting at line ${line} of ${name} is longer than maxRecordBytes (${maxRecordBytes} bytes); raise the option if the record is real`,
      { limit: maxRecordBytes, actual: bytes, path: [line], line, source: name },
    );
  let buffer = new Uint8Array(0);
  let carry = 0;
  let first = true;
  let headerDone = false;
  let runAt = 0;
  const run = (source: Uint8Array, final: boolean, end: number, from = 0): number => {
    let start = from;
    if (first) {
      if (end < 3 && !final) return 0;
      first = false;
      if (source[0] === 0xef && source[1] === 0xbb && source[2] === 0xbf) start = 3;
    }
    tokenizer.reset(source, start, end, final);
    const fill = sink.fill;
    for (;;) {
      if (headerDone && fill !== undefined) fill.call(sink, tokenizer, maxRecordBytes);
      if (!tokenizer.next()) break;
      if (tokenizer.recordEnd - tokenizer.recordStart > maxRecordBytes) {
        sink.flush?.(tokenizer);
        throw tooLong(tokenizer.line, tokenizer.recordEnd - tokenizer.recordStart);
      }
      if (!headerDone) {
        headerDone = true;
        if (tokenizer.error !== 0) {
          throw new CxValidationError(
            [
              {
                path: ['header'],
                code: 'invalid_csv',
                message: `The header at line ${tokenizer.line} has a malformed quote (column ${tokenizer.columnOf(tokenizer.errorAt)})`,
              },
            ],
            { subject: `CSV ${name}` },
          );
        }
        const cells = decodeFields(tokenizer);
        if (cells === undefined) {
          throw new CxValidationError(
            [
              {
                path: ['header'],
                code: 'invalid_csv',
                message: `The header at line ${tokenizer.line} is not valid UTF-8: pass the file's encoding`,
              },
            ],
            {
              subject: `CSV ${name}`,
            },
          );
        }
        sink.header(cells, tokenizer);
      } else sink.record(tokenizer);
    }
    sink.flush?.(tokenizer);
    return tokenizer.consumed;
  };
  /** Appends `bytes` to the carried bytes in `buffer`. */
  const append = (bytes: Uint8Array): void => {
    if (carry + bytes.length > buffer.length) {
      const grown = new Uint8Array(Math.max(2 * buffer.length, carry + bytes.length, 1 << 16));
      grown.set(buffer.subarray(0, carry));
      buffer = grown;
    }
    buffer.set(bytes, carry);
    carry += bytes.length;
  };
  for await (const chunk of chunks) {
    let source: Uint8Array;
    let end: number;
    let from = 0;
    if (carry > 0) {
      // The record cut by the last chunk's end usually ends at this chunk's first line feed: only that line is
      // joined to it, and the rest of the chunk is tokenized where it lies. Tried while the carried bytes are short
      // next to the chunk, so that a long record is not scanned again chunk after chunk (linear work overall).
      const split = chunk.indexOf(LF) + 1;
      if (split > 0 && carry + split <= chunk.length >>> 1) {
        append(chunk.subarray(0, split));
        const consumed = run(buffer, false, carry);
        if (consumed > 0) buffer.copyWithin(0, consumed, carry);
        carry -= consumed;
        from = split;
      }
    }
    if (carry === 0) {
      // Nothing carried over: the chunk is tokenized where it is, and only its cut last record is copied.
      source = chunk;
      end = chunk.length;
    } else {
      append(from === 0 ? chunk : chunk.subarray(from));
      from = 0;
      source = buffer;
      end = carry;
      // A long record cut by chunk ends is scanned again only once the buffer has doubled: linear work overall.
      if (end < runAt && end <= maxRecordBytes) {
        yield carry;
        continue;
      }
    }
    const consumed = run(source, false, end, from);
    const rest = end - consumed;
    if (rest > maxRecordBytes) throw tooLong(tokenizer.nextLine, rest);
    if (source === chunk) {
      if (rest > buffer.length) buffer = new Uint8Array(Math.max(2 * rest, 1 << 16));
      if (rest > 0) buffer.set(chunk.subarray(consumed, end), 0);
    } else if (consumed > 0) buffer.copyWithin(0, consumed, end);
    carry = rest;
    runAt = rest > 0 ? 2 * rest : 0;
    sink.linesRead?.(tokenizer.nextLine - 1);
    yield carry;
  }
  run(buffer, true, carry);
  sink.linesRead?.(tokenizer.nextLine - 1);
  if (!headerDone) {
    throw new CxValidationError(
      [
        {
          path: ['header'],
          code: 'missing_header',
          message: `Expected a header row in ${name}, found no record`,
        },
      ],
      {
        subject: `CSV ${name}`,
      },
    );
  }
  yield 0;
}
