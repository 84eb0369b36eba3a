import { CxError, type CxErrorOptions } from '@cx/model';

/**
 * The limits a reader of map text or data enforces, by name.
 *
 * @category Errors
 * @since 0.2.0
 */
export type MapLimit = 'maxLength' | 'maxDepth' | 'maxNodes' | 'maxAliases';

/**
 * Thrown when input exceeds a work bound of a reader: too long, nested too deeply, too many values or YAML
 * aliases. It names the limit, its value, and where it was exceeded (path, and line and column for text). Work
 * stops at the limit, so a hostile document costs no more than the limit allows.
 *
 * @example
 * ```ts
 * import { MapLimitError, parseMapJson } from '@cx/map';
 * try {
 *   parseMapJson('['.repeat(100) + ']'.repeat(100));
 * } catch (error) {
 *   if (error instanceof MapLimitError) console.log(error.limit, error.max, error.line, error.column); // 'maxDepth' 64 1 65
 * }
 * ```
 * @category Errors
 * @since 0.2.0
 */
export class MapLimitError extends CxError {
  /** Which limit was exceeded. */
  readonly limit: MapLimit;
  /** The limit's value. */
  readonly max: number;
  /** Path of the value at which the limit was exceeded (empty for the whole input). */
  readonly path: ReadonlyArray<string | number>;
  /** 1-based line in the source text, when the input was text. */
  readonly line?: number;
  /** 1-based column in the source text, when the input was text. */
  readonly column?: number;

  /**
   * Creates a limit error; the message is built here, once.
   *
   * @param details - The limit, its value, where it was exceeded, and what was being read.
   * @param options - Optional `cause`.
   */
  constructor(
    details: {
      readonly limit: MapLimit;
      readonly max: number;
      readonly subject: string;
      readonly what: string;
      readonly path?: ReadonlyArray<string | number>;
      readonly line?: number;
      readonly column?: number;
    },
    options: CxErrorOptions = {},
  ) {
    const where = details.line === undefined ? '' : ` at line ${details.line}, column ${details.column ?? 1}`;
    super(
      'limit_exceeded',
      `${details.subject}: ${details.what}${where} exceeds the limit ${details.limit} = ${details.max}`,
      options,
    );
    this.limit = details.limit;
    this.max = details.max;
    this.path = details.path ?? [];
    if (details.line !== undefined) this.line = details.line;
    if (details.column !== undefined) this.column = details.column;
  }
}
