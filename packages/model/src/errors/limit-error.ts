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
 * Where in a text input a {@link CxLimitError} was raised: 1-based `line` and `column` and the `source` (file or
 * stream name), each when known.
 *
 * @example
 * ```ts
 * import type { LimitLocation } from '@cx/model';
 * const where: LimitLocation = { line: 12, source: 'orders.csv' };
 * console.log(where.line); // 12
 * ```
 * @category Errors
 * @since 0.3.0
 */
export interface LimitLocation {
  /** 1-based line of the source text where the offending record or value starts. */
  readonly line?: number;
  /** 1-based column of the source text. */
  readonly column?: number;
  /** The file, stream or table the input came from. */
  readonly source?: string;
}

/**
 * Thrown when an input would make the work grow beyond a documented bound: a time span of more calendar periods
 * than allowed, a document nested deeper or larger than allowed, a value longer than allowed. The error names the
 * bound, the value that exceeded it and, when the input is a list of records, the record; when the input was read
 * from text, also its line (and column) and the file.
 *
 * @example
 * ```ts
 * import { CxLimitError } from '@cx/model';
 * const error = new CxLimitError('too_many_periods', 'The records span 2,916,471 days', {
 *   limit: 100_000,
 *   actual: 2_916_471,
 *   path: [1, 'occurredAt'],
 *   line: 3,
 *   source: 'events.csv',
 * });
 * console.log(error.code, error.limit, error.path, error.line); // 'too_many_periods' 100000 [1, 'occurredAt'] 3
 * console.log(error.message); // The records span 2,916,471 days (limit 100000, at /1/occurredAt, events.csv:3)
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
  /** 1-based line of the source text, when the input was read from text. */
  readonly line?: number;
  /** 1-based column of the source text, when known. */
  readonly column?: number;
  /** The file or stream the input came from, when known. */
  readonly source?: string;

  /**
   * Creates a limit error.
   *
   * @param code - Which bound.
   * @param message - What exceeded it, in words; the bound, the path and the line are appended.
   * @param fields - `limit`, `actual`, optional `path`, `line`, `column`, `source` and `cause`.
   */
  constructor(
    code: LimitCode,
    message: string,
    fields: {
      readonly limit: number;
      readonly actual: number;
      readonly path?: IssuePath;
    } & LimitLocation &
      CxErrorOptions,
  ) {
    const path = fields.path ?? [];
    const where =
      fields.line === undefined
        ? ''
        : `, ${fields.source === undefined ? '' : `${fields.source}:`}${fields.line}${fields.column === undefined ? '' : `:${fields.column}`}`;
    super(
      code,
      `${message} (limit ${fields.limit}${path.length > 0 ? `, at ${formatIssuePath(path)}` : ''}${where})`,
      fields,
    );
    this.limit = fields.limit;
    this.actual = fields.actual;
    this.path = path;
    if (fields.line !== undefined) this.line = fields.line;
    if (fields.column !== undefined) this.column = fields.column;
    if (fields.source !== undefined) this.source = fields.source;
  }
}
