import { CxError } from '@cx/model';
import { Redactor } from '../redact.js';

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
 * Posts a form to an OAuth token endpoint and reads `access_token` / `expires_in`.
 *
 * @param url - Token endpoint.
 * @param form - Form fields.
 * @param options - fetch, clock, signal, secrets to redact from errors.
 * @returns The token and, if the server rotated it, the new refresh token.
 * @throws {@link @cx/model!CxError} with code `auth_failed` (secrets redacted) when the endpoint refuses.
 * @internal
 */
export async function requestToken(
  url: string,
  form: Record<string, string>,
  options: {
    fetch?: typeof fetch;
    now: () => number;
    signal?: AbortSignal | undefined;
    secrets: readonly string[];
  },
): Promise<{ token: AccessToken; refreshToken?: string }> {
  const redactor = new Redactor(options.secrets);
  const response = await (options.fetch ?? globalThis.fetch)(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
    signal: options.signal ?? null,
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = {};
  }
  if (!response.ok || typeof body.access_token !== 'string') {
    const reason = typeof body.error === 'string' ? body.error : text.slice(0, 200);
    throw new CxError(
      'auth_failed',
      redactor.redact(`Token request to ${new URL(url).origin} failed with ${response.status}: ${reason}`),
    );
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600);
  const token = {
    value: body.access_token,
    expiresAtMs: options.now() + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000,
  };
  return typeof body.refresh_token === 'string' ? { token, refreshToken: body.refresh_token } : { token };
}
