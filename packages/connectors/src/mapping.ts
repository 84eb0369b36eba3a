import { type EpochUnit, parseNumber } from '@cx/ingest';
import {
  CxOptionsError,
  CxValidationError,
  createInstantReader,
  epochMsToInstant,
  type InstantReader,
  type JsonValue,
  parseOptions,
} from '@cx/model';
import { z } from 'zod';
import { epochFieldsOption, epochOption, fieldRuleOption } from './options.js';
import { own, setOwn } from './own.js';
import type { ModelKind } from './sync/source.js';

/**
 * How to fill one model field: a source field path (`"a.b"` for nested), or a function of the raw row.
 *
 * @category Mapping
 * @since 0.1.0
 */
export type FieldRule = string | ((row: Readonly<Record<string, unknown>>) => unknown);

/**
 * Model field name → rule. Unmapped source fields are kept in `properties` (`attributes` for customers).
 *
 * @category Mapping
 * @since 0.1.0
 */
export type FieldMapping = Readonly<Record<string, FieldRule>>;

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Vendor timestamps without a zone are UTC (Amplitude, BigQuery exports): the reader states it explicitly. */
const UTC_READER = createInstantReader({ timeZone: 'UTC' });
/** Unix time in the unit a mapping declares, by the instant grammar of @cx/model (the units of @cx/ingest). */
const EPOCH_READERS: Readonly<Record<EpochUnit, InstantReader>> = {
  s: createInstantReader({ form: 'epoch-seconds' }),
  ms: createInstantReader({ form: 'epoch-milliseconds' }),
  us: createInstantReader({ form: 'epoch-microseconds' }),
};
/** What looks like Unix time: a number, or digits (a fraction allowed) in text. */
const EPOCH_TEXT = /^-?\d+(\.\d+)?$/;
const ASCII = /^[\x20-\x7e]*$/;
const UNIT_NAMES: Readonly<Record<EpochUnit, string>> = {
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
};

/** The instant of epoch milliseconds from a reader (`NaN` = not one), by {@link epochMsToInstant}. */
function instantOf(ms: number): string | null {
  if (Number.isNaN(ms)) return null;
  try {
    return epochMsToInstant(ms);
  } catch (error) {
    if (error instanceof CxValidationError) return null;
    throw error;
  }
}

/** Reads ASCII text with a reader of the grammar (`NaN` for anything else: the grammar is ASCII). */
function readText(reader: InstantReader, text: string): number {
  return ASCII.test(text) ? reader.parseBytes(Buffer.from(text, 'latin1'), 0, text.length) : Number.NaN;
}

/**
 * Options of {@link parseTimestamp}.
 *
 * @category Mapping
 * @since 0.2.0
 */
export interface ParseTimestampOptions {
  /**
   * The value is Unix time in this unit: `'s'` (seconds, a fraction allowed), `'ms'` or `'us'` (microseconds, e.g.
   * GA4's `event_timestamp`), as a number or as digits in text — the units of `@cx/ingest`'s `epoch`. Without it
   * only text by the instant grammar (and `Date` objects) are timestamps: a number's unit is never guessed.
   */
  readonly epoch?: EpochUnit;
}

const parseTimestampSchema = z.strictObject({ epoch: epochOption.optional() });
const checkedTimestampOptions = new WeakSet<ParseTimestampOptions>();

const TIME_FIELDS = new Set(['timestamp', 'firstSeenAt', 'respondedAt', 'orderedAt', 'createdAt']);
const NUMBER_FIELDS = new Set(['score', 'amount', 'rating', 'weight']);
const EXTRA_FIELD: Record<ModelKind, string> = {
  customer: 'attributes',
  interaction: 'properties',
  surveyResponse: 'properties',
  order: 'properties',
  feedback: 'properties',
};

