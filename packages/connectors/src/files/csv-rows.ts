import type { Readable } from 'node:stream';
import { CxValidationError } from '@cx/model';
import { Parser } from 'csv-parse';
import { type FileInput, openInput } from './input.js';
import type { RowItem } from './row-item.js';

/** A physical line of the input with its terminator, and its 1-based number. */
interface Line {
  readonly n: number;
  readonly bytes: Buffer;
}

/** A line fed to the current parser, with the parser's byte offset just after it. */
interface FedLine extends Line {
  readonly end: number;
}

/** csv-parse's synchronous core, which its stream `Parser` keeps as `api` (not in its type declarations). */
interface CsvCore {
  parse(
    data: Buffer | undefined,
    end: boolean,
    push: (record: Record<string, string>) => void,
    close: () => void,
  ): Error | undefined;
}

/** A record-level failure reported by csv-parse (`skip_records_with_error`). */
interface CsvSkipError {
  readonly code: string;
  readonly message: string;
}

const QUOTE_ERRORS = new Set(['INVALID_OPENING_QUOTE', 'CSV_INVALID_CLOSING_QUOTE', 'CSV_QUOTE_NOT_CLOSED']);
const BLANK = /^\r?\n?$/;

/**
 * Splits a byte stream into physical lines, each with its `\n` (a `\r` before it stays: it may be data inside
 * a quoted field). Linear; memory bounded by the longest line.
 */
async function* physicalLines(stream: Readable): AsyncGenerator<Line> {
  let n = 0;
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of stream) {
    let data: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (rest.length > 0) data = Buffer.concat([rest, data]);
    let start = 0;
    for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, start)) {
      yield { n: ++n, bytes: data.subarray(start, i + 1) };
      start = i + 1;
    }
    rest = data.subarray(start);
  }
  if (rest.length > 0) yield { n: ++n, bytes: rest };
}

function checkHeader(header: string[]): string[] {
  const seen = new Map<string, number>();
  const issues = header.flatMap((name, i) => {
    if (name === '')
      return [
        {
          path: [i],
          message: `Column ${i + 1} of the header has no name`,
          code: 'invalid_csv' as const,
          line: 1,
        },
      ];
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, i);
      return [];
    }
    return [
      {
        path: [i],
        message: `Column "${name}" appears twice (columns ${first + 1} and ${i + 1})`,
        code: 'invalid_csv' as const,
        line: 1,
      },
    ];
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'CSV header (line 1)' });
  return header;
}

/** What csv-parse reported, with its byte offset in the parser's input just after the record. */
type CsvEvent =
  | { readonly type: 'record'; readonly record: Record<string, string>; readonly end: number }
  | { readonly type: 'skip'; readonly code: string; readonly message: string; readonly end: number };

/** A CSV parser on csv-parse's core that collects what it reports and counts the bytes fed to it. */
class LineParser {
  readonly events: CsvEvent[] = [];
  /** Bytes fed so far (the offset just after the last line fed). */
  fed = 0;
  /** Set when the header was read (it is the parser's first record). */
  headerDone = false;
  readonly #core: CsvCore;

  constructor(header: string[] | null, delimiter: string, onHeader: (header: string[]) => void) {
    const parser = new Parser({
      columns:
        header ??
        ((names: string[]) => {
          const checked = checkHeader(names);
          onHeader(checked);
          this.headerDone = true;
          return checked;
        }),
      bom: header === null,
      delimiter,
      record_delimiter: ['\r\n', '\n'],
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
      on_skip: (error) => {
        const e = error as (CsvSkipError & { bytes?: number }) | undefined;
        this.events.push({
          type: 'skip',
          code: e?.code ?? 'CSV_ERROR',
          message: e?.message ?? 'invalid record',
          end: e?.bytes ?? this.fed,
        });
        return undefined;
      },
    });
    const core = (parser as unknown as { api?: CsvCore }).api;
    if (typeof core?.parse !== 'function') {
      throw new Error('csv-parse no longer exposes Parser.api: pin csv-parse 6.x (see csv-rows.ts)');
    }
    this.#core = core;
  }

  feed(data: Buffer | undefined): void {
    if (data !== undefined) this.fed += data.length;
    const error = this.#core.parse(
      data,
      data === undefined,
      (item) => {
        const { record, info } = item as unknown as {
          record: Record<string, string>;
          info: { bytes: number };
        };
        this.events.push({ type: 'record', record, end: info.bytes });
      },
      () => {},
    );
    if (error !== undefined) throw error;
  }
}

const isBlank = (line: Line) => BLANK.test(line.bytes.toString('latin1'));
const text = (lines: readonly Line[]) => Buffer.concat(lines.map((l) => l.bytes)).toString('utf8');
const NEVER_CLOSED =
  'a quote opened in this record is never closed; the line is dead-lettered and reading goes on at the next line';

