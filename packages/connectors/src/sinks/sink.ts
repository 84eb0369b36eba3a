import type { DeadLetter } from '../sync/dead-letter.js';
import type { SyncState } from '../sync/state.js';
import type { SyncRecordItem } from '../sync/types.js';

/**
 * A destination that commits records and the sync state together, so that a crash at any instant neither loses
 * nor duplicates a record: after a restart, {@link SyncSink.open} returns the state committed with the last
 * records that reached the sink, and the sync resumes exactly there. Drive it with {@link syncToSink}.
 *
 * Implementations: {@link ndjsonSink} (files) and the DuckDB sink of `@cx/connectors/duckdb`.
 *
 * @category Sinks
 * @since 0.2.0
 */
export interface SyncSink {
  /**
   * Opens the sink for one source, discarding anything written but never committed (a crash mid-batch).
   *
   * @param source - The source name (a sink can hold several sources, each with its own state).
   * @returns The state committed with the source's records, or `null` before the first commit.
   */
  open(source: string): Promise<SyncState | null>;
  /**
   * Adds a record to the open batch: neither visible as committed nor durable until {@link SyncSink.commit}.
   *
   * @param item - The delivered record with its key and position.
   */
  write(item: SyncRecordItem): void | Promise<void>;
  /**
   * Adds a dead letter to the open batch (optional; without it, dead letters go to the sync's `deadLetters`).
   *
   * @param letter - The dead letter.
   */
  writeDeadLetter?(letter: DeadLetter): void | Promise<void>;
  /**
   * Makes the open batch and `state` durable together, atomically.
   *
   * @param state - The checkpoint's state.
   */
  commit(state: SyncState): Promise<void>;
  /** Discards the open batch. */
  rollback(): Promise<void>;
  /** Discards the open batch and releases files and connections. */
  close(): Promise<void>;
}
