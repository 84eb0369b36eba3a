import type { JsonValue } from '@cx/model';
import type { FieldReader } from '../mapping/field-reader.js';
import type { RowAccess } from './builder.js';

/**
 * Reads a dotted path (`"geo.country"`) from a value, a key containing dots tried whole first; own properties only
 * (internal).
 */
export function getPath(value: unknown, path: string): unknown {
  let current = value;
  let rest = path;
  for (;;) {
    if (current === null || typeof current !== 'object') return undefined;
    const record = current as Record<string, unknown>;
    if (Object.hasOwn(record, rest)) return record[rest];
    const dot = rest.indexOf('.');
    if (dot < 0) return undefined;
    const head = rest.slice(0, dot);
    if (!Object.hasOwn(record, head)) return undefined;
    current = record[head];
    rest = rest.slice(dot + 1);
  }
}

/** Turns a Parquet or JSON cell into a JSON value for `properties` (internal). */
export function jsonOf(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : jsonOf(v)));
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value as object)) if (v !== undefined) out[k] = jsonOf(v);
    return out;
  }
  return null;
}

/** The cells of one JSON object row (NDJSON line, Parquet row) (internal). */
export class JsonRowAccess implements RowAccess {
  object: Record<string, unknown> = {};
  raw = '';

  at(object: Record<string, unknown>, raw: string): this {
    this.object = object;
    this.raw = raw;
    return this;
  }

  has(): boolean {
    return true;
  }

  read(column: string, reader: FieldReader): unknown {
    return reader.fromValue(getPath(this.object, column));
  }

  text(column: string): string {
    const v = getPath(this.object, column);
    if (v === undefined || v === null) return '';
    return typeof v === 'string' ? v : JSON.stringify(jsonOf(v));
  }

  position(): undefined {
    return undefined;
  }

  values(): Readonly<Record<string, JsonValue>> {
    return jsonOf(this.object) as Record<string, JsonValue>;
  }

  value(column: string): JsonValue | undefined {
    const v = getPath(this.object, column);
    return v === undefined ? undefined : jsonOf(v);
  }

  rawRow(): string {
    if (this.raw === '') this.raw = JSON.stringify(jsonOf(this.object));
    return this.raw;
  }
}
