// TEMPORARY SHIM of the issue-13 foundation (CxOptionsError, CxLimitError), to be deleted when `foundation:` commits
// land on main: then import these classes from @cx/model instead. Same names and fields as the planned API.
import { CxError, type ValidationIssue } from '@cx/model';

/** One problem with an options object (shim of the planned `@cx/model` type). @internal */
export interface OptionsIssue {
  readonly path: ReadonlyArray<string | number>;
  readonly code:
    | 'unknown_option'
    | 'invalid_type'
    | 'out_of_range'
    | 'invalid_value'
    | 'missing_option'
    | 'conflicting_options'
    | 'options_mismatch';
  readonly message: string;
  readonly suggestion?: string;
}

/** Bad options (shim of the planned `@cx/model` class). @internal */
export class CxOptionsError extends CxError {
  readonly issues: readonly OptionsIssue[];
  constructor(issues: readonly OptionsIssue[], functionName: string) {
    const head = `Invalid options of ${functionName}: ${issues.length} issue${issues.length === 1 ? '' : 's'}`;
    super(
      'invalid_options',
      head + issues.map((i) => `\n  at ${i.path.join('.') || '(root)'}: ${i.message}`).join(''),
    );
    this.issues = issues;
  }
}

/** A work bound exceeded (shim of the planned `@cx/model` class). @internal */
export class CxLimitError extends CxError {
  readonly limit: string;
  readonly issues: readonly ValidationIssue[];
  constructor(limit: string, message: string, issues: readonly ValidationIssue[] = []) {
    super('limit_exceeded', message);
    this.limit = limit;
    this.issues = issues;
  }
}
