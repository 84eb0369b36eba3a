import { CxError, type CxErrorOptions } from '@cx/model';
import type { SyncState } from './sync/state.js';

/**
 * Codes of {@link CxHttpError}: a non-success status, no response at all (network failure, timeout, reset), or a
 * successful response whose body is not what the endpoint promises (not JSON).
 *
 * @category Errors
 * @since 0.2.0
 */
export type CxHttpErrorCode = 'http_error' | 'http_network_error' | 'http_invalid_response';

/**
 * Thrown when an HTTP request fails for good: a non-retryable status, retries exhausted, or a body that is not
 * JSON.
 *
 * The message, `url` and `cause` never contain credentials: the message is built from text redacted as a whole
 * (before any truncation), query parameters named like secrets and every registered secret value, and any
 * 8-character fragment of one, are replaced by `[REDACTED]`; a foreign `cause` is kept as a redacted copy.
 *
 * @example
 * ```ts
 * import { CxHttpError } from '@cx/connectors';
 * const error = new CxHttpError('GET /crm/v3/objects/contacts failed: 503', { status: 503, retryAfterMs: 2000, url: '/crm/v3/objects/contacts' });
 * console.log(error.code, error.status, error.retryAfterMs); // 'http_error' 503 2000
 * ```
 * @category Errors
 * @since 0.1.0
 */
export class CxHttpError extends CxError<CxHttpErrorCode> {
  /** HTTP status, or `null` for a network failure or timeout (no response). */
  readonly status: number | null;
  /** Delay the server asked for (`Retry-After` or a vendor header), in milliseconds, or `null`. */
  readonly retryAfterMs: number | null;
  /** The request URL with secrets redacted. */
  readonly url: string;
  /** Number of attempts made. */
  readonly attempts: number;

  /**
   * Creates an HTTP error.
   *
   * @param message - Readable, already-redacted message.
   * @param fields - Status, retry delay, redacted URL, attempts, an explicit code and a (redacted) cause.
   */
  constructor(
    message: string,
    fields: {
      readonly status: number | null;
      readonly retryAfterMs?: number | null;
      readonly url: string;
      readonly attempts?: number;
      readonly code?: CxHttpErrorCode;
    } & CxErrorOptions,
  ) {
    super(fields.code ?? (fields.status === null ? 'http_network_error' : 'http_error'), message, fields);
    this.status = fields.status;
    this.retryAfterMs = fields.retryAfterMs ?? null;
    this.url = fields.url;
    this.attempts = fields.attempts ?? 1;
  }
}

/**
 * Codes of the resumable errors: a vendor quota, a server asking to wait longer than the configured cap, an
 * aborted sync.
 *
 * @category Errors
 * @since 0.2.0
 */
export type CxResumableErrorCode = 'quota_exceeded' | 'retry_later' | 'aborted';

/**
 * Base of the errors after which a sync can simply be resumed: `checkpoint` is the last state the sync handed
 * to its consumer (exactly what the consumer has received with a checkpoint; `null` when raised below the sync
 * loop or before any state existed), and `resumeAt` the earliest useful time to try again, when known.
 *
 * @example
 * ```ts
 * import { CxResumableError, CxQuotaExceededError } from '@cx/connectors';
 * const error = new CxQuotaExceededError('Daily quota exhausted', { resetAt: '2024-06-02T00:00:00.000Z' });
 * console.log(error instanceof CxResumableError, error.resumeAt); // true '2024-06-02T00:00:00.000Z'
 * ```
 * @category Errors
 * @since 0.2.0
 */
export abstract class CxResumableError extends CxError<CxResumableErrorCode> {
  /** The last state handed to the consumer (resume from it), or `null`. */
  readonly checkpoint: SyncState | null;
  /** Earliest time worth resuming (UTC instant), or `null` when any time will do or it is unknown. */
  readonly resumeAt: string | null;

  /**
   * Creates a resumable error.
   *
   * @param code - The code.
   * @param message - Readable, redacted message.
   * @param fields - Checkpoint, resume time, cause.
   */
  protected constructor(
    code: CxResumableErrorCode,
    message: string,
    fields: { readonly checkpoint?: SyncState | null; readonly resumeAt?: string | null } & CxErrorOptions,
  ) {
    super(code, message, fields);
    this.checkpoint = fields.checkpoint ?? null;
    this.resumeAt = fields.resumeAt ?? null;
  }

  /**
   * Returns a new error of the same class and message carrying `checkpoint`, with this error as its cause (the
   * sync loop uses it to attach the state to resume from; the message is not rebuilt).
   *
   * @param checkpoint - The state to resume from.
   * @returns The new error.
   */
  abstract withCheckpoint(checkpoint: SyncState | null): CxResumableError;
}

