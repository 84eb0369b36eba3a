import type { JsonValue } from '@cx/model';
import { resolveCurrency } from '../mapping/currency.js';
import { FAILED, FieldReader, MISSING } from '../mapping/field-reader.js';
import { KIND_SCHEMAS } from '../mapping/kinds.js';
import type { Mapping } from '../mapping/mapping.js';
import { rawText } from './dead-letter.js';

/** Where a cell sits, for dead letters (internal). */
export interface CellPlace {
  readonly column?: number;
  readonly raw: string;
}

/** A row as the builder sees it: cells by source column, read as bytes (CSV) or values (JSON) (internal). */
export interface RowAccess {
  /** Whether the row has the column at all (CSV header; JSON key or path). */
  has(column: string): boolean;
  /** Reads the cell of `column` through `reader`: `reader.fromBytes` or `reader.fromValue`. */
  read(column: string, reader: FieldReader): unknown;
  /** The raw text of a cell, for ids and dead letters. */
  text(column: string): string;
  /** 1-based character column of the cell on its line (CSV), or `undefined`. */
  position(column: string): number | undefined;
  /** Every cell as a JSON value (for functions and `properties`), or `undefined` when a cell is not valid UTF-8. */
  values(): Readonly<Record<string, JsonValue>> | undefined;
  /** One cell as a JSON value (CSV: its text; JSON: the value at the path), `undefined` when absent. */
  value(column: string): JsonValue | undefined;
  /** The row's raw text, for dead letters. */
  rawRow(): string;
}

/** Why a row was rejected (internal). */
export interface RowRejection {
  readonly code: string;
  readonly reason: string;
  readonly field?: string;
  readonly sourceColumn?: string;
  readonly column?: number;
  readonly raw: string;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
const encoder = new TextEncoder();

/** 64-bit FNV-1a of the UTF-8 texts joined by U+001F, as `h` and 16 hex digits (internal; documented id rule). */
export function contentId(texts: readonly string[]): string {
  let h = FNV_OFFSET;
  const bytes = encoder.encode(texts.join('\u001f'));
  for (const b of bytes) h = ((h ^ BigInt(b)) * FNV_PRIME) & MASK;
  return `h${h.toString(16).padStart(16, '0')}`;
}

/** Turns rows into validated model records under one mapping (internal; shared by every format). */
export class RecordBuilder {
  readonly mapping: Mapping;
  readonly readers: FieldReader[];
  readonly #schema;
  readonly #extra: string;
  readonly #mapped: ReadonlySet<string>;

  constructor(mapping: Mapping) {
    this.mapping = mapping;
    this.readers = mapping.fields.map((f) => new FieldReader(f, mapping.disambiguation));
    this.#schema = KIND_SCHEMAS[mapping.kind];
    this.#extra = mapping.kind === 'customer' ? 'attributes' : 'properties';
    this.#mapped = new Set(mapping.fields.flatMap((f) => (f.column === undefined ? [] : [f.column])));
  }

  /** Columns the mapping reads that the source lacks (checked once against a CSV header). */
  missingColumns(has: (column: string) => boolean): string[] {
    return this.mapping.columns.filter((c) => !has(c));
  }

