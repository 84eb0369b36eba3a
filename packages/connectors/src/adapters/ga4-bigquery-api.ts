import { parseNumber } from '@cx/ingest';
import type { JsonValue } from '@cx/model';
import { CxValidationError, instantToEpochMs, parseOptions } from '@cx/model';
import { z } from 'zod';
import { CxHttpError, CxProtocolError } from '../errors.js';
import type { HttpFailure, RetryDecision } from '../http/client.js';
import { countOption, dateOption, eventRuleOption, httpSourceShape } from '../options.js';
import { setOwn } from '../own.js';
import type { Source, SourceMessage } from '../sync/source.js';
import { type CursorPosition, compareCursor } from '../sync/state.js';
import { type Ga4BigQuerySourceOptions, ga4RowMapper, ga4RowMessage } from './ga4-bigquery.js';
import { adapterClient, type HttpSourceOptions } from './http-source.js';

/**
 * A field of a BigQuery table schema (`tables.get` → `schema.fields`).
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface BigQueryField {
  /** Column name. */
  readonly name: string;
  /** `STRING`, `INTEGER`/`INT64`, `FLOAT`/`FLOAT64`, `BOOLEAN`, `RECORD`/`STRUCT`, … */
  readonly type: string;
  /** `NULLABLE`, `REQUIRED` or `REPEATED`. */
  readonly mode?: string;
  /** Sub-fields of a `RECORD`. */
  readonly fields?: readonly BigQueryField[];
}

/**
 * A row in BigQuery's REST form: `{ f: [{ v: … }] }`, repeated values as `{ v: [{ v: … }] }`.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface BigQueryRow {
  /** Cells in schema order. */
  readonly f: ReadonlyArray<{ readonly v: unknown }>;
}

function decode(field: BigQueryField, v: unknown, path: string): JsonValue {
  if (v === null || v === undefined) return null;
  if (field.mode === 'REPEATED') {
    if (!Array.isArray(v)) throw unexpected(path, v, 'an array of { v } cells (a REPEATED field)');
    return v.map((item, k) =>
      decode({ ...field, mode: 'NULLABLE' }, (item as { v: unknown })?.v, `${path}[${k}]`),
    );
  }
  const type = field.type.toUpperCase();
  if (type === 'RECORD' || type === 'STRUCT') {
    if (typeof v !== 'object' || !Array.isArray((v as { f?: unknown }).f))
      throw unexpected(path, v, 'a nested row { f: [...] } (a RECORD field)');
    return rowToObject(field.fields ?? [], v as BigQueryRow, `${path}.`);
  }
  if (type === 'FLOAT' || type === 'FLOAT64') return float(v, path);
  if (type === 'BOOLEAN' || type === 'BOOL') {
    if (v === true || v === 'true') return true;
    if (v === false || v === 'false') return false;
    throw unexpected(path, v, '"true" or "false" (a BOOLEAN field)');
  }
  return String(v); // INTEGER stays a string, as in the JSON exports (64-bit safe)
}

/**
 * A FLOAT64 cell: BigQuery's REST API writes it as a string (`"59.9"`, `"5.9E-5"`), read by the numbers grammar of
 * `@cx/ingest`. `NaN`, `Infinity` and `-Infinity` have no JSON number, so they stay the strings BigQuery's own JSON
 * exports write for them: a later numeric read rejects them by name instead of receiving NaN (internal).
 */
function float(v: unknown, path: string): JsonValue {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (v === 'NaN' || v === 'Infinity' || v === '-Infinity') return v;
  if (typeof v === 'string') {
    try {
      return parseNumber(v, { decimal: '.' });
    } catch (error) {
      if (!(error instanceof CxValidationError)) throw error;
    }
  }
  throw unexpected(path, v, 'a decimal number written as a string (a FLOAT64 field)');
}

/** The error for a cell that does not have its schema type's form (internal). */
function unexpected(path: string, v: unknown, expected: string): CxProtocolError {
  return new CxProtocolError(
    `BigQuery sent ${JSON.stringify(v)?.slice(0, 40) ?? String(v)} for ${path}; expected ${expected}`,
  );
}

/** A row (or nested record) in the object form, field paths prefixed for messages (internal). */
function rowToObject(
  fields: readonly BigQueryField[],
  row: BigQueryRow,
  prefix: string,
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  fields.forEach((field, i) => {
    setOwn(out, field.name, decode(field, row.f[i]?.v, `${prefix}${field.name}`));
  });
  return out;
}

/**
 * The `totalRows` of a `tabledata.list` page: BigQuery writes int64 values as JSON strings, read here by the numbers
 * grammar of `@cx/ingest` (`parseNumber`, decimal point `.`) and checked to be a count (internal).
 */
