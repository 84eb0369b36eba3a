import type { ValidationIssue } from '@cx/model';

/**
 * A validation issue of a map read from text: the JSON-pointer path plus, when known, the line and column.
 *
 * @category Parsing
 * @since 0.1.0
 */
export interface LocatedIssue extends ValidationIssue {
  /** 1-based line of the offending value in the source text, when the input was text. */
  readonly line?: number;
  /** 1-based column of the offending value in the source text, when the input was text. */
  readonly column?: number;
}
