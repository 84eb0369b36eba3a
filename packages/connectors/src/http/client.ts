import { CxError, CxValidationError, parseOptions } from '@cx/model';
import { z } from 'zod';
import type { AuthProvider } from '../auth/auth-provider.js';
import { CxAuthError, CxHttpError, CxQuotaExceededError, CxRetryLaterError } from '../errors.js';
import { authOption, fnOption, httpTuningShape, urlOption } from '../options.js';
import { Redactor } from '../redact.js';
import { readBodyText } from './body.js';
import { backoffDelay, parseRetryAfter, type RetryOptions, sleep } from './retry.js';

/**
 * A failed response as seen by a {@link HttpClientOptions.classify} hook.
 *
 * @category HTTP
 * @since 0.1.0
 */
export interface HttpFailure {
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** Body text as received (at most the first 64 KiB; not redacted: do not log it). */
  readonly body: string;
  /** `Retry-After` in ms, if sent. */
  readonly retryAfterMs: number | null;
}

/**
 * What to do about a failed response: retry (optionally after `delayMs`), stop with a quota error, fail now, or
 * let the default rules decide (`undefined`).
 *
 * @category HTTP
 * @since 0.1.0
 */
export type RetryDecision =
  | { readonly action: 'retry'; readonly delayMs?: number }
  | { readonly action: 'quota'; readonly resetAt?: string | null; readonly reason?: string }
  | { readonly action: 'fail' }
  | undefined;

/**
 * A retry about to happen, for logs and progress.
 *
 * @category HTTP
 * @since 0.1.0
 */
export interface RetryNotice {
  /** Attempt that failed (1-based). */
  readonly attempt: number;
  /** Wait before the next attempt, ms. */
  readonly delayMs: number;
  /** Status, or `null` for a network error or timeout. */
  readonly status: number | null;
  /** Redacted URL. */
  readonly url: string;
}

/**
 * Options of {@link HttpClient}.
 *
 * @category HTTP
 * @since 0.1.0
 */
export interface HttpClientOptions {
  /** Base URL, e.g. `https://api.hubapi.com` (inject `http://127.0.0.1:<port>` in tests). */
  readonly baseUrl: string;
  /** Credentials. */
  readonly auth?: AuthProvider;
  /** Extra headers on every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Per-attempt timeout in ms, covering the body too for JSON (default 60 000). */
  readonly timeoutMs?: number;
  /** Retry policy. */
  readonly retry?: RetryOptions;
  /** Vendor-specific classification of failures (rate-limit headers, quota bodies). */
  readonly classify?: (failure: HttpFailure) => RetryDecision;
  /** Other hosts that may be followed by absolute URLs (default: only the base URL's origin). */
  readonly allowedOrigins?: readonly string[];
  /** Delay function (inject a fake for tests). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Random source for jitter. */
  readonly random?: () => number;
  /** Clock (epoch ms). */
  readonly now?: () => number;
  /** `fetch` implementation (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch;
  /** Called before each retry (of every request of this client). */
  readonly onRetry?: (notice: RetryNotice) => void;
}

/**
 * Options of one request.
 *
 * @category HTTP
 * @since 0.1.0
 */
export interface HttpRequestOptions {
  /** Method (default `GET`, or `POST` when `json` is set). */
  readonly method?: string;
  /** Query parameters; `undefined` values are skipped. */
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** JSON body. */
  readonly json?: unknown;
  /** Raw body (form-encoded, text). */
  readonly body?: string;
  /** Extra headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Cancellation. */
  readonly signal?: AbortSignal | undefined;
  /** Called before each retry of this request (besides the client's `onRetry`). */
  readonly onRetry?: ((notice: RetryNotice) => void) | undefined;
}

/**
 * A parsed JSON response.
 *
 * @category HTTP
 * @since 0.1.0
 */
export interface HttpJsonResponse<T> {
  /** Status. */
  readonly status: number;
  /** Headers. */
  readonly headers: Headers;
  /** Parsed body. */
  readonly data: T;
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);
/** Characters of a (redacted) response body quoted in an error message. */
const BODY_IN_MESSAGE = 300;

interface Failure {
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  readonly decision: RetryDecision;
  /** Redacted copy of the error that prevented a response. */
  readonly cause?: Error;
  /** Redacted body text. */
  readonly body?: string;
}

const httpClientSchema = z.strictObject({
  ...httpTuningShape,
  baseUrl: urlOption,
  auth: authOption.optional(),
  classify: fnOption.optional(),
});

/**
 * The one HTTP layer of every adapter: `fetch` with a base URL, timeouts, `AbortSignal`, retries with
 * exponential backoff and jitter on 429/5xx/network errors, `Retry-After` and vendor rate-limit headers, a
 * typed {@link CxQuotaExceededError} for exhausted quotas, a {@link CxRetryLaterError} instead of long waits,
 * and secrets redacted wherever a message is built.
 *
 * @example
 * ```ts
 * import { HttpClient, bearerAuth } from '@cx/connectors';
 * const http = new HttpClient({ baseUrl: 'https://api.hubapi.com', auth: bearerAuth('pat-eu1-…') });
 * console.log(http.url('/crm/v3/objects/contacts', { limit: 100 }).href);
 * // 'https://api.hubapi.com/crm/v3/objects/contacts?limit=100'
 * ```
 * @category HTTP
 * @since 0.1.0
 */
