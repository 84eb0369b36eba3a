import type { RetryNotice } from '../http/client.js';
import type { DeadLetterSink } from './dead-letter.js';
import type { ModelRecord } from './source.js';
import type { CursorPosition, SyncState } from './state.js';

/**
 * Options of {@link sync}.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SyncOptions {
  /** State saved from a previous checkpoint; omit or `null` for a first run. */
  readonly state?: SyncState | null;
  /** Lower time bound of a first run (UTC instant); default: everything the source has. */
  readonly startAt?: string;
  /** Lookback window in ms; default: the source's `lookbackMs`. */
  readonly lookbackMs?: number;
  /** Lag window in ms; default: the source's `lagMs`. */
  readonly lagMs?: number;
  /** Clock (epoch ms); default `Date.now`. */
  readonly now?: () => number;
  /** Cancels the sync: no record is delivered after the abort is seen; the sync throws {@link CxSyncAbortedError}. */
  readonly signal?: AbortSignal;
  /** Where invalid records go; default: kept only as counts in the summary (use a sink to keep them). */
  readonly deadLetters?: DeadLetterSink;
  /** Called with progress after each page, retry and checkpoint, and at the end. */
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Called with each log line of the source (redacted), e.g. a Singer `LOG` or a re-read notice. */
  readonly onLog?: (entry: SyncLogEntry) => void;
  /** Called before each HTTP retry of the source's requests. */
  readonly onRetry?: (notice: RetryNotice) => void;
}

/**
 * A log line of a running sync, free of secrets.
 *
 * @category Sync
 * @since 0.2.0
 */
export interface SyncLogEntry {
  /** Source name. */
  readonly source: string;
  /** Severity. */
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  /** Redacted text. */
  readonly message: string;
}

/**
 * Progress of a running sync, for a progress bar.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SyncProgress {
  /** Source name. */
  readonly source: string;
  /** Stream of the last page, if any. */
  readonly stream: string | null;
  /** Valid records delivered. */
  readonly records: number;
  /**
   * The source's estimate of the records this run reads in all (delivered, repeated and invalid), or `null`
   * when the vendor reports none.
   */
  readonly total: number | null;
  /** Pages (requests, chunks) read. */
  readonly pages: number;
  /** Records skipped because their key was already delivered. */
  readonly duplicates: number;
  /** Records sent to the dead letters. */
  readonly deadLetters: number;
  /** Records older than the window the source sent anyway (skipped). */
  readonly outOfWindow: number;
  /** HTTP retries so far. */
  readonly retries: number;
  /** Cursor of the last checkpoint handed to the consumer. */
  readonly cursor: CursorPosition | null;
  /** Milliseconds since the sync started. */
  readonly elapsedMs: number;
  /** Delivered records per second so far. */
  readonly recordsPerSecond: number;
}

/**
 * A delivered record: the validated model record, its stream, dedup key and position in the source.
 *
 * @category Sync
 * @since 0.2.0
 */
export interface SyncRecordItem {
  /** Item type. */
  readonly type: 'record';
  /** Stream name. */
  readonly stream: string;
  /** Dedup key (changes with the record's version). */
  readonly key: string;
  /** Position `(time, id)` of the record in the source: its version for upserts. */
  readonly position: CursorPosition;
  /** The validated record. */
  readonly record: ModelRecord;
}

/**
 * A checkpoint: the state to persist together with every record yielded before it.
 *
 * @category Sync
 * @since 0.2.0
 */
export interface SyncCheckpointItem {
  /** Item type. */
  readonly type: 'checkpoint';
  /** The state covering exactly the records yielded so far. */
  readonly state: SyncState;
}

/**
 * One item of a sync: a validated record, or a checkpoint to persist (with every record before it).
 *
 * @category Sync
 * @since 0.1.0
 */
export type SyncItem = SyncRecordItem | SyncCheckpointItem;

/**
 * Counts of a finished sync and its final state.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SyncSummary {
  /** Valid records delivered. */
  readonly records: number;
  /** Records skipped as already delivered (same key). */
  readonly duplicates: number;
  /** Records sent to the dead letters. */
  readonly deadLetters: number;
  /** Records older than the cursor minus the lookback (already delivered, or too late) that the source sent anyway. */
  readonly outOfWindow: number;
  /** Pages read. */
  readonly pages: number;
  /** HTTP retries. */
  readonly retries: number;
  /** Final state: persist it for the next run. */
  readonly state: SyncState;
}
