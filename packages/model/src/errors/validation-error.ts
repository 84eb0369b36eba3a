import { CxError, type CxErrorOptions } from './cx-error.js';
import { formatIssuePath, type IssuePath, issueLines } from './issue-path.js';

/**
 * Codes of the issues of a {@link CxValidationError}: zod's own issue codes, then the rules of the model and of the
 * readers. One code per kind of mistake in data, the same in every package.
 *
 * @example
 * ```ts
 * import type { ValidationIssueCode } from '@cx/model';
 * const code: ValidationIssueCode = 'invalid_instant';
 * console.log(code);
 * ```
 * @category Errors
 * @since 0.2.0
 */
export type ValidationIssueCode =
  // zod 4 issue codes
  | 'invalid_type'
  | 'too_big'
  | 'too_small'
  | 'invalid_format'
  | 'not_multiple_of'
  | 'unrecognized_keys'
  | 'invalid_union'
  | 'invalid_key'
  | 'invalid_element'
  | 'invalid_value'
  | 'custom'
  // values read from data
  | 'invalid_instant'
  | 'invalid_date'
  | 'invalid_time_zone'
  | 'invalid_number'
  | 'invalid_score'
  | 'invalid_scale'
  | 'invalid_weight'
  | 'invalid_json'
  | 'invalid_csv'
  | 'invalid_yaml'
  | 'invalid_url'
  | 'invalid_pattern'
  | 'invalid_language_tag'
  | 'invalid_snapshot'
  | 'invalid_entry'
  | 'invalid_reason'
  | 'invalid_modifier'
  | 'invalid_seed'
  | 'out_of_range'
  | 'ambiguous_value'
  | 'nonexistent_local_time'
  | 'ambiguous_local_time'
  // structure of records, tables and documents
  | 'missing_column'
  | 'missing_header'
  | 'missing_dimension'
  | 'missing_field'
  | 'missing_scale'
  | 'mixed_scales'
  | 'mixed_currency'
  | 'invalid_amount'
  | 'duplicate_id'
  | 'dangling_reference'
  | 'end_before_start'
  | 'length_mismatch'
  | 'field_count'
  | 'unsorted_events'
  | 'out_of_order'
  | 'not_monotone'
  | 'unexpected_key'
  | 'unexpected_cells'
  | 'cyclic_value'
  | 'too_deep'
  | 'unknown_format_version'
  | 'missing_format_version'
  | 'mermaid_unsafe_text'
  | 'mermaid_syntax'
  | 'mermaid_score'
  | 'unsafe_url'
  | 'foreign_origin'
  | 'incompatible'
  | 'unsupported_on_columns'
  | 'unsupported_combination'
  | 'merge_overlap'
  | 'merge_mismatch'
  // Legacy codes of option mistakes, still raised as data issues by functions not yet moved to CxOptionsError.
  | 'invalid_option'
  | 'invalid_enum_value'
  | 'unsupported_option'
  | 'unsupported_unit'
  | 'invalid_unit';

/**
 * One entry of a {@link CxValidationError}: what was wrong and where.
 *
 * `path` locates the value inside the checked data (record index, field). When the data came from text, `line` and
 * `column` (1-based) locate it in that text and `source` names the file or stream.
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
  readonly path: IssuePath;
  /** Readable message saying what was wrong and what was expected. */
  readonly message: string;
  /** Machine-readable issue code. */
  readonly code: ValidationIssueCode;
  /** 1-based line in the source text, when the data was read from text. */
  readonly line?: number;
  /** 1-based column in the source text, when the data was read from text. */
  readonly column?: number;
  /** The file, stream or table the data came from, when known. */
  readonly source?: string;
}

/** Where an issue is: path, and line/column/source when known (internal). */
export function issueLocation(issue: {
  readonly path: IssuePath;
  readonly line?: number;
  readonly column?: number;
  readonly source?: string;
}): string {
  const text =
    issue.line === undefined
      ? ''
      : `${issue.source === undefined ? '' : `${issue.source}:`}${issue.line}${issue.column === undefined ? '' : `:${issue.column}`} `;
  return `${text}${issue.path.length > 0 || text === '' ? `at ${formatIssuePath(issue.path)}` : ''}`.trim();
}

/**
 * Thrown when DATA does not satisfy a schema or a rule; lists every issue with its path (and line and column when the
 * data was read from text). Bad options are a {@link CxOptionsError} instead.
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
export class CxValidationError extends CxError<'validation_failed'> {
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
    super(
      'validation_failed',
      head + issueLines(issues, (i) => `${issueLocation(i)}: ${i.message}`),
      options,
    );
    this.issues = issues;
  }
}
