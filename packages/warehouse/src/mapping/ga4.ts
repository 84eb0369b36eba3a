import { CxError, CxValidationError } from '@cx/model';
import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import { parseSettings } from '../engine/settings.js';
import { ident, join, literal, type SqlFragment, sql } from '../sql/fragment.js';
import type { InteractionTable } from './interactions.js';

/** Stages of GA4's recommended e-commerce events, as the GA4 connector of `@cx/connectors` assigns them. */
const GA4_STAGES: Readonly<Record<string, string>> = {
  view_item_list: 'consideration',
  view_item: 'consideration',
  select_item: 'consideration',
  add_to_wishlist: 'consideration',
  add_to_cart: 'decision',
  view_cart: 'decision',
  begin_checkout: 'purchase',
  add_shipping_info: 'purchase',
  add_payment_info: 'purchase',
  purchase: 'purchase',
  refund: 'use',
};

const ga4ViewSchema = z.strictObject({
  files: z.array(z.string().min(1)).min(1),
  format: z.enum(['ndjson', 'parquet']),
  view: z.string().min(1),
  invalidRows: z.enum(['reject', 'exclude']).optional(),
});

/**
 * Options of {@link createGa4View}.
 *
 * @category Mapping
 * @since 0.1.0
 */
export interface Ga4ViewOptions {
  /** Export files (`events_*.json[.gz]` as NDJSON, or Parquet); globs as DuckDB reads them. */
  readonly files: readonly string[];
  /** `ndjson` or `parquet`. */
  readonly format: 'ndjson' | 'parquet';
  /** Name of the view to create (or replace). */
  readonly view: string;
  /**
   * Rows without a valid `event_timestamp` or `event_name`: `reject` (default) leaves them in the view, so that a
   * metric fails naming how many; `exclude` leaves them out and reports their number in the result.
   */
  readonly invalidRows?: 'reject' | 'exclude';
}

function param(name: string, slot: 'string_value' | 'number'): SqlFragment {
  const entry = sql`list_filter(json_extract(j, '$.event_params[*]'), p -> json_extract_string(p, '$.key') = ${name})[1]`;
  if (slot === 'string_value') return sql`json_extract_string(${entry}, '$.value.string_value')`;
  return sql`coalesce(TRY_CAST(json_extract_string(${entry}, '$.value.double_value') AS DOUBLE), TRY_CAST(json_extract_string(${entry}, '$.value.float_value') AS DOUBLE), TRY_CAST(json_extract_string(${entry}, '$.value.int_value') AS DOUBLE))`;
}

