import type {
  Customer,
  Feedback,
  Interaction,
  JsonValue,
  Order,
  Subscription,
  SurveyResponse,
} from '@cx/model';
import { CxOptionsError } from '@cx/model';
import { z } from 'zod';
import { visitCsv } from '../csv/csv-rows.js';
import { type IngestInput, inputName, isIngestInput } from '../input/input.js';
import type { RecordKind } from '../mapping/kinds.js';
import { defineMapping, type Mapping, type MappingSpec } from '../mapping/mapping.js';
import { visitNdjson } from '../ndjson/ndjson-rows.js';
import { visitParquet } from '../parquet/parquet-rows.js';
import { RecordBuilder } from './builder.js';
import { type IngestSummary, SummaryBuilder } from './dead-letter.js';
import { FastRecordBuilder } from './fast-builder.js';
import {
  checkOptions,
  type ReadOptions,
  type ResolvedReadOptions,
  readOptionShape,
  resolveReadOptions,
} from './options.js';
import { checkRejected } from './threshold.js';
import type { RowVisitor } from './visitor.js';

/**
 * The model type of each {@link RecordKind}.
 *
 * @category Reading
 * @since 0.1.0
 */
export interface RecordOfKind {
  order: Order;
  surveyResponse: SurveyResponse;
  interaction: Interaction;
  subscription: Subscription;
  customer: Customer;
  feedback: Feedback;
}

/**
 * A row read as it is (CSV cells as text; NDJSON and Parquet values as JSON), with its line.
 *
 * @category Reading
 * @since 0.1.0
 */
export interface IngestedRow {
  /** 1-based line where the row starts (Parquet: row number + 1). */
  readonly line: number;
  /** Cells by column name. */
  readonly values: Readonly<Record<string, JsonValue>>;
}

/**
 * A validated model record with the line it came from.
 *
 * @category Reading
 * @since 0.1.0
 */
export interface IngestedRecord<T> {
  /** 1-based line where the row starts (Parquet: row number + 1). */
  readonly line: number;
  /** The record, valid under its `@cx/model` schema. */
  readonly value: T;
}

/**
 * An ongoing read: iterate it once with `for await`; `summary` tells what was read so far, and all of it after the
 * loop. Leaving the loop early closes the input.
 *
 * @category Reading
 * @since 0.1.0
 */
export interface IngestStream<T> extends AsyncIterable<T> {
  /** Rows in, records out, rows rejected, dead letters. */
  readonly summary: IngestSummary;
}

/**
 * Options of {@link readRecords} and {@link readAll}.
 *
 * @category Reading
 * @since 0.1.0
 */
export interface ReadRecordsOptions<K extends RecordKind = RecordKind> extends ReadOptions {
  /** How rows become records: a {@link Mapping} or its spec. */
  readonly mapping: Mapping<K> | MappingSpec<K>;
}

const recordOptionShape = {
  ...readOptionShape,
  mapping: z.custom<Mapping | MappingSpec>((v) => typeof v === 'object' && v !== null, {
    message: 'Expected a mapping',
  }),
};

/**
 * Bytes of CSV whose records are handed out together (internal): about 2,000 records of a typical export, few enough
 * that they are collected young when the caller drops them (see `visitCsv`).
 */
const RECORD_SLICE_BYTES = 1 << 18;

/** Runs the format reader of `options.format` (internal). */
function visit(
  input: IngestInput,
  options: ResolvedReadOptions,
  visitor: RowVisitor,
  summary: SummaryBuilder,
): AsyncGenerator<void> {
  if (options.format === 'csv') return visitCsv(input, options, visitor, summary, RECORD_SLICE_BYTES);
  if (options.format === 'ndjson') return visitNdjson(input, options, visitor, summary);
  return visitParquet(input, options, visitor, summary);
}

/**
 * A stream over a visitor's outputs (internal). The iterator is written by hand rather than as an async generator:
 * a record already in the chunk's buffer is served by a resolved promise, without the generator's resumption, which
 * was a visible share of a record's cost; the semantics are the generator's (one pass, `return` closes the input,
 * an error ends the stream).
 */
