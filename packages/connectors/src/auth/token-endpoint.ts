import { createInstantReader } from '@cx/model';
import { CxAuthError, CxHttpError, CxProtocolError } from '../errors.js';
import { HttpClient, type HttpClientOptions } from '../http/client.js';

/**
 * HTTP tuning of a token request: the same client as data requests, so a hanging or failing token endpoint is
 * bounded by the timeout and retried with backoff like any other request.
 *
 * @category Auth
 * @since 0.2.0
 */
export type TokenHttpOptions = Omit<HttpClientOptions, 'baseUrl' | 'auth' | 'classify' | 'allowedOrigins'>;

/**
 * A cached access token.
 *
 * @category Auth
 * @since 0.1.0
 */
export interface AccessToken {
  /** The token. */
  readonly value: string;
  /** Expiry in epoch ms. */
  readonly expiresAtMs: number;
}

/**
 * Lifetime of a token whose response has no `expires_in`: RFC 6749 §5.1 leaves it to the server's documentation,
 * and one hour is what Google, Microsoft and most providers document.
 */
const DEFAULT_LIFETIME_S = 3600;
/** Longest lifetime accepted, in seconds (about 31 years): more is not a lifetime but a broken field. */
const MAX_LIFETIME_S = 999_999_999;
/**
 * Reads decimal seconds (`DIGITS[.DIGITS]`) into milliseconds: the epoch-seconds form of @cx/model's one grammar,
 * used here for a duration, which has the same digits.
 */
const SECONDS_TEXT = createInstantReader({ form: 'epoch-seconds' });

/**
 * The token's lifetime in seconds: `expires_in` as a JSON number or a digit string (some endpoints quote it),
 * positive and at most {@link MAX_LIFETIME_S}; the one-hour default only when the field is absent.
 * Anything else is a typed protocol error, never a silent hour.
 */
function lifetimeSeconds(body: Record<string, unknown>, origin: string): number {
  const raw = Object.hasOwn(body, 'expires_in') ? body.expires_in : undefined;
  if (raw === undefined) return DEFAULT_LIFETIME_S;
  let seconds = Number.NaN;
  if (typeof raw === 'number') seconds = raw;
  else if (typeof raw === 'string' && /^\d{1,9}(\.\d{1,3})?$/.test(raw)) {
    seconds = SECONDS_TEXT.parse(raw) / 1000;
  }
  if (Number.isFinite(seconds) && seconds > 0 && seconds <= MAX_LIFETIME_S) return seconds;
  const shown =
    typeof raw === 'string'
      ? `the string of ${raw.length} characters`
      : typeof raw === 'number'
        ? String(raw)
        : raw === null
          ? 'null'
          : `a ${Array.isArray(raw) ? 'array' : typeof raw}`;
  throw new CxProtocolError(
    `Token response from ${origin} has expires_in ${shown}; expected a positive number of seconds up to ${MAX_LIFETIME_S} (a JSON number or a digit string), or no expires_in for the one-hour default`,
  );
}

/**
 * Posts a form to an OAuth token endpoint through the {@link HttpClient} (timeout, retries on 5xx and network
 * errors, cancellation) and reads `access_token` / `expires_in`. An absent `expires_in` means the one-hour
 * lifetime RFC 6749 §5.1 leaves to the server's documentation (3600 s, what Google and most providers state);
 * a present one that is not a positive number of seconds is a {@link CxProtocolError}.
 *
 * @param url - Token endpoint.
 * @param form - Form fields.
 * @param options - HTTP tuning, clock, signal, secrets to redact from errors.
 * @returns The token and, if the server rotated it, the new refresh token.
 * @throws {@link CxAuthError} with code `auth_failed` (secrets redacted) when the endpoint refuses.
 * @throws {@link CxHttpError} when the endpoint cannot be reached after the retries.
 * @throws {@link CxProtocolError} when `expires_in` is present but not a positive number of seconds.
 * @internal
 */
export async function requestToken(
  url: string,
  form: Record<string, string>,
  options: {
    readonly http?: TokenHttpOptions | undefined;
    readonly now: () => number;
    readonly signal?: AbortSignal | undefined;
    readonly secrets: readonly string[];
  },
): Promise<{ token: AccessToken; refreshToken?: string }> {
  const client = new HttpClient({
    ...options.http,
    baseUrl: url,
    auth: { apply: async () => {}, secrets: () => options.secrets },
  });
  const origin = new URL(url).origin;
  let body: Record<string, unknown>;
  try {
    const response = await client.json<unknown>(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      signal: options.signal,
    });
    body =
      response.data !== null && typeof response.data === 'object'
        ? (response.data as Record<string, unknown>)
        : {};
  } catch (error) {
    if (error instanceof CxHttpError && error.status !== null && error.status >= 400 && error.status < 500) {
      throw new CxAuthError('auth_failed', `Token request to ${origin} was refused: ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
  const accessToken = Object.hasOwn(body, 'access_token') ? body.access_token : undefined;
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new CxAuthError('auth_failed', `Token response from ${origin} has no access_token`);
  }
  const seconds = lifetimeSeconds(body, origin);
  const token = { value: accessToken, expiresAtMs: options.now() + seconds * 1000 };
  const refresh = Object.hasOwn(body, 'refresh_token') ? body.refresh_token : undefined;
  return typeof refresh === 'string' && refresh !== '' ? { token, refreshToken: refresh } : { token };
}
