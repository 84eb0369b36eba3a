import type { Interaction, SurveyResponse } from '@cx/model';
import type { Engine } from '../engine/engine.js';
import type { TableName } from '../mapping/column.js';
import type { InteractionTable } from '../mapping/interactions.js';
import type { SurveyResponseTable } from '../mapping/survey-responses.js';
import { createTable, insertRows, type LoadColumn } from './table.js';

/** Columns of the interaction table the loading helpers write. */
const INTERACTION_COLUMNS: readonly LoadColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'customer_id', type: 'text' },
  { name: 'anonymous_id', type: 'text' },
  { name: 'ts', type: 'instant' },
  { name: 'name', type: 'text' },
  { name: 'channel', type: 'text' },
  { name: 'touchpoint_id', type: 'text' },
  { name: 'stage_id', type: 'text' },
  { name: 'session_id', type: 'text' },
  { name: 'seq', type: 'int' },
  { name: 'value', type: 'float' },
];

/**
 * The mapping of a table written by {@link loadInteractions}: ties ordered by `seq` (input order), numeric
 * property `value`.
 *
 * @param table - The table name.
 * @returns The mapping.
 * @example
 * ```ts
 * import { loadedInteractionTable } from '@cx/warehouse';
 * console.log(loadedInteractionTable('events').order); // 'seq'
 * ```
 * @category Loading
 * @since 0.1.0
 */
export function loadedInteractionTable(table: TableName): InteractionTable {
  return {
    table,
    timestamp: 'ts',
    fields: {
      id: 'id',
      customerId: 'customer_id',
      anonymousId: 'anonymous_id',
      name: 'name',
      channel: 'channel',
      touchpointId: 'touchpoint_id',
      stageId: 'stage_id',
      sessionId: 'session_id',
    },
    numeric: { value: 'value' },
    order: 'seq',
  };
}

/**
 * Writes interactions into a new table (replacing one of that name) in input order (`seq`), with the numeric
 * property `value`. For tests, examples and small data; see docs/warehouse.md for loading millions of rows.
 *
 * @param engine - The engine.
 * @param table - The table to create.
 * @param interactions - Interactions (parsed form), sync or async.
 * @returns The number of rows written.
 * @throws {@link @cx/model!CxValidationError} when a value does not fit its column.
 * @example
 * ```ts
 * import { duckdbEngine, loadInteractions, sql } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await loadInteractions(engine, 'events', [
 *   { id: 'e1', customerId: 'c1', timestamp: '2026-01-01T10:00:00Z', name: 'view', channel: 'web', properties: { value: 5 } },
 * ]);
 * console.log(await engine.query(sql`SELECT name, value FROM events`)); // [ { name: 'view', value: 5 } ]
 * await engine.close();
 * ```
 * @category Loading
 * @since 0.1.0
 */
export async function loadInteractions(
  engine: Engine,
  table: TableName,
  interactions: Iterable<Interaction> | AsyncIterable<Interaction>,
): Promise<number> {
  await createTable(engine, table, INTERACTION_COLUMNS);
  async function* rows() {
    let seq = 0;
    for await (const e of interactions) {
      const value = e.properties?.value;
      yield {
        id: e.id,
        customer_id: e.customerId,
        anonymous_id: e.anonymousId,
        ts: e.timestamp,
        name: e.name,
        channel: e.channel,
        touchpoint_id: e.touchpointId,
        stage_id: e.stageId,
        session_id: e.sessionId,
        seq: seq++,
        value: typeof value === 'number' ? value : undefined,
      };
    }
  }
  return insertRows(engine, table, INTERACTION_COLUMNS, rows());
}

const RESPONSE_COLUMNS: readonly LoadColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'customer_id', type: 'text' },
  { name: 'survey_id', type: 'text' },
  { name: 'question_id', type: 'text' },
  { name: 'metric', type: 'text' },
  { name: 'scale', type: 'text' },
  { name: 'score', type: 'float' },
  { name: 'weight', type: 'float' },
  { name: 'responded_at', type: 'instant' },
  { name: 'channel', type: 'text' },
  { name: 'stage_id', type: 'text' },
  { name: 'touchpoint_id', type: 'text' },
  { name: 'language', type: 'text' },
];

/**
 * The mapping of a table written by {@link loadSurveyResponses}; `scale` holds `min-max-direction` (e.g.
 * `1-5-lower-is-better`) so that one scale can be selected with `where`.
 *
 * @param table - The table name.
 * @param where - Row filter, e.g. `{ metric: 'nps' }`.
 * @returns The mapping.
 * @example
 * ```ts
 * import { loadedSurveyResponseTable } from '@cx/warehouse';
 * console.log(loadedSurveyResponseTable('responses', { metric: 'nps' }).where); // { metric: 'nps' }
 * ```
 * @category Loading
 * @since 0.1.0
 */
export function loadedSurveyResponseTable(
  table: TableName,
  where?: Readonly<Record<string, string | readonly string[]>>,
): SurveyResponseTable {
  return {
    table,
    score: 'score',
    weight: 'weight',
    respondedAt: 'responded_at',
    fields: {
      id: 'id',
      customerId: 'customer_id',
      surveyId: 'survey_id',
      questionId: 'question_id',
      metric: 'metric',
      channel: 'channel',
      stageId: 'stage_id',
      touchpointId: 'touchpoint_id',
      language: 'language',
    },
    segments: { scale: 'scale' },
    ...(where === undefined ? {} : { where }),
  };
}

/**
 * Writes survey responses into a new table (replacing one of that name).
 *
 * @param engine - The engine.
 * @param table - The table to create.
 * @param responses - Survey responses (parsed form), sync or async.
 * @returns The number of rows written.
 * @throws {@link @cx/model!CxValidationError} when a value does not fit its column.
 * @example
 * ```ts
 * import { duckdbEngine, loadSurveyResponses, sql } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * const scale = { min: 0, max: 10, direction: 'higher-is-better', integral: true } as const;
 * await loadSurveyResponses(engine, 'responses', [
 *   { id: 'r1', surveyId: 's', metric: 'nps', scale, score: 9, respondedAt: '2026-01-01T10:00:00Z', weight: 1, properties: {} },
 * ]);
 * console.log(await engine.query(sql`SELECT scale, score FROM responses`)); // [ { scale: '0-10-higher-is-better', score: 9 } ]
 * await engine.close();
 * ```
 * @category Loading
 * @since 0.1.0
 */
export async function loadSurveyResponses(
  engine: Engine,
  table: TableName,
  responses: Iterable<SurveyResponse> | AsyncIterable<SurveyResponse>,
): Promise<number> {
  await createTable(engine, table, RESPONSE_COLUMNS);
  async function* rows() {
    for await (const r of responses) {
      yield {
        id: r.id,
        customer_id: r.customerId,
        survey_id: r.surveyId,
        question_id: r.questionId,
        metric: r.metric,
        scale: `${r.scale.min}-${r.scale.max}-${r.scale.direction}`,
        score: r.score,
        weight: r.weight,
        responded_at: r.respondedAt,
        channel: r.channel,
        stage_id: r.stageId,
        touchpoint_id: r.touchpointId,
        language: r.language,
      };
    }
  }
  return insertRows(engine, table, RESPONSE_COLUMNS, rows());
}
