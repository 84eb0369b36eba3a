import { CxValidationError } from '@cx/model';
import { z } from 'zod';
import { optionsError, parseSettings } from '../engine/settings.js';
import type { Dialect } from '../sql/dialect.js';
import { ident, join, type SqlFragment, sql } from '../sql/fragment.js';
import {
  type FieldSource,
  fieldSourceSchema,
  type InstantSource,
  instantSourceSchema,
  type TableName,
  tableNameSchema,
} from './column.js';
import { epochMs, fieldNumber, fieldText, floatType, tableRef } from './expressions.js';

/**
 * The text fields of an interaction a table can map (the names of `Interaction` in `@cx/model`).
 *
 * @category Mapping
 * @since 0.1.0
 */
export type InteractionField =
  | 'id'
  | 'customerId'
  | 'anonymousId'
  | 'name'
  | 'channel'
  | 'touchpointId'
  | 'stageId'
  | 'sessionId';

/**
 * Interactions (events) in a table or view, declared once: the instant, the text fields, numeric and text
 * properties, and the column that orders events of one actor at the same instant.
 *
 * @category Mapping
 * @since 0.1.0
 */
export interface InteractionTable {
  /** The table or view. */
  readonly table: TableName;
  /** When the interaction happened. */
  readonly timestamp: InstantSource;
  /** Text fields by their `Interaction` name; `name`, `channel` and one of `customerId`/`anonymousId` are required. */
  readonly fields: Readonly<Partial<Record<InteractionField, FieldSource>>>;
  /** Numeric properties by name (e.g. `{ value: 'revenue' }`), as the `numeric` columns of the columnar store. */
  readonly numeric?: Readonly<Record<string, FieldSource>>;
  /** Text properties by name (for step predicates and breakdowns). */
  readonly text?: Readonly<Record<string, FieldSource>>;
  /**
   * A column giving the order of events of one actor at the same instant (an ingestion sequence); the in-process
   * functions keep input order there. Without it, ties are ordered by `id`.
   */
  readonly order?: string;
  /**
   * Drop events whose `id` was already seen, keeping the first by `order` (as `buildInteractionColumns` does by
   * default). Default: `true` when `id` is mapped.
   */
  readonly dedupe?: boolean;
}

const interactionTableSchema = z.strictObject({
  table: tableNameSchema,
  timestamp: instantSourceSchema,
  fields: z.strictObject({
    id: fieldSourceSchema.optional(),
    customerId: fieldSourceSchema.optional(),
    anonymousId: fieldSourceSchema.optional(),
    name: fieldSourceSchema,
    channel: fieldSourceSchema,
    touchpointId: fieldSourceSchema.optional(),
    stageId: fieldSourceSchema.optional(),
    sessionId: fieldSourceSchema.optional(),
  }),
  numeric: z.record(z.string().min(1), fieldSourceSchema).optional(),
  text: z.record(z.string().min(1), fieldSourceSchema).optional(),
  order: z.string().min(1).optional(),
  dedupe: z.boolean().optional(),
});

/**
 * Declares an interaction table: checks the mapping once (strictly) so every journey metric can use it.
 *
 * @param mapping - Table, instant, fields, properties, tie order and deduplication.
 * @returns The checked mapping.
 * @throws {@link @cx/model!CxOptionsError} for unknown keys, missing required fields, or `dedupe` without `id`.
 * @example
 * ```ts
 * import { interactionTable } from '@cx/warehouse';
 * const events = interactionTable({
 *   table: 'events', timestamp: 'ts',
 *   fields: { id: 'event_id', customerId: 'user_id', name: 'event_name', channel: { constant: 'web' } },
 *   numeric: { value: 'revenue' },
 * });
 * console.log(events.fields.name); // 'event_name'
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export function interactionTable(mapping: InteractionTable): InteractionTable {
  const m = parseSettings(interactionTableSchema, mapping, 'interactionTable') as InteractionTable;
  if (m.fields.customerId === undefined && m.fields.anonymousId === undefined) {
    throw optionsError(
      'interactionTable',
      ['fields', 'customerId'],
      'Expected customerId or anonymousId mapped: an interaction belongs to someone',
      'missing_option',
    );
  }
  if (m.dedupe === true && m.fields.id === undefined) {
    throw new CxValidationError([
      { path: ['dedupe'], message: 'Expected fields.id mapped to drop duplicate ids', code: 'missing_field' },
    ]);
  }
  return m;
}

/** What a metric needs from the interactions (internal). */
export interface InteractionColumnsWanted {
  readonly numeric?: readonly string[];
  readonly text?: readonly string[];
}