  /** The record of a row, or why it was rejected. */
  build(row: RowAccess, line: number): { readonly value: unknown } | RowRejection {
    const out: Record<string, unknown> = {};
    let money: { field: string; column: string | undefined; currency: string } | undefined;
    for (const reader of this.readers) {
      const spec = reader.spec;
      let value: unknown;
      if (spec.source === 'column') {
        const column = spec.column as string;
        if (!row.has(column)) value = spec.default !== undefined ? spec.default : MISSING;
        else value = row.read(column, reader);
        if (value === FAILED) {
          const position = row.position(column);
          return {
            code: reader.code,
            reason: `${spec.field} (column ${JSON.stringify(column)}): ${reader.message}`,
            field: spec.field,
            sourceColumn: column,
            ...(position !== undefined ? { column: position } : {}),
            raw: rawText(row.text(column)),
          };
        }
        if (spec.type === 'money' && reader.currency !== undefined && value !== MISSING) {
          money = { field: spec.field, column, currency: reader.currency };
        }
      } else if (spec.source === 'value') value = spec.value;
      else if (spec.source === 'generate') {
        value =
          spec.generate === 'line'
            ? `line-${line}`
            : contentId((spec.generate as readonly string[]).map((c) => row.text(c)));
      } else {
        const cells = row.values();
        if (cells === undefined) return invalidUtf8(row);
        try {
          value = (spec.fn as (r: Readonly<Record<string, JsonValue>>) => unknown)(cells);
        } catch (error) {
          return {
            code: 'mapping_function_failed',
            reason: `${spec.field}: the mapping function threw: ${(error as Error)?.message ?? String(error)}`,
            field: spec.field,
            raw: rawText(row.rawRow()),
          };
        }
        if (value === undefined) value = MISSING;
      }
      if (value === MISSING) continue;
      const dot = spec.field.indexOf('.');
      if (dot < 0) out[spec.field] = value;
      else {
        // A numeric property (`properties.revenue`).
        const group = spec.field.slice(0, dot);
        out[group] = { ...(out[group] as object | undefined), [spec.field.slice(dot + 1)]: value };
      }
    }
    if (money !== undefined) {
      const declared = typeof out.currency === 'string' ? out.currency : undefined;
      const resolved = resolveCurrency(money.currency, declared);
      if ('error' in resolved) {
        const position = money.column === undefined ? undefined : row.position(money.column);
        return {
          code: resolved.error,
          reason: `${money.field}: ${resolved.message}`,
          field: money.field,
          ...(money.column !== undefined ? { sourceColumn: money.column } : {}),
          ...(position !== undefined ? { column: position } : {}),
          raw: rawText(money.column === undefined ? '' : row.text(money.column)),
        };
      }
      out.currency = resolved.code;
    }
    const properties = this.mapping.properties;
    const extra: Record<string, JsonValue> = {};
    if (properties === 'rest') {
      const cells = row.values();
      if (cells === undefined) return invalidUtf8(row);
      for (const [k, v] of Object.entries(cells))
        if (!this.#mapped.has(k) && v !== '' && v !== null) extra[k] = v;
    } else {
      for (const c of properties) {
        if (!row.has(c)) continue;
        let v: JsonValue | undefined;
        try {
          v = row.value(c);
        } catch {
          return invalidUtf8(row);
        }
        if (v !== undefined && v !== '' && v !== null) extra[c] = v;
      }
    }
    if (Object.keys(extra).length > 0)
      out[this.#extra] = { ...(out[this.#extra] as object | undefined), ...extra };
    const parsed = this.#schema.safeParse(out);
    if (parsed.success) return { value: parsed.data };
    const issue = parsed.error.issues[0] as { path: PropertyKey[]; message: string; code: string };
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    const spec = this.mapping.fields.find((f) => f.field === field);
    const column = spec?.column;
    const position = column === undefined ? undefined : row.position(column);
    // A rule joining fields (an interaction's actor, a subscription's period) is schema_custom on both paths.
    const missing = field !== undefined && !(field in out) && issue.code !== 'custom';
    return {
      code: missing ? 'missing_value' : `schema_${issue.code}`,
      reason: `${field ?? 'record'}${column ? ` (column ${JSON.stringify(column)})` : ''}: ${missing ? `Expected a value, the ${column ? 'cell is empty' : 'field is not mapped'}` : issue.message}`,
      ...(field !== undefined ? { field } : {}),
      ...(column !== undefined ? { sourceColumn: column } : {}),
      ...(position !== undefined ? { column: position } : {}),
      raw: rawText(column !== undefined && row.has(column) ? row.text(column) : row.rawRow()),
    };
  }
}

/** The rejection of a row with a cell that is not valid UTF-8 (internal). */
export function invalidUtf8(row: RowAccess): RowRejection {
  return {
    code: 'invalid_utf8',
    reason: 'A cell is not valid UTF-8: pass the encoding of the file (e.g. windows-1250)',
    raw: rawText(row.rawRow()),
  };
}
