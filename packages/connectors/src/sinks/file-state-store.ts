import { readFile } from 'node:fs/promises';
import { parseSyncState, type SyncState } from '../sync/state.js';
import { removeStaleTemporaries, writeFileAtomic } from './atomic-file.js';

/**
 * Where a caller who stores records itself keeps the sync state between runs.
 *
 * @category Sinks
 * @since 0.2.0
 */
export interface StateStore {
  /**
   * Reads the saved state.
   *
   * @returns The state, or `null` when none was saved.
   */
  load(): Promise<SyncState | null>;
  /**
   * Saves a state, replacing the previous one atomically.
   *
   * @param state - The state of a checkpoint.
   */
  save(state: SyncState): Promise<void>;
}

/**
 * A state store in one JSON file, written atomically (temporary file, `fsync`, rename, directory `fsync`): a
 * crash at any instant leaves either the previous state or the new one, never a torn file. Save a checkpoint's
 * state only after the records yielded before it are stored; for records and state committed together, use a
 * sink ({@link ndjsonSink}, the DuckDB sink) with {@link syncToSink}.
 *
 * @param path - The JSON file (created on the first save; its directory must exist).
 * @returns The store.
 * @throws {@link @cx/model!CxValidationError} from `load` when the file holds no valid state.
 * @example
 * ```ts
 * import { fileStateStore } from '@cx/connectors';
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const store = fileStateStore(join(mkdtempSync(join(tmpdir(), 'cx-state-')), 'state.json'));
 * console.log(await store.load()); // null
 * await store.save({ version: 1, cursor: { time: '2024-06-01T00:00:00.000Z', id: '7' }, seen: [] });
 * console.log((await store.load())?.cursor?.id); // '7'
 * ```
 * @category Sinks
 * @since 0.2.0
 */
export function fileStateStore(path: string): StateStore {
  return {
    async load() {
      await removeStaleTemporaries(path);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      return parseSyncState(JSON.parse(text));
    },
    async save(state) {
      await writeFileAtomic(path, `${JSON.stringify(state)}\n`);
    },
  };
}
