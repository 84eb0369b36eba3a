import type { RowAccess } from './builder.js';

/** What a format reader hands rows to (internal). */
export interface RowVisitor {
  /** CSV header (or the columns a Parquet file has): returns the columns the visitor needs but the source lacks. */
  header(columns: readonly string[]): readonly string[];
  /** One well-formed row. */
  row(access: RowAccess, line: number): void;
}
