import { parseOptions } from '@cx/model';
import { z } from 'zod';
import type { Source } from '../sync/source.js';
import { fileItems } from './file-items.js';
import { fileMapping, type RowSourceOptions, resolveInput, rowSource, rowSourceShape } from './row-source.js';

/**
 * Options of {@link ndjsonSource}.
 *
 * @category Files
 * @since 0.1.0
 */
export type NdjsonSourceOptions = RowSourceOptions;

const ndjsonSourceSchema = z.strictObject(rowSourceShape);

/**
 * A source reading newline-delimited JSON through `@cx/ingest` (one JSON object per line, keys or dotted paths
 * as columns, the same mapping and grammars as CSV), streaming with bounded memory. A line that is not a JSON
 * object, or whose cells the grammar or the model refuse, goes to the dead letters with its line and code.
 *
 * Versions: a record's dedup key holds its id, time and a hash of its content, so a corrected row with the same
 * id and time is delivered as a new version, and only a true repeat is dropped. Unordered files (the default)
 * remove repeats with `dedup` (`file`: exact, 20 to 39 bytes of memory per row; `window`: bounded) and keep
 * the saved state bounded by the lookback window of the newest row; `ordered: true` advances the cursor as the
 * file goes. Checkpoints every `checkpointEvery` rows carry a resume marker checked against the rows on resume.
 * Aborting the sync stops the read within one row; leaving early closes the file.
 *
 * @param options - Input, mapping.
 * @returns The source.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range; a mapping `@cx/ingest`'s `defineMapping` refuses; a kind
 * the connectors do not deliver, or an unmapped cursor field.
 * @example
 * ```ts
 * import { ndjsonSource, syncAll } from '@cx/connectors';
 * const source = ndjsonSource({
 *   input: { text: '{"event_id":"e1","anon":"a1","ts":1717236000,"event":"signup","plan":"pro"}\n' },
 *   mapping: {
 *     kind: 'interaction',
 *     fields: {
 *       id: 'event_id', anonymousId: 'anon', timestamp: { column: 'ts', epoch: 's' }, name: 'event',
 *       channel: { value: 'web' },
 *     },
 *     properties: 'rest',
 *   },
 * });
 * const { items } = await syncAll(source);
 * console.log(items[0]?.record.value); // { id: 'e1', anonymousId: 'a1', …, properties: { plan: 'pro' } }
 * ```
 * @category Files
 * @since 0.1.0
 */
export function ndjsonSource(options: NdjsonSourceOptions): Source {
  parseOptions(ndjsonSourceSchema, options, 'ndjsonSource');
  const mapping = fileMapping(options, 'ndjsonSource');
  return rowSource('ndjson', options, mapping, (context) =>
    fileItems(resolveInput(options.input, context.signal), mapping, {
      format: 'ndjson',
      name: options.name ?? 'ndjson',
      signal: context.signal,
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    }),
  );
}
