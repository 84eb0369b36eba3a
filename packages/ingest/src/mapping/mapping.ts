import {
  CxOptionsError,
  type Disambiguation,
  isTimeZone,
  type JsonValue,
  jsonValueSchema,
  type OptionIssue,
  parseOptions,
} from '@cx/model';
import { z } from 'zod';
import type { DecimalSeparator } from '../cells/number.js';
import { epochUnitOption } from '../records/option-schemas.js';
import { type CellType, cellType, kindFields, type RecordKind, requiredFields } from './kinds.js';

/**
 * Unit of an epoch column: seconds (a fraction allowed), milliseconds or microseconds (GA4's `event_timestamp`;
 * truncated to milliseconds).
 *
 * @category Mapping
 * @since 0.1.0
 */
export type EpochUnit = 's' | 'ms' | 'us';

/**
 * A field read from one column, with the ways the column's cells are read.
 *
 * @category Mapping
 * @since 0.1.0
 */
export interface ColumnField {
  /** Header name of the column (CSV), key or dotted path (NDJSON), column name (Parquet). */
  readonly column: string;
  /** Value map: every non-empty cell must be one of its keys and becomes the key's value (`{ completed: 'paid' }`). */
  readonly values?: Readonly<Record<string, JsonValue>>;
  /** Value used when the cell is empty. */
  readonly default?: JsonValue;
  /** Instant fields: the column holds integer epoch seconds, milliseconds or microseconds. */
  readonly epoch?: EpochUnit;
  /** Instant fields: time zone of zone-less local times in this column (else the mapping's). */
  readonly timeZone?: string;
  /** Number and money fields: decimal separator of this column (else the mapping's). */
  readonly decimal?: DecimalSeparator;
}

/**
 * A generated id: `{ generate: ['Email', 'Created at'] }` hashes the raw text of those columns (64-bit FNV-1a, written
 * as `h` and 16 hex digits, the same for the same cells in any file and order); `{ generate: 'line' }` is `line-`
 * and the record's 1-based line (stable only for the same file).
 *
 * @category Mapping
 * @since 0.1.0
 */
export interface GeneratedId {
  /** Columns whose raw text is hashed, or `'line'`. */
  readonly generate: 'line' | readonly string[];
}

/**
 * How one model field is filled: a column name, a {@link ColumnField}, a constant (`{ value }`), a
 * {@link GeneratedId}, or a function of the row's cells (records path only; its result is validated, not parsed).
 *
 * @category Mapping
 * @since 0.1.0
 */
export type FieldSource =
  | string
  | ColumnField
  | { readonly value: JsonValue }
  | GeneratedId
  | ((row: Readonly<Record<string, JsonValue>>) => unknown);

/**
 * A mapping declared once per source: which model kind its rows become, how each field is filled, and how the
 * source writes instants and numbers.
 *
 * @typeParam K - The model kind of its rows.
 * @category Mapping
 * @since 0.1.0
 */
export interface MappingSpec<K extends RecordKind = RecordKind> {
  /** The model kind of each row. */
  readonly kind: K;
  /** Model field → source. Fields the kind requires must be mapped (or have a model default). */
  readonly fields: Readonly<Record<string, FieldSource>>;
  /** Unmapped columns to keep in `properties` (`attributes` for customers): their names, or `'rest'` for all. */
  readonly properties?: 'rest' | readonly string[];
  /** IANA zone of zone-less local date-times in the source; without it they are rejected. */
  readonly timeZone?: string;
  /**
   * Local times that occur twice (DST overlap) or never (DST gap): `'reject'` (default: a dead letter),
   * `'earlier'`, `'later'`, or `'compatible'` (as Temporal: overlap → earlier, gap → moved forward by the gap).
   */
  readonly disambiguation?: Disambiguation;
  /** Decimal separator of number and money cells. Default `'auto'` (unambiguous forms only). */
  readonly decimal?: DecimalSeparator;
  /**
   * Rows that are not records of this kind, skipped and counted as `skipped` (e.g. the extra line-item rows of a
   * Shopify order: `(row) => row.Total === ''`). Records path only.
   */
  readonly skip?: (row: Readonly<Record<string, JsonValue>>) => boolean;
  /**
   * Numeric properties read with the numbers grammar: name → column. They land in `properties` (`attributes` for
   * customers) as numbers, and in column batches as `properties.<name>` (`NaN` for an empty cell).
   */
  readonly numbers?: Readonly<Record<string, string | ColumnField>>;
}