/**
 * The normalised rows of an interaction table (internal): `actor`, `t` (epoch ms), `id`, `ord` (tie order),
 * `name`, `channel`, `touchpoint`, `stage`, then `n_<i>` per wanted numeric property and `s_<i>` per text one.
 * Rows without an actor or instant are kept (and rejected by `scanInteractions`).
 */
export function interactionRows(
  table: InteractionTable,
  wanted: InteractionColumnsWanted,
  dialect: Dialect,
): SqlFragment {
  const f = table.fields;
  const actor =
    f.customerId !== undefined && f.anonymousId !== undefined
      ? sql`coalesce(${fieldText(f.customerId, dialect)}, ${fieldText(f.anonymousId, dialect)})`
      : fieldText(f.customerId ?? f.anonymousId, dialect);
  const id = fieldText(f.id, dialect);
  const ord =
    table.order !== undefined
      ? sql`CAST(${ident(table.order)} AS ${floatType(dialect)})`
      : sql`CAST(NULL AS ${floatType(dialect)})`;
  const extra = [
    ...(wanted.numeric ?? []).map(
      (name, i) => sql`${fieldNumber(numericSource(table, name), dialect)} AS ${ident(`n_${i}`)}`,
    ),
    ...(wanted.text ?? []).map(
      (name, i) => sql`${fieldText(textSource(table, name), dialect)} AS ${ident(`s_${i}`)}`,
    ),
  ];
  const select = sql`SELECT ${actor} AS actor, ${epochMs(table.timestamp, dialect)} AS t, ${id} AS id, ${ord} AS ord, ${fieldText(f.name, dialect)} AS name, ${fieldText(f.channel, dialect)} AS channel, ${fieldText(f.touchpointId, dialect)} AS touchpoint, ${fieldText(f.stageId, dialect)} AS stage${extra.length === 0 ? sql`` : sql`, ${join(extra)}`} FROM ${tableRef(table.table)}`;
  const dedupe = table.dedupe ?? f.id !== undefined;
  if (!dedupe) return select;
  // Keep the first row of each id by tie order (then instant), as the in-process builder keeps the first seen.
  return sql`SELECT * FROM (SELECT r.*, row_number() OVER (PARTITION BY id ORDER BY ord, t) AS dup FROM (${select}) r) d WHERE dup = 1 OR id IS NULL`;
}

function numericSource(table: InteractionTable, name: string): FieldSource {
  const source = Object.hasOwn(table.numeric ?? {}, name) ? table.numeric?.[name] : undefined;
  if (source === undefined) {
    throw optionsError(
      'interactionTable',
      ['numeric', name],
      `Expected the numeric property ${JSON.stringify(name)} mapped`,
      'missing_option',
    );
  }
  return source;
}

function textSource(table: InteractionTable, name: string): FieldSource {
  const fields = table.fields as Readonly<Record<string, FieldSource | undefined>>;
  const source = Object.hasOwn(table.text ?? {}, name)
    ? table.text?.[name]
    : Object.hasOwn(fields, name)
      ? fields[name]
      : undefined;
  if (source === undefined) {
    throw optionsError(
      'interactionTable',
      ['text', name],
      `Expected the property or field ${JSON.stringify(name)} mapped`,
      'missing_option',
    );
  }
  return source;
}
