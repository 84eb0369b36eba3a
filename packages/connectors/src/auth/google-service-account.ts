import { createSign } from 'node:crypto';
import { parseOptions } from '@cx/model';
import { z } from 'zod';
import { fnOption, httpTuningShape, urlOption } from '../options.js';
import type { AuthProvider } from './auth-provider.js';
import { type AccessToken, requestToken, type TokenHttpOptions } from './token-endpoint.js';

/**
 * The fields of a Google service-account key file that auth needs.
 *
 * @category Auth
 * @since 0.1.0
 */
export interface GoogleServiceAccountKey {
  /** Service account e-mail (`iss`). */
  readonly client_email: string;
  /** PEM private key. */
  readonly private_key: string;
  /** Key id (`kid` header), optional. */
  readonly private_key_id?: string;
  /** Token endpoint, default `https://oauth2.googleapis.com/token`. */
  readonly token_uri?: string;
}

/**
 * Options of {@link googleServiceAccountAuth}.
 *
 * @category Auth
 * @since 0.1.0
 */
export interface GoogleServiceAccountOptions {
  /** The key (parsed key file). */
  readonly key: GoogleServiceAccountKey;
  /** OAuth scopes, e.g. `https://www.googleapis.com/auth/analytics.readonly`. */
  readonly scopes: readonly string[];
  /** Token endpoint override (tests); default the key's `token_uri`. */
  readonly tokenUrl?: string;
  /** Impersonated user (domain-wide delegation), optional. */
  readonly subject?: string;
  /** `fetch` implementation (the same as `http.fetch`). */
  readonly fetch?: typeof fetch;
  /** HTTP tuning of the token request (timeout, retry policy, sleep, retry notices). */
  readonly http?: TokenHttpOptions;
  /** Clock (epoch ms). */
  readonly now?: () => number;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** A service-account key file holds more fields than auth needs (project_id, client_id …): they are allowed. */
const googleServiceAccountAuthSchema = z.strictObject({
  key: z.looseObject({
    client_email: z.string().min(1),
    private_key: z.string().includes('PRIVATE KEY', { error: 'Expected a PEM private key' }),
    private_key_id: z.string().optional(),
    token_uri: urlOption.optional(),
  }),
  scopes: z.array(z.string().min(1)).min(1, { error: 'Expected at least one OAuth scope' }),
  tokenUrl: urlOption.optional(),
  subject: z.string().min(1).optional(),
  fetch: fnOption.optional(),
  http: z.strictObject(httpTuningShape).optional(),
  now: fnOption.optional(),
});
const googleServiceAccountJwtSchema = googleServiceAccountAuthSchema;

/**
 * Builds the RS256-signed JWT assertion of the OAuth 2.0 JWT-bearer flow (RFC 7523) for a service account.
 *
 * @param options - Key, scopes, audience.
 * @param nowMs - Issue time in epoch ms.
 * @returns The compact JWT `header.payload.signature`.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { generateKeyPairSync } from 'node:crypto';
 * import { googleServiceAccountJwt } from '@cx/connectors';
 * const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
 * const jwt = googleServiceAccountJwt({
 *   key: { client_email: 'sa@p.iam.gserviceaccount.com', private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
 *   scopes: ['https://www.googleapis.com/auth/analytics.readonly'],
 * }, 0);
 * console.log(jwt.split('.').length); // 3
 * ```
 * @category Auth
 * @since 0.1.0
 */
export function googleServiceAccountJwt(options: GoogleServiceAccountOptions, nowMs: number): string {
  parseOptions(googleServiceAccountJwtSchema, options, 'googleServiceAccountJwt');
  const iat = Math.floor(nowMs / 1000);
  const header = {
    alg: 'RS256',
    typ: 'JWT',
    ...(options.key.private_key_id ? { kid: options.key.private_key_id } : {}),
  };
  const payload = {
    iss: options.key.client_email,
    scope: options.scopes.join(' '),
    aud: options.tokenUrl ?? options.key.token_uri ?? 'https://oauth2.googleapis.com/token',
    iat,
    exp: iat + 3600,
    ...(options.subject ? { sub: options.subject } : {}),
  };
  const unsigned = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(options.key.private_key);
  return `${unsigned}.${b64url(signature)}`;
}

/**
 * Google service-account auth: signs a JWT with `node:crypto` (RS256), exchanges it for an access token at
 * the token endpoint, and caches the token until a minute before expiry (GA4 Data API, BigQuery).
 *
 * @param options - Key, scopes and overrides.
 * @returns The provider.
 * @example
 * ```ts
 * import { googleServiceAccountAuth } from '@cx/connectors';
 * const auth = googleServiceAccountAuth({
 *   key: { client_email: 'sa@p.iam.gserviceaccount.com', private_key: '-----BEGIN PRIVATE KEY-----\n…' },
 *   scopes: ['https://www.googleapis.com/auth/analytics.readonly'],
 * });
 * console.log(typeof auth.apply); // 'function'
 * ```
 * @category Auth
 * @since 0.1.0
 */
export function googleServiceAccountAuth(options: GoogleServiceAccountOptions): AuthProvider {
  parseOptions(googleServiceAccountAuthSchema, options, 'googleServiceAccountAuth');
  const now = options.now ?? Date.now;
  let token: AccessToken | null = null;
  const issued: string[] = [];
  return {
    async apply(headers, signal) {
      if (token === null || token.expiresAtMs - 60_000 <= now()) {
        const assertion = googleServiceAccountJwt(options, now());
        const result = await requestToken(
          options.tokenUrl ?? options.key.token_uri ?? 'https://oauth2.googleapis.com/token',
          { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion },
          {
            http: { ...(options.fetch ? { fetch: options.fetch } : {}), ...options.http },
            now,
            signal,
            secrets: [assertion, options.key.private_key],
          },
        );
        token = result.token;
        issued.push(token.value);
      }
      headers.set('authorization', `Bearer ${token.value}`);
    },
    invalidate() {
      token = null;
      return true;
    },
    secrets: () => [options.key.private_key, ...issued],
  };
}