/**
 * Thrown when a source reports its daily (or other long) quota exhausted: the sync stops instead of retrying
 * for hours. `checkpoint` is the last state the sync handed to its consumer: resume from it after `resetAt`.
 *
 * @example
 * ```ts
 * import { CxQuotaExceededError } from '@cx/connectors';
 * const error = new CxQuotaExceededError('Daily quota exhausted', { resetAt: '2024-06-02T07:00:00.000Z' });
 * console.log(error.code, error.checkpoint); // 'quota_exceeded' null
 * ```
 * @category Errors
 * @since 0.1.0
 */
export class CxQuotaExceededError extends CxResumableError {
  declare readonly code: 'quota_exceeded';
  /** When the quota resets, if the vendor says so (UTC instant), else `null`; the same as `resumeAt`. */
  readonly resetAt: string | null;

  /**
   * Creates a quota error.
   *
   * @param message - Readable, redacted message.
   * @param fields - Optional checkpoint, reset time and cause.
   */
  constructor(
    message: string,
    fields: {
      readonly checkpoint?: SyncState | null;
      readonly resetAt?: string | null;
    } & CxErrorOptions = {},
  ) {
    super('quota_exceeded', message, { ...fields, resumeAt: fields.resetAt ?? null });
    this.resetAt = fields.resetAt ?? null;
  }

  /** {@inheritDoc CxResumableError.withCheckpoint} */
  withCheckpoint(checkpoint: SyncState | null): CxQuotaExceededError {
    return new CxQuotaExceededError(this.message, { checkpoint, resetAt: this.resetAt, cause: this });
  }
}

/**
 * Thrown when a server asks to wait (`Retry-After`, a vendor rate-limit header) longer than the client's cap
 * `retry.maxRetryAfterMs`, or when one request's waits would exceed `retry.maxTotalWaitMs`: instead of sleeping
 * for many minutes, the sync stops; resume from `checkpoint` at `resumeAt`.
 *
 * @example
 * ```ts
 * import { CxRetryLaterError } from '@cx/connectors';
 * const error = new CxRetryLaterError('Server asked to wait 900 s', { waitMs: 900_000, resumeAt: '2024-06-01T10:15:00.000Z' });
 * console.log(error.code, error.waitMs, error.resumeAt); // 'retry_later' 900000 '2024-06-01T10:15:00.000Z'
 * ```
 * @category Errors
 * @since 0.2.0
 */
export class CxRetryLaterError extends CxResumableError {
  declare readonly code: 'retry_later';
  /** How long the server asked to wait (ms). */
  readonly waitMs: number;

  /**
   * Creates the error.
   *
   * @param message - Readable, redacted message.
   * @param fields - Requested wait, resume time, optional checkpoint and cause.
   */
  constructor(
    message: string,
    fields: {
      readonly waitMs: number;
      readonly resumeAt: string;
      readonly checkpoint?: SyncState | null;
    } & CxErrorOptions,
  ) {
    super('retry_later', message, fields);
    this.waitMs = fields.waitMs;
  }

  /** {@inheritDoc CxResumableError.withCheckpoint} */
  withCheckpoint(checkpoint: SyncState | null): CxRetryLaterError {
    return new CxRetryLaterError(this.message, {
      waitMs: this.waitMs,
      resumeAt: this.resumeAt as string,
      checkpoint,
      cause: this,
    });
  }
}

/**
 * Thrown by a sync whose `signal` was aborted: no record is delivered after the abort is seen (sources and the
 * sync loop check the signal at every record). `checkpoint` is the state to resume from; the abort reason is
 * the `cause` (a redacted copy when it is not a `@cx` error).
 *
 * @example
 * ```ts
 * import { CxSyncAbortedError } from '@cx/connectors';
 * const error = new CxSyncAbortedError('Sync of hubspot:contacts aborted');
 * console.log(error.code, error.resumeAt); // 'aborted' null
 * ```
 * @category Errors
 * @since 0.2.0
 */
export class CxSyncAbortedError extends CxResumableError {
  declare readonly code: 'aborted';

  /**
   * Creates the error.
   *
   * @param message - Readable message.
   * @param fields - Optional checkpoint and cause (the abort reason).
   */
  constructor(message: string, fields: { readonly checkpoint?: SyncState | null } & CxErrorOptions = {}) {
    super('aborted', message, fields);
  }

  /** {@inheritDoc CxResumableError.withCheckpoint} */
  withCheckpoint(checkpoint: SyncState | null): CxSyncAbortedError {
    return new CxSyncAbortedError(this.message, { checkpoint, cause: this });
  }
}

/**
 * Codes of {@link CxProtocolError}: a malformed or failing connector protocol stream (Singer, Airbyte) or vendor
 * response; a vendor breaking its paging contract (a page out of order, a repeated page, no progress); an input
 * that changed under a resume marker.
 *
 * @category Errors
 * @since 0.2.0
 */
