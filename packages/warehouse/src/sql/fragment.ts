import { CxError } from '@cx/model';

/** A value bound as a query parameter, never spliced into the SQL text. */
export type SqlValue = string | number | boolean | null;

/** Type of a bound parameter, so that every dialect can declare it (`$1::text`, `{p1:String}`). */
export type SqlParamType = 'text' | 'float' | 'int' | 'bool';

/** One bound parameter of a compiled query. */
export interface SqlParam {
  readonly value: SqlValue;
  readonly type: SqlParamType;
}

/** The parts a fragment is made of (internal). */
export type SqlPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'param'; readonly param: SqlParam }
  | { readonly kind: 'ident'; readonly names: readonly string[] }
  | { readonly kind: 'literal'; readonly value: string };

/**
 * A piece of SQL whose values are parameters and whose names are identifiers, quoted per dialect when the query is
 * compiled. Built with the {@link sql} tag; nothing a caller passes is ever spliced into the text unquoted.
 *
 * @example
 * ```ts
 * import { ident, sql } from '@cx/warehouse';
 * const q = sql`SELECT count(*) FROM ${ident('my "events"')} WHERE name = ${'purchase'}`;
 * console.log(q.parts.length); // 5
 * ```
 * @category SQL
 * @since 0.1.0
 */
export class SqlFragment {
  /** The parts, in order. */
  readonly parts: readonly SqlPart[];

  /**
   * Creates a fragment from parts (use the {@link sql} tag instead).
   *
   * @param parts - The parts.
   */
  constructor(parts: readonly SqlPart[]) {
    this.parts = parts;
  }
}

/** What may be interpolated into the {@link sql} tag. */
export type SqlInterpolation = SqlFragment | SqlValue | readonly SqlFragment[];

function paramOf(value: SqlValue): SqlParam {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new CxError('invalid_sql_value', `Expected a finite number to bind, got ${value}`);
    }
    return { value, type: Number.isSafeInteger(value) ? 'int' : 'float' };
  }
  if (typeof value === 'boolean') return { value, type: 'bool' };
  return { value, type: 'text' };
}

/**
 * Tagged template that builds a {@link SqlFragment}: interpolated strings, numbers and booleans become bound
 * parameters, fragments are inlined, and arrays of fragments are joined with commas.
 *
 * @param strings - The literal SQL text (written by this library, never by a caller).
 * @param values - Values to bind or fragments to inline.
 * @returns The fragment.
 * @throws {@link @cx/model!CxError} `invalid_sql_value` for a non-finite number.
 * @example
 * ```ts
 * import { sql, toSql } from '@cx/warehouse';
 * console.log(toSql(sql`SELECT ${42} AS answer`, 'postgres').text); // 'SELECT $1::bigint AS answer'
 * ```
 * @category SQL
 * @since 0.1.0
 */
export function sql(strings: TemplateStringsArray, ...values: readonly SqlInterpolation[]): SqlFragment {
  const parts: SqlPart[] = [];
  strings.forEach((text, i) => {
    if (text.length > 0) parts.push({ kind: 'text', text });
    if (i >= values.length) return;
    const value = values[i];
    if (value instanceof SqlFragment) parts.push(...value.parts);
    else if (Array.isArray(value)) parts.push(...join(value as readonly SqlFragment[]).parts);
    else parts.push({ kind: 'param', param: paramOf(value as SqlValue) });
  });
  return new SqlFragment(parts);
}

/**
 * A quoted identifier: a table, column or alias name, quoted per dialect (`"a""b"` in DuckDB and PostgreSQL,
 * `` `a\`b` `` in ClickHouse). Several names make a qualified name (`schema.table`); a single name is never
 * split at dots.
 *
 * @param names - One name, or the parts of a qualified name.
 * @returns The fragment.
 * @throws {@link @cx/model!CxError} `invalid_identifier` for an empty name or one with a NUL character.
 * @example
 * ```ts
 * import { ident, toSql } from '@cx/warehouse';
 * console.log(toSql(ident('analytics', 'my"events'), 'duckdb').text); // '"analytics"."my""events"'
 * ```
 * @category SQL
 * @since 0.1.0
 */
export function ident(...names: readonly string[]): SqlFragment {
  if (names.length === 0) throw new CxError('invalid_identifier', 'Expected at least one name');
  for (const name of names) {
    if (typeof name !== 'string' || name.length === 0 || name.includes('\u0000')) {
      throw new CxError(
        'invalid_identifier',
        `Expected a non-empty identifier without NUL characters, got ${JSON.stringify(name)}`,
      );
    }
  }
  return new SqlFragment([{ kind: 'ident', names }]);
}

/**
 * A string literal written into the SQL text, escaped per dialect. Only for the few places where a dialect does
 * not accept parameters (file paths in DuckDB's `read_parquet` inside DDL); values in queries are always bound.
 *
 * @internal
 */
export function literal(value: string): SqlFragment {
  if (value.includes('\u0000')) {
    throw new CxError('invalid_sql_value', 'Expected a string without NUL characters');
  }
  return new SqlFragment([{ kind: 'literal', value }]);
}

/** SQL text written by this library (internal: never with caller input). */
export function raw(text: string): SqlFragment {
  return new SqlFragment([{ kind: 'text', text }]);
}

/** Joins fragments with a separator (internal). */
export function join(fragments: readonly SqlFragment[], separator = ', '): SqlFragment {
  const parts: SqlPart[] = [];
  fragments.forEach((f, i) => {
    if (i > 0) parts.push({ kind: 'text', text: separator });
    parts.push(...f.parts);
  });
  return new SqlFragment(parts);
}

/** Binds a number as a 64-bit float, even when it is a whole number (internal). */
export function float(value: number): SqlFragment {
  const p = paramOf(value);
  return new SqlFragment([{ kind: 'param', param: { value: p.value, type: 'float' } }]);
}
