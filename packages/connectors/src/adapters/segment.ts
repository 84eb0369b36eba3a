import type { JsonValue } from '@cx/model';
import { parseOptions } from '@cx/model';
import { z } from 'zod';
import { type FileInput, readLines } from '../files/input.js';
import { parseTimestamp, toJsonValue, toNumber } from '../mapping.js';
import { eventRuleOption, fileInputOption, msOption } from '../options.js';
import { own, setOwn } from '../own.js';
import type { ModelCandidate, Source, SourceMessage } from '../sync/source.js';
import { type CursorPosition, compareCursor } from '../sync/state.js';
import { compact } from './http-source.js';
import { type EventRule, eventInteraction } from './mixpanel.js';

/**
 * Options of {@link segmentSource}.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface SegmentSourceOptions {
  /** NDJSON file(s) or stream factories: one message per line, or `{"batch":[…]}` objects per line. */
  readonly input: FileInput | readonly FileInput[];
  /** Which spec flavour produced the data (only changes the source tag; default `segment`). */
  readonly flavor?: 'segment' | 'rudderstack';
  /** Event name → journey mapping (track events; `page`/`screen` use their `name`). */
  readonly events?: Readonly<Record<string, EventRule>>;
  /** Create an order from `Order Completed` when `userId` is known (default `true`). */
  readonly orders?: boolean;
  /** Currency when an order has none (default `USD`). */
  readonly currency?: string;
  /** Lookback in ms (default 1 day). */
  readonly lookbackMs?: number;
}

interface SegmentMessage {
  readonly type?: string;
  readonly messageId?: string;
  readonly userId?: string | null;
  readonly anonymousId?: string | null;
  readonly event?: string;
  readonly name?: string;
  readonly timestamp?: string;
  readonly receivedAt?: string;
  readonly originalTimestamp?: string;
  readonly properties?: Record<string, unknown>;
  readonly traits?: Record<string, unknown>;
  readonly context?: {
    readonly traits?: Record<string, unknown>;
    readonly page?: { readonly url?: string };
    readonly channel?: string;
  } & Record<string, unknown>;
  readonly channel?: string;
  readonly [k: string]: unknown;
}

const CHANNEL: Record<string, string> = {
  web: 'web',
  mobile: 'mobile-app',
  server: 'other',
  sources: 'other',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const segmentSourceSchema = z.strictObject({
  input: z.union([fileInputOption, z.array(fileInputOption).min(1)]),
  flavor: z.enum(['segment', 'rudderstack']).optional(),
  events: z.record(z.string(), eventRuleOption).optional(),
  orders: z.boolean().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'Expected an ISO 4217 code such as EUR' })
    .optional(),
  lookbackMs: msOption.optional(),
});

