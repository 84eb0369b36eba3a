const SECRET_PARAM =
  /([?&](?:access_token|api_key|apikey|key|token|secret|client_secret|password|refresh_token|assertion|code|sig|signature)=)[^&#\s"']*/gi;
const AUTH_HEADER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g;

/**
 * A set of secret strings that must never appear in errors, logs or dead letters, and the function that
 * blanks them out. Auth providers register their tokens here; the HTTP client and the sync loop redact with it.
 *
 * @example
 * ```ts
 * import { Redactor } from '@cx/connectors';
 * const redactor = new Redactor(['s3cr3t-token']);
 * console.log(redactor.redact('Authorization failed for s3cr3t-token')); // 'Authorization failed for [REDACTED]'
 * ```
 * @category Security
 * @since 0.1.0
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  /**
   * Creates a redactor.
   *
   * @param secrets - Initial secret values (strings shorter than 4 characters are ignored).
   */
  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /**
   * Registers a secret value, and its Base64 and URL-encoded forms.
   *
   * @param secret - The secret value.
   * @returns This redactor.
   */
  add(secret: string): this {
    if (secret.length < 4) return this;
    this.#secrets.add(secret);
    this.#secrets.add(encodeURIComponent(secret));
    this.#secrets.add(Buffer.from(secret).toString('base64'));
    return this;
  }

  /**
   * Replaces every registered secret, secret-looking query parameter and `Bearer`/`Basic` credential.
   *
   * @param text - Any text.
   * @returns The text with secrets replaced by `[REDACTED]`.
   */
  redact(text: string): string {
    let out = text;
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
    }
    return out.replace(SECRET_PARAM, '$1[REDACTED]').replace(AUTH_HEADER, '$1 [REDACTED]');
  }

  /**
   * Redacts every string inside a JSON-like value (keys and values), returning a copy.
   *
   * @param value - Any JSON-like value.
   * @returns A deep copy with secrets replaced.
   */
  redactValue(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((v) => this.redactValue(v));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.redact(k)] = this.redactValue(v);
      return out;
    }
    return value;
  }
}