function stream<T>(
  input: IngestInput,
  options: ResolvedReadOptions,
  make: (out: T[], summary: SummaryBuilder) => RowVisitor,
): IngestStream<T> {
  const summary = new SummaryBuilder(options.name, options.keepDeadLetters, options.onDeadLetter);
  let started = false;
  return {
    get summary() {
      return summary.snapshot();
    },
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const out: T[] = [];
      let at = 0;
      let finished = false;
      let source: AsyncGenerator<void> | undefined;
      const end = (): IteratorResult<T> => {
        finished = true;
        out.length = 0;
        at = 0;
        return { value: undefined, done: true };
      };
      // The next chunk's records into `out`, and the first of them.
      const pull = async (): Promise<IteratorResult<T>> => {
        try {
          if (source === undefined) {
            if (started)
              throw new CxOptionsError('ingest', [
                {
                  path: [],
                  code: 'invalid_value',
                  message: 'This read was already iterated; start a new read',
                },
              ]);
            started = true;
            source = visit(input, options, make(out, summary), summary);
          }
          for (;;) {
            out.length = 0;
            at = 0;
            const step = await source.next();
            if (step.done) {
              end();
              checkRejected(options, summary);
              return { value: undefined, done: true };
            }
            if (out.length > 0) return { value: out[at++] as T, done: false };
          }
        } catch (error) {
          end();
          throw error;
        }
      };
      return {
        next(): Promise<IteratorResult<T>> {
          if (at < out.length) return Promise.resolve({ value: out[at++] as T, done: false });
          if (finished) return Promise.resolve({ value: undefined, done: true });
          return pull();
        },
        async return(): Promise<IteratorResult<T>> {
          const closing = source;
          end();
          await closing?.return(undefined);
          return { value: undefined, done: true };
        },
      };
    },
  };
}

function checkInput(input: unknown, functionName: string): asserts input is IngestInput {
  if (!isIngestInput(input)) {
    throw new CxOptionsError(functionName, [
      {
        path: ['input'],
        code: 'invalid_type',
        message: 'Expected { path }, { text }, a Uint8Array or an async iterable of chunks',
      },
    ]);
  }
}

/**
 * Reads rows as they are, without a mapping: CSV cells as text by header name, NDJSON objects, Parquet rows.
 * Malformed rows (stray quotes, wrong field counts, invalid UTF-8 or JSON) become dead letters.
 *
 * @param input - A file, text, bytes or a stream ({@link IngestInput}).
 * @param options - Format, delimiter, encoding, dead-letter handling ({@link ReadOptions}).
 * @returns A stream of rows with their lines and a summary.
 * @throws {@link CxOptionsError} for bad options; {@link @cx/model!CxValidationError} (while iterating) for a
 *   missing header, an unclear delimiter, or more rejected rows than `maxRejected`.
 * @example
 * ```ts
 * import { readRows } from '@cx/ingest';
 * const rows = readRows({ text: 'id;city\n1;"Kraków"\n2;Łódź;extra\n' }, { format: 'csv', delimiter: ';' });
 * for await (const row of rows) console.log(row.line, row.values); // 2 { id: '1', city: 'Kraków' }
 * console.log(rows.summary.deadLetters[0]?.code); // 'field_count'
 * ```
 * @category Reading
 * @since 0.1.0
 */
export function readRows(input: IngestInput, options: ReadOptions = {}): IngestStream<IngestedRow> {
  checkInput(input, 'readRows');
  const checked = checkOptions(readOptionShape, options, 'readRows');
  const resolved = resolveReadOptions(input, checked, inputName(input), 'readRows');
  return stream<IngestedRow>(input, resolved, (out, summary) => ({
    header: () => [],
    row(access, line) {
      const values = access.values();
      if (values === undefined) {
        summary.reject({
          source: resolved.name,
          line,
          raw: access.rawRow(),
          code: 'invalid_utf8',
          reason: 'A cell is not valid UTF-8: pass the encoding of the file',
        });
        return;
      }
      summary.rowsOut++;
      out.push({ line, values });
    },
  }));
}

