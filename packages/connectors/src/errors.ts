import { CxError, type CxErrorOptions } from '@cx/model';
import type { SyncState } from './sync/state.js';

/**
 * Thrown when an HTTP request fails for good: a non-retryable status, or retries exhausted.
 *
 * The message and `url` never contain credentials: query parameters named like secrets and every
 * registered secret value are replaced by `[REDACTED]`.
 *
 * @example
 * ```ts
 * import { CxHttpError } from '@cx/connectors';
 * const error = new CxHttpError('GET /crm/v3/objects/contacts failed: 503', { status: 503, retryAfterMs: 2000, url: '/crm/v3/objects/contacts' });
 * console.log(error.status, error.retryAfterMs); // 503 2000
 * ```
 * @category Errors
 * @since 0.1.0
 */
export class CxHttpError extends CxError {
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
   * @param fields - Status, retry delay, redacted URL, attempts and cause.
   */
  constructor(
    message: string,
    fields: {
      readonly status: number | null;
      readonly retryAfterMs?: number | null;
      readonly url: string;
      readonly attempts?: number;
    } & CxErrorOptions,
  ) {
    super(fields.status === null ? 'http_network_error' : 'http_error', message, fields);
    this.status = fields.status;
    this.retryAfterMs = fields.retryAfterMs ?? null;
    this.url = fields.url;
    this.attempts = fields.attempts ?? 1;
  }
}

/**
 * Thrown when a source reports its daily (or other long) quota exhausted: the sync stops instead of retrying
 * for hours. `checkpoint` is the last state the sync committed: resume from it after `resetAt`.
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
export class CxQuotaExceededError extends CxError {
  /** The last committed sync state (resume from it), or `null` when raised below the sync loop. */
  readonly checkpoint: SyncState | null;
  /** When the quota resets, if the vendor says so (UTC instant), else `null`. */
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
    super('quota_exceeded', message, fields);
    this.checkpoint = fields.checkpoint ?? null;
    this.resetAt = fields.resetAt ?? null;
  }
}

/**
 * Thrown when a connector protocol stream (Singer, Airbyte) or a vendor response is malformed or reports a
 * failure, e.g. a tap exiting with a non-zero code or an Airbyte `TRACE` of type `ERROR`.
 *
 * @example
 * ```ts
 * import { CxProtocolError } from '@cx/connectors';
 * const error = new CxProtocolError('Line 3 is not JSON', { line: 3 });
 * console.log(error.line); // 3
 * ```
 * @category Errors
 * @since 0.1.0
 */
export class CxProtocolError extends CxError {
  /** 1-based line number of the offending message, when known. */
  readonly line: number | null;

  /**
   * Creates a protocol error.
   *
   * @param message - Readable, redacted message.
   * @param fields - Optional line number and cause.
   */
  constructor(message: string, fields: { readonly line?: number } & CxErrorOptions = {}) {
    super('protocol_error', message, fields);
    this.line = fields.line ?? null;
  }
}
