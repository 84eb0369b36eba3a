import { z } from 'zod';

/**
 * Where one field of a record comes from in a table: a column name, a column with a value map (`completed` →
 * `paid`) and a default for unmapped values, or a constant for every row. The same idea, and the same names, as
 * the ingestion layer's mapping declared once per source.
 *
 * @category Mapping
 * @since 0.1.0
 */
export type FieldSource =
  | string
  | {
      /** The column. */
      readonly column: string;
      /** Value map applied to the column's text; values not in the map are kept unless `default` is given. */
      readonly values?: Readonly<Record<string, string>>;
      /** Value for rows whose column is NULL (or not in `values`, when `values` is given). */
      readonly default?: string;
    }
  | {
      /** The same value for every row. */
      readonly constant: string | number;
    };

/** Schema of a {@link FieldSource} (internal). */
export const fieldSourceSchema = z.union([
  z.string().min(1),
  z.strictObject({
    column: z.string().min(1),
    values: z.record(z.string(), z.string()).optional(),
    default: z.string().optional(),
  }),
  z.strictObject({ constant: z.union([z.string(), z.number()]) }),
]);

/**
 * How an instant column is stored: a timestamp with time zone (`TIMESTAMPTZ`, `DateTime64(…, 'UTC')`;
 * default), or epoch seconds or milliseconds in a numeric column.
 *
 * @category Mapping
 * @since 0.1.0
 */
export type InstantSource =
  | string
  | {
      /** The column. */
      readonly column: string;
      /** `'timestamp'` (default): a timestamp type; `'epoch-ms'` or `'epoch-s'`: numbers. */
      readonly type?: 'timestamp' | 'epoch-ms' | 'epoch-s';
    };

/** Schema of an {@link InstantSource} (internal). */
export const instantSourceSchema = z.union([
  z.string().min(1),
  z.strictObject({
    column: z.string().min(1),
    type: z.enum(['timestamp', 'epoch-ms', 'epoch-s']).optional(),
  }),
]);

/** Table name: one identifier (never split at dots) or the parts of a qualified name (internal). */
export const tableNameSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(3)]);

/**
 * A table or view: one name (never split at dots), or the parts of a qualified name such as
 * `['analytics', 'events']`.
 *
 * @category Mapping
 * @since 0.1.0
 */
export type TableName = string | readonly string[];
