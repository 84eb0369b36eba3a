// Generates data/ga4-events.ndjson.gz once from @cx/sample-data (committed; rerun to regenerate):
//   node --conditions=@cx/source --import tsx examples/ga4-retention/scripts/generate-export.ts
// The rows follow the GA4 BigQuery export schema (events_YYYYMMDD tables exported as NDJSON): microsecond
// `event_timestamp` as a string, repeated `event_params` with typed value slots, `user_id` / `user_pseudo_id`,
// `device`, `geo`, `platform`, `ecommerce` and `items` on purchases, and the automatic `first_visit` and
// `session_start` events GA4 adds.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Customer, Interaction } from '@cx/model';
import { createSampleShop } from '@cx/sample-data';

type Param = { key: string; value: Record<string, string | number> };

function param(key: string, value: unknown): Param | undefined {
  if (typeof value === 'string') return { key, value: { string_value: value } };
  if (typeof value === 'number' && Number.isInteger(value))
    return { key, value: { int_value: String(value) } };
  if (typeof value === 'number') return { key, value: { double_value: value } };
  return undefined;
}

const digits = (text: string, n: number) =>
  String(Number.parseInt(createHash('sha1').update(text).digest('hex').slice(0, 12), 16)).slice(0, n);

const shop = createSampleShop({ seed: 2025, customers: 240, start: '2025-01-01T00:00:00.000Z', days: 181 });
const customers = new Map<string, Customer>([...shop.customers()].map((c) => [c.id, c]));
const rows: string[] = [];
const seenUser = new Set<string>();
const seenSession = new Set<string>();

function row(i: Interaction, name: string, micros: bigint, extra: Param[] = []): void {
  const customer = i.customerId === undefined ? undefined : customers.get(i.customerId);
  const pseudo = `${digits(`${i.customerId}`, 10)}.${Math.floor(Date.parse(customer?.firstSeenAt ?? i.timestamp) / 1000)}`;
  const app = i.channel === 'mobile-app';
  const sessionId = Number(digits(`${i.sessionId}`, 10));
  const params = [
    param('ga_session_id', sessionId),
    param('ga_session_number', Number(/-s(\d+)$/.exec(i.sessionId ?? '')?.[1] ?? 1)),
    param('page_location', app ? undefined : `https://sowa.example/${i.touchpointId ?? ''}`),
    param('engagement_time_msec', 1000 + (Number(digits(i.id + name, 6)) % 60_000)),
    // the event's own properties; `device` and the item count are export columns, not params
    ...(name === i.name
      ? Object.entries(i.properties)
          .filter(([k]) => k !== 'device' && k !== 'items')
          .map(([k, v]) => param(k, v))
      : []),
    ...extra,
  ].filter((p): p is Param => p !== undefined);
  const day = new Date(Number(micros / 1000n)).toISOString().slice(0, 10).replaceAll('-', '');
  const purchase = name === 'purchase';
  rows.push(
    JSON.stringify({
      event_date: day,
      event_timestamp: String(micros),
      event_name: name,
      event_params: params,
      user_id: i.customerId ?? null,
      user_pseudo_id: pseudo,
      user_first_touch_timestamp: String(BigInt(Date.parse(customer?.firstSeenAt ?? i.timestamp)) * 1000n),
      device: {
        category: app || i.properties.device === 'mobile' ? 'mobile' : 'desktop',
        operating_system: app ? 'Android' : i.properties.device === 'mobile' ? 'iOS' : 'Windows',
        language: String(customer?.attributes.language ?? 'pl'),
      },
      geo: {
        country: String(customer?.attributes.country ?? 'PL'),
        city: String(customer?.attributes.city ?? ''),
      },
      platform: app ? 'ANDROID' : 'WEB',
      stream_id: app ? '4178215603' : '4178215602',
      ecommerce: purchase
        ? {
            transaction_id: String(i.properties.transaction_id ?? i.id),
            purchase_revenue: Number(i.properties.value ?? 0),
            total_item_quantity: Number(i.properties.items ?? 1),
          }
        : null,
      items: [],
    }),
  );
}

for (const i of shop.interactions()) {
  if (i.channel !== 'web' && i.channel !== 'mobile-app') continue; // GA4 sees the web shop and the app only
  const micros = BigInt(Date.parse(i.timestamp)) * 1000n + BigInt(Number(digits(i.id, 3)));
  const user = i.customerId ?? '';
  if (!seenUser.has(user)) {
    seenUser.add(user);
    row(i, 'first_visit', micros - 2n);
  }
  if (i.sessionId !== undefined && !seenSession.has(i.sessionId)) {
    seenSession.add(i.sessionId);
    row(i, 'session_start', micros - 1n);
  }
  row(i, i.name, micros);
}
rows.sort((a, b) => (JSON.parse(a).event_timestamp < JSON.parse(b).event_timestamp ? -1 : 1)); // export order: by time
const path = new URL('../data/ga4-events.ndjson.gz', import.meta.url);
const gz = gzipSync(`${rows.join('\n')}\n`, { level: 9 });
writeFileSync(path, gz);
console.log(
  `${rows.length} rows, ${customers.size} customers, ${gz.length} bytes gzipped -> ${path.pathname}`,
);
