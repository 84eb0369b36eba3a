import { CxError, type CxErrorOptions } from './cx-error.js';
import { formatIssuePath, type IssuePath, issueLines } from './issue-path.js';

/**
 * Codes of the issues of a {@link CxOptionsError}.
 *
 * - `unknown_option`: a key the function does not know (the issue's `suggestion` names the closest known key);
 * - `invalid_type`: `null`, an array or a primitive where an options object (or a value of another type) belongs;
 * - `out_of_range`: a number outside the range of its stated unit (a level of 95, a window of −1 day);
 * - `invalid_value`: a value outside an enumeration, or otherwise impossible;
 * - `missing_option`: a required option is absent;
 * - `conflicting_options`: two options that cannot be given together;
 * - `options_mismatch`: two accumulators with different options were merged.
 *
 * @example
 * ```ts
 * import type { OptionIssueCode } from '@cx/model';
 * const code: OptionIssueCode = 'unknown_option';
 * console.log(code);
 * ```
 * @category Errors
 * @since 0.2.0
 */
export type OptionIssueCode =
  | 'unknown_option'
  | 'invalid_type'
  | 'out_of_range'
  | 'invalid_value'
  | 'missing_option'
  | 'conflicting_options'
  | 'options_mismatch';

/**
 * One entry of a {@link CxOptionsError}.
 *
 * @example
 * ```ts
 * import { CxOptionsError, type OptionIssue } from '@cx/model';
 * const issue: OptionIssue = { path: ['levle'], code: 'unknown_option', message: 'Unknown option', suggestion: 'level' };
 * console.log(new CxOptionsError('nps', [issue]).issues[0]?.suggestion); // 'level'
 * ```
 * @category Errors
 * @since 0.2.0
 */
export interface OptionIssue {
  /** Path from the root of the options object, e.g. `['interval']` or `['steps', 2, 'name']`; `[]` for the object. */
  readonly path: IssuePath;
  /** Readable message: what was wrong and what was expected. */
  readonly message: string;
  /** Machine-readable code. */
  readonly code: OptionIssueCode;
  /** For `unknown_option`: the closest known key, when one is close enough to be a likely typo. */
  readonly suggestion?: string;
}

/**
 * Thrown when the OPTIONS of a function or constructor are wrong: an unknown key, `null` or a wrong container type,
 * a value out of range in its stated unit, or options that conflict. Bad data is a {@link CxValidationError}.
 *
 * @example
 * ```ts
 * import { CxOptionsError } from '@cx/model';
 * const error = new CxOptionsError('trend', [
 *   { path: ['period'], code: 'unknown_option', message: 'Unknown option "period"', suggestion: 'interval' },
 * ]);
 * console.log(error.message); // 'Invalid options of trend: 1 issue\n  at /period: Unknown option "period" (did you mean "interval"?)'
 * ```
 * @category Errors
 * @since 0.2.0
 */
export class CxOptionsError extends CxError<'invalid_options'> {
  /** The function or constructor whose options were wrong. */
  readonly subject: string;
  /** Every issue found. */
  readonly issues: readonly OptionIssue[];

  /**
   * Creates an options error.
   *
   * @param subject - The function or constructor (e.g. `cohortRetention`).
   * @param issues - The issues; at least one.
   * @param options - Optional `cause`.
   */
  constructor(subject: string, issues: readonly OptionIssue[], options: CxErrorOptions = {}) {
    const head = `Invalid options of ${subject}: ${issues.length} issue${issues.length === 1 ? '' : 's'}`;
    const line = (issue: OptionIssue): string =>
      `at ${formatIssuePath(issue.path)}: ${issue.message}${issue.suggestion === undefined ? '' : ` (did you mean "${issue.suggestion}"?)`}`;
    super('invalid_options', head + issueLines(issues, line), options);
    this.subject = subject;
    this.issues = issues;
  }
}
