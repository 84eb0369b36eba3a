import type { Dialect } from '../sql/dialect.js';
import { ident, join, raw, type SqlFragment, sql } from '../sql/fragment.js';
import type { FieldSource, InstantSource, TableName } from './column.js';

/** `FROM` target of a table name (internal). */
export function tableRef(table: TableName): SqlFragment {
  return typeof table === 'string' ? ident(table) : ident(...table);
}

/** A text expression for a field source (internal). */
export function fieldText(source: FieldSource | undefined, dialect: Dialect): SqlFragment {
  if (source === undefined) return sql`CAST(NULL AS ${textType(dialect)})`;
  if (typeof source === 'string') return asText(ident(source), dialect);
  if ('constant' in source) return sql`CAST(${String(source.constant)} AS ${textType(dialect)})`;
  const column = asText(ident(source.column), dialect);
  const fallback = source.default === undefined ? null : source.default;
  if (source.values === undefined) {
    return fallback === null ? column : sql`coalesce(${column}, ${fallback})`;
  }
  const entries = Object.entries(source.values);
  const whens = entries.map(([from, to]) => sql`WHEN ${from} THEN ${to}`);
  const otherwise = fallback === null ? column : sql`${fallback}`;
  return sql`CASE ${column} ${join(whens, ' ')} ELSE ${otherwise} END`;
}

/** A float expression for a numeric field source (internal). */
export function fieldNumber(source: FieldSource | undefined, dialect: Dialect): SqlFragment {
  if (source === undefined) return sql`CAST(NULL AS ${floatType(dialect)})`;
  if (typeof source === 'string') return sql`CAST(${ident(source)} AS ${floatType(dialect)})`;
  if ('constant' in source) {
    return typeof source.constant === 'number'
      ? sql`CAST(${source.constant} AS ${floatType(dialect)})`
      : sql`CAST(NULL AS ${floatType(dialect)})`;
  }
  return sql`CAST(${ident(source.column)} AS ${floatType(dialect)})`;
}

/** Epoch milliseconds (a 64-bit integer) of an instant column (internal). */
export function epochMs(source: InstantSource, dialect: Dialect): SqlFragment {
  const column = typeof source === 'string' ? source : source.column;
  const type = typeof source === 'string' ? 'timestamp' : (source.type ?? 'timestamp');
  const c = ident(column);
  if (type === 'epoch-ms') return sql`CAST(${c} AS ${intType(dialect)})`;
  if (type === 'epoch-s') return sql`CAST(${c} AS ${intType(dialect)}) * 1000`;
  if (dialect === 'duckdb') return sql`epoch_ms(${c})`;
  if (dialect === 'postgres') return sql`CAST(floor(extract(epoch FROM ${c}) * 1000) AS bigint)`;
  return sql`toUnixTimestamp64Milli(toDateTime64(${c}, 3))`;
}

/** The dialect's text type (internal). */
export function textType(dialect: Dialect): SqlFragment {
  return raw(dialect === 'clickhouse' ? 'Nullable(String)' : dialect === 'postgres' ? 'text' : 'VARCHAR');
}

/** The dialect's double type (internal). */
export function floatType(dialect: Dialect): SqlFragment {
  return raw(
    dialect === 'clickhouse' ? 'Nullable(Float64)' : dialect === 'postgres' ? 'double precision' : 'DOUBLE',
  );
}

/** The dialect's 64-bit integer type (internal). */
export function intType(dialect: Dialect): SqlFragment {
  return raw(dialect === 'clickhouse' ? 'Nullable(Int64)' : dialect === 'postgres' ? 'bigint' : 'BIGINT');
}

function asText(column: SqlFragment, dialect: Dialect): SqlFragment {
  return sql`CAST(${column} AS ${textType(dialect)})`;
}
