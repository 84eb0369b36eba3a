// Public API of @cx/connectors/duckdb: the DuckDB table sink (needs the optional peer @duckdb/node-api).

export type { DuckdbSinkOptions } from './duckdb-sink.js';
export { duckdbSink } from './duckdb-sink.js';