/**
 * Reads a CSV file with a header row into row items with their first line, for the CSV source, using
 * csv-parse's tokenizer (RFC 4180 quoting, embedded newlines, BOM) fed one physical line at a time, so that a
 * broken record can be cut off at a line boundary:
 *
 * - a record with more or fewer fields than the header is an item with an error (a dead letter);
 * - a quote error (a quote inside an unquoted field, text after a closing quote, a quote never closed, or a
 *   quoted field longer than `maxRecordBytes`) costs the record's first line, which becomes a dead letter; the
 *   lines after it are read again as records, so one stray quote costs one record, not the rest of the file;
 * - duplicate or empty header names are a {@link @cx/model!CxValidationError}.
 *
 * Records are attributed to lines by the byte offsets csv-parse reports. Leaving early or aborting `signal`
 * destroys the input (no leaked file handle). This is the piece `@cx/ingest`'s tokenizer will replace; the row
 * items it yields are the seam.
 *
 * @internal
 */
export async function* csvRows(
  input: FileInput,
  options: { readonly delimiter?: string | undefined; readonly maxRecordBytes?: number | undefined },
  signal: AbortSignal,
): AsyncGenerator<RowItem> {
  const maxRecordBytes = options.maxRecordBytes ?? 1024 * 1024;
  const delimiter = options.delimiter ?? ',';
  const stream = openInput(input, signal);
  const lines = physicalLines(stream);
  let header: string[] | null = null;
  const fresh = () =>
    new LineParser(header, delimiter, (h) => {
      header = h;
    });
  let parser = fresh();
  const queue: Line[] = []; // lines to read again after a broken record was cut off
  let pending: FedLine[] = []; // lines fed to the parser and not yet part of a reported record
  /** Takes the pending lines that end at or before `end`, without leading blank lines. */
  const takeThrough = (end: number): FedLine[] => {
    const taken: FedLine[] = [];
    while (pending.length > 0 && (pending[0] as FedLine).end <= end) {
      const line = pending.shift() as FedLine;
      if (taken.length > 0 || !isBlank(line)) taken.push(line);
    }
    return taken;
  };
  /** Dead-letters a broken record (its first line for quote errors, else its lines through `end`), re-reads the rest. */
  const cut = (reason: string, end: number | null): RowItem | null => {
    while (pending.length > 0 && isBlank(pending[0] as FedLine)) pending.shift();
    const first = pending[0];
    const broken = first === undefined ? [] : takeThrough(end ?? first.end);
    queue.unshift(...pending);
    pending = [];
    parser = fresh();
    if (first === undefined) return null;
    const raw = text(broken);
    return { row: raw, line: first.n, text: raw, error: `Line ${first.n}: ${reason}` };
  };
  try {
    let ended = false;
    while (!ended || queue.length > 0 || pending.length > 0) {
      let line: Line | undefined = queue.shift();
      if (line === undefined && !ended) {
        const next = await lines.next();
        if (next.done) ended = true;
        else line = next.value;
      }
      if (line !== undefined) {
        pending.push({ ...line, end: parser.fed + line.bytes.length });
        parser.feed(line.bytes);
      } else {
        parser.feed(undefined);
      }
      signal.throwIfAborted();
      if (parser.headerDone) {
        // the header is the parser's first record: its lines are those up to the first record delimiter
        parser.headerDone = false;
        const first = pending.findIndex((l) => !isBlank(l));
        pending.splice(0, first + 1);
      }
      let restarted = false;
      for (const event of parser.events.splice(0)) {
        if (event.type === 'record') {
          const own = takeThrough(event.end);
          yield { row: event.record, line: (own[0] as FedLine).n, text: text(own) };
          continue;
        }
        // a quote error belongs to the earliest record not reported yet: the first pending line
        const quote = QUOTE_ERRORS.has(event.code);
        const detail = event.message.replace(/ (?:at|on) line \d+/, '');
        const spans = pending.filter((l) => !isBlank(l)).length > 1;
        const reason =
          quote && spans
            ? `${NEVER_CLOSED.replace('never closed', 'never closed properly')} (${detail})`
            : detail;
        const item = cut(reason, quote ? null : event.end);
        if (item !== null) yield item;
        restarted = true;
        break;
      }
      if (restarted) continue;
      const open = pending.filter((l) => !isBlank(l));
      if (line === undefined) {
        // the end of the input inside a record: only an open quote keeps a record open at the end
        if (open.length > 0) {
          const item = cut(NEVER_CLOSED, null);
          if (item !== null) yield item;
        } else pending = [];
      } else if (open.reduce((n, l) => n + l.bytes.length, 0) > maxRecordBytes) {
        const item = cut(
          `a quoted field runs on for more than maxRecordBytes (${maxRecordBytes} bytes); taken as a quote that is never closed, the line is dead-lettered and reading goes on at the next line`,
          null,
        );
        if (item !== null) yield item;
      }
    }
  } finally {
    await lines.return(undefined);
    stream.destroy();
  }
}
