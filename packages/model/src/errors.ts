/**
 * One entry of a {@link CxValidationError}: what was wrong and where.
 *
 * @example
 * ```ts
 * import { safeValidate, channelSchema, type ValidationIssue } from '@cx/model';
 * const result = safeValidate(channelSchema, 'fax', { at: [3, 'channel'] });
 * const issues: readonly ValidationIssue[] = result.success ? [] : result.error.issues;
 * console.log(issues[0]?.path); // [3, 'channel']
 * ```
 * @category Errors
 * @since 0.1.0
 */
export interface ValidationIssue {
  /** Path from the root of the checked value to the offending part, e.g. `["stages", 2, "id"]`. */
  readonly path: ReadonlyArray<string | number>;
  /** Readable message saying what was wrong and what was expected. */
  readonly message: string;
  /** Machine-readable issue code (zod's code, or a package-specific one such as `dangling_reference`). */
  readonly code: string;
}

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
 * @example
 * ```ts
 * import { CxError } from '@cx/model';
 * const error = new CxError('cx_example', 'Something went wrong');
 * console.log(error instanceof Error, error.code); // true 'cx_example'
 * ```
 * @category Errors
 * @since 0.1.0
 */
export class CxError extends Error {
  /** Stable machine-readable code, e.g. `validation_failed`. */
  readonly code: string;

  /**
   * Creates an error.
   *
   * @param code - Stable machine-readable code.
   * @param message - Readable message: what was wrong, where, and what was expected.
   * @param options - Optional `cause`.
   */
  constructor(code: string, message: string, options: CxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * Formats an issue path as a JSON-pointer-like string, e.g. `/stages/2/id` (the root is `/`).
 *
 * @param path - Issue path.
 * @returns The path joined with `/`, each segment escaped as in RFC 6901.
 * @example
 * ```ts
 * import { formatIssuePath } from '@cx/model';
 * console.log(formatIssuePath(['stages', 2, 'id'])); // '/stages/2/id'
 * ```
 * @category Errors
 * @since 0.1.0
 */
export function formatIssuePath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '/';
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * Thrown when input does not satisfy a schema or a rule; lists every issue with its path.
 *
 * @example
 * ```ts
 * import { CxValidationError } from '@cx/model';
 * const error = new CxValidationError([{ path: ['score'], message: 'Expected at most 10', code: 'too_big' }]);
 * console.log(error.message); // 'Invalid input: 1 issue\n  at /score: Expected at most 10'
 * ```
 * @category Errors
 * @since 0.1.0
 */
export class CxValidationError extends CxError {
  /** Every issue found, in the order found. */
  readonly issues: readonly ValidationIssue[];

  /**
   * Creates a validation error.
   *
   * @param issues - The issues; at least one.
   * @param options - `subject` names what was validated (e.g. `Journey`); `cause` is kept.
   */
  constructor(
    issues: readonly ValidationIssue[],
    options: CxErrorOptions & { readonly subject?: string } = {},
  ) {
    const head = `${options.subject === undefined ? 'Invalid input' : `Invalid ${options.subject}`}: ${issues.length} issue${issues.length === 1 ? '' : 's'}`;
    const shown = issues
      .slice(0, 20)
      .map((issue) => `\n  at ${formatIssuePath(issue.path)}: ${issue.message}`);
    const more = issues.length > 20 ? `\n  … and ${issues.length - 20} more` : '';
    super('validation_failed', head + shown.join('') + more, options);
    this.issues = issues;
  }
}
