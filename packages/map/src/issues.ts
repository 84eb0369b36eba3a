import type { ValidationIssue } from '@cx/model';

/**
 * A validation issue of a map read from text: the JSON-pointer path plus, when known, the line and column. Since
 * `@cx/model`'s {@link @cx/model!ValidationIssue} carries `line` and `column` itself, this is the same type.
 *
 * @category Parsing
 * @since 0.1.0
 */
export type LocatedIssue = ValidationIssue;
