import { CxValidationError, parseOptions } from '@cx/model';
import { z } from 'zod';
import { FileSink, pump, type WriteResult } from './sink.js';

/**
 * Options of {@link writeCsv}.
 *
 * @category Writers
 * @since 0.1.0
 */
export interface WriteCsvOptions {
  /**
   * Columns to write, in order. When given, other keys of a record are left out (a projection). When absent,
   * the columns are the keys of the first record, and a later record with a key outside them is an error.
   */
  columns?: readonly string[] | undefined;
}

const writeCsvSchema = z.strictObject({
  columns: z
    .array(z.string().min(1, { error: 'Expected a non-empty column name' }), {
      error: 'Expected a list of column names',
    })
    .superRefine((columns, ctx) => {
      const seen = new Set<string>();
      columns.forEach((column, i) => {
        if (seen.has(column)) {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `Column ${JSON.stringify(column)} is listed twice`,
            params: { code: 'invalid_value' },
          });
        }
        seen.add(column);
      });
    })
    .optional(),
});

/** A comma, quote or line break anywhere, or white space at either end. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** Encodes one value as a CSV field: nested values as JSON, RFC 4180 quoting. */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Streams records to a CSV file (RFC 4180): a header row, CRLF line endings, fields quoted when they hold a
 * comma, quote, line break or surrounding space; nested values (objects, arrays) JSON-encoded; `null` and
 * missing values as empty fields.
 *
 * @param source - Records, e.g. `shop.orders()`; sync or async iterable.
 * @param path - File to create or overwrite.
 * @param options - Columns to write.
 * @returns How many records (not counting the header) and bytes were written.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option, `null` options, or empty or repeated column names.
 * @throws {@link @cx/model!CxValidationError} when a record is not an object, or, without `columns`, has a key
 * the first record did not have (path `[index, key]`).
 * @example
 * ```ts
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { createSampleShop, writeCsv } from '@cx/sample-data';
 * const shop = createSampleShop({ customers: 20 });
 * const result = await writeCsv(shop.orders(), join(tmpdir(), 'orders.csv'), {
 *   columns: ['id', 'customerId', 'orderedAt', 'amount', 'currency', 'status', 'items'],
 * });
 * console.log(result.records > 0); // true
 * ```
 * @category Writers
 * @since 0.1.0
 */
export async function writeCsv(
  source: Iterable<object> | AsyncIterable<object>,
  path: string,
  options: WriteCsvOptions = {},
): Promise<WriteResult> {
  const o = parseOptions(writeCsvSchema, options, 'writeCsv');
  const sink = new FileSink(path);
  let columns = o.columns;
  let known: ReadonlySet<string> = new Set(columns ?? []);
  const strict = columns === undefined;
  const header = (cs: readonly string[]) => sink.add(`${cs.map(csvField).join(',')}\r\n`);
  let count: number;
  try {
    count = await pump(source, sink, (record, index) => {
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        throw new CxValidationError(
          [
            {
              path: [index],
              message: `Expected an object, got ${Array.isArray(record) ? 'an array' : typeof record}`,
              code: 'invalid_type',
            },
          ],
          { subject: 'CSV record' },
        );
      }
      const row = record as Record<string, unknown>;
      if (columns === undefined) {
        columns = Object.keys(row);
        known = new Set(columns);
      }
      if (index === 0) header(columns);
      if (strict) {
        for (const key in row) {
          if (!known.has(key) && row[key] !== undefined)
            throw new CxValidationError(
              [
                {
                  path: [index, key],
                  message: `Unexpected key "${key}" not in the columns taken from the first record (${columns.join(', ')}); pass options.columns`,
                  code: 'unexpected_key',
                },
              ],
              { subject: 'CSV record' },
            );
        }
      }
      let line = '';
      for (let i = 0; i < columns.length; i++) line += (i === 0 ? '' : ',') + csvField(row[columns[i]!]);
      sink.add(`${line}\r\n`);
    });
    if (count === 0 && columns !== undefined) header(columns);
    await sink.close();
  } catch (error) {
    sink.abort();
    throw error;
  }
  return { records: count, bytes: sink.bytes };
}
