import { CxValidationError } from '@cx/model';
import { FileSink, pump, type WriteResult } from './sink.js';

/**
 * Streams records to a newline-delimited JSON file (one `JSON.stringify` per line, UTF-8, `\n` endings).
 *
 * Memory stays flat: records are written in 64 KiB chunks and the writer waits when the disk is slower.
 *
 * @param source - Records, e.g. `shop.interactions()`; sync or async iterable.
 * @param path - File to create or overwrite.
 * @returns How many records and bytes were written.
 * @throws {@link @cx/model!CxValidationError} when a record is not a JSON object (path `[index]`); the file
 * system's error when the file cannot be written.
 * @example
 * ```ts
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { createSampleShop, writeNdjson } from '@cx/sample-data';
 * const shop = createSampleShop({ customers: 20 });
 * const { records, bytes } = await writeNdjson(shop.orders(), join(tmpdir(), 'orders.ndjson'));
 * console.log(records > 0, bytes > 0); // true true
 * ```
 * @category Writers
 * @since 0.1.0
 */
export async function writeNdjson(
  source: Iterable<object> | AsyncIterable<object>,
  path: string,
): Promise<WriteResult> {
  const sink = new FileSink(path);
  let count: number;
  try {
    count = await pump(source, sink, (record, index) => {
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        throw new CxValidationError(
          [
            {
              path: [index],
              message: `Expected a JSON object, got ${Array.isArray(record) ? 'an array' : typeof record}`,
              code: 'invalid_type',
            },
          ],
          { subject: 'NDJSON record' },
        );
      }
      sink.add(`${JSON.stringify(record)}\n`);
    });
    await sink.close();
  } catch (error) {
    sink.abort();
    throw error;
  }
  return { records: count, bytes: sink.bytes };
}
