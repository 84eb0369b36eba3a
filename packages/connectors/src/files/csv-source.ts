import { parse } from 'csv-parse';
import type { Source } from '../sync/source.js';
import { type FileInput, openInput } from './input.js';
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
}

/**
 * A source reading CSV with a header row (RFC 4180 quoting, embedded newlines, BOM) through the streaming
 * `csv-parse` parser, with column mapping. Empty cells are treated as missing.
 *
 * @param options - Input, kind, column mapping.
 * @returns The source.
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
  return rowSource('csv', options, async function* () {
    const parser = parse({
      columns: true,
      bom: true,
      delimiter: options.delimiter ?? ',',
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    });
    const input = openInput(options.input);
    (async () => {
      try {
        for await (const chunk of input)
          if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
        parser.end();
      } catch (error) {
        parser.destroy(error as Error);
      }
    })();
    for await (const item of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield { row: item.record, line: item.info.lines };
    }
  });
}