/**
 * Segment / RudderStack tracking-spec source reading NDJSON files (messages or batches): `track`, `page`,
 * `screen`, `group` and `alias` become interactions (page views `page_view`, screens `screen_view`),
 * `identify` becomes a customer (with `userId`), and `Order Completed` with a `userId` also becomes an order.
 * Deduplicated by `messageId`; cursor on `receivedAt` (else `timestamp`).
 *
 * @param options - Input files and event rules.
 * @returns The source.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { segmentSource, syncAll } from '@cx/connectors';
 * import { Readable } from 'node:stream';
 * const line = JSON.stringify({ type: 'page', name: 'Cart', messageId: 'm1', anonymousId: 'a1', timestamp: '2024-06-01T10:00:00Z' });
 * const { items } = await syncAll(segmentSource({ input: () => Readable.from([line]) }));
 * console.log(items[0]?.record.value.id); // 'm1'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function segmentSource(options: SegmentSourceOptions): Source {
  parseOptions(segmentSourceSchema, options, 'segmentSource');
  const flavor = options.flavor ?? 'segment';
  const inputs = Array.isArray(options.input)
    ? (options.input as readonly FileInput[])
    : [options.input as FileInput];

  const map = (m: SegmentMessage, time: string, id: string): ModelCandidate[] => {
    const properties: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(m.properties ?? {})) setOwn(properties, k, toJsonValue(v));
    for (const k of [
      'context',
      'integrations',
      'sentAt',
      'receivedAt',
      'originalTimestamp',
      'groupId',
      'previousId',
      'traits',
    ] as const) {
      if (m[k] !== undefined && m.type !== 'identify') properties[`$${k}`] = toJsonValue(m[k]);
    }
    const userId = m.userId ?? undefined;
    const anonymousId = m.anonymousId ?? undefined;
    const channel =
      CHANNEL[m.channel ?? m.context?.channel ?? ''] ?? (m.type === 'screen' ? 'mobile-app' : 'web');
    if (m.type === 'identify') {
      const traits = { ...m.context?.traits, ...m.traits };
      const email = typeof traits.email === 'string' && EMAIL.test(traits.email) ? traits.email : undefined;
      const attributes: Record<string, JsonValue> = {};
      for (const [k, v] of Object.entries(traits))
        if (k !== 'name' && !(k === 'email' && email)) setOwn(attributes, k, toJsonValue(v));
      if (anonymousId !== undefined) attributes.anonymousId = anonymousId;
      return [
        {
          kind: 'customer',
          value: compact({
            id: userId,
            type: 'consumer',
            name: typeof traits.name === 'string' ? traits.name : undefined,
            email,
            firstSeenAt: time,
            attributes,
          }),
        },
      ];
    }
    const name =
      m.type === 'track'
        ? (m.event ?? 'track')
        : m.type === 'page'
          ? 'page_view'
          : m.type === 'screen'
            ? 'screen_view'
            : (m.type ?? 'event');
    const rule = own(options.events, m.type === 'track' ? (m.event ?? '') : (m.name ?? ''));
    const out: ModelCandidate[] = [
      eventInteraction({
        id,
        name,
        timestamp: time,
        customerId: userId,
        anonymousId,
        channel,
        rule:
          rule ??
          (m.type === 'page' || m.type === 'screen'
            ? m.name
              ? { touchpointId: m.name }
              : undefined
            : undefined),
        url: m.context?.page?.url ?? m.properties?.url,
        source: flavor,
        properties: m.name !== undefined ? { ...properties, $name: m.name } : properties,
      }),
    ];
    if (
      options.orders !== false &&
      m.type === 'track' &&
      m.event === 'Order Completed' &&
      userId !== undefined
    ) {
      const p = m.properties ?? {};
      const products = Array.isArray(p.products) ? (p.products as Array<Record<string, unknown>>) : [];
      out.push({
        kind: 'order',
        value: compact({
          id: String(p.order_id ?? id),
          customerId: userId,
          orderedAt: parseTimestamp(m.timestamp ?? m.originalTimestamp) ?? time,
          amount: toNumber(p.revenue) ?? toNumber(p.total),
          currency: typeof p.currency === 'string' ? p.currency.toUpperCase() : (options.currency ?? 'USD'),
          status: 'placed',
          channel,
          items: products.map((x) =>
            compact({
              sku: String(x.sku ?? x.product_id ?? ''),
              name: typeof x.name === 'string' ? x.name : undefined,
              quantity: toNumber(x.quantity) ?? 1,
              unitPrice: toNumber(x.price) ?? 0,
              category: typeof x.category === 'string' ? x.category : undefined,
            }),
          ),
          properties: { messageId: id },
        }),
      });
    }
    return out;
  };

  return {
    name: flavor,
    lookbackMs: options.lookbackMs ?? 86_400_000,
    lagMs: 0,
    async *read(): AsyncGenerator<SourceMessage> {
      let cursor: CursorPosition | null = null;
      for (const input of inputs) {
        for await (const { line, text } of readLines(input)) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            yield { type: 'invalid', stream: 'messages', raw: text, reason: `Line ${line}: not valid JSON` };
            continue;
          }
          const batch = (parsed as { batch?: unknown })?.batch;
          const messages = Array.isArray(batch) ? (batch as unknown[]) : [parsed];
          for (const raw of messages) {
            const m = raw as SegmentMessage;
            const time = parseTimestamp(m?.receivedAt ?? m?.timestamp ?? m?.originalTimestamp);
            const id = m?.messageId;
            if (time === null || typeof id !== 'string' || id === '') {
              yield {
                type: 'invalid',
                stream: 'messages',
                raw,
                reason: `Line ${line}: no messageId or timestamp`,
              };
              continue;
            }
            const position = { time, id };
            if (cursor === null || compareCursor(position, cursor) > 0) cursor = position;
            yield {
              type: 'record',
              stream: 'messages',
              raw,
              position,
              key: `message:${id}`,
              map: () => map(m, parseTimestamp(m.timestamp) ?? time, id),
            };
          }
        }
        yield { type: 'page', stream: 'messages' };
      }
      yield { type: 'checkpoint', cursor };
    },
  };
}
