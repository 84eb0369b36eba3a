const SECRET_PARAM =
  /([?&](?:access_token|api_key|apikey|key|token|secret|client_secret|password|refresh_token|assertion|code|sig|signature)=)[^&#\s"']*/gi;
const AUTH_HEADER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g;
const MASK = '[REDACTED]';
/** Length of the secret fragments that are blanked wherever they occur (a partial echo of a token). */
const FRAGMENT = 8;
/** Depth of the cause chains copied by {@link Redactor.redactError} (deeper causes are cut). */
const MAX_CAUSE_DEPTH = 8;

/**
 * A set of secret strings that must never appear in errors, logs, progress events or dead letters, and the
 * function that blanks them out. Auth providers register their tokens here; the HTTP client and the sync loop
 * redact with it where they build a message, never by rewriting an error afterwards.
 *
 * `redact` replaces every registered secret (and its URL-encoded, Base64 and JSON-escaped forms), every run of
 * 8 or more characters that occurs inside a secret (so a server that echoes the first 30 characters of a token,
 * or a message cut in the middle of one, leaks nothing), secret-looking query parameters and `Bearer`/`Basic`
 * credentials.
 *
 * @example
 * ```ts
 * import { Redactor } from '@cx/connectors';
 * const redactor = new Redactor(['s3cr3t-token-0123456789']);
 * console.log(redactor.redact('Authorization failed for s3cr3t-token-0123456789')); // 'Authorization failed for [REDACTED]'
 * console.log(redactor.redact('token s3cr3t-token-01… is invalid')); // 'token [REDACTED]… is invalid'
 * ```
 * @category Security
 * @since 0.1.0
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  readonly #fragments = new Set<string>();
  #sorted: string[] | null = null;

  /**
   * Creates a redactor.
   *
   * @param secrets - Initial secret values (strings shorter than 4 characters are ignored).
   */
  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /**
   * Registers a secret value, and its URL-encoded, Base64 and JSON-escaped forms.
   *
   * @param secret - The secret value.
   * @returns This redactor.
   */
  add(secret: string): this {
    if (secret.length < 4 || this.#secrets.has(secret)) return this;
    const forms = [
      secret,
      encodeURIComponent(secret),
      Buffer.from(secret).toString('base64'),
      JSON.stringify(secret).slice(1, -1),
    ];
    for (const form of forms) {
      if (this.#secrets.has(form)) continue;
      this.#secrets.add(form);
      for (let i = 0; i + FRAGMENT <= form.length; i++) this.#fragments.add(form.slice(i, i + FRAGMENT));
    }
    this.#sorted = null;
    return this;
  }

  /**
   * Replaces every registered secret, every 8-character fragment of one, secret-looking query parameters and
   * `Bearer`/`Basic` credentials. Redact a whole text before cutting it short, never after.
   *
   * @param text - Any text.
   * @returns The text with secrets replaced by `[REDACTED]`.
   */
  redact(text: string): string {
    let out = text;
    this.#sorted ??= [...this.#secrets].sort((a, b) => b.length - a.length);
    for (const secret of this.#sorted) if (out.includes(secret)) out = out.split(secret).join(MASK);
    if (this.#fragments.size > 0 && out.length >= FRAGMENT) out = this.#blankFragments(out);
    return out.replace(SECRET_PARAM, `$1${MASK}`).replace(AUTH_HEADER, `$1 ${MASK}`);
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

  /**
   * Makes a redacted copy of an error that this library did not create (a `TypeError` from `fetch`, a file-system
   * error, an abort reason), to keep as the `cause` of a library error: same `name`, `code`, message, stack and
   * cause chain (up to 8 levels), secrets replaced. The original is never modified.
   *
   * @param error - Any thrown value.
   * @returns An `Error` copy (non-errors become an `Error` whose message is their redacted text).
   */
  redactError(error: unknown): Error {
    return this.#copyError(error, 0);
  }

  #copyError(error: unknown, depth: number): Error {
    if (!(error instanceof Error)) {
      let text: string;
      try {
        text = typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
      } catch {
        text = String(error);
      }
      return new Error(this.redact(text));
    }
    const cause =
      error.cause === undefined || depth >= MAX_CAUSE_DEPTH
        ? undefined
        : this.#copyError(error.cause, depth + 1);
    const copy = new Error(this.redact(error.message), cause === undefined ? undefined : { cause });
    Object.defineProperty(copy, 'name', { value: error.name, enumerable: false, configurable: true });
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number')
      Object.defineProperty(copy, 'code', { value: code, enumerable: true });
    Object.defineProperty(copy, 'stack', {
      value: this.redact(error.stack ?? `${error.name}: ${error.message}`),
      enumerable: false,
      configurable: true,
    });
    return copy;
  }

  #blankFragments(text: string): string {
    let out = '';
    let copied = 0;
    let maskedUntil = -1;
    for (let i = 0; i + FRAGMENT <= text.length; i++) {
      if (!this.#fragments.has(text.slice(i, i + FRAGMENT))) continue;
      if (i > maskedUntil) {
        out += text.slice(copied, i) + MASK;
      }
      maskedUntil = i + FRAGMENT - 1;
      copied = i + FRAGMENT;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }
}
