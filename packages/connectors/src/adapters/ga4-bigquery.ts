import { createHash } from 'node:crypto';
import type { JsonValue } from '@cx/model';
import { parseOptions } from '@cx/model';
import { z } from 'zod';
import { type FileInput, readLines } from '../files/input.js';
import { type ParseTimestampOptions, parseTimestamp, toJsonValue, toNumber } from '../mapping.js';
import { eventRuleOption, fileInputOption, msOption } from '../options.js';
import { own, setOwn } from '../own.js';
import type { ModelCandidate, Source, SourceMessage } from '../sync/source.js';
import { type CursorPosition, compareCursor } from '../sync/state.js';
import { compact } from './http-source.js';
import type { EventRule } from './mixpanel.js';
import { eventInteraction } from './mixpanel.js';

/**
 * `event_timestamp` is "the time (in microseconds, UTC) at which the event was logged on the client", GA4 BigQuery
 * Export schema, https://support.google.com/analytics/answer/7029846 (an INTEGER: a digit string in the JSON exports
 * and the REST API, a number in some tools).
 */
const GA4_EVENT_TIMESTAMP: ParseTimestampOptions = { epoch: 'us' };
/**
 * Options of {@link ga4BigQuerySource}.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface Ga4BigQuerySourceOptions {
  /** NDJSON export files (one per `events_YYYYMMDD` table; `.gz` ok) or stream factories. */
  readonly input: FileInput | readonly FileInput[];
  /** Event name → journey mapping (defaults map the recommended e-commerce events to stages). */
  readonly events?: Readonly<Record<string, EventRule>>;
  /** Create an order from `purchase` events with a `user_id` (default `true`). */
  readonly orders?: boolean;
  /** Lookback in ms (default 3 days: daily tables keep receiving late events). */
  readonly lookbackMs?: number;
}

/**
 * One entry of GA4's repeated `event_params` / `user_properties` columns.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface Ga4Param {
  /** Parameter name. */
  readonly key: string;
  /** `{string_value | int_value | float_value | double_value}`; INT64 arrives as a string in JSON exports. */
  readonly value?: Readonly<Record<string, unknown>> | null;
}

/** Default stages of GA4's recommended e-commerce events. */
const DEFAULT_EVENTS: Record<string, EventRule> = {
  view_item_list: { stageId: 'consideration' },
  view_item: { stageId: 'consideration' },
  select_item: { stageId: 'consideration' },
  add_to_wishlist: { stageId: 'consideration' },
  add_to_cart: { stageId: 'decision' },
  view_cart: { stageId: 'decision' },
  begin_checkout: { stageId: 'purchase' },
  add_shipping_info: { stageId: 'purchase' },
  add_payment_info: { stageId: 'purchase' },
  purchase: { stageId: 'purchase' },
  refund: { stageId: 'use' },
};

/**
 * Flattens GA4 `event_params` / `user_properties` (`[{key, value:{string_value|int_value|float_value|double_value}}]`)
 * into an object, coalescing whichever value slot is set; INT64 values sent as strings become numbers when they
 * are safe integers, and stay strings otherwise.
 *
 * @param params - The repeated params.
 * @returns Key → value.
 * @example
 * ```ts
 * import { flattenGa4Params } from '@cx/connectors';
 * console.log(flattenGa4Params([{ key: 'ga_session_id', value: { int_value: '1717230000' } }, { key: 'page_title', value: { string_value: 'Cart' } }]));
 * // { ga_session_id: 1717230000, page_title: 'Cart' }
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function flattenGa4Params(params: readonly Ga4Param[] | null | undefined): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const p of params ?? []) {
    const v = p.value ?? {};
    const raw = v.string_value ?? v.int_value ?? v.float_value ?? v.double_value ?? null;
    if (typeof raw === 'string' && v.int_value !== undefined && v.int_value !== null) {
      const n = toNumber(raw); // INT64 as text: a number when it is exact in a double, else the text
      setOwn(out, p.key, n !== undefined && Number.isSafeInteger(n) ? n : raw);
    } else {
      setOwn(out, p.key, toJsonValue(raw));
    }
  }
  return out;
}

/**
 * Builds the GA4 row → model mapping shared by the file and the BigQuery API sources.
 *
 * @internal
 */
