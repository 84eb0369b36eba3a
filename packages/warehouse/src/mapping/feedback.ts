import { z } from 'zod';
import { parseSettings } from '../engine/settings.js';
import type { Dialect } from '../sql/dialect.js';
import { type SqlFragment, sql } from '../sql/fragment.js';
import {
  type FieldSource,
  fieldSourceSchema,
  type InstantSource,
  instantSourceSchema,
  type TableName,
  tableNameSchema,
} from './column.js';
import { epochMs, fieldText, tableRef } from './expressions.js';

/**
 * The text fields of a piece of feedback a table can map (the names of `Feedback` in `@cx/model`).
 *
 * @category Mapping
 * @since 0.2.0
 */
export type FeedbackField =
  | 'id'
  | 'customerId'
  | 'language'
  | 'source'
  | 'channel'
  | 'stageId'
  | 'touchpointId';

/**
 * Free-text feedback (reviews, tickets, open survey answers) in a table or view, declared once: the text column,
 * the instant it was written and its text fields.
 *
 * @category Mapping
 * @since 0.2.0
 */
export interface FeedbackTable {
  /** The table or view. */
  readonly table: TableName;
  /** The column holding the text. */
  readonly text: string;
  /** When the feedback was written. */
  readonly createdAt: InstantSource;
  /** Text fields by their `Feedback` name. */
  readonly fields?: Readonly<Partial<Record<FeedbackField, FieldSource>>>;
}

const feedbackTableSchema = z.strictObject({
  table: tableNameSchema,
  text: z.string().min(1),
  createdAt: instantSourceSchema,
  fields: z
    .strictObject({
      id: fieldSourceSchema.optional(),
      customerId: fieldSourceSchema.optional(),
      language: fieldSourceSchema.optional(),
      source: fieldSourceSchema.optional(),
      channel: fieldSourceSchema.optional(),
      stageId: fieldSourceSchema.optional(),
      touchpointId: fieldSourceSchema.optional(),
    })
    .optional(),
});

/**
 * Declares a feedback table: checks the mapping once (strictly: unknown keys are errors).
 *
 * @param mapping - Table, text column, instant and fields.
 * @returns The checked mapping.
 * @throws {@link @cx/model!CxOptionsError} for unknown keys or invalid entries, with their paths.
 * @example
 * ```ts
 * import { feedbackTable } from '@cx/warehouse';
 * const reviews = feedbackTable({
 *   table: 'reviews', text: 'body', createdAt: 'written_at', fields: { stageId: 'stage', language: { constant: 'en' } },
 * });
 * console.log(reviews.text); // 'body'
 * ```
 * @category Mapping
 * @since 0.2.0
 */
export function feedbackTable(mapping: FeedbackTable): FeedbackTable {
  return parseSettings(feedbackTableSchema, mapping, 'feedbackTable') as FeedbackTable;
}

/**
 * The normalised rows of a feedback table (internal): `t` (epoch ms), `body` (the text), `language`, `stage`,
 * `touchpoint`, `id`.
 */
export function feedbackRows(table: FeedbackTable, dialect: Dialect): SqlFragment {
  const f = table.fields ?? {};
  return sql`SELECT ${epochMs(table.createdAt, dialect)} AS t, ${fieldText(table.text, dialect)} AS body, ${fieldText(f.language, dialect)} AS language, ${fieldText(f.stageId, dialect)} AS stage, ${fieldText(f.touchpointId, dialect)} AS touchpoint, ${fieldText(f.id, dialect)} AS id FROM ${tableRef(table.table)}`;
}
