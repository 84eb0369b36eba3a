import { CxAuthError } from '../errors.js';
import type { AuthProvider } from './auth-provider.js';

/** Index of the first control character (U+0000–U+001F, U+007F), or −1. */
function controlAt(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return i;
  }
  return -1;
}

/**
 * Checks that a credential can travel in an HTTP header unchanged: not empty, no control characters (a line
 * break would be refused by `fetch`), no leading or trailing white space (which `Headers` would strip).
 *
 * @internal
 */
export function checkCredential(fn: string, what: string, value: string): void {
  let problem: string | null = null;
  if (typeof value !== 'string' || value === '') problem = 'is empty';
  else {
    const at = controlAt(value);
    if (at >= 0)
      problem = `contains a control character (U+${value.charCodeAt(at).toString(16).padStart(4, '0').toUpperCase()}) at index ${at}`;
    else if (value.trim() !== value) problem = 'starts or ends with white space';
  }
  if (problem !== null) {
    throw new CxAuthError(
      'invalid_credential',
      `${fn}: the ${what} ${problem}; an HTTP header cannot carry it unchanged (check how it was read, e.g. a trailing newline from a file)`,
    );
  }
}

/**
 * Bearer-token auth (`Authorization: Bearer <token>`): HubSpot private apps, Typeform, Zendesk OAuth, Salesforce
 * sessions.
 *
 * @param token - The token (never logged: registered as a secret).
 * @returns The provider.
 * @throws {@link CxAuthError} with code `invalid_credential` when the token is empty or holds a character an
 * HTTP header cannot carry (a line break, surrounding white space); the token is not in the message.
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
  checkCredential('bearerAuth', 'token', token);
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
 * @param username - User name (e.g. `agent@acme.com/token`); must not contain `:` (RFC 7617).
 * @param password - Password or API token.
 * @returns The provider.
 * @throws {@link CxAuthError} with code `invalid_credential` when a part is empty, the user name contains `:`,
 * or either holds a control character; the values are not in the message.
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
  checkCredential('basicAuth', 'user name', username);
  checkCredential('basicAuth', 'password', password);
  if (username.includes(':')) {
    throw new CxAuthError(
      'invalid_credential',
      `basicAuth: the user name contains ':' at index ${username.indexOf(':')}; RFC 7617 does not allow it`,
    );
  }
  const encoded = Buffer.from(`${username}:${password}`).toString('base64');
  return {
    async apply(headers) {
      headers.set('authorization', `Basic ${encoded}`);
    },
    secrets: () => [password, encoded, `${username}:${password}`],
  };
}