/**
 * Reads a dotted path (`"context.page.url"`) from a value; a key containing dots is tried whole first.
 *
 * @param value - Any value.
 * @param path - Dotted path.
 * @returns The value at the path, or `undefined`.
 * @example
 * ```ts
 * import { getPath } from '@cx/connectors';
 * console.log(getPath({ context: { page: { url: 'https://x' } } }, 'context.page.url')); // 'https://x'
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export function getPath(value: unknown, path: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (Object.hasOwn(record, path)) return record[path];
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  return getPath(record[path.slice(0, dot)], path.slice(dot + 1));
}

/**
 * Parses the timestamp encodings vendors send into a UTC instant: ISO 8601 with `Z` or an offset (also
 * Salesforce's `+0000`) and zone-less `YYYY-MM-DD HH:mm:ss[.ffffff]` read as UTC (Amplitude), by the instant grammar
 * of `@cx/model`; or, only when `options.epoch` declares the unit, Unix time in seconds, milliseconds or microseconds
 * as a number or digit string (GA4's `event_timestamp` is `'us'`). A number's unit is never guessed from its size.
 *
 * @param value - The raw timestamp.
 * @param options - `epoch`: the unit of Unix time the value is in.
 * @returns A UTC instant (`YYYY-MM-DDTHH:mm:ss.sssZ`, years 0000–9999), or `null` when the value is not a timestamp
 *   in the declared form (a number without `epoch` is not one). Surrounding white space is not part of the grammar:
 *   `' 2024-06-01T10:00:00Z'` gives `null`, as it is rejected by every file reader of `@cx/ingest`.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option key or an unknown unit.
 * @example
 * ```ts
 * import { parseTimestamp } from '@cx/connectors';
 * console.log(parseTimestamp('2024-06-01T09:58:11.000+0000')); // '2024-06-01T09:58:11.000Z'
 * console.log(parseTimestamp('1717236000123456', { epoch: 'us' })); // '2024-06-01T10:00:00.123Z'
 * console.log(parseTimestamp(1717236000, { epoch: 's' })); // '2024-06-01T10:00:00.000Z'
 * console.log(parseTimestamp(1717236000)); // null: the unit of a number is declared, not guessed
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export function parseTimestamp(value: unknown, options?: ParseTimestampOptions): string | null {
  if (options !== undefined && !checkedTimestampOptions.has(options)) {
    parseOptions(parseTimestampSchema, options, 'parseTimestamp');
    checkedTimestampOptions.add(options);
  }
  const epoch = options?.epoch;
  if (epoch !== undefined) {
    // A number goes through the same grammar as its text (a safe integer written out in full).
    const text =
      typeof value === 'number'
        ? Number.isSafeInteger(value)
          ? value.toFixed(0)
          : String(value)
        : typeof value === 'bigint'
          ? value.toString()
          : typeof value === 'string'
            ? value
            : undefined;
    return text === undefined ? null : instantOf(readText(EPOCH_READERS[epoch], text));
  }
  if (typeof value === 'string') {
    if (value.length === 24 && value.charCodeAt(23) === 90 && CANONICAL.test(value))
      return Number.isFinite(UTC_READER.parseBytes(Buffer.from(value, 'latin1'), 0, 24)) ? value : null;
    // the one instant grammar of @cx/model (calendar-checked: no 30 February); zone-less vendor times are UTC.
    // Not trimmed: ' 2024-06-01T10:00:00Z' is not an instant in the grammar, here as in every file reader.
    return instantOf(readText(UTC_READER, value));
  }
  if (value instanceof Date) return instantOf(value.getTime());
  return null;
}

/**
 * Converts a number or numeric string to a number (`"1200.50"` → 1200.5) by the numbers grammar of `@cx/ingest`
 * (`parseNumber`, decimal point `.`: the form vendor APIs write numbers in as text); other values give `undefined`.
 *
 * @param value - Raw value.
 * @returns The number, or `undefined`.
 * @example
 * ```ts
 * import { toNumber } from '@cx/connectors';
 * console.log(toNumber('9'), toNumber(''), toNumber('x')); // 9 undefined undefined
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      return parseNumber(value.trim(), { decimal: '.' });
    } catch (error) {
      if (error instanceof CxValidationError) return undefined;
      throw error;
    }
  }
  return undefined;
}

/**
 * Turns any value into a JSON value (drops `undefined`, turns non-finite numbers and bigints into strings).
 *
 * @param value - Any value.
 * @returns A JSON value.
 * @example
 * ```ts
 * import { toJsonValue } from '@cx/connectors';
 * console.log(toJsonValue({ a: undefined, b: 10n })); // { b: '10' }
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toJsonValue(v)));
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) setOwn(out, k, toJsonValue(v));
    return out;
  }
  return String(value);
}

/**
 * Options of {@link mapFields}.
 *
 * @category Mapping
 * @since 0.1.0
 */
