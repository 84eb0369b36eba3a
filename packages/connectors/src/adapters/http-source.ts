import type { AuthProvider } from '../auth/auth-provider.js';
import { HttpClient, type HttpClientOptions, type HttpFailure, type RetryDecision } from '../http/client.js';
import { setOwn } from '../own.js';

/**
 * Options shared by the HTTP adapters.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface HttpSourceOptions {
  /** API base URL (vendor default when omitted; point it at a local server in tests). */
  readonly baseUrl?: string;
  /** Credentials. */
  readonly auth: AuthProvider;
  /** HTTP client tuning: timeouts, retry policy, sleep/clock/fetch injection, retry notices. */
  readonly http?: Omit<HttpClientOptions, 'baseUrl' | 'auth' | 'classify'>;
  /** Lookback window in ms (adapter default when omitted). */
  readonly lookbackMs?: number;
  /** Lag window in ms (adapter default when omitted). */
  readonly lagMs?: number;
}

/**
 * Builds the adapter's HTTP client.
 *
 * @internal
 */
export function adapterClient(
  options: HttpSourceOptions,
  defaultBaseUrl: string,
  classify?: (failure: HttpFailure) => RetryDecision,
): HttpClient {
  return new HttpClient({
    ...options.http,
    baseUrl: options.baseUrl ?? defaultBaseUrl,
    auth: options.auth,
    ...(classify ? { classify } : {}),
  });
}

/**
 * Strips `undefined` values (for exactOptionalPropertyTypes-friendly object building).
 *
 * @internal
 */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    if (v !== undefined && v !== null && v !== '') setOwn(out, k, v);
  return out as T;
}