export function ga4RowMapper(
  options: Pick<Ga4BigQuerySourceOptions, 'events' | 'orders'>,
): (row: Record<string, unknown>, time: string, id: string) => ModelCandidate[] {
  const rules = { ...DEFAULT_EVENTS, ...options.events };
  return (row, time, id) => {
    const params = flattenGa4Params(row.event_params as Ga4Param[]);
    const userId = typeof row.user_id === 'string' && row.user_id !== '' ? row.user_id : undefined;
    const pseudo = typeof row.user_pseudo_id === 'string' ? row.user_pseudo_id : undefined;
    const properties: Record<string, JsonValue> = { ...params };
    for (const [k, v] of Object.entries(row)) {
      if (!['event_params', 'user_id', 'user_pseudo_id', 'event_name'].includes(k) && v !== null)
        setOwn(properties, k, toJsonValue(v));
    }
    if (row.user_properties) properties.user_properties = flattenGa4Params(row.user_properties as Ga4Param[]);
    const platform = String(row.platform ?? 'WEB');
    const name = String(row.event_name);
    const out: ModelCandidate[] = [
      eventInteraction({
        id,
        name,
        timestamp: time,
        customerId: userId,
        anonymousId: pseudo,
        channel: platform === 'WEB' ? 'web' : 'mobile-app',
        rule: own(rules, name),
        url: params.page_location,
        source: 'ga4',
        sessionId:
          params.ga_session_id === undefined || pseudo === undefined
            ? undefined
            : `${pseudo}:${params.ga_session_id}`,
        properties,
      }),
    ];
    const ecommerce = (row.ecommerce ?? {}) as Record<string, unknown>;
    if (options.orders !== false && name === 'purchase' && userId !== undefined) {
      const items = Array.isArray(row.items) ? (row.items as Array<Record<string, unknown>>) : [];
      out.push({
        kind: 'order',
        value: compact({
          id: String(ecommerce.transaction_id ?? params.transaction_id ?? id),
          customerId: userId,
          orderedAt: time,
          amount: toNumber(ecommerce.purchase_revenue) ?? toNumber(params.value),
          currency: typeof params.currency === 'string' ? params.currency : undefined,
          status: 'paid',
          channel: platform === 'WEB' ? 'web' : 'mobile-app',
          items: items.map((x) =>
            compact({
              sku: String(x.item_id ?? ''),
              name: typeof x.item_name === 'string' ? x.item_name : undefined,
              quantity: toNumber(x.quantity) ?? 1,
              unitPrice: toNumber(x.price) ?? 0,
              category: typeof x.item_category === 'string' ? x.item_category : undefined,
            }),
          ),
          properties: { eventId: id },
        }),
      });
    }
    return out;
  };
}

const ga4BigQuerySourceSchema = z.strictObject({
  input: z.union([fileInputOption, z.array(fileInputOption).min(1)]),
  events: z.record(z.string(), eventRuleOption).optional(),
  orders: z.boolean().optional(),
  lookbackMs: msOption.optional(),
});

/**
 * GA4 BigQuery-export source over NDJSON exports of the `events_*` tables: each row becomes an interaction
 * (event time from the µs `event_timestamp`, kept verbatim in properties; params flattened; session id from
 * `ga_session_id`), and a `purchase` with a `user_id` also becomes an order. GA4 has no event id, so the key is
 * a hash of `user_pseudo_id, event_timestamp, event_name, batch_*` and the full row. Default lookback 3 days.
 *
 * @param options - Files and event rules.
 * @returns The source.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { ga4BigQuerySource, syncAll } from '@cx/connectors';
 * import { Readable } from 'node:stream';
 * const row = { event_date: '20240601', event_timestamp: '1717236000123456', event_name: 'page_view', user_pseudo_id: '1197596843.1717230000', event_params: [] };
 * const { items } = await syncAll(ga4BigQuerySource({ input: () => Readable.from([JSON.stringify(row)]) }));
 * console.log(items[0]?.record.value.timestamp); // '2024-06-01T10:00:00.123Z'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function ga4BigQuerySource(options: Ga4BigQuerySourceOptions): Source {
  parseOptions(ga4BigQuerySourceSchema, options, 'ga4BigQuerySource');
  const inputs = Array.isArray(options.input)
    ? (options.input as readonly FileInput[])
    : [options.input as FileInput];
  const map = ga4RowMapper(options);
  return {
    name: 'ga4-bigquery',
    lookbackMs: options.lookbackMs ?? 3 * 86_400_000,
    lagMs: 0,
    async *read(): AsyncGenerator<SourceMessage> {
      let cursor: CursorPosition | null = null;
      for (const input of inputs) {
        for await (const { line, text } of readLines(input)) {
          let row: Record<string, unknown>;
          try {
            row = JSON.parse(text) as Record<string, unknown>;
          } catch {
            yield { type: 'invalid', stream: 'events', raw: text, reason: `Line ${line}: not valid JSON` };
            continue;
          }
          const message = ga4RowMessage(row, map, `Line ${line}`);
          if (message.type === 'record' && (cursor === null || compareCursor(message.position, cursor) > 0)) {
            cursor = message.position;
          }
          yield message;
        }
        yield { type: 'page', stream: 'events' };
      }
      yield { type: 'checkpoint', cursor };
    },
  };
}

/**
 * Turns one GA4 export row into a source message (record with a content-hash key, or invalid).
 *
 * @internal
 */
export function ga4RowMessage(
  row: Record<string, unknown>,
  map: (row: Record<string, unknown>, time: string, id: string) => ModelCandidate[],
  where: string,
): SourceMessage {
  const time = parseTimestamp(row.event_timestamp, GA4_EVENT_TIMESTAMP);
  if (time === null || typeof row.event_name !== 'string') {
    return {
      type: 'invalid',
      stream: 'events',
      raw: row,
      reason: `${where}: no event_name or event_timestamp`,
    };
  }
  const id = createHash('sha1')
    .update(
      JSON.stringify([
        row.user_pseudo_id,
        row.event_timestamp,
        row.event_name,
        row.batch_event_index,
        row.batch_page_id,
        row.batch_ordering_id,
        JSON.stringify(row),
      ]),
    )
    .digest('base64url')
    .slice(0, 22);
  return {
    type: 'record',
    stream: 'events',
    raw: row,
    position: { time, id },
    key: `event:${id}`,
    map: () => map(row, time, id),
  };
}
