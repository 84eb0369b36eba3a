/**
 * Options accepted by every {@link CxError} constructor.
 *
 * @example
 * ```ts
 * import { CxError, type CxErrorOptions } from '@cx/model';
 * const options: CxErrorOptions = { cause: new Error('socket hang up') };
 * console.log(new CxError('cx_example', 'Sync failed', options).cause instanceof Error); // true
 * ```
 * @category Errors
 * @since 0.1.0
 */
export interface CxErrorOptions {
  /** The underlying error, kept for debugging. */
  readonly cause?: unknown;
}

/**
 * Root of the error hierarchy of every `@cx/*` package: `catch (e) { if (e instanceof CxError) … }`.
 *
 * Each subclass narrows `code` to a typed union, so `switch (error.code)` is checked by the compiler. The message is
 * built once, in the constructor, and never rewritten afterwards: code that adds context wraps the error in a new
 * one with the original as its `cause`.
 *
 * @typeParam Code - The union of codes this class uses.
 * @example
 * ```ts
 * import { CxError } from '@cx/model';
 * const error = new CxError('cx_example', 'Something went wrong');
 * console.log(error instanceof Error, error.code); // true 'cx_example'
 * ```
 * @category Errors
 * @since 0.1.0
 */
export class CxError<Code extends string = string> extends Error {
  /** Stable machine-readable code, e.g. `validation_failed`. */
  readonly code: Code;

  /**
   * Creates an error.
   *
   * @param code - Stable machine-readable code.
   * @param message - Readable message: what was wrong, where, and what was expected.
   * @param options - Optional `cause`.
   */
  constructor(code: Code, message: string, options: CxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    // The message is final: make it read-only so that no caller can rewrite it after the fact.
    Object.defineProperty(this, 'message', {
      value: message,
      writable: false,
      enumerable: false,
      configurable: false,
    });
  }
}