export type CxProtocolErrorCode = 'protocol_error' | 'paging_violation' | 'input_changed';

/**
 * Thrown when a connector protocol stream (Singer, Airbyte) or a vendor response is malformed or reports a
 * failure (a tap exiting with a non-zero code, an Airbyte `TRACE` of type `ERROR`), when a vendor breaks its
 * paging contract so that continuing could skip records, or when a file changed under its resume marker.
 *
 * @example
 * ```ts
 * import { CxProtocolError } from '@cx/connectors';
 * const error = new CxProtocolError('Line 3 is not JSON', { line: 3 });
 * console.log(error.code, error.line); // 'protocol_error' 3
 * ```
 * @category Errors
 * @since 0.1.0
 */
export class CxProtocolError extends CxError<CxProtocolErrorCode> {
  /** 1-based line number of the offending message, when known. */
  readonly line: number | null;

  /**
   * Creates a protocol error.
   *
   * @param message - Readable, redacted message.
   * @param fields - Optional code (default `protocol_error`), line number and cause.
   */
  constructor(
    message: string,
    fields: { readonly line?: number; readonly code?: CxProtocolErrorCode } & CxErrorOptions = {},
  ) {
    super(fields.code ?? 'protocol_error', message, fields);
    this.line = fields.line ?? null;
  }
}

/**
 * Codes of {@link CxAuthError}: the token endpoint refused the credentials, or a credential cannot be sent at all
 * (e.g. a token containing a line break, which no HTTP header may carry).
 *
 * @category Errors
 * @since 0.2.0
 */
export type CxAuthErrorCode = 'auth_failed' | 'invalid_credential';

/**
 * Thrown when credentials are refused by a token endpoint or cannot be sent. Never retried as a network error:
 * no request with them went out. Messages never contain the credential.
 *
 * @example
 * ```ts
 * import { bearerAuth, CxAuthError } from '@cx/connectors';
 * try {
 *   bearerAuth('tok\nen');
 * } catch (error) {
 *   console.log(error instanceof CxAuthError && error.code); // 'invalid_credential'
 * }
 * ```
 * @category Errors
 * @since 0.2.0
 */
export class CxAuthError extends CxError<CxAuthErrorCode> {
  /**
   * Creates an auth error.
   *
   * @param code - The code.
   * @param message - Readable, redacted message.
   * @param options - Optional (redacted) cause.
   */
  constructor(code: CxAuthErrorCode, message: string, options: CxErrorOptions = {}) {
    super(code, message, options);
  }
}

/**
 * Thrown by a sync when a source fails with an error that is not a `@cx` error (a bug in a custom source, a
 * file-system error): the message names the source and carries the original text redacted; `cause` is a
 * redacted copy of the original error (same name, message, stack and cause chain, secrets replaced).
 *
 * @example
 * ```ts
 * import { CxSourceError } from '@cx/connectors';
 * const error = new CxSourceError('Source csv failed: ENOENT: no such file', { source: 'csv' });
 * console.log(error.code, error.source); // 'source_failed' 'csv'
 * ```
 * @category Errors
 * @since 0.2.0
 */
export class CxSourceError extends CxError<'source_failed'> {
  /** Name of the failing source. */
  readonly source: string;

  /**
   * Creates the error.
   *
   * @param message - Readable, redacted message.
   * @param fields - Source name and (redacted) cause.
   */
  constructor(message: string, fields: { readonly source: string } & CxErrorOptions) {
    super('source_failed', message, fields);
    this.source = fields.source;
  }
}

/**
 * Codes of {@link CxSinkError}: the files or tables of a sink disagree with its committed manifest (changed
 * outside the sink), or a sink is used out of order (written before it was opened).
 *
 * @category Errors
 * @since 0.2.0
 */
export type CxSinkErrorCode = 'sink_inconsistent' | 'sink_not_open';

/**
 * Thrown by a sink whose committed data cannot be trusted or that is used out of order. Never raised for a
 * crash: an uncommitted tail is discarded silently by design (it was never committed).
 *
 * @example
 * ```ts
 * import { CxSinkError } from '@cx/connectors';
 * const error = new CxSinkError('sink_not_open', 'Call open() before write()');
 * console.log(error.code); // 'sink_not_open'
 * ```
 * @category Errors
 * @since 0.2.0
 */
export class CxSinkError extends CxError<CxSinkErrorCode> {
  /**
   * Creates the error.
   *
   * @param code - The code.
   * @param message - Readable message.
   * @param options - Optional cause.
   */
  constructor(code: CxSinkErrorCode, message: string, options: CxErrorOptions = {}) {
    super(code, message, options);
  }
}
