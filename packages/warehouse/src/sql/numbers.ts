import type { Dialect } from './dialect.js';
import { type SqlFragment, sql } from './fragment.js';

/** True when a double is NULL, NaN or infinite (internal). */
export function notFinite(x: SqlFragment, dialect: Dialect): SqlFragment {
  if (dialect === 'duckdb') return sql`(${x} IS NULL OR isnan(${x}) OR isinf(${x}))`;
  if (dialect === 'postgres') {
    return sql`(${x} IS NULL OR ${x} = CAST('NaN' AS double precision) OR ${x} = CAST('Infinity' AS double precision) OR ${x} = CAST('-Infinity' AS double precision))`;
  }
  return sql`(${x} IS NULL OR isNaN(${x}) OR isInfinite(${x}))`;
}

/** `1` when a condition holds, else `0`, summable in every dialect (internal). */
export function flag(condition: SqlFragment): SqlFragment {
  return sql`CASE WHEN ${condition} THEN 1 ELSE 0 END`;
}
