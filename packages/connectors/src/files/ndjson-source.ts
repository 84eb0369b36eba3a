import { parseOptions } from '@cx/model';
import { z } from 'zod';
import type { Source } from '../sync/source.js';
import { type FileInput, readLines } from './input.js';
import type { RowItem } from './row-item.js';
import { rowSourceShape } from './row-options.js';
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

const ndjsonSourceSchema = z.strictObject(rowSourceShape);

/**
 * A source reading newline-delimited JSON with field mapping, streaming with bounded memory. Lines that are not
 * JSON objects, or lack an id or a parseable time, go to the dead letters with their line number.
 *
 * Versions: a row's dedup key holds its id, time and a hash of its content, so a corrected row with the same id
 * and time is delivered as a new version, and only a true repeat is dropped. Unordered files (the default)
 * remove repeats with `dedup` (`file`: exact, 20 to 39 bytes of memory per row; `window`: bounded) and keep
 * the saved state bounded by the lookback window of the newest row; `ordered: true` advances the cursor as the
 * file goes. Checkpoints every `checkpointEvery` rows carry a resume marker checked against the text on resume.
 * Aborting the sync stops the read within one row; leaving early closes the file.
 *
 * @param options - Input, kind, field mapping.
 * @returns The source.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
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
  parseOptions(ndjsonSourceSchema, options, 'ndjsonSource');
  return rowSource('ndjson', options, async function* (context): AsyncGenerator<RowItem> {
    for await (const { line, text } of readLines(options.input, context.signal)) {
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch {
        yield { row: text, line, text, error: `Line ${line}: not valid JSON` };
        continue;
      }
      yield { row, line, text };
    }
  });
}
