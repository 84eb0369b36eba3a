import { parseOptions } from '@cx/model';
import { z } from 'zod';
import { countOption } from '../options.js';
import type { Source } from '../sync/source.js';
import { csvRows } from './csv-rows.js';
import type { FileInput } from './input.js';
import { rowSourceShape } from './row-options.js';
import { type RowSourceOptions, rowSource } from './row-source.js';

/**
 * Options of {@link csvSource}.
 *
 * @category Files
 * @since 0.1.0
 */
export interface CsvSourceOptions extends RowSourceOptions {
  /** File path (`.gz` gunzipped) or stream factory. */
  readonly input: FileInput;
  /** Field delimiter (default `,`). */
  readonly delimiter?: string;
  /**
   * Longest quoted field that may run over several lines, in bytes (default 1 MiB): a quote still open after
   * that is taken as a stray quote (its line is dead-lettered and reading goes on at the next line), which keeps
   * memory bounded.
   */
  readonly maxRecordBytes?: number;
}

const csvSourceSchema = z.strictObject({
  ...rowSourceShape,
  delimiter: z
    .string()
    .min(1)
    .max(8)
    .refine((d) => !/[\r\n"]/.test(d), { error: 'A delimiter cannot hold a quote or a line break' })
    .optional(),
  maxRecordBytes: countOption(2 ** 30).optional(),
});

/**
 * A source reading CSV with a header row (RFC 4180 quoting, embedded newlines, BOM) through the streaming
 * `csv-parse` parser, with column mapping. Empty cells are treated as missing.
 *
 * Strict and loss-free: a record with more or fewer fields than the header, or a quote inside an unquoted
 * field, is dead-lettered with its line and reading goes on; a quote that is never closed costs its record, not
 * the rest of the file. Duplicate or empty header names fail the sync. Repeated rows and versions are handled
 * as in {@link ndjsonSource}.
 *
 * @param options - Input, kind, column mapping.
 * @returns The source.
 * @throws {@link @cx/model!CxValidationError} (while syncing) when the header has duplicate or empty names.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { csvSource, syncAll } from '@cx/connectors';
 * import { Readable } from 'node:stream';
 * const source = csvSource({
 *   input: () => Readable.from(['id,customer,score,at,comment\nr1,c1,9,2024-06-01T10:00:00Z,"Fast, friendly"\n']),
 *   kind: 'surveyResponse',
 *   fields: { id: 'id', customerId: 'customer', score: 'score', respondedAt: 'at', comment: 'comment' },
 *   defaults: { surveyId: 'nps-2024', metric: 'nps', scale: { min: 0, max: 10 } },
 * });
 * console.log((await syncAll(source)).records); // 1
 * ```
 * @category Files
 * @since 0.1.0
 */
export function csvSource(options: CsvSourceOptions): Source {
  parseOptions(csvSourceSchema, options, 'csvSource');
  return rowSource('csv', options, (context) =>
    csvRows(
      options.input,
      { delimiter: options.delimiter, maxRecordBytes: options.maxRecordBytes },
      context.signal,
    ),
  );
}
