/**
 * One row read from a file, before mapping: the parsed row (or the raw text when it could not be parsed), its
 * 1-based first line, the exact text it came from (for the resume fingerprint) and, when unreadable, why.
 *
 * This is the seam between reading a format and turning rows into sync messages: the CSV and NDJSON readers
 * produce it, {@link rowSource} consumes it.
 *
 * @internal
 */
export interface RowItem {
  /** The parsed row, or the raw text of an unreadable one. */
  readonly row: unknown;
  /** 1-based line where the row starts. */
  readonly line: number;
  /** The row's text as read. */
  readonly text: string;
  /** Why the row could not be read (it becomes a dead letter). */
  readonly error?: string;
}
