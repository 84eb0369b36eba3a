import type { Source } from '../sync/source.js';
import { type FileInput, readLines } from './input.js';
import { type RowSourceOptions, rowSource } from './row-source.js';

/**
 * Options of {@link ndjsonSource}.
 *
 * @category Files
 * @since 0.1.0
 */
export interface NdjsonSourceOptions extends RowSourceOptions {
  /** File path (`.gz` gunzipped) or stream factory. */
  readonly input: FileInput;
}

/**
 * A source reading newline-delimited JSON with field mapping, streaming with bounded memory. Lines that are not
 * JSON objects, or lack an id or a parseable time, go to the dead letters with their line number.
 *
 * @param options - Input, kind, field mapping.
 * @returns The source.
 * @example
 * ```ts
 * import { ndjsonSource, syncAll } from '@cx/connectors';
 * import { Readable } from 'node:stream';
 * const source = ndjsonSource({
 *   input: () => Readable.from(['{"event_id":"e1","anon":"a1","ts":1717236000,"event":"signup","plan":"pro"}\n']),
 *   kind: 'interaction',
 *   fields: { id: 'event_id', anonymousId: 'anon', timestamp: 'ts', name: 'event' },
 *   defaults: { channel: 'web' },
 * });
 * const { items } = await syncAll(source);
 * console.log(items[0]?.record.value); // { id: 'e1', anonymousId: 'a1', …, properties: { plan: 'pro' } }
 * ```
 * @category Files
 * @since 0.1.0
 */
export function ndjsonSource(options: NdjsonSourceOptions): Source {
  return rowSource('ndjson', options, async function* () {
    for await (const { line, text } of readLines(options.input)) {
      try {
        yield { row: JSON.parse(text) as unknown, line };
      } catch {
        yield { row: text, line, error: `Line ${line}: not valid JSON` };
      }
    }
  });
}