/**
 * Reads rows into validated `@cx/model` records through a mapping. Each row gives a record or a dead letter with
 * its line, column, cell and reason; `summary.rowsIn === summary.rowsOut + summary.rejected` always.
 *
 * @param input - A file, text, bytes or a stream ({@link IngestInput}).
 * @param options - The mapping and the read options.
 * @returns A stream of records with their lines and a summary.
 * @throws {@link CxOptionsError} for bad options or a bad mapping; {@link @cx/model!CxValidationError} (while
 *   iterating) when the header lacks a mapped column (naming the delimiter the file seems to use), or more rows
 *   were rejected than `maxRejected`.
 * @example
 * ```ts
 * import { readRecords } from '@cx/ingest';
 * const csv = 'Order;Klient;Data;Kwota\n#1;anna@example.com;2024-01-31 23:30;1 234,50 zł\n';
 * const orders = readRecords({ text: csv }, {
 *   format: 'csv',
 *   delimiter: ';',
 *   mapping: {
 *     kind: 'order',
 *     timeZone: 'Europe/Warsaw',
 *     decimal: ',',
 *     fields: { id: 'Order', customerId: 'Klient', orderedAt: 'Data', amount: 'Kwota', status: { value: 'paid' } },
 *   },
 * });
 * for await (const { value } of orders) console.log(value.orderedAt, value.amount, value.currency);
 * // '2024-01-31T22:30:00.000Z' 1234.5 'PLN'
 * ```
 * @category Reading
 * @since 0.1.0
 */
export function readRecords<K extends RecordKind>(
  input: IngestInput,
  options: ReadRecordsOptions<K>,
): IngestStream<IngestedRecord<RecordOfKind[K]>> {
  checkInput(input, 'readRecords');
  const checked = checkOptions(recordOptionShape, options, 'readRecords');
  const { mapping: spec, ...rest } = checked;
  const mapping =
    'columns' in spec && Array.isArray((spec as Mapping).columns) && Object.isFrozen(spec)
      ? (spec as Mapping)
      : defineMapping(spec as MappingSpec);
  const resolved = resolveReadOptions(input, rest, inputName(input), 'readRecords');
  const slow = new RecordBuilder(mapping);
  // CSV cells are read by the field readers from bytes, where the fast builder checks them (see fast-builder.ts);
  // NDJSON and Parquet values, and the kinds and mappings it does not cover, keep the whole-record zod parse.
  const builder = (resolved.format === 'csv' ? FastRecordBuilder.for(mapping, slow) : undefined) ?? slow;
  return stream<IngestedRecord<RecordOfKind[K]>>(input, resolved, (out, summary) => ({
    header: (columns) =>
      resolved.format === 'ndjson' ? [] : slow.missingColumns((c) => columns.includes(c)),
    row(access, line) {
      if (mapping.skip !== undefined) {
        const cells = access.values();
        if (cells !== undefined && mapping.skip(cells)) {
          summary.skipped++;
          return;
        }
      }
      const result = builder.build(access, line);
      if ('value' in result) {
        summary.rowsOut++;
        out.push({ line, value: result.value as RecordOfKind[K] });
      } else {
        summary.reject({
          source: resolved.name,
          line,
          raw: result.raw,
          code: result.code,
          reason: result.reason,
          ...(result.column !== undefined ? { column: result.column } : {}),
          ...(result.field !== undefined ? { field: result.field } : {}),
          ...(result.sourceColumn !== undefined ? { sourceColumn: result.sourceColumn } : {}),
        });
      }
    },
  }));
}

/**
 * Reads a whole input into an array of validated records (for small data; stream with {@link readRecords}
 * otherwise), with the summary of the read.
 *
 * @param input - A file, text, bytes or a stream ({@link IngestInput}).
 * @param options - The mapping and the read options.
 * @returns The records (in input order), and the summary with the dead letters.
 * @throws {@link CxOptionsError} and {@link @cx/model!CxValidationError} as {@link readRecords} does.
 * @example
 * ```ts
 * import { readAll } from '@cx/ingest';
 * const { records, summary } = await readAll({ text: 'id,score,at\nr1,9,2024-06-01T10:00:00Z\nr2,11,2024-06-01T11:00:00Z\n' }, {
 *   format: 'csv',
 *   mapping: { kind: 'surveyResponse', fields: { id: 'id', score: 'score', respondedAt: 'at', surveyId: { value: 'nps' }, metric: { value: 'nps' }, scale: { value: { min: 0, max: 10 } } } },
 * });
 * console.log(records.length, summary.rowsIn, summary.rejected); // 2 2 0
 * ```
 * @category Reading
 * @since 0.1.0
 */
export async function readAll<K extends RecordKind>(
  input: IngestInput,
  options: ReadRecordsOptions<K>,
): Promise<{ readonly records: Array<RecordOfKind[K]>; readonly summary: IngestSummary }> {
  const read = readRecords(input, options);
  const records: Array<RecordOfKind[K]> = [];
  for await (const { value } of read) records.push(value);
  return { records, summary: read.summary };
}
