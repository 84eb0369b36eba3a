import type { SqlFragment, SqlParam, SqlParamType } from './fragment.js';

/**
 * The SQL dialects the library compiles to.
 *
 * @category SQL
 * @since 0.1.0
 */
export type Dialect = 'duckdb' | 'postgres' | 'clickhouse';

/**
 * A query compiled for one dialect: its text with placeholders and the values bound to them. Holds no
 * connection settings, so it is safe to log.
 *
 * @category SQL
 * @since 0.1.0
 */
export interface CompiledSql {
  /** The dialect it was compiled for. */
  readonly dialect: Dialect;
  /** SQL text with placeholders (`$1` in DuckDB and PostgreSQL, `{p1:Type}` in ClickHouse). */
  readonly text: string;
  /** The bound values, in placeholder order. */
  readonly params: readonly SqlParam[];
}

const PG_TYPE: Record<SqlParamType, string> = {
  text: 'text',
  float: 'double precision',
  int: 'bigint',
  bool: 'boolean',
};
const DUCK_TYPE: Record<SqlParamType, string> = {
  text: 'VARCHAR',
  float: 'DOUBLE',
  int: 'BIGINT',
  bool: 'BOOLEAN',
};
const CH_TYPE: Record<SqlParamType, string> = {
  text: 'String',
  float: 'Float64',
  int: 'Int64',
  bool: 'Bool',
};

/** Quotes one identifier for a dialect (internal). */
export function quoteIdent(name: string, dialect: Dialect): string {
  if (dialect === 'clickhouse') return '`' + name.replaceAll('\\', '\\\\').replaceAll('`', '\\`') + '`';
  return '"' + name.replaceAll('"', '""') + '"';
}

/** Quotes a string literal for a dialect (internal). */
export function quoteLiteral(value: string, dialect: Dialect): string {
  if (dialect === 'clickhouse') return "'" + value.replaceAll('\\', '\\\\').replaceAll("'", "\\'") + "'";
  // Standard SQL strings: backslash is not an escape (PostgreSQL: standard_conforming_strings = on, the default
  // since 9.1; the E'' prefix is never emitted).
  return "'" + value.replaceAll("'", "''") + "'";
}

/**
 * Compiles a fragment for a dialect: identifiers quoted, values bound as typed parameters.
 *
 * @param fragment - The fragment.
 * @param dialect - The target dialect.
 * @returns The SQL text and its parameters.
 * @example
 * ```ts
 * import { ident, sql, toSql } from '@cx/warehouse';
 * const q = toSql(sql`SELECT * FROM ${ident('events')} WHERE name = ${'buy'}`, 'clickhouse');
 * console.log(q.text); // 'SELECT * FROM `events` WHERE name = {p1:String}'
 * ```
 * @category SQL
 * @since 0.1.0
 */
export function toSql(fragment: SqlFragment, dialect: Dialect): CompiledSql {
  const params: SqlParam[] = [];
  let text = '';
  for (const part of fragment.parts) {
    if (part.kind === 'text') text += part.text;
    else if (part.kind === 'ident') text += part.names.map((n) => quoteIdent(n, dialect)).join('.');
    else if (part.kind === 'literal') text += quoteLiteral(part.value, dialect);
    else {
      params.push(part.param);
      const i = params.length;
      const type = part.param.type;
      if (dialect === 'clickhouse')
        text += `{p${i}:${part.param.value === null ? `Nullable(${CH_TYPE[type]})` : CH_TYPE[type]}}`;
      else if (dialect === 'postgres') text += `$${i}::${PG_TYPE[type]}`;
      else text += `$${i}::${DUCK_TYPE[type]}`;
    }
  }
  return { dialect, text, params };
}