export class HttpClient {
  /** Redactor holding this client's secrets. */
  readonly redactor: Redactor;
  readonly #options: HttpClientOptions;
  readonly #base: URL;

  /**
   * Creates a client.
   *
   * @param options - Base URL, auth, retry policy and hooks.
   * @throws {@link @cx/model!CxOptionsError} when the options are wrong (the base URL not an absolute http(s)
   * URL, an unknown key, a negative timeout …).
   */
  constructor(options: HttpClientOptions) {
    parseOptions(httpClientSchema, options, 'HttpClient');
    this.#options = options;
    this.#base = new URL(options.baseUrl);
    this.redactor = new Redactor(options.auth?.secrets() ?? []);
  }

  /**
   * Resolves a path (relative to the base URL, keeping its path prefix) or an absolute URL on an allowed origin.
   *
   * @param pathOrUrl - `/crm/v3/…`, or an absolute `next` URL returned by the vendor.
   * @param query - Query parameters to set.
   * @returns The URL.
   * @throws {@link @cx/model!CxValidationError} for an absolute URL on another origin (credentials would leak).
   */
  url(pathOrUrl: string, query?: HttpRequestOptions['query']): URL {
    let url: URL;
    if (/^https?:\/\//i.test(pathOrUrl)) {
      url = new URL(pathOrUrl);
      const allowed = [this.#base.origin, ...(this.#options.allowedOrigins ?? [])];
      if (!allowed.includes(url.origin)) {
        throw new CxValidationError([
          {
            path: ['url'],
            message: `Refusing to send credentials to ${url.origin}: expected ${allowed.join(' or ')}`,
            code: 'foreign_origin',
          },
        ]);
      }
    } else {
      const prefix = this.#base.pathname.replace(/\/$/, '');
      url = new URL(prefix + (pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`), this.#base.origin);
      const [, search] = pathOrUrl.split('?');
      if (search !== undefined) url.search = search;
    }
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  /**
   * Sends a request and parses the JSON body; a failure while reading the body (a reset mid-page) is retried too.
   *
   * @param pathOrUrl - Path or allowed absolute URL.
   * @param options - Method, query, body, headers, signal, retry notices.
   * @returns Status, headers and parsed data.
   * @throws {@link CxHttpError} for non-retryable statuses, invalid JSON or exhausted retries.
   * @throws {@link CxQuotaExceededError} for an exhausted quota.
   * @throws {@link CxRetryLaterError} when the server asks to wait longer than the retry caps allow.
   * @throws {@link CxAuthError} when the credentials are refused by a token endpoint or cannot be sent.
   */
  async json<T = unknown>(pathOrUrl: string, options: HttpRequestOptions = {}): Promise<HttpJsonResponse<T>> {
    return this.#send(pathOrUrl, options, async (response, url) => {
      const text = await response.text();
      try {
        return { status: response.status, headers: response.headers, data: JSON.parse(text) as T };
      } catch (cause) {
        const shown = this.redactor.redact(text).slice(0, 80);
        throw new CxHttpError(`${url}: response is not JSON (${shown})`, {
          status: response.status,
          url,
          code: 'http_invalid_response',
          cause: this.redactor.redactError(cause),
        });
      }
    });
  }

  /**
   * Sends a request and returns the response once its headers arrived (for streaming NDJSON bodies). Retries
   * cover connecting and the status; a failure while the caller reads the body is the caller's to handle.
   *
   * @param pathOrUrl - Path or allowed absolute URL.
   * @param options - Method, query, body, headers, signal, retry notices.
   * @returns The successful `Response`.
   * @throws {@link CxHttpError} for non-retryable statuses or exhausted retries.
   * @throws {@link CxQuotaExceededError} for an exhausted quota.
   * @throws {@link CxRetryLaterError} when the server asks to wait longer than the retry caps allow.
   * @throws {@link CxAuthError} when the credentials are refused by a token endpoint or cannot be sent.
   */
  async stream(pathOrUrl: string, options: HttpRequestOptions = {}): Promise<Response> {
    return this.#send(pathOrUrl, options, async (response) => response, false);
  }

  /** Builds the headers of one attempt; a credential that cannot be sent is a {@link CxAuthError}. */
  async #headers(options: HttpRequestOptions): Promise<Headers> {
    const o = this.#options;
    try {
      const headers = new Headers({ accept: 'application/json', ...o.headers, ...options.headers });
      if (options.json !== undefined) headers.set('content-type', 'application/json');
      await o.auth?.apply(headers, options.signal);
      return headers;
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      for (const s of o.auth?.secrets() ?? []) this.redactor.add(s);
      if (error instanceof CxError) throw error;
      // no request went out: a header value that HTTP cannot carry is not a network error to retry
      throw new CxAuthError(
        'invalid_credential',
        this.redactor.redact(`Request headers could not be built: ${(error as Error)?.message ?? error}`),
        { cause: this.redactor.redactError(error) },
      );
    }
  }

  async #send<R>(
    pathOrUrl: string,
    options: HttpRequestOptions,
    read: (response: Response, redactedUrl: string) => Promise<R>,
    timeoutCoversBody = true,
  ): Promise<R> {
    const o = this.#options;
    const url = this.url(pathOrUrl, options.query);
    const shownUrl = this.redactor.redact(url.pathname + url.search);
    const method = options.method ?? (options.json === undefined ? 'GET' : 'POST');
    const maxAttempts = o.retry?.maxAttempts ?? 5;
    const maxRetryAfter = o.retry?.maxRetryAfterMs ?? 5 * 60_000;
    const maxTotalWait = o.retry?.maxTotalWaitMs ?? 10 * 60_000;
    const doSleep = o.sleep ?? sleep;
    const now = o.now ?? Date.now;
    const doFetch = o.fetch ?? globalThis.fetch;
    let refreshed = false;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const headers = await this.#headers(options);
      for (const s of o.auth?.secrets() ?? []) this.redactor.add(s);
      // JSON: the timeout covers the body too; streams: only until the headers arrive
      const timer = new AbortController();
      const timeoutId = setTimeout(
        () => timer.abort(new DOMException('Request timed out', 'TimeoutError')),
        o.timeoutMs ?? 60_000,
      );
      const signal = options.signal ? AbortSignal.any([options.signal, timer.signal]) : timer.signal;
      let failure: Failure;
      try {
        const response = await doFetch(url, {
          method,
          headers,
          signal,
          ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
          ...(options.body !== undefined ? { body: options.body } : {}),
        });
        if (!timeoutCoversBody) clearTimeout(timeoutId);
        if (response.ok) {
          try {
            return await read(response, shownUrl);
          } finally {
            clearTimeout(timeoutId);
          }
        }
        const raw = await readBodyText(response);
        clearTimeout(timeoutId);
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
        if (response.status === 401 && !refreshed && o.auth?.invalidate?.()) {
          refreshed = true;
          attempt--;
          continue;
        }
        const decision = o.classify?.({
          status: response.status,
          headers: response.headers,
          body: raw,
          retryAfterMs,
        });
        // the whole body is redacted before any of it is cut for a message
        failure = { status: response.status, retryAfterMs, decision, body: this.redactor.redact(raw) };
      } catch (error) {
        clearTimeout(timeoutId);
        if (options.signal?.aborted) throw options.signal.reason;
        if (error instanceof CxError) throw error;
        failure = {
          status: null,
          retryAfterMs: null,
          decision: undefined,
          cause: this.redactor.redactError(error),
        };
      }
      const { status, retryAfterMs, decision } = failure;
      const where = `${method} ${shownUrl}`;
      if (decision?.action === 'quota') {
        throw new CxQuotaExceededError(
          this.redactor.redact(`${decision.reason ?? 'Quota exhausted'} (${where})`),
          {
            resetAt:
              decision.resetAt ??
              (retryAfterMs === null ? null : new Date(now() + retryAfterMs).toISOString()),
          },
        );
      }
      const retryable =
        decision === undefined ? status === null || RETRYABLE.has(status) : decision.action === 'retry';
      const requested =
        decision?.action === 'retry' && decision.delayMs !== undefined ? decision.delayMs : retryAfterMs;
      if (retryable && requested !== null && requested > maxRetryAfter) {
        throw new CxRetryLaterError(
          `Server asked to wait ${Math.round(requested / 1000)} s, more than retry.maxRetryAfterMs (${Math.round(maxRetryAfter / 1000)} s) (${where})`,
          { waitMs: requested, resumeAt: new Date(now() + requested).toISOString() },
        );
      }
      if (!retryable || attempt >= maxAttempts) {
        const detail =
          failure.body !== undefined && failure.body !== ''
            ? `: ${failure.body.slice(0, BODY_IN_MESSAGE)}`
            : failure.cause !== undefined
              ? `: ${failure.cause.message}`
              : '';
        throw new CxHttpError(
          `${where} failed ${status === null ? 'without a response' : `with ${status}`} after ${attempt} attempt${attempt === 1 ? '' : 's'}${detail}`,
          {
            status,
            retryAfterMs: requested,
            url: shownUrl,
            attempts: attempt,
            ...(failure.cause === undefined ? {} : { cause: failure.cause }),
          },
        );
      }
      const delayMs = Math.max(requested ?? 0, backoffDelay(attempt, o.retry, o.random));
      if (waited + delayMs > maxTotalWait) {
        throw new CxRetryLaterError(
          `Retrying ${where} would wait ${Math.round((waited + delayMs) / 1000)} s in total, more than retry.maxTotalWaitMs (${Math.round(maxTotalWait / 1000)} s)`,
          { waitMs: delayMs, resumeAt: new Date(now() + delayMs).toISOString() },
        );
      }
      waited += delayMs;
      const notice = { attempt, delayMs, status, url: shownUrl };
      o.onRetry?.(notice);
      options.onRetry?.(notice);
      await doSleep(delayMs, options.signal);
    }
  }
}