/** A compiled field of a {@link Mapping} (internal shape, exposed read-only). */
export interface MappedField {
  readonly field: string;
  readonly type: CellType;
  readonly source: 'column' | 'value' | 'generate' | 'function';
  readonly column?: string;
  readonly values?: ReadonlyMap<string, JsonValue>;
  readonly default?: JsonValue;
  readonly epoch?: EpochUnit;
  readonly timeZone?: string;
  readonly decimal: DecimalSeparator;
  readonly value?: JsonValue;
  readonly generate?: 'line' | readonly string[];
  readonly fn?: (row: Readonly<Record<string, JsonValue>>) => unknown;
}

/**
 * A checked mapping, made by {@link defineMapping}. Its kind is part of its type, so the records read through it
 * are typed (`readRecords(…, { mapping })` of a `Mapping<'order'>` yields `Order`s).
 *
 * @typeParam K - The model kind of its rows.
 * @category Mapping
 * @since 0.1.0
 */
export interface Mapping<K extends RecordKind = RecordKind> {
  /** The model kind of each row. */
  readonly kind: K;
  readonly fields: readonly MappedField[];
  /** Every column the mapping reads (fields, generated ids, listed properties). */
  readonly columns: readonly string[];
  readonly properties: 'rest' | readonly string[];
  readonly disambiguation: Disambiguation;
  /** The skip rule, if any. */
  readonly skip?: (row: Readonly<Record<string, JsonValue>>) => boolean;
  /** The spec the mapping was made from (what worker threads rebuild it from). */
  readonly spec: MappingSpec<K>;
}

const columnFieldSchema = z.strictObject({
  column: z.string().min(1),
  values: z.record(z.string(), jsonValueSchema).optional(),
  default: jsonValueSchema.optional(),
  epoch: epochUnitOption,
  timeZone: z.string().min(1).optional(),
  decimal: z.enum(['.', ',', 'auto']).optional(),
});
const fieldSourceSchema = z.union([
  z.string().min(1),
  columnFieldSchema,
  z.strictObject({ value: jsonValueSchema }),
  z.strictObject({ generate: z.union([z.literal('line'), z.array(z.string().min(1)).min(1)]) }),
  z.custom<(row: Readonly<Record<string, JsonValue>>) => unknown>((v) => typeof v === 'function', {
    message: 'Expected a function',
  }),
]);
const specSchema = z.strictObject({
  kind: z.enum(['order', 'surveyResponse', 'interaction', 'subscription', 'customer', 'feedback']),
  fields: z.record(z.string(), fieldSourceSchema),
  properties: z.union([z.literal('rest'), z.array(z.string().min(1))]).optional(),
  timeZone: z.string().min(1).optional(),
  disambiguation: z.enum(['reject', 'earlier', 'later', 'compatible']).optional(),
  decimal: z.enum(['.', ',', 'auto']).optional(),
  numbers: z.record(z.string().min(1), z.union([z.string().min(1), columnFieldSchema])).optional(),
  skip: z
    .custom<(row: Readonly<Record<string, JsonValue>>) => boolean>((v) => typeof v === 'function', {
      message: 'Expected a function',
    })
    .optional(),
});
const KINDS = specSchema.shape.kind.options;
const kindSchemas = new Map<RecordKind, z.ZodType>();

/** The spec schema of one kind: its `fields` a strict object of the kind's field names (internal). */
function kindSpecSchema(kind: RecordKind): z.ZodType {
  let schema = kindSchemas.get(kind);
  if (schema === undefined) {
    const shape = Object.fromEntries([...kindFields(kind)].map((f) => [f, fieldSourceSchema.optional()]));
    schema = specSchema.extend({ fields: z.strictObject(shape) });
    kindSchemas.set(kind, schema);
  }
  return schema;
}

