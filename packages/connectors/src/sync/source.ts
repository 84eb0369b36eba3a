import type { Customer, Feedback, Interaction, JsonValue, Order, SurveyResponse } from '@cx/model';
import type { RetryNotice } from '../http/client.js';
import type { CursorPosition, SyncState } from './state.js';

/**
 * The kinds of `@cx/model` record a source can produce.
 *
 * @category Sync
 * @since 0.1.0
 */
export type ModelKind = 'customer' | 'interaction' | 'surveyResponse' | 'order' | 'feedback';

/**
 * A validated model record tagged with its kind.
 *
 * @category Sync
 * @since 0.1.0
 */
export type ModelRecord =
  | { readonly kind: 'customer'; readonly value: Customer }
  | { readonly kind: 'interaction'; readonly value: Interaction }
  | { readonly kind: 'surveyResponse'; readonly value: SurveyResponse }
  | { readonly kind: 'order'; readonly value: Order }
  | { readonly kind: 'feedback'; readonly value: Feedback };

/**
 * A not-yet-validated model record produced by an adapter's mapping.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface ModelCandidate {
  /** Which schema to validate against. */
  readonly kind: ModelKind;
  /** The mapped value (input form of the model schema). */
  readonly value: unknown;
}

/**
 * One raw record read by a source, with its position, dedup key and mapping into the model.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SourceRecordMessage {
  /** Message type. */
  readonly type: 'record';
  /** Stream name, e.g. `contacts`. */
  readonly stream: string;
  /** The record as the vendor sent it (kept for dead letters). */
  readonly raw: unknown;
  /** Position of the record in the stream. */
  readonly position: CursorPosition;
  /**
   * Dedup key: the same key is delivered at most once. It must change whenever the record's content can change:
   * include the version (`contact:7@<modified time>`) or, when the vendor has none, a hash of the content.
   */
  readonly key: string;
  /** Maps the raw record into zero or more model candidates; may throw `CxValidationError`. */
  readonly map: () => readonly ModelCandidate[];
  /** 1-based line of the record in its file or stream, when it has one (kept in dead letters). */
  readonly line?: number;
  /**
   * Set by sources that never yield the same key twice within one run (they deduplicate their own pass, e.g. an
   * unordered file): the sync then keeps the key for later runs only while its time lies within the lookback
   * window of the newest such record, so the dedup state stays bounded however long the pass is.
   */
  readonly uniqueInRun?: boolean;
  /**
   * Set by a source that knows this record repeats one it already yielded in this run (a row that occurs twice
   * in a file): the sync counts it as a duplicate and does not deliver it.
   */
  readonly duplicate?: boolean;
}

/**
 * A raw record the source could not even position (e.g. no parseable timestamp): goes to the dead letters.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SourceInvalidMessage {
  /** Message type. */
  readonly type: 'invalid';
  /** Stream name. */
  readonly stream: string;
  /** The raw record or line. */
  readonly raw: unknown;
  /** Why it was rejected. */
  readonly reason: string;
  /** 1-based line of the record in its file or stream, when it has one. */
  readonly line?: number;
}

/**
 * A source's promise that every record at or before `cursor` has been yielded.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SourceCheckpointMessage {
  /** Message type. */
  readonly type: 'checkpoint';
  /** New high-water position, or `null` to keep the previous one. */
  readonly cursor: CursorPosition | null;
  /** Source resume data to store (`undefined` clears it). */
  readonly resume?: JsonValue;
}

/**
 * Progress notice: a page (request, file chunk) was read.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SourcePageMessage {
  /** Message type. */
  readonly type: 'page';
  /** Stream name. */
  readonly stream: string;
  /**
   * The source's current estimate of the records this run reads in all (read so far plus still to come), when
   * the vendor reports one (HubSpot search `total`, Salesforce `totalSize`, BigQuery `totalRows` …).
   */
  readonly total?: number;
}

/**
 * A log line from a source (e.g. an Airbyte `LOG` message), already free of secrets.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SourceLogMessage {
  /** Message type. */
  readonly type: 'log';
  /** Severity. */
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  /** Text. */
  readonly message: string;
}

/**
 * What a source yields: records, invalid records, checkpoints, page and log notices.
 *
 * @category Sync
 * @since 0.1.0
 */
export type SourceMessage =
  | SourceRecordMessage
  | SourceInvalidMessage
  | SourceCheckpointMessage
  | SourcePageMessage
  | SourceLogMessage;

/**
 * What the sync loop tells a source when it starts reading.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SourceContext {
  /** Lower time bound to read from (previous cursor minus lookback, or the start option), or `null` for all. */
  readonly from: string | null;
  /** Upper time bound: sync start minus the lag window. Do not checkpoint past it. */
  readonly until: string;
  /** When this sync started (UTC instant). */
  readonly startedAt: string;
  /** The state the sync resumes from, or `null` on a first run. */
  readonly state: SyncState | null;
  /** Cancels the read: pass it to every request and stream, check it at every record. */
  readonly signal: AbortSignal;
  /** Pass it to every request (`HttpRequestOptions.onRetry`): the run reports retries. */
  readonly onRetry: (notice: RetryNotice) => void;
}

/**
 * A data source: reads raw records from a vendor and maps them into the model. Adapters implement it; the
 * {@link sync} loop adds validation, dedup, dead letters, checkpoints and progress.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface Source {
  /** Source name, e.g. `hubspot`. */
  readonly name: string;
  /** Default lookback window in ms (re-read this much before the cursor). */
  readonly lookbackMs: number;
  /** Default lag window in ms (never checkpoint later than start minus this). */
  readonly lagMs: number;
  /** Secrets this source uses, to redact from dead letters and errors. */
  readonly secrets?: () => readonly string[];
  /**
   * Reads messages in order.
   *
   * @param context - Window, resume state and signal.
   * @returns The message stream.
   */
  read(context: SourceContext): AsyncIterable<SourceMessage>;
}
