import type { SyncState } from '../../src/sync/state.js';
import { compareCursor } from '../../src/sync/state.js';
import type { SyncItem, SyncRecordItem } from '../../src/sync/types.js';

/**
 * A consumer's store that commits the records of a batch together with the checkpoint that follows them, and
 * upserts by `(kind, id)` keeping the latest version (position, then delivery order): what a real destination
 * does. A crash loses the open batch only.
 */
export class CommittingStore {
  readonly rows = new Map<string, SyncRecordItem>();
  /** Every committed delivery in order (to check that nothing was committed twice). */
  readonly log: SyncRecordItem[] = [];
  state: SyncState | null = null;
  #batch: SyncRecordItem[] = [];

  accept(item: SyncItem): void {
    if (item.type === 'record') this.#batch.push(item);
    else this.commit(item.state);
  }

  commit(state: SyncState): void {
    for (const item of this.#batch) {
      const id = `${item.record.kind}:${item.record.value.id}`;
      const old = this.rows.get(id);
      if (old === undefined || compareCursor(item.position, old.position) >= 0) this.rows.set(id, item);
      this.log.push(item);
    }
    this.#batch = [];
    this.state = state;
  }

  /** Drops the open batch (the process died before committing it). */
  crash(): void {
    this.#batch = [];
  }

  /** `id → record value` of the current versions, sorted by id. */
  snapshot(): Array<[string, unknown]> {
    return [...this.rows]
      .map(([id, item]) => [id, item.record.value] as [string, unknown])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** Keys committed more than once. */
  repeats(): string[] {
    const counts = new Map<string, number>();
    for (const item of this.log) counts.set(item.key, (counts.get(item.key) ?? 0) + 1);
    return [...counts].filter(([, n]) => n > 1).map(([k]) => k);
  }
}