function rowCount(value: unknown, table: string): number {
  let n = Number.NaN;
  if (typeof value === 'string') {
    try {
      n = parseNumber(value, { decimal: '.' });
    } catch (error) {
      if (!(error instanceof CxValidationError)) throw error;
    }
  }
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new CxProtocolError(
      `BigQuery tabledata.list of ${table} sent totalRows ${JSON.stringify(value)?.slice(0, 40)}; expected a row count written as a string of digits`,
    );
  }
  return n;
}

/**
 * Converts a BigQuery REST row (`tabledata.list`, `jobs.getQueryResults`) into the object form of the NDJSON
 * exports: records nested, repeated fields as arrays, INT64 kept as strings, floats and booleans typed. A float
 * that is `NaN` or `±Infinity` stays the string BigQuery writes for it (JSON has no such number).
 *
 * @param fields - The table schema's fields.
 * @param row - The `{ f: [{ v }] }` row.
 * @returns The row as an object.
 * @throws {@link CxProtocolError} when a cell does not have its schema type's form (a float that is not a number, a
 *   boolean other than `"true"`/`"false"`, a repeated field that is not an array, a record that is not a row); the
 *   message names the field path.
 * @example
 * ```ts
 * import { bigQueryRowToObject } from '@cx/connectors';
 * const fields = [{ name: 'event_timestamp', type: 'INTEGER' }, { name: 'event_params', type: 'RECORD', mode: 'REPEATED',
 *   fields: [{ name: 'key', type: 'STRING' }, { name: 'value', type: 'RECORD', fields: [{ name: 'double_value', type: 'FLOAT' }] }] }];
 * const row = { f: [{ v: '1717236000123456' }, { v: [{ v: { f: [{ v: 'value' }, { v: { f: [{ v: '59.9' }] } }] } }] }] };
 * console.log(JSON.stringify(bigQueryRowToObject(fields, row)));
 * // {"event_timestamp":"1717236000123456","event_params":[{"key":"value","value":{"double_value":59.9}}]}
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function bigQueryRowToObject(
  fields: readonly BigQueryField[],
  row: BigQueryRow,
): Record<string, JsonValue> {
  return rowToObject(fields, row, '');
}

/**
 * Options of {@link ga4BigQueryApiSource}.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface Ga4BigQueryApiSourceOptions
  extends HttpSourceOptions,
    Pick<Ga4BigQuerySourceOptions, 'events' | 'orders'> {
  /** Google Cloud project holding the export dataset. */
  readonly projectId: string;
  /** Export dataset, `analytics_<property id>`. */
  readonly datasetId: string;
  /** First day on a first run (`YYYY-MM-DD`) when the sync has no `startAt`. */
  readonly startDate?: string;
  /** Rows per request (default 10 000). */
  readonly pageSize?: number;
}

/**
 * BigQuery's quota rule: `403`/`429` with reason `quotaExceeded` is an exhausted quota; `rateLimitExceeded`
 * is retried with backoff.
 *
 * @param failure - The failed response.
 * @returns The decision.
 * @example
 * ```ts
 * import { classifyBigQueryFailure } from '@cx/connectors';
 * const body = '{"error":{"code":403,"errors":[{"reason":"quotaExceeded"}]}}';
 * console.log(classifyBigQueryFailure({ status: 403, headers: new Headers(), body, retryAfterMs: null })?.action); // 'quota'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function classifyBigQueryFailure(failure: HttpFailure): RetryDecision {
  if (failure.status !== 403 && failure.status !== 429) return undefined;
  if (failure.body.includes('quotaExceeded')) return { action: 'quota', reason: 'BigQuery quota exceeded' };
  if (failure.body.includes('rateLimitExceeded')) return { action: 'retry' };
  return undefined;
}

const DAY = 86_400_000;

/** Resume marker of the API source: the table being read (and its next page), or the last table completed. */
interface TableResume {
  readonly table: string;
  readonly pageToken?: string;
  readonly complete: boolean;
  readonly max?: CursorPosition;
}

function readResume(resume: JsonValue | undefined): TableResume | null {
  if (resume === null || typeof resume !== 'object' || Array.isArray(resume)) return null;
  const table = Object.hasOwn(resume, 'table') ? resume.table : undefined;
  if (typeof table !== 'string') return null;
  const token = Object.hasOwn(resume, 'pageToken') ? resume.pageToken : undefined;
  const max = Object.hasOwn(resume, 'max') ? (resume.max as { time?: unknown; id?: unknown } | null) : null;
  return {
    table,
    complete: Object.hasOwn(resume, 'complete') && resume.complete === true,
    ...(typeof token === 'string' ? { pageToken: token } : {}),
    ...(max !== null && typeof max === 'object' && typeof max.time === 'string' && typeof max.id === 'string'
      ? { max: { time: max.time, id: max.id } }
      : {}),
  };
}