export interface MapFieldsOptions {
  /** Model kind, decides which fields are times and numbers and where extra fields go. */
  readonly kind: ModelKind;
  /** Model field → source rule. */
  readonly fields: FieldMapping;
  /** Constant values for model fields not mapped (e.g. `{ channel: 'web' }`). */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** Keep unmapped source fields in `properties`/`attributes` (default `true`). */
  readonly keepExtra?: boolean;
  /**
   * Time fields whose source values are Unix time, with their unit: `{ timestamp: 's' }` (`'s'`, `'ms'` or `'us'`,
   * as `@cx/ingest`'s `epoch`). A number (or a digit string) in a time field not listed here is an error: its unit
   * is never guessed.
   */
  readonly epoch?: Readonly<Record<string, EpochUnit>>;
}

/**
 * Maps a flat or nested source row into a model candidate: applies the rules, parses time fields with
 * {@link parseTimestamp}, numeric fields with {@link toNumber}, drops empty strings, and keeps every unmapped
 * source field under `properties` (customers: `attributes`).
 *
 * @param row - The source row.
 * @param options - Kind, rules, defaults.
 * @returns The candidate value (validate it with the model schema).
 * @throws {@link @cx/model!CxValidationError} when a time field is present but not a timestamp, or is Unix time (a
 *   number or digits) without a unit declared in `epoch`.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { mapFields } from '@cx/connectors';
 * const value = mapFields({ id: 'e1', ts: '1717236000', who: 'u1', plan: 'pro' }, {
 *   kind: 'interaction', fields: { id: 'id', timestamp: 'ts', anonymousId: 'who' }, defaults: { name: 'visit', channel: 'web' },
 *   epoch: { timestamp: 's' },
 * });
 * console.log(value); // { name: 'visit', channel: 'web', id: 'e1', timestamp: '2024-06-01T10:00:00.000Z', anonymousId: 'u1', properties: { plan: 'pro' } }
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export function mapFields(
  row: Readonly<Record<string, unknown>>,
  options: MapFieldsOptions,
): Record<string, unknown> {
  parseOptions(mapFieldsSchema, options, 'mapFields');
  checkEpochFields(options, 'mapFields');
  return compileMapping(options)(row);
}

const compiled = new WeakMap<
  MapFieldsOptions,
  (row: Readonly<Record<string, unknown>>) => Record<string, unknown>
>();

const mapFieldsSchema = z.strictObject({
  kind: z.enum(['customer', 'interaction', 'surveyResponse', 'order', 'feedback']),
  fields: z.record(z.string(), fieldRuleOption),
  defaults: z.record(z.string(), z.unknown()).optional(),
  keepExtra: z.boolean().optional(),
  epoch: epochFieldsOption.optional(),
});

/** Checks that every field given an epoch unit is a mapped time field of the kind (a typo is not ignored). */
function checkEpochFields(options: MapFieldsOptions, functionName: string): void {
  for (const field of Object.keys(options.epoch ?? {})) {
    if (!TIME_FIELDS.has(field) || !Object.hasOwn(options.fields, field)) {
      throw new CxOptionsError(functionName, [
        {
          path: ['epoch', field],
          code: 'invalid_value',
          message: `Only a mapped time field (${[...TIME_FIELDS].filter((f) => Object.hasOwn(options.fields, f)).join(', ') || 'none is mapped'}) can be given an epoch unit; "${field}" is not one`,
        },
      ]);
    }
  }
}

