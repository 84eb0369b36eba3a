import { CxValidationError, createInstantReader, type JsonValue, parseOptions } from '@cx/model';
import { z } from 'zod';
import { fieldRuleOption } from './options.js';
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
 * Salesforce's `+0000`), zone-less `YYYY-MM-DD HH:mm:ss[.ffffff]` read as UTC (Amplitude), epoch seconds,
 * milliseconds or microseconds as numbers or digit strings (GA4 `event_timestamp`), chosen by magnitude.
 *
 * @param value - The raw timestamp.
 * @returns A UTC instant, or `null` when it is not a timestamp.
 * @example
 * ```ts
 * import { parseTimestamp } from '@cx/connectors';
 * console.log(parseTimestamp('2024-06-01T09:58:11.000+0000')); // '2024-06-01T09:58:11.000Z'
 * console.log(parseTimestamp('1717236000123456')); // '2024-06-01T10:00:00.123Z'
 * console.log(parseTimestamp(1717236000)); // '2024-06-01T10:00:00.000Z'
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export function parseTimestamp(value: unknown): string | null {
  if (
    typeof value === 'string' &&
    value.length === 24 &&
    value.charCodeAt(23) === 90 &&
    CANONICAL.test(value)
  ) {
    return Number.isFinite(UTC_READER.parseBytes(Buffer.from(value, 'latin1'), 0, 24)) ? value : null;
  }
  let ms: number;
  if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()))) {
    const n = Number(value);
    if (!Number.isFinite(n)) return null;
    const abs = Math.abs(n);
    ms = abs >= 1e14 ? n / 1000 : abs >= 1e11 ? n : n * 1000;
  } else if (typeof value === 'string') {
    // the one instant grammar of @cx/model (calendar-checked: no 30 February); zone-less vendor times are UTC
    const text = value.trim();
    if (!/^[\x20-\x7e]*$/.test(text)) return null; // the grammar is ASCII: nothing else can be an instant
    ms = UTC_READER.parseBytes(Buffer.from(text, 'latin1'), 0, text.length);
  } else if (value instanceof Date) {
    ms = value.getTime();
  } else {
    return null;
  }
  if (!Number.isFinite(ms)) return null;
  return new Date(Math.floor(ms)).toISOString();
}

/**
 * Converts a number or numeric string to a number (`"1200.50"` → 1200.5); other values give `undefined`.
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
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
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
}

/**
 * Maps a flat or nested source row into a model candidate: applies the rules, parses time fields with
 * {@link parseTimestamp}, numeric fields with {@link toNumber}, drops empty strings, and keeps every unmapped
 * source field under `properties` (customers: `attributes`).
 *
 * @param row - The source row.
 * @param options - Kind, rules, defaults.
 * @returns The candidate value (validate it with the model schema).
 * @throws {@link @cx/model!CxValidationError} when a time field is present but not a timestamp.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { mapFields } from '@cx/connectors';
 * const value = mapFields({ id: 'e1', ts: '1717236000', who: 'u1', plan: 'pro' }, {
 *   kind: 'interaction', fields: { id: 'id', timestamp: 'ts', anonymousId: 'who' }, defaults: { name: 'visit', channel: 'web' },
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
});

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
 * const map = compileMapping({ kind: 'customer', fields: { id: 'id', firstSeenAt: 'since' }, defaults: { type: 'consumer' } });
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
    return { field, read, type };
  });
  const defaults = options.defaults ?? {};
  const extraField = options.keepExtra === false ? null : EXTRA_FIELD[options.kind];
  const preset = extraField === null ? undefined : own(defaults, extraField);
  const mapper = (row: Readonly<Record<string, unknown>>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...defaults };
    for (const { field, read, type } of steps) {
      let value = read(row);
      if (value === undefined || value === null || value === '') continue;
      if (type === 'time') {
        const instant = parseTimestamp(value);
        if (instant === null) {
          throw new CxValidationError(
            [
              {
                path: [field],
                message: `Expected a timestamp, got ${JSON.stringify(value)}`,
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
