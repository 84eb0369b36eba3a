import type { Dialect } from './dialect.js';
import { join, type SqlFragment, sql } from './fragment.js';

/** `column IN (values…)` with bound values, or TRUE when no values are given (internal). */
export function inList(column: SqlFragment, values: string | readonly string[] | undefined): SqlFragment {
  if (values === undefined) return sql`TRUE`;
  const list = typeof values === 'string' ? [values] : values;
  if (list.length === 0) return sql`FALSE`;
  return sql`${column} IN (${join(list.map((v) => sql`${v}`))})`;
}

/** AND of conditions (TRUE when none) (internal). */
export function and(conditions: readonly SqlFragment[]): SqlFragment {
  return conditions.length === 0 ? sql`TRUE` : sql`(${join(conditions, ' AND ')})`;
}

/** 1/0 integer of a condition, NULL counted as 0 (internal). */
export function bit(condition: SqlFragment, _dialect?: Dialect): SqlFragment {
  return sql`CASE WHEN ${condition} THEN 1 ELSE 0 END`;
}