/**
 * Creates a DuckDB view of a GA4 BigQuery export (`events_*` rows with repeated `event_params`), read straight
 * from its NDJSON or Parquet files, with the columns of {@link GA4_INTERACTIONS}: `id` (`user_pseudo_id`,
 * `event_timestamp`, `event_name`), `customer_id` (`user_id` when not empty), `anonymous_id`
 * (`user_pseudo_id`), `ts` (µs `event_timestamp`), `name`, `channel` (`WEB` → `web`, else `mobile-app`),
 * `stage_id` (GA4's e-commerce events, as the GA4 connector), `session_id` (`user_pseudo_id:ga_session_id`),
 * `page_location`, `value` (the `value` parameter) and `purchase_revenue` (`ecommerce.purchase_revenue`).
 *
 * @param engine - A DuckDB engine.
 * @param options - Files, format, view name and the policy for invalid rows.
 * @returns Rows in the view and rows excluded (always 0 with `reject`).
 * @throws {@link @cx/model!CxOptionsError} for invalid options; {@link @cx/model!CxError} `unsupported_engine`
 *   on another engine (load the export into a table there and map it with {@link interactionTable}).
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { createGa4View, duckdbEngine } from '@cx/warehouse';
 * const file = join(tmpdir(), 'ga4-example.ndjson');
 * writeFileSync(file, JSON.stringify({ event_timestamp: '1717236000123456', event_name: 'page_view',
 *   user_pseudo_id: '1197596843.1717230000', platform: 'WEB', event_params: [] }) + '\n');
 * const engine = await duckdbEngine();
 * console.log(await createGa4View(engine, { files: [file], format: 'ndjson', view: 'ga4' })); // { rows: 1, excluded: 0 }
 * await engine.close();
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export async function createGa4View(
  engine: Engine,
  options: Ga4ViewOptions,
): Promise<{ rows: number; excluded: number }> {
  const o = parseSettings(ga4ViewSchema, options, 'createGa4View');
  if (engine.dialect !== 'duckdb') {
    throw new CxError(
      'unsupported_engine',
      'createGa4View reads export files with DuckDB; on other engines load the export into a table and map it with interactionTable',
    );
  }
  const files = sql`[${join(o.files.map((f) => literal(f)))}]`;
  const source =
    o.format === 'parquet'
      ? sql`SELECT CAST(to_json(e) AS JSON) AS j FROM read_parquet(${files}, union_by_name = true) e`
      : sql`SELECT json AS j FROM read_ndjson_objects(${files})`;
  const stage = sql`CASE json_extract_string(j, '$.event_name') ${join(
    Object.entries(GA4_STAGES).map(([name, s]) => sql`WHEN ${literal(name)} THEN ${literal(s)}`),
    ' ',
  )} END`;
  const pseudo = sql`json_extract_string(j, '$.user_pseudo_id')`;
  const micros = sql`TRY_CAST(json_extract_string(j, '$.event_timestamp') AS BIGINT)`;
  const platform = sql`coalesce(json_extract_string(j, '$.platform'), 'WEB')`;
  const session = param('ga_session_id', 'string_value');
  const sessionNumber = sql`json_extract_string(list_filter(json_extract(j, '$.event_params[*]'), p -> json_extract_string(p, '$.key') = 'ga_session_id')[1], '$.value.int_value')`;
  const select = sql`SELECT ${pseudo} || ':' || json_extract_string(j, '$.event_timestamp') || ':' || json_extract_string(j, '$.event_name') AS id, NULLIF(json_extract_string(j, '$.user_id'), '') AS customer_id, ${pseudo} AS anonymous_id, make_timestamptz(${micros}) AS ts, json_extract_string(j, '$.event_name') AS name, CASE WHEN ${platform} = 'WEB' THEN 'web' ELSE 'mobile-app' END AS channel, ${stage} AS stage_id, CASE WHEN ${pseudo} IS NULL THEN NULL ELSE ${pseudo} || ':' || coalesce(${sessionNumber}, ${session}) END AS session_id, ${param('page_location', 'string_value')} AS page_location, ${param('value', 'number')} AS value, TRY_CAST(json_extract_string(j, '$.ecommerce.purchase_revenue') AS DOUBLE) AS purchase_revenue FROM (${source}) s`;
  const valid = sql`ts IS NOT NULL AND name IS NOT NULL AND name <> ''`;
  // DDL takes no parameters: the few values above are literals, escaped per dialect; the view name is quoted.
  const body = o.invalidRows === 'exclude' ? sql`SELECT * FROM (${select}) r WHERE ${valid}` : select;
  await engine.execute(inline(sql`CREATE OR REPLACE VIEW ${ident(o.view)} AS ${body}`, engine));
  const [row] = await engine.query(
    inline(
      sql`SELECT count(*) AS rows, (SELECT count(*) FROM (${select}) r WHERE NOT (${valid})) AS bad FROM ${ident(o.view)}`,
      engine,
    ),
  );
  return {
    rows: (row?.rows as number) ?? 0,
    excluded: o.invalidRows === 'exclude' ? ((row?.bad as number) ?? 0) : 0,
  };
}

/** Replaces bound text parameters by escaped literals, for DDL, which takes no parameters (internal). */
function inline(fragment: SqlFragment, _engine: Engine): SqlFragment {
  return new (fragment.constructor as new (parts: SqlFragment['parts']) => SqlFragment)(
    fragment.parts.map((part) => {
      if (part.kind !== 'param') return part;
      if (typeof part.param.value !== 'string') {
        throw new CxValidationError([
          { path: [], message: 'Only text values are inlined into DDL', code: 'invalid_value' },
        ]);
      }
      return { kind: 'literal', value: part.param.value };
    }),
  );
}

/**
 * The interaction mapping of a view made by {@link createGa4View}, with numeric properties `value` and
 * `purchase_revenue` and the text property `page_location`.
 *
 * @param view - The view name.
 * @returns The mapping.
 * @example
 * ```ts
 * import { GA4_INTERACTIONS } from '@cx/warehouse';
 * console.log(GA4_INTERACTIONS('ga4').fields.anonymousId); // 'anonymous_id'
 * ```
 * @category Mapping
 * @since 0.1.0
 */
export function GA4_INTERACTIONS(view: string): InteractionTable {
  return {
    table: view,
    timestamp: 'ts',
    fields: {
      id: 'id',
      customerId: 'customer_id',
      anonymousId: 'anonymous_id',
      name: 'name',
      channel: 'channel',
      stageId: 'stage_id',
      sessionId: 'session_id',
    },
    numeric: { value: 'value', purchase_revenue: 'purchase_revenue' },
    text: { page_location: 'page_location' },
  };
}
