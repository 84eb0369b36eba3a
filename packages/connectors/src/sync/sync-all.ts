import type { Source } from './source.js';
import { sync } from './sync.js';
import type { SyncOptions, SyncRecordItem, SyncSummary } from './types.js';

/**
 * Result of {@link syncAll}.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SyncAllResult extends SyncSummary {
  /** Every delivered record, in order. */
  readonly items: readonly SyncRecordItem[];
}

/**
 * Runs {@link sync} to the end and collects the records (convenient for small syncs and tests).
 *
 * @param source - The source.
 * @param options - As for {@link sync}.
 * @returns Records, counts and the final state.
 * @throws {@link CxResumableError} and the other errors of {@link sync}.
 * @example
 * ```ts
 * import { ndjsonSource, syncAll } from '@cx/connectors';
 * import { Readable } from 'node:stream';
 * const source = ndjsonSource({
 *   input: () => Readable.from(['{"id":"c1","since":"2024-06-01T10:00:00Z"}\n']),
 *   kind: 'customer',
 *   fields: { id: 'id', firstSeenAt: 'since' },
 *   defaults: { type: 'consumer' },
 * });
 * const result = await syncAll(source);
 * console.log(result.records, result.state.cursor?.id); // 1 'c1'
 * ```
 * @category Sync
 * @since 0.1.0
 */
export async function syncAll(source: Source, options: SyncOptions = {}): Promise<SyncAllResult> {
  const items: SyncRecordItem[] = [];
  const generator = sync(source, options)[Symbol.asyncIterator]();
  for (;;) {
    const next = await generator.next();
    if (next.done) return { ...next.value, items };
    if (next.value.type === 'record') items.push(next.value);
  }
}
