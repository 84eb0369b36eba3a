// Writes test/fixtures/ga4-events.parquet from test/fixtures/ga4-events.ndjson, in the column types of a GA4
// BigQuery export (event_timestamp INT64 microseconds, event_date STRING YYYYMMDD, geo and ecommerce records as JSON
// columns). Rows whose event_timestamp is not an integer are left out (Parquet's INT64 cannot hold them).
// Run: node --import tsx packages/ingest/scripts/generate-ga4-parquet.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';

const dir = join(import.meta.dirname, '..', 'test', 'fixtures');
const events = readFileSync(join(dir, 'ga4-events.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Record<string, unknown>)
  .filter((e) => /^\d+$/.test(String(e.event_timestamp)));
parquetWriteFile({
  filename: join(dir, 'ga4-events.parquet'),
  columnData: [
    { name: 'event_date', data: events.map((e) => e.event_date as string), type: 'STRING' },
    { name: 'event_timestamp', data: events.map((e) => BigInt(e.event_timestamp as string)), type: 'INT64' },
    { name: 'event_name', data: events.map((e) => e.event_name as string), type: 'STRING' },
    { name: 'user_pseudo_id', data: events.map((e) => e.user_pseudo_id as string), type: 'STRING' },
    { name: 'user_id', data: events.map((e) => (e.user_id as string | null) ?? null), type: 'STRING' },
    { name: 'platform', data: events.map((e) => e.platform as string), type: 'STRING' },
    { name: 'geo', data: events.map((e) => e.geo ?? null), type: 'JSON' },
    { name: 'ecommerce', data: events.map((e) => e.ecommerce ?? null), type: 'JSON' },
  ],
});
console.log(`wrote ${events.length} events`);