/**
 * Compiles mapping options once into a fast row mapper (what the file sources use per row); the result is
 * cached per options object.
 *
 * @param options - Kind, rules, defaults.
 * @returns A function mapping one row like {@link mapFields}.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { compileMapping } from '@cx/connectors';
 * const map = compileMapping({
 *   kind: 'customer', fields: { id: 'id', firstSeenAt: 'since' }, defaults: { type: 'consumer' }, epoch: { firstSeenAt: 's' },
 * });
 * console.log(map({ id: 'c1', since: 1717236000, tier: 'gold' }).attributes); // { tier: 'gold' }
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export function compileMapping(
  options: MapFieldsOptions,
): (row: Readonly<Record<string, unknown>>) => Record<string, unknown> {
  const cached = typeof options === 'object' && options !== null ? compiled.get(options) : undefined;
  if (cached) return cached;
  parseOptions(mapFieldsSchema, options, 'compileMapping');
  checkEpochFields(options, 'compileMapping');
  const used = new Set<string>();
  const steps = Object.entries(options.fields).map(([field, rule]) => {
    if (typeof rule === 'string') {
      used.add(rule.split('.')[0] as string);
      used.add(rule);
    }
    const read =
      typeof rule === 'string'
        ? rule.includes('.')
          ? (row: Readonly<Record<string, unknown>>) => getPath(row, rule)
          : (row: Readonly<Record<string, unknown>>) => own(row, rule)
        : rule;
    const type = TIME_FIELDS.has(field)
      ? 'time'
      : NUMBER_FIELDS.has(field)
        ? 'number'
        : field.endsWith('Id') || field === 'id'
          ? 'id'
          : 'plain';
    const epoch =
      options.epoch !== undefined && Object.hasOwn(options.epoch, field) ? options.epoch[field] : undefined;
    return { field, read, type, timestamp: epoch === undefined ? undefined : { epoch } };
  });
  const defaults = options.defaults ?? {};
  const extraField = options.keepExtra === false ? null : EXTRA_FIELD[options.kind];
  const preset = extraField === null ? undefined : own(defaults, extraField);
  const mapper = (row: Readonly<Record<string, unknown>>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...defaults };
    for (const { field, read, type, timestamp } of steps) {
      let value = read(row);
      if (value === undefined || value === null || value === '') continue;
      if (type === 'time') {
        if (
          timestamp === undefined &&
          (typeof value === 'number' ||
            typeof value === 'bigint' ||
            (typeof value === 'string' && EPOCH_TEXT.test(value)))
        ) {
          throw new CxValidationError(
            [
              {
                path: [field],
                message: `Got ${typeof value === 'string' ? JSON.stringify(value) : String(value)} for ${field}, Unix time in a unit the mapping does not declare; declare it with epoch: { ${field}: 's' } ('s', 'ms' or 'us')`,
                code: 'invalid_instant',
              },
            ],
            { subject: 'mapped record' },
          );
        }
        const instant = parseTimestamp(value, timestamp);
        if (instant === null) {
          throw new CxValidationError(
            [
              {
                path: [field],
                message: `Expected ${timestamp === undefined ? 'a timestamp' : `Unix time in ${UNIT_NAMES[timestamp.epoch]}`}, got ${typeof value === 'bigint' ? String(value) : JSON.stringify(value)}`,
                code: 'invalid_date',
              },
            ],
            { subject: 'mapped record' },
          );
        }
        value = instant;
      } else if (type === 'number') {
        value = toNumber(value) ?? value;
      } else if (type === 'id' && (typeof value === 'number' || typeof value === 'bigint')) {
        value = String(value);
      }
      out[field] = value;
    }
    if (extraField !== null) {
      const extra: Record<string, JsonValue> =
        typeof preset === 'object' && preset !== null ? { ...(preset as Record<string, JsonValue>) } : {};
      for (const k in row) {
        const v = row[k];
        if (v !== undefined && !used.has(k))
          setOwn(extra, k, typeof v === 'string' || typeof v === 'boolean' ? v : toJsonValue(v));
      }
      out[extraField] = extra;
    }
    return out;
  };
  compiled.set(options, mapper);
  return mapper;
}

/**
 * Mapping options of a stream of {@link protocolSource}: the model kind, the field rules, and how a row's id and
 * cursor time are found.
 *
 * @category Mapping
 * @since 0.1.0
 */
export interface RowMappingOptions {
  /** Model kind each row becomes. */
  readonly kind: ModelKind;
  /** Model field → source column or path (or function). Unmapped columns go to `properties`/`attributes`. */
  readonly fields: FieldMapping;
  /** Constant values for unmapped model fields, e.g. `{ channel: 'web' }`. */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** Rule giving the row's id (default: the `id` field rule). */
  readonly idField?: FieldRule;
  /**
   * Rule giving the row's cursor time (default: the rule of the kind's time field, e.g. `timestamp`). It is read in
   * the epoch unit declared for the kind's time field, if any.
   */
  readonly cursorField?: FieldRule;
  /** Time fields whose values are Unix time, with their unit (`{ timestamp: 's' }`); see {@link MapFieldsOptions}. */
  readonly epoch?: Readonly<Record<string, EpochUnit>>;
}

/**
 * Applies a field rule to a row: a dotted path read with {@link getPath}, or the function called.
 *
 * @internal
 */
export function readRule(row: Readonly<Record<string, unknown>>, rule: FieldRule): unknown {
  return typeof rule === 'string' ? getPath(row, rule) : rule(row);
}
