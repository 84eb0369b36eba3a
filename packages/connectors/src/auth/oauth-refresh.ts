import { parseOptions } from '@cx/model';
import { z } from 'zod';
import { fnOption, httpTuningShape, msOption, urlOption } from '../options.js';
import type { AuthProvider } from './auth-provider.js';
import { type AccessToken, requestToken, type TokenHttpOptions } from './token-endpoint.js';

/**
 * Options of {@link oauthRefreshAuth}.
 *
 * @category Auth
 * @since 0.1.0
 */
export interface OAuthRefreshOptions {
  /** Token endpoint, e.g. `https://api.hubapi.com/oauth/v1/token` or `https://login.salesforce.com/services/oauth2/token`. */
  readonly tokenUrl: string;
  /** OAuth client id. */
  readonly clientId: string;
  /** OAuth client secret. */
  readonly clientSecret: string;
  /** Long-lived refresh token. */
  readonly refreshToken: string;
  /** Called when the server rotates the refresh token: persist the new one. */
  readonly onRefreshToken?: (refreshToken: string) => void;
  /** Refresh this many ms before expiry (default 60 000). */
  readonly skewMs?: number;
  /** `fetch` implementation (the same as `http.fetch`). */
  readonly fetch?: typeof fetch;
  /** HTTP tuning of the token request (timeout, retry policy, sleep, retry notices). */
  readonly http?: TokenHttpOptions;
  /** Clock (epoch ms). */
  readonly now?: () => number;
}

const oauthRefreshAuthSchema = z.strictObject({
  tokenUrl: urlOption,
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  refreshToken: z.string().min(1),
  onRefreshToken: fnOption.optional(),
  skewMs: msOption.optional(),
  fetch: fnOption.optional(),
  http: z.strictObject(httpTuningShape).optional(),
  now: fnOption.optional(),
});

/**
 * OAuth 2.0 refresh-token auth: exchanges the refresh token for an access token, caches it until shortly
 * before expiry, and refreshes again after a 401.
 *
 * @param options - Endpoint and client credentials.
 * @returns The provider.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { oauthRefreshAuth } from '@cx/connectors';
 * const auth = oauthRefreshAuth({
 *   tokenUrl: 'https://api.hubapi.com/oauth/v1/token', clientId: 'id', clientSecret: 'secret', refreshToken: 'refresh-123',
 * });
 * console.log(auth.secrets().includes('refresh-123')); // true
 * ```
 * @category Auth
 * @since 0.1.0
 */
export function oauthRefreshAuth(options: OAuthRefreshOptions): AuthProvider {
  parseOptions(oauthRefreshAuthSchema, options, 'oauthRefreshAuth');
  const now = options.now ?? Date.now;
  let refreshToken = options.refreshToken;
  let token: AccessToken | null = null;
  const issued: string[] = [];
  return {
    async apply(headers, signal) {
      if (token === null || token.expiresAtMs - (options.skewMs ?? 60_000) <= now()) {
        const result = await requestToken(
          options.tokenUrl,
          {
            grant_type: 'refresh_token',
            refresh_token: refreshToken,
            client_id: options.clientId,
            client_secret: options.clientSecret,
          },
          {
            http: { ...(options.fetch ? { fetch: options.fetch } : {}), ...options.http },
            now,
            signal,
            secrets: [options.clientSecret, refreshToken],
          },
        );
        token = result.token;
        issued.push(token.value);
        if (result.refreshToken !== undefined) {
          issued.push(result.refreshToken);
          refreshToken = result.refreshToken;
          options.onRefreshToken?.(result.refreshToken);
        }
      }
      headers.set('authorization', `Bearer ${token.value}`);
    },
    invalidate() {
      token = null;
      return true;
    },
    secrets: () => [options.clientSecret, options.refreshToken, refreshToken, ...issued],
  };
}
