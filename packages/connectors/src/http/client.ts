import { CxValidationError } from '@cx/model';
import type { AuthProvider } from '../auth/auth-provider.js';
import { CxHttpError, CxQuotaExceededError } from '../errors.js';
import { Redactor } from '../redact.js';
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
  /** Body text (at most 4 KiB). */
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
  /** Called before each retry. */
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
  readonly signal?: AbortSignal;
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

/**
 * The one HTTP layer of every adapter: `fetch` with a base URL, timeouts, `AbortSignal`, retries with
 * exponential backoff and jitter on 429/5xx/network errors, `Retry-After` and vendor rate-limit headers, a
 * typed {@link CxQuotaExceededError} for exhausted quotas, and secrets redacted from every error.
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
   * @throws {@link @cx/model!CxValidationError} when the base URL is not an absolute http(s) URL.
   */
  constructor(options: HttpClientOptions) {
    let base: URL;
    try {
      base = new URL(options.baseUrl);
    } catch (cause) {
      throw new CxValidationError(
        [{ path: ['baseUrl'], message: 'Expected an absolute http(s) URL', code: 'invalid_url' }],
        { cause },
      );
    }
    this.#options = options;
    this.#base = base;
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
   * @param options - Method, query, body, headers, signal.
   * @returns Status, headers and parsed data.
   * @throws {@link CxHttpError} for non-retryable statuses, invalid JSON or exhausted retries.
   * @throws {@link CxQuotaExceededError} for an exhausted quota.
   */
  async json<T = unknown>(pathOrUrl: string, options: HttpRequestOptions = {}): Promise<HttpJsonResponse<T>> {
    return this.#send(pathOrUrl, options, async (response, url) => {
      const text = await response.text();
      try {
        return { status: response.status, headers: response.headers, data: JSON.parse(text) as T };
      } catch (cause) {
        throw new CxHttpError(this.redactor.redact(`${url}: response is not JSON (${text.slice(0, 80)})`), {
          status: response.status,
          url,
          cause,
        });
      }
    });
  }

  /**
   * Sends a request and returns the response once its headers arrived (for streaming NDJSON bodies). Retries
   * cover connecting and the status; a failure while the caller reads the body is the caller's to handle.
   *
   * @param pathOrUrl - Path or allowed absolute URL.
   * @param options - Method, query, body, headers, signal.
   * @returns The successful `Response`.
   * @throws {@link CxHttpError} for non-retryable statuses or exhausted retries.
   * @throws {@link CxQuotaExceededError} for an exhausted quota.
   */
  async stream(pathOrUrl: string, options: HttpRequestOptions = {}): Promise<Response> {
    return this.#send(pathOrUrl, options, async (response) => response, false);
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
    const maxRetryAfter = o.retry?.maxRetryAfterMs ?? 15 * 60_000;
    const doSleep = o.sleep ?? sleep;
    const now = o.now ?? Date.now;
    const doFetch = o.fetch ?? globalThis.fetch;
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const headers = new Headers({ accept: 'application/json', ...o.headers, ...options.headers });
      if (options.json !== undefined) headers.set('content-type', 'application/json');
      // JSON: the timeout covers the body too; streams: only until the headers arrive
      const timer = new AbortController();
      const timeoutMs = o.timeoutMs ?? 60_000;
      const timeoutId = setTimeout(
        () => timer.abort(new DOMException('Request timed out', 'TimeoutError')),
        timeoutMs,
      );
      const signal = options.signal ? AbortSignal.any([options.signal, timer.signal]) : timer.signal;
      let failure: {
        status: number | null;
        retryAfterMs: number | null;
        decision: RetryDecision;
        cause?: unknown;
        body?: string;
      };
      try {
        await o.auth?.apply(headers, options.signal);
        for (const s of o.auth?.secrets() ?? []) this.redactor.add(s);
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
        const body = (await response.text().catch(() => '')).slice(0, 4096);
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
          body,
          retryAfterMs,
        });
        failure = { status: response.status, retryAfterMs, decision, body };
      } catch (error) {
        clearTimeout(timeoutId);
        if (options.signal?.aborted) throw options.signal.reason;
        if (error instanceof CxHttpError || error instanceof CxQuotaExceededError) throw error;
        if (error instanceof CxValidationError) throw error;
        failure = { status: null, retryAfterMs: null, decision: undefined, cause: error };
      }
      const { status, retryAfterMs, decision } = failure;
      const detail = failure.body
        ? `: ${failure.body.slice(0, 300)}`
        : failure.cause instanceof Error
          ? `: ${failure.cause.message}`
          : '';
      const message = this.redactor.redact(
        `${method} ${shownUrl} failed ${status === null ? 'without a response' : `with ${status}`} after ${attempt} attempt${attempt === 1 ? '' : 's'}${detail}`,
      );
      if (decision?.action === 'quota') {
        throw new CxQuotaExceededError(
          this.redactor.redact(`${decision.reason ?? 'Quota exhausted'} (${method} ${shownUrl})`),
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
        throw new CxQuotaExceededError(
          this.redactor.redact(
            `Server asked to wait ${Math.round(requested / 1000)} s (${method} ${shownUrl})`,
          ),
          { resetAt: new Date(now() + requested).toISOString() },
        );
      }
      if (!retryable || attempt >= maxAttempts) {
        throw new CxHttpError(message, {
          status,
          retryAfterMs: requested,
          url: shownUrl,
          attempts: attempt,
          ...(failure.cause === undefined ? {} : { cause: failure.cause }),
        });
      }
      const delayMs = Math.max(requested ?? 0, backoffDelay(attempt, o.retry, o.random));
      o.onRetry?.({ attempt, delayMs, status, url: shownUrl });
      await doSleep(delayMs, options.signal);
    }
  }
}
