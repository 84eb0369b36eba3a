import type { ValidationIssue, ValidationIssueCode } from '@cx/model';

/**
 * Why a row was rejected. Cell codes: `invalid_instant`, `nonexistent_local_time`, `ambiguous_local_time` (the
 * instant grammar of `@cx/model`), `invalid_number`, `ambiguous_number`, `number_too_large`, `unknown_currency`,
 * `ambiguous_currency`, `currency_mismatch`, `unmapped_value` (not in the value map), `invalid_utf8`,
 * `missing_value` (a required field is empty) and `schema_<zod code>` (the model schema's rule). Row codes:
 * `field_count`, `stray_quote`, `unclosed_quote`, `invalid_json`, `invalid_type`, `mapping_function_failed`.
 *
 * @category Dead letters
 * @since 0.1.0
 */
export type DeadLetterCode = string;

const ISSUE_CODES: Readonly<Record<string, ValidationIssueCode>> = {
  invalid_instant: 'invalid_instant',
  nonexistent_local_time: 'nonexistent_local_time',
  ambiguous_local_time: 'ambiguous_local_time',
  invalid_number: 'invalid_number',
  ambiguous_number: 'ambiguous_value',
  number_too_large: 'out_of_range',
  unknown_currency: 'invalid_value',
  ambiguous_currency: 'ambiguous_value',
  currency_mismatch: 'mixed_currency',
  unmapped_value: 'invalid_value',
  invalid_utf8: 'invalid_csv',
  missing_value: 'missing_field',
  field_count: 'field_count',
  stray_quote: 'invalid_csv',
  unclosed_quote: 'invalid_csv',
  invalid_json: 'invalid_json',
  invalid_type: 'invalid_type',
  mapping_function_failed: 'custom',
};

/**
 * The `@cx/model` issue code of a dead-letter code (`schema_<code>` gives the zod code).
 *
 * @param code - A dead letter's code.
 * @returns The matching {@link @cx/model!ValidationIssueCode}.
 * @example
 * ```ts
 * import { issueCodeOf } from '@cx/ingest';
 * console.log(issueCodeOf('stray_quote'), issueCodeOf('schema_too_small')); // 'invalid_csv' 'too_small'
 * ```
 * @category Dead letters
 * @since 0.1.0
 */
export function issueCodeOf(code: DeadLetterCode): ValidationIssueCode {
  if (code.startsWith('schema_')) return code.slice(7) as ValidationIssueCode;
  return ISSUE_CODES[code] ?? 'invalid_value';
}

/**
 * A dead letter as a {@link @cx/model!ValidationIssue}: path `[row, field]`, with line, column and source.
 *
 * @param letter - The dead letter.
 * @returns The issue.
 * @example
 * ```ts
 * import { deadLetterIssue } from '@cx/ingest';
 * const issue = deadLetterIssue({ source: 'a.csv', line: 3, row: 1, raw: 'x', code: 'field_count', reason: 'Expected 2 fields' });
 * console.log(issue.path, issue.line, issue.code); // [ 1 ] 3 'field_count'
 * ```
 * @category Dead letters
 * @since 0.1.0
 */
export function deadLetterIssue(letter: DeadLetter): ValidationIssue {
  return {
    path: letter.field === undefined ? [letter.row] : [letter.row, letter.field],
    code: issueCodeOf(letter.code),
    message: letter.reason,
    line: letter.line,
    ...(letter.column !== undefined ? { column: letter.column } : {}),
    source: letter.source,
  };
}

/**
 * A rejected row: where it was, what it held and why it was rejected. Every row read is either a record or a
 * dead letter, never both and never neither.
 *
 * @example
 * ```ts
 * import type { DeadLetter } from '@cx/ingest';
 * const letter: DeadLetter = {
 *   source: 'orders.csv', line: 7, row: 5, column: 12, field: 'amount', sourceColumn: 'Total', raw: '1,234',
 *   code: 'ambiguous_number', reason: 'This number reads two ways (thousands or decimal separator)',
 * };
 * console.log(letter.code); // 'ambiguous_number'
 * ```
 * @category Dead letters
 * @since 0.1.0
 */
