import { parseOptions } from '@cx/model';
import type { CxRetryLaterError } from '../errors.js';
import { retryOption } from '../options.js';

/**
 * Retry policy of the HTTP client.
 *
 * @category HTTP
 * @since 0.1.0
 */
export interface RetryOptions {
  /** Attempts in total, including the first (default 5). */
  readonly maxAttempts?: number;
  /** Base delay of the exponential backoff in ms (default 500). */
  readonly baseDelayMs?: number;
  /** Cap of one backoff delay in ms (default 60 000). */
  readonly maxDelayMs?: number;
  /**
   * A server-requested wait (`Retry-After`, a vendor header) longer than this (ms) stops the sync with a
   * resumable {@link CxRetryLaterError} carrying the resume time, instead of sleeping (default 5 minutes).
   */
  readonly maxRetryAfterMs?: number;
  /**
   * Total time one request may spend waiting between its attempts (ms); a retry that would pass it stops with a
   * {@link CxRetryLaterError} instead (default 10 minutes).
   */
  readonly maxTotalWaitMs?: number;
}

/**
 * Parses `Retry-After` (seconds or an HTTP date) into milliseconds.
 *
 * @param value - Header value, or `null`.
 * @param nowMs - Current time in epoch ms (for the date form).
 * @returns Milliseconds to wait (never negative), or `null` when absent or unparseable.
 * @example
 * ```ts
 * import { parseRetryAfter } from '@cx/connectors';
 * console.log(parseRetryAfter('2', 0)); // 2000
 * console.log(parseRetryAfter('Thu, 01 Jan 1970 00:00:05 GMT', 1000)); // 4000
 * ```
 * @category HTTP
 * @since 0.1.0
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : null;
}

/**
 * Exponential backoff with full jitter: a uniform random delay in `[0, min(max, base·2^(attempt−1))]`.
 *
 * @param attempt - The attempt that just failed (1-based).
 * @param options - Base and cap.
 * @param random - Random source in `[0, 1)` (inject for tests).
 * @returns Delay in ms.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { backoffDelay } from '@cx/connectors';
 * console.log(backoffDelay(3, { baseDelayMs: 100 }, () => 0.5)); // 200
 * ```
 * @category HTTP
 * @since 0.1.0
 */
export function backoffDelay(
  attempt: number,
  options: RetryOptions = {},
  random: () => number = Math.random,
): number {
  parseOptions(retryOption, options, 'backoffDelay');
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 60_000;
  return Math.round(random() * Math.min(cap, base * 2 ** Math.max(0, attempt - 1)));
}

/**
 * Waits `ms` milliseconds unless the signal aborts first.
 *
 * @param ms - Delay.
 * @param signal - Optional cancellation.
 * @returns A promise resolved after the delay (rejected with the abort reason).
 * @example
 * ```ts
 * import { sleep } from '@cx/connectors';
 * await sleep(1);
 * ```
 * @category HTTP
 * @since 0.1.0
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
