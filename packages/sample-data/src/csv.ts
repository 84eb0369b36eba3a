import { CxValidationError } from '@cx/model';
import { FileSink, records, type WriteResult } from './sink.js';

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
  columns?: string[];
}

/** Encodes one value as a CSV field: nested values as JSON, RFC 4180 quoting. */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
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
  if (options.columns !== undefined) {
    const seen = new Set<string>();
    options.columns.forEach((column, i) => {
      if (typeof column !== 'string' || column === '' || seen.has(column))
        throw new CxValidationError(
          [
            {
              path: ['columns', i],
              message: `Expected a unique, non-empty column name, got ${JSON.stringify(column)}`,
              code: 'invalid_option',
            },
          ],
          { subject: 'writeCsv options' },
        );
      seen.add(column);
    });
  }
  const sink = new FileSink(path);
  let columns = options.columns;
  let known: Set<string> | undefined = columns === undefined ? undefined : new Set(columns);
  const strict = columns === undefined;
  let count = 0;
  try {
    for await (const record of records(source)) {
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        throw new CxValidationError(
          [
            {
              path: [count],
              message: `Expected an object, got ${Array.isArray(record) ? 'an array' : typeof record}`,
              code: 'invalid_type',
            },
          ],
          { subject: 'CSV record' },
        );
      }
      const row = record as Record<string, unknown>;
      if (columns === undefined || known === undefined) {
        columns = Object.keys(row);
        known = new Set(columns);
        await sink.write(`${columns.map(csvField).join(',')}\r\n`);
      } else if (count === 0) {
        await sink.write(`${columns.map(csvField).join(',')}\r\n`);
      }
      if (strict) {
        for (const key of Object.keys(row)) {
          if (!known.has(key) && row[key] !== undefined)
            throw new CxValidationError(
              [
                {
                  path: [count, key],
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
      await sink.write(`${line}\r\n`);
      count++;
    }
    if (count === 0 && columns !== undefined) await sink.write(`${columns.map(csvField).join(',')}\r\n`);
    await sink.close();
  } catch (error) {
    sink.abort();
    throw error;
  }
  return { records: count, bytes: sink.bytes };
}