/**
 * Checks a {@link MappingSpec} once and compiles it for the readers.
 *
 * @typeParam K - The model kind of the rows, taken from `spec.kind`.
 * @param spec - The mapping: kind, fields, properties, time zone, DST rule, decimal separator.
 * @returns The checked mapping.
 * @throws {@link CxOptionsError} for an unknown kind or field (naming the closest known field), a required field
 *   left unmapped, a value map on a non-column source, an epoch unit on a non-instant field, or an unknown zone.
 * @example
 * ```ts
 * import { defineMapping } from '@cx/ingest';
 * const shopify = defineMapping({
 *   kind: 'order',
 *   fields: {
 *     id: 'Name',
 *     customerId: 'Email',
 *     orderedAt: 'Created at',
 *     amount: 'Total',
 *     currency: 'Currency',
 *     status: { column: 'Financial Status', values: { paid: 'paid', refunded: 'refunded', pending: 'placed' } },
 *   },
 * });
 * console.log(shopify.columns); // [ 'Name', 'Email', 'Created at', 'Total', 'Currency', 'Financial Status' ]
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export function defineMapping<K extends RecordKind>(spec: MappingSpec<K>): Mapping<K> {
  // One strict check with the model's option rules: unknown keys (also unknown fields of the kind) name the closest
  // known one; the fields' shape depends on the kind, so a valid kind selects the schema with its field names.
  const kindOf = (spec as { kind?: unknown } | null)?.kind;
  parseOptions(
    typeof kindOf === 'string' && (KINDS as readonly string[]).includes(kindOf)
      ? kindSpecSchema(kindOf as RecordKind)
      : specSchema,
    spec,
    'defineMapping',
  );
  const issues: OptionIssue[] = [];
  const kind = spec.kind;
  const decimal = spec.decimal ?? 'auto';
  const columns: string[] = [];
  const use = (column: string): void => {
    if (!columns.includes(column)) columns.push(column);
  };
  const tz = (zone: string | undefined, path: Array<string | number>): void => {
    if (zone === undefined) return;
    if (!isTimeZone(zone)) {
      issues.push({
        path,
        code: 'invalid_value',
        message: `Expected an IANA time zone such as Europe/Warsaw, got ${JSON.stringify(zone)}`,
      });
    }
  };
  tz(spec.timeZone, ['timeZone']);
  const fields: MappedField[] = [];
  for (const [field, source] of Object.entries(spec.fields)) {
    const type = cellType(kind, field);
    if (typeof source === 'string') {
      use(source);
      fields.push({
        field,
        type,
        source: 'column',
        column: source,
        decimal,
        ...(spec.timeZone ? { timeZone: spec.timeZone } : {}),
      });
    } else if (typeof source === 'function') {
      fields.push({ field, type, source: 'function', fn: source, decimal });
    } else if ('column' in source) {
      use(source.column);
      if (source.epoch !== undefined && type !== 'instant') {
        issues.push({
          path: ['fields', field, 'epoch'],
          code: 'invalid_value',
          message: `Only instant fields can be read as epoch ${source.epoch}; ${field} is a ${type} field`,
        });
      }
      if (source.decimal !== undefined && type !== 'number' && type !== 'money') {
        issues.push({
          path: ['fields', field, 'decimal'],
          code: 'invalid_value',
          message: `Only number and money fields have a decimal separator; ${field} is a ${type} field`,
        });
      }
      tz(source.timeZone, ['fields', field, 'timeZone']);
      const timeZone = source.timeZone ?? spec.timeZone;
      fields.push({
        field,
        type,
        source: 'column',
        column: source.column,
        decimal: source.decimal ?? decimal,
        ...(source.values ? { values: new Map(Object.entries(source.values)) } : {}),
        ...(source.default !== undefined ? { default: source.default } : {}),
        ...(source.epoch ? { epoch: source.epoch } : {}),
        ...(timeZone ? { timeZone } : {}),
      });
    } else if ('value' in source) {
      fields.push({ field, type, source: 'value', value: source.value, decimal });
    } else {
      if (source.generate !== 'line') for (const c of source.generate) use(c);
      fields.push({ field, type, source: 'generate', generate: source.generate, decimal });
    }
  }
  const moneyFromColumn = fields.some((f) => f.type === 'money' && f.source === 'column');
  for (const field of requiredFields(kind)) {
    // The currency may come from the money cells (`1 234,50 zł`); a row without either is rejected.
    if (field === 'currency' && moneyFromColumn) continue;
    if (!(field in spec.fields)) {
      issues.push({
        path: ['fields', field],
        code: 'missing_option',
        message: `${article(kind)} needs ${JSON.stringify(field)}: map it to a column, a value, a function${field === 'id' ? ', or { generate: [columns] } when the export has no id column' : ''}`,
      });
    }
  }
  const extra = kind === 'customer' ? 'attributes' : 'properties';
  for (const [name, source] of Object.entries(spec.numbers ?? {})) {
    const column = typeof source === 'string' ? { column: source } : source;
    if (column.epoch !== undefined) {
      issues.push({
        path: ['numbers', name, 'epoch'],
        code: 'invalid_value',
        message: 'A numeric property cannot be read as an epoch',
      });
    }
    use(column.column);
    fields.push({
      field: `${extra}.${name}`,
      type: 'number',
      source: 'column',
      column: column.column,
      decimal: column.decimal ?? decimal,
      ...(column.values ? { values: new Map(Object.entries(column.values)) } : {}),
      ...(column.default !== undefined ? { default: column.default } : {}),
    });
  }
  const properties = spec.properties ?? [];
  if (properties !== 'rest') for (const c of properties) use(c);
  if (issues.length > 0) throw new CxOptionsError('defineMapping', issues);
  return Object.freeze({
    kind,
    fields,
    columns,
    properties,
    disambiguation: spec.disambiguation ?? 'reject',
    ...(spec.skip ? { skip: spec.skip } : {}),
    spec,
  }) as Mapping<K>;
}

/** `An order`, `A customer` (internal). */
function article(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'An' : 'A'} ${kind}`;
}
