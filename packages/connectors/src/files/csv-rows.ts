import { pipeline, Readable } from 'node:stream';
import { CxValidationError } from '@cx/model';
import { parse } from 'csv-parse';
import { type FileInput, openInput } from './input.js';
import type { RowItem } from './row-item.js';

interface CsvSkip {
  readonly skip: true;
  readonly code: string;
  readonly message: string;
  readonly lines: number;
  readonly raw: string;
}
interface CsvRecord {
  readonly record: Record<string, string>;
  readonly info: { readonly lines: number };
  readonly raw: string;
}

const LEADING_NEWLINES = /^(?:\r?\n)+/;

/** First line of a record from the line where csv-parse finished it and its raw text. */
function startLine(endLine: number, raw: string): number {
  let newlines = 0;
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) newlines++;
  return endLine - newlines + (raw.endsWith('\n') ? 1 : 0);
}

function checkHeader(header: string[]): string[] {
  const seen = new Map<string, number>();
  const issues = header.flatMap((name, i) => {
    if (name === '')
      return [{ path: [i], message: `Column ${i + 1} of the header has no name`, code: 'empty_column_name' }];
    const first = seen.get(name);
    seen.set(name, first ?? i);
    return first === undefined
      ? []
      : [
          {
            path: [i],
            message: `Column "${name}" appears twice (columns ${first + 1} and ${i + 1})`,
            code: 'duplicate_column',
          },
        ];
  });
  if (issues.length > 0) {
    throw new CxValidationError(issues, { subject: 'CSV header (line 1)' });
  }
  return header;
}

/**
 * Parses one CSV stream with csv-parse, yielding rows and broken records in file order. A record that breaks the
 * format (a quote inside an unquoted field, a wrong column count) becomes an item with an `error`; a quote
 * that is never closed swallows the rest of the input, which is returned as `tail` to be read again.
 */
async function* parseCsv(
  input: Readable,
  columns: true | string[],
  lineOffset: number,
  delimiter: string,
  onHeader: (header: string[]) => void,
): AsyncGenerator<RowItem | { readonly tail: string; readonly line: number }> {
  const parser = parse({
    columns: columns === true ? (header: string[]) => (onHeader(checkHeader(header)), header) : columns,
    bom: lineOffset === 0,
    delimiter,
    info: true,
    raw: true,
    skip_records_with_error: true,
    skip_empty_lines: true,
  });
  parser.on('skip', (error: { code: string; message: string; lines: number; raw?: string }) => {
    parser.push({
      skip: true,
      code: error.code,
      message: error.message,
      lines: error.lines,
      raw: error.raw ?? '',
    });
  });
  const done = new Promise<void>((resolve, reject) =>
    pipeline(input, parser, (error) => (error ? reject(error) : resolve())),
  );
  done.catch(() => {});
  try {
    for await (const item of parser as AsyncIterable<CsvRecord | CsvSkip>) {
      const raw = item.raw.replace(LEADING_NEWLINES, '');
      if ('skip' in item) {
        const line = lineOffset + startLine(item.lines, raw);
        if (item.code === 'CSV_QUOTE_NOT_CLOSED') {
          yield { tail: raw, line };
          continue;
        }
        yield {
          row: raw,
          line,
          text: raw,
          error: `Line ${line}: ${item.message.replace(/ (?:at|on) line \d+/, '')}`,
        };
        continue;
      }
      yield { row: item.record, line: lineOffset + startLine(item.info.lines, raw), text: raw };
    }
    await done;
  } finally {
    parser.destroy();
    input.destroy();
  }
}

/**
 * Reads a CSV file with a header row into row items, with line numbers, for the CSV source. Strict: a record
 * whose field count differs from the header's, or with a quote inside an unquoted field, is an item with an
 * error (a dead letter) and reading goes on; a quote that is never closed makes its first line a dead letter and
 * reading starts again on the next line, so one stray quote costs one record, not the rest of the file.
 * Duplicate or empty header names are a {@link @cx/model!CxValidationError}. Leaving early or aborting
 * `signal` destroys the input (no leaked file handle).
 *
 * @internal
 */
export async function* csvRows(
  input: FileInput,
  options: { readonly delimiter?: string | undefined },
  signal: AbortSignal,
): AsyncGenerator<RowItem> {
  const delimiter = options.delimiter ?? ',';
  let header: string[] | null = null;
  let stream: Readable = openInput(input, signal);
  let lineOffset = 0;
  let lastErrorLine = 0;
  for (;;) {
    let tail: { readonly tail: string; readonly line: number } | null = null;
    for await (const item of parseCsv(stream, header ?? true, lineOffset, delimiter, (h) => {
      header = h;
    })) {
      if ('tail' in item) {
        tail = item;
        continue;
      }
      if (item.error !== undefined) lastErrorLine = item.line;
      yield item;
    }
    if (tail === null || header === null) return;
    const firstBreak = tail.tail.indexOf('\n');
    const first = firstBreak < 0 ? tail.tail : tail.tail.slice(0, firstBreak + 1);
    if (tail.line !== lastErrorLine) {
      yield {
        row: first,
        line: tail.line,
        text: first,
        error: `Line ${tail.line}: a quote opened in this record is never closed; the record is dead-lettered and reading goes on at the next line`,
      };
    }
    lastErrorLine = tail.line;
    const rest = firstBreak < 0 ? '' : tail.tail.slice(firstBreak + 1);
    if (rest === '') return;
    signal.throwIfAborted();
    stream = Readable.from([rest]);
    lineOffset = tail.line;
  }
}
