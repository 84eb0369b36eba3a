import { CxAuthError, CxHttpError } from '../errors.js';
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
 * Posts a form to an OAuth token endpoint through the {@link HttpClient} (timeout, retries on 5xx and network
 * errors, cancellation) and reads `access_token` / `expires_in`.
 *
 * @param url - Token endpoint.
 * @param form - Form fields.
 * @param options - HTTP tuning, clock, signal, secrets to redact from errors.
 * @returns The token and, if the server rotated it, the new refresh token.
 * @throws {@link CxAuthError} with code `auth_failed` (secrets redacted) when the endpoint refuses.
 * @throws {@link CxHttpError} when the endpoint cannot be reached after the retries.
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
  const expiresIn = Object.hasOwn(body, 'expires_in') ? body.expires_in : undefined;
  // a number, or a digit string (some endpoints quote it); anything else: the one-hour OAuth default
  const seconds =
    typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0
      ? expiresIn
      : typeof expiresIn === 'string' && /^[1-9]\d{0,8}$/.test(expiresIn)
        ? Number(expiresIn)
        : 3600;
  const token = { value: accessToken, expiresAtMs: options.now() + seconds * 1000 };
  const refresh = Object.hasOwn(body, 'refresh_token') ? body.refresh_token : undefined;
  return typeof refresh === 'string' && refresh !== '' ? { token, refreshToken: refresh } : { token };
}