export interface DeadLetter {
  /** The input's name: its path, `text`, `bytes` or `stream`, or the reader's `name` option. */
  readonly source: string;
  /** 1-based physical line where the row starts (NDJSON: its line; Parquet: its row number + 1). */
  readonly line: number;
  /** 0-based index of the row among the data rows (header and blank lines not counted). */
  readonly row: number;
  /** 1-based character column of the offending cell on its line (CSV only). */
  readonly column?: number;
  /** The model field that could not be filled, when one cell is to blame. */
  readonly field?: string;
  /** The source column that field is read from. */
  readonly sourceColumn?: string;
  /** The offending cell's text, or the whole row's (at most 1,000 characters, `…` marks a cut). */
  readonly raw: string;
  /** Machine-readable reason ({@link DeadLetterCode}), e.g. `field_count`, `stray_quote`, `ambiguous_number`. */
  readonly code: DeadLetterCode;
  /** Readable reason: what was wrong and what was expected. */
  readonly reason: string;
}

/**
 * What a read did: rows in = records out + rows rejected + rows skipped by the mapping's `skip` rule, always.
 *
 * @example
 * ```ts
 * import { readRows } from '@cx/ingest';
 * const rows = readRows({ text: 'a,b\n1,2\n3\n' }, { format: 'csv' });
 * for await (const row of rows) console.log(row.line, row.values); // 2 { a: '1', b: '2' }
 * console.log(rows.summary.rowsIn, rows.summary.rowsOut, rows.summary.rejected); // 2 1 1
 * ```
 * @category Dead letters
 * @since 0.1.0
 */
export interface IngestSummary {
  /** The input's name. */
  readonly source: string;
  /** Data rows read (header and blank lines not counted). */
  readonly rowsIn: number;
  /** Rows that became records. */
  readonly rowsOut: number;
  /** Rows that became dead letters. */
  readonly rejected: number;
  /** Rows the mapping's `skip` rule set aside (rows in = out + rejected + skipped). */
  readonly skipped: number;
  /** Rejected rows per reason code. */
  readonly byCode: Readonly<Record<string, number>>;
  /** The first dead letters (up to `keepDeadLetters`, default 1,000); every one also goes to `onDeadLetter`. */
  readonly deadLetters: readonly DeadLetter[];
}

/** Cuts a raw value for a dead letter (internal). */
export function rawText(text: string): string {
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

/** Counts rows and keeps dead letters (internal). */
export class SummaryBuilder {
  rowsIn = 0;
  rowsOut = 0;
  rejected = 0;
  skipped = 0;
  readonly byCode: Record<string, number> = {};
  readonly deadLetters: DeadLetter[] = [];
  readonly #keep: number;
  readonly #onDeadLetter: ((letter: DeadLetter) => void) | undefined;
  source: string;

  constructor(source: string, keep: number, onDeadLetter: ((letter: DeadLetter) => void) | undefined) {
    this.source = source;
    this.#keep = keep;
    this.#onDeadLetter = onDeadLetter;
  }

  reject(partial: Omit<DeadLetter, 'row'>): void {
    const letter: DeadLetter = { ...partial, row: this.rowsIn - 1 };
    this.rejected++;
    this.byCode[letter.code] = (this.byCode[letter.code] ?? 0) + 1;
    if (this.deadLetters.length < this.#keep) this.deadLetters.push(letter);
    this.#onDeadLetter?.(letter);
  }

  snapshot(): IngestSummary {
    return {
      source: this.source,
      rowsIn: this.rowsIn,
      rowsOut: this.rowsOut,
      rejected: this.rejected,
      skipped: this.skipped,
      byCode: { ...this.byCode },
      deadLetters: [...this.deadLetters],
    };
  }
}
