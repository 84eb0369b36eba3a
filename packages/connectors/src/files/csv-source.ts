import { csvDelimiterOption, maxRecordBytesOption } from '@cx/ingest';
import { parseOptions } from '@cx/model';
import { z } from 'zod';
import type { Source } from '../sync/source.js';
import { fileItems } from './file-items.js';
import { fileMapping, type RowSourceOptions, resolveInput, rowSource, rowSourceShape } from './row-source.js';

/**
 * Options of {@link csvSource}.
 *
 * @category Files
 * @since 0.1.0
 */
export interface CsvSourceOptions extends RowSourceOptions {
  /** Field delimiter: one ASCII character (default `,`), or `'auto'` to sniff `,` `;` tab or `|` (an error when unsure). */
  readonly delimiter?: string;
  /** Longest record accepted, in bytes (default 256 MiB); a longer one is a `CxLimitError` of `@cx/ingest`. */
  readonly maxRecordBytes?: number;
}

const csvSourceSchema = z.strictObject({
  ...rowSourceShape,
  delimiter: csvDelimiterOption,
  maxRecordBytes: maxRecordBytesOption,
});

/**
 * A source reading CSV with a header row through `@cx/ingest`: its byte-level RFC 4180 tokenizer (quoted fields
 * with doubled quotes and line breaks, LF/CRLF/CR, BOM), its mapping (value maps, constants, generated ids) and
 * its grammars for instants (with a time zone for local times) and numbers; every row becomes a validated
 * record or a dead letter with its line, column and code.
 *
 * Strict and loss-free: a row with more or fewer fields than the header (`field_count`), a stray quote
 * (`stray_quote`: the row is cut at the end of its first line and reading goes on), a cell the grammar or the
 * model refuses — each costs its row, which is dead-lettered, never the rest of the file. Repeated rows and
 * versions are handled as in {@link ndjsonSource}. Aborting the sync stops the read within one row and closes
 * the file; so does leaving the loop early.
 *
 * @param options - Input, mapping, delimiter.
 * @returns The source.
 * @throws {@link @cx/model!CxValidationError} (while syncing) when the header lacks a mapped column (naming the
 * delimiter the file seems to use).
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range; a mapping `@cx/ingest`'s `defineMapping` refuses; a kind
 * the connectors do not deliver, or an unmapped cursor field.
 * @example
 * ```ts
 * import { csvSource, syncAll } from '@cx/connectors';
 * const source = csvSource({
 *   input: { text: 'id,customer,score,at,comment\nr1,c1,9,2024-06-01T10:00:00Z,"Fast, friendly"\n' },
 *   mapping: {
 *     kind: 'surveyResponse',
 *     fields: {
 *       id: 'id', customerId: 'customer', score: 'score', respondedAt: 'at', comment: 'comment',
 *       surveyId: { value: 'nps-2024' }, metric: { value: 'nps' }, scale: { value: { min: 0, max: 10 } },
 *     },
 *   },
 * });
 * console.log((await syncAll(source)).records); // 1
 * ```
 * @category Files
 * @since 0.1.0
 */
export function csvSource(options: CsvSourceOptions): Source {
  parseOptions(csvSourceSchema, options, 'csvSource');
  const mapping = fileMapping(options, 'csvSource');
  return rowSource('csv', options, mapping, (context) =>
    fileItems(resolveInput(options.input, context.signal), mapping, {
      format: 'csv',
      name: options.name ?? 'csv',
      signal: context.signal,
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      ...(options.maxRecordBytes === undefined ? {} : { maxRecordBytes: options.maxRecordBytes }),
    }),
  );
}
