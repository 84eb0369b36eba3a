import type { Feedback } from '@cx/model';
import type { Engine } from '../engine/engine.js';
import type { TableName } from '../mapping/column.js';
import type { FeedbackTable } from '../mapping/feedback.js';
import { createTable, insertRows, type LoadColumn } from './table.js';

/** Columns of the feedback table the loading helpers write. */
const FEEDBACK_COLUMNS: readonly LoadColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'customer_id', type: 'text' },
  { name: 'body', type: 'text' },
  { name: 'language', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'created_at', type: 'instant' },
  { name: 'channel', type: 'text' },
  { name: 'stage_id', type: 'text' },
  { name: 'touchpoint_id', type: 'text' },
];

/**
 * The mapping of a table written by {@link loadFeedback}.
 *
 * @param table - The table name.
 * @returns The mapping.
 * @example
 * ```ts
 * import { loadedFeedbackTable } from '@cx/warehouse';
 * console.log(loadedFeedbackTable('feedback').text); // 'body'
 * ```
 * @category Loading
 * @since 0.2.0
 */
export function loadedFeedbackTable(table: TableName): FeedbackTable {
  return {
    table,
    text: 'body',
    createdAt: 'created_at',
    fields: {
      id: 'id',
      customerId: 'customer_id',
      language: 'language',
      source: 'source',
      channel: 'channel',
      stageId: 'stage_id',
      touchpointId: 'touchpoint_id',
    },
  };
}

/**
 * Writes feedback into a new table (replacing one of that name): id, customer, text (`body`), language, source,
 * instant, channel, stage and touchpoint. For tests, examples and small data.
 *
 * @param engine - The engine.
 * @param table - The table to create.
 * @param feedback - Feedback (parsed form), sync or async.
 * @returns The number of rows written.
 * @throws {@link @cx/model!CxValidationError} when a value does not fit its column.
 * @example
 * ```ts
 * import { duckdbEngine, loadFeedback, sql } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await loadFeedback(engine, 'feedback', [
 *   { id: 'f1', text: 'Fast delivery', source: 'review', createdAt: '2026-03-01T08:00:00Z', stageId: 'use', properties: {} },
 * ]);
 * console.log(await engine.query(sql`SELECT body, stage_id FROM feedback`)); // [ { body: 'Fast delivery', stage_id: 'use' } ]
 * await engine.close();
 * ```
 * @category Loading
 * @since 0.2.0
 */
export async function loadFeedback(
  engine: Engine,
  table: TableName,
  feedback: Iterable<Feedback> | AsyncIterable<Feedback>,
): Promise<number> {
  await createTable(engine, table, FEEDBACK_COLUMNS);
  async function* rows() {
    for await (const f of feedback) {
      yield {
        id: f.id,
        customer_id: f.customerId,
        body: f.text,
        language: f.language,
        source: f.source,
        created_at: f.createdAt,
        channel: f.channel,
        stage_id: f.stageId,
        touchpoint_id: f.touchpointId,
      };
    }
  }
  return insertRows(engine, table, FEEDBACK_COLUMNS, rows());
}