const ga4BigQueryApiSourceSchema = z.strictObject({
  ...httpSourceShape,
  projectId: z.string().min(1),
  datasetId: z.string().min(1),
  startDate: dateOption.optional(),
  pageSize: countOption(100_000).optional(),
  events: z.record(z.string(), eventRuleOption).optional(),
  orders: z.boolean().optional(),
});

/**
 * GA4 BigQuery-export source reading the daily `events_YYYYMMDD` tables over the BigQuery REST API
 * (`tabledata.list` with `pageToken`), with the same mapping as {@link ga4BigQuerySource}. Each run reads the
 * tables from the cursor minus the lookback (default 3 days: daily tables keep receiving late events) to the
 * last day; the current table and page token are checkpointed after every page, including a table's last page
 * (marked complete), so a resume never re-reads nor skips a page. A missing table (404) is an empty day.
 * Progress totals come from each table's `totalRows`. Auth: {@link googleServiceAccountAuth} with the `bigquery.readonly` scope.
 *
 * @param options - Project, dataset, auth, event rules.
 * @returns The source.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { bearerAuth, ga4BigQueryApiSource } from '@cx/connectors';
 * const events = ga4BigQueryApiSource({ projectId: 'acme', datasetId: 'analytics_123456', auth: bearerAuth('ya29.…'), startDate: '2024-06-01' });
 * console.log(events.name); // 'ga4-bigquery-api:analytics_123456'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function ga4BigQueryApiSource(options: Ga4BigQueryApiSourceOptions): Source {
  parseOptions(ga4BigQueryApiSourceSchema, options, 'ga4BigQueryApiSource');
  const http = adapterClient(options, 'https://bigquery.googleapis.com', classifyBigQueryFailure);
  const map = ga4RowMapper(options);
  const base = `/bigquery/v2/projects/${encodeURIComponent(options.projectId)}/datasets/${encodeURIComponent(options.datasetId)}/tables`;
  return {
    name: `ga4-bigquery-api:${options.datasetId}`,
    lookbackMs: options.lookbackMs ?? 3 * DAY,
    lagMs: options.lagMs ?? 0,
    secrets: () => options.auth.secrets(),
    async *read(context): AsyncGenerator<SourceMessage> {
      const first = context.from ?? (options.startDate ? `${options.startDate}T00:00:00Z` : null);
      if (first === null) return;
      const resume = readResume(context.state?.resume);
      let cursor: CursorPosition | null = resume?.max ?? null;
      const untilMs = instantToEpochMs(context.until);
      let readBefore = 0;
      for (let dayMs = Math.floor(instantToEpochMs(first) / DAY) * DAY; dayMs <= untilMs; dayMs += DAY) {
        const table = `events_${new Date(dayMs).toISOString().slice(0, 10).replaceAll('-', '')}`;
        if (resume !== null && (table < resume.table || (table === resume.table && resume.complete)))
          continue;
        let pageToken = resume?.table === table ? resume.pageToken : undefined;
        let fields: readonly BigQueryField[];
        try {
          const meta = await http.json<{ schema?: { fields?: BigQueryField[] } }>(`${base}/${table}`, {
            signal: context.signal,
            onRetry: context.onRetry,
          });
          fields = meta.data.schema?.fields ?? [];
        } catch (error) {
          if (error instanceof CxHttpError && error.status === 404) continue; // no export for that day
          throw error;
        }
        let readInTable = 0;
        do {
          const { data } = await http.json<{ rows?: BigQueryRow[]; pageToken?: string; totalRows?: string }>(
            `${base}/${table}/data`,
            {
              query: { maxResults: options.pageSize ?? 10_000, pageToken },
              signal: context.signal,
              onRetry: context.onRetry,
            },
          );
          const totalRows = data.totalRows === undefined ? null : rowCount(data.totalRows, table);
          yield {
            type: 'page',
            stream: 'events',
            ...(totalRows === null ? {} : { total: readBefore + totalRows }),
          };
          for (const row of data.rows ?? []) {
            context.signal.throwIfAborted();
            const message = ga4RowMessage(bigQueryRowToObject(fields, row), map, table);
            if (
              message.type === 'record' &&
              (cursor === null || compareCursor(message.position, cursor) > 0)
            ) {
              cursor = message.position;
            }
            readInTable++;
            yield message;
          }
          pageToken = data.pageToken;
          // after every page, also the table's last: a resume starts at the next page or the next table
          const marker: Record<string, JsonValue> =
            pageToken === undefined ? { table, complete: true } : { table, pageToken };
          if (cursor !== null) marker.max = { time: cursor.time, id: cursor.id };
          yield { type: 'checkpoint', cursor: null, resume: marker };
        } while (pageToken !== undefined);
        readBefore += readInTable;
      }
      yield { type: 'checkpoint', cursor };
    },
  };
}
