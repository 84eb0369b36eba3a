import { CxError, type CxErrorOptions } from './cx-error.js';
import { formatIssuePath, type IssuePath } from './issue-path.js';

/**
 * Codes of a {@link CxLimitError}: which documented bound on work or size the input exceeded.
 *
 * @example
 * ```ts
 * import type { LimitCode } from '@cx/model';
 * const code: LimitCode = 'too_many_periods';
 * console.log(code);
 * ```
 * @category Errors
 * @since 0.2.0
 */
export type LimitCode = 'too_many_periods' | 'too_deep' | 'too_large' | 'too_many_items' | 'too_long';

/**
 * Thrown when an input would make the work grow beyond a documented bound: a time span of more calendar periods
 * than allowed, a document nested deeper or larger than allowed, a value longer than allowed. The error names the
 * bound, the value that exceeded it and, when the input is a list of records, the record.
 *
 * @example
 * ```ts
 * import { CxLimitError } from '@cx/model';
 * const error = new CxLimitError('too_many_periods', 'The records span 2,916,471 days', {
 *   limit: 100_000,
 *   actual: 2_916_471,
 *   path: [1, 'occurredAt'],
 * });
 * console.log(error.code, error.limit, error.path); // 'too_many_periods' 100000 [1, 'occurredAt']
 * ```
 * @category Errors
 * @since 0.2.0
 */
export class CxLimitError extends CxError<LimitCode> {
  /** The bound that was exceeded. */
  readonly limit: number;
  /** The size the input asked for (may be a lower bound when counting stopped at the limit). */
  readonly actual: number;
  /** Where in the input the bound was exceeded (e.g. `[1, 'occurredAt']`), or `[]` for the input as a whole. */
  readonly path: IssuePath;

  /**
   * Creates a limit error.
   *
   * @param code - Which bound.
   * @param message - What exceeded it, in words; the bound and the path are appended.
   * @param fields - `limit`, `actual`, optional `path` and `cause`.
   */
  constructor(
    code: LimitCode,
    message: string,
    fields: { readonly limit: number; readonly actual: number; readonly path?: IssuePath } & CxErrorOptions,
  ) {
    const path = fields.path ?? [];
    super(
      code,
      `${message} (limit ${fields.limit}${path.length > 0 ? `, at ${formatIssuePath(path)}` : ''})`,
      fields,
    );
    this.limit = fields.limit;
    this.actual = fields.actual;
    this.path = path;
  }
}
