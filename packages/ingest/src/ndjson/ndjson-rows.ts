import { CxLimitError } from '@cx/model';
import { toUtf8 } from '../input/encoding.js';
import { byteChunks, type IngestInput } from '../input/input.js';
import { rawText, type SummaryBuilder } from '../records/dead-letter.js';
import { JsonRowAccess } from '../records/json-access.js';
import type { ResolvedReadOptions } from '../records/options.js';
import type { RowVisitor } from '../records/visitor.js';

const fatal = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/**
 * Reads newline-delimited JSON into `visitor` (internal): one object per line (LF or CRLF), blank lines skipped;
 * a line that is not valid UTF-8, not JSON or not an object becomes a dead letter. Yields after each chunk.
 */
export async function* visitNdjson(
  input: IngestInput,
  options: ResolvedReadOptions,
  visitor: RowVisitor,
  summary: SummaryBuilder,
): AsyncGenerator<void> {
  const access = new JsonRowAccess();
  visitor.header([]);
  let buffer = Buffer.alloc(0);
  let carry = 0;
  let line = 0;
  let first = true;
  /** Line `at` (1-based), `bytes` long or more, over the limit. */
  const tooLong = (at: number, bytes: number): CxLimitError =>
    new CxLimitError(
      'too_long',
      `The NDJSON line ${at} of ${options.name} is longer than maxRecordBytes (${options.maxRecordBytes} bytes)`,
      { limit: options.maxRecordBytes, actual: bytes, path: [at], line: at, source: options.name },
    );
  const handle = (bytes: Uint8Array): void => {
    line++;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 13) end--;
    let start = 0;
    while (start < end && (bytes[start] === 32 || bytes[start] === 9)) start++;
    if (start === end) return;
    summary.rowsIn++;
    let text: string;
    try {
      text = fatal.decode(bytes.subarray(start, end));
    } catch {
      summary.reject({
        source: options.name,
        line,
        raw: rawText(lossy.decode(bytes.subarray(start, end))),
        code: 'invalid_utf8',
        reason: 'The line is not valid UTF-8: pass the encoding of the file',
      });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      summary.reject({
        source: options.name,
        line,
        raw: rawText(text),
        code: 'invalid_json',
        reason: `Expected one JSON object per line: ${(error as Error).message}`,
      });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      summary.reject({
        source: options.name,
        line,
        raw: rawText(text),
        code: 'invalid_type',
        reason: `Expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
      });
      return;
    }
    visitor.row(access.at(value as Record<string, unknown>, text), line);
  };
  for await (const chunk of toUtf8(byteChunks(input, options.chunkBytes, options.signal), options.encoding)) {
    if (carry + chunk.length > buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * buffer.length, carry + chunk.length, 1 << 16));
      grown.set(buffer.subarray(0, carry));
      buffer = grown;
    }
    buffer.set(chunk, carry);
    const end = carry + chunk.length;
    let start = 0;
    if (first && end >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) start = 3;
    first = false;
    for (;;) {
      const lf = buffer.indexOf(10, start);
      if (lf < 0 || lf >= end) break;
      // Every line is measured, not only one carried from chunk to chunk: the limit does not depend on the cuts.
      if (lf - start > options.maxRecordBytes) throw tooLong(line + 1, lf - start);
      handle(buffer.subarray(start, lf));
      start = lf + 1;
    }
    buffer.copyWithin(0, start, end);
    carry = end - start;
    if (carry > options.maxRecordBytes) throw tooLong(line + 1, carry);
    yield;
  }
  if (carry > 0) handle(buffer.subarray(0, carry));
  yield;
}
