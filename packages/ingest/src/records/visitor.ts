import type { RowAccess } from './builder.js';

/** What a format reader hands rows to (internal). */
export interface RowVisitor {
  /** CSV header (or the columns a Parquet file has): returns the columns the visitor needs but the source lacks. */
  header(columns: readonly string[]): readonly string[];
  /** One well-formed row. */
  row(access: RowAccess, line: number): void;
  /** CSV: after each chunk, the bytes held back for the next one (a record cut by the chunk's end, else 0). */
  chunkEnd?(carried: number): void;
}
