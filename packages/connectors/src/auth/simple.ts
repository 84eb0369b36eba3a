import type { AuthProvider } from './auth-provider.js';

/**
 * Bearer-token auth (`Authorization: Bearer <token>`): HubSpot private apps, Typeform, Zendesk OAuth, Salesforce
 * sessions.
 *
 * @param token - The token (never logged: registered as a secret).
 * @returns The provider.
 * @example
 * ```ts
 * import { bearerAuth } from '@cx/connectors';
 * const headers = new Headers();
 * await bearerAuth('tok-123456').apply(headers);
 * console.log(headers.get('authorization')); // 'Bearer tok-123456'
 * ```
 * @category Auth
 * @since 0.1.0
 */
export function bearerAuth(token: string): AuthProvider {
  return {
    async apply(headers) {
      headers.set('authorization', `Bearer ${token}`);
    },
    secrets: () => [token],
  };
}

/**
 * HTTP Basic auth: Mixpanel service accounts, Zendesk `email/token:api_token`, Amplitude `key:secret`.
 *
 * @param username - User name (e.g. `agent@acme.com/token`).
 * @param password - Password or API token.
 * @returns The provider.
 * @example
 * ```ts
 * import { basicAuth } from '@cx/connectors';
 * const headers = new Headers();
 * await basicAuth('user', 'pass').apply(headers);
 * console.log(headers.get('authorization')); // 'Basic dXNlcjpwYXNz'
 * ```
 * @category Auth
 * @since 0.1.0
 */
export function basicAuth(username: string, password: string): AuthProvider {
  const encoded = Buffer.from(`${username}:${password}`).toString('base64');
  return {
    async apply(headers) {
      headers.set('authorization', `Basic ${encoded}`);
    },
    secrets: () => [password, encoded, `${username}:${password}`],
  };
}
