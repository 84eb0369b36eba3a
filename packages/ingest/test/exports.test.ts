// Real export shapes, each read with a few lines of mapping. Expected values are read off the fixture files by hand.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineMapping, readAll, readColumns, readRecords } from '../src/index.js';

const fixture = (name: string): { path: string } => ({ path: join(import.meta.dirname, 'fixtures', name) });

describe('exports of real tools', () => {
  it('Shopify orders: one row per line item, "+0100" offsets, status vocabulary', async () => {
    const { records, summary } = await readAll(fixture('shopify-orders.csv'), {
      mapping: {
        kind: 'order',
        fields: {
          id: 'Name',
          customerId: 'Email',
          orderedAt: 'Created at',
          amount: 'Total',
          currency: 'Currency',
          status: {
            column: 'Financial Status',
            values: { paid: 'paid', refunded: 'refunded', pending: 'placed', voided: 'cancelled' },
          },
          channel: { column: 'Source', values: { web: 'web', pos: 'physical-store' } },
        },
        skip: (row) => row.Total === '', // the extra line-item rows of an order
      },
    });
    expect(summary).toMatchObject({ rowsIn: 5, rowsOut: 4, rejected: 0, skipped: 1 });
    expect(records.map((o) => [o.id, o.orderedAt, o.amount, o.status])).toEqual([
      ['#1001', '2024-03-02T08:13:51.000Z', 194.8, 'paid'],
      ['#1002', '2024-03-05T17:39:58.000Z', 59, 'refunded'],
      ['#1003', '2024-03-31T00:59:59.000Z', 1234.5, 'placed'],
      ['#1004', '2024-04-12T05:59:10.000Z', 109.9, 'paid'],
    ]);
    expect(records[3]?.channel).toBe('physical-store');
  });

  it('WooCommerce orders (Analytics download): site-local times, "Completed" mapped, a grouped amount', async () => {
    const read = readRecords(fixture('woocommerce-orders.csv'), {
      mapping: {
        kind: 'order',
        timeZone: 'Europe/Warsaw',
        decimal: '.',
        fields: {
          id: 'Order #',
          customerId: 'Customer',
          orderedAt: 'Date',
          amount: 'Net Sales',
          currency: { value: 'PLN' },
          status: {
            column: 'Status',
            values: { Completed: 'paid', Processing: 'paid', Refunded: 'refunded', 'On hold': 'placed' },
          },
        },
      },
    });
    const orders = [];
    for await (const { value } of read) orders.push(value);
    expect(orders.map((o) => [o.id, o.orderedAt, o.amount, o.status])).toEqual([
      ['2317', '2024-05-02T12:05:33.000Z', 89.99, 'paid'], // CEST, UTC+2
      ['2318', '2024-05-03T07:12:00.000Z', 45.5, 'paid'],
      ['2319', '2024-05-04T19:47:10.000Z', 25, 'refunded'],
      ['2320', '2024-05-05T06:00:00.000Z', 89.99, 'placed'],
      ['2321', '2024-05-06T08:30:00.000Z', 1299, 'paid'],
    ]);
  });

  it('Typeform NPS responses: UTC submit dates, a hidden customer field, an empty score and a multi-line comment', async () => {
    const { records, summary } = await readAll(fixture('typeform-nps.csv'), {
      mapping: {
        kind: 'surveyResponse',
        timeZone: 'UTC',
        fields: {
          id: '#',
          score: 'How likely are you to recommend Kawiarnia to a friend or colleague?',
          comment: 'What is the main reason for your score?',
          customerId: 'customer_id',
          respondedAt: 'Submit Date (UTC)',
          surveyId: { value: 'nps-2024' },
          metric: { value: 'nps' },
          scale: { value: { min: 0, max: 10 } },
        },
      },
    });
    expect(records.map((r) => [r.id, r.score, r.respondedAt])).toEqual([
      ['r8k2m1', 10, '2024-01-31T22:31:40.000Z'],
      ['r8k2m2', 6, '2024-02-02T08:01:55.000Z'],
      ['r8k2m3', 9, '2024-02-15T12:03:00.000Z'],
      ['r8k2m5', 3, '2024-03-01T18:05:00.000Z'],
    ]);
    expect(records[3]?.comment).toBe('Zamówienie przyszło zniszczone\ni nikt nie odpisał');
    expect(summary.deadLetters).toMatchObject([
      { line: 5, field: 'score', code: 'missing_value', column: 8 },
    ]);
  });

  it('HubSpot contacts: account-local create dates, lifecycle stage as segment, the record id', async () => {
    const { records, summary } = await readAll(fixture('hubspot-contacts.csv'), {
      mapping: {
        kind: 'customer',
        timeZone: 'Europe/Warsaw',
        fields: {
          id: 'Record ID',
          type: { value: 'consumer' },
          email: 'Email',
          firstSeenAt: 'Create Date',
          segment: 'Lifecycle Stage',
        },
        properties: ['Lead Status'],
      },
    });
    expect(summary).toMatchObject({ rowsIn: 4, rowsOut: 4, rejected: 0 });
    expect(records[0]).toMatchObject({
      id: '501',
      email: 'anna.nowak@example.com',
      firstSeenAt: '2023-11-20T09:15:00.000Z',
      segment: 'customer',
      attributes: { 'Lead Status': 'Open' },
    });
    expect(records[3]).not.toHaveProperty('email');
  });

  it('GA4 BigQuery export as NDJSON: microsecond timestamps declared as such, nested fields by path', async () => {
    const mapping = defineMapping({
      kind: 'interaction',
      fields: {
        id: { generate: ['user_pseudo_id', 'event_timestamp', 'event_name'] },
        anonymousId: 'user_pseudo_id',
        customerId: 'user_id',
        timestamp: { column: 'event_timestamp', epoch: 'us' },
        name: 'event_name',
        channel: { value: 'web' },
      },
      properties: ['geo.country'],
    });
    const { records, summary } = await readAll(fixture('ga4-events.ndjson'), { mapping });
    expect(summary).toMatchObject({ rowsIn: 5, rowsOut: 4, rejected: 1 });
    expect(records.map((e) => [e.timestamp, e.name, e.customerId ?? null])).toEqual([
      ['2024-03-01T08:00:00.123Z', 'session_start', 'anna.nowak@example.com'],
      ['2024-03-01T08:01:05.000Z', 'view_item', 'anna.nowak@example.com'],
      ['2024-03-02T09:13:51.000Z', 'purchase', 'anna.nowak@example.com'],
      ['2024-03-05T17:39:58.000Z', 'purchase', null],
    ]);
    expect(records[0]?.properties).toEqual({ 'geo.country': 'Poland' });
    expect(records[0]?.id).toMatch(/^h[0-9a-f]{16}$/);
    expect(summary.deadLetters[0]).toMatchObject({
      line: 5,
      field: 'timestamp',
      code: 'invalid_instant',
      raw: 'not-a-number',
    });
  });

  it('GA4 BigQuery export as Parquet gives the same interactions as the NDJSON export', async () => {
    const mapping = defineMapping({
      kind: 'interaction',
      fields: {
        id: { generate: ['user_pseudo_id', 'event_timestamp', 'event_name'] },
        anonymousId: 'user_pseudo_id',
        customerId: 'user_id',
        timestamp: { column: 'event_timestamp', epoch: 'us' },
        name: 'event_name',
        channel: { value: 'web' },
      },
      properties: ['geo.country'],
    });
    const parquet = await readAll(fixture('ga4-events.parquet'), { mapping });
    const ndjson = await readAll(fixture('ga4-events.ndjson'), { mapping });
    expect(parquet.records).toEqual(ndjson.records);
  });

  const polishMapping = defineMapping({
    kind: 'order',
    timeZone: 'Europe/Warsaw',
    decimal: ',',
    fields: {
      id: 'Numer zamówienia',
      customerId: 'E-mail klienta',
      orderedAt: 'Data zamówienia',
      amount: 'Wartość',
      status: {
        column: 'Status',
        values: { opłacone: 'paid', zwrócone: 'refunded', anulowane: 'cancelled', 'w realizacji': 'placed' },
      },
    },
  });

  it('a Polish shop export: ";", local Warsaw times, "1 234,50 zł", Polish statuses', async () => {
    const { records, summary } = await readAll(fixture('polish-shop-orders.csv'), {
      delimiter: ';',
      mapping: polishMapping,
    });
    // 23:30 on 31 January in Warsaw (UTC+1) is 22:30 UTC, still January; "1 234,50 zł" is 1234.5 PLN.
    expect(records[0]).toMatchObject({
      id: 'ZAM/2024/0001',
      orderedAt: '2024-01-31T22:30:00.000Z',
      amount: 1234.5,
      currency: 'PLN',
      status: 'paid',
    });
    expect(records.map((o) => o.id)).toEqual([
      'ZAM/2024/0001',
      'ZAM/2024/0002',
      'ZAM/2024/0004',
      'ZAM/2024/0005',
      'ZAM/2024/0006',
    ]);
    // "1,234 zł" with decimal "," is 1.234 zł: read as declared, not guessed.
    expect(records[2]?.amount).toBe(1.234);
    expect(summary.deadLetters).toMatchObject([
      { line: 4, field: 'orderedAt', code: 'nonexistent_local_time', column: 15, raw: '2024-03-31 02:30' },
    ]);
  });

  it('the same export in Windows-1250 reads the same once the encoding is given, and names the encoding otherwise', async () => {
    const utf8 = await readAll(fixture('polish-shop-orders.csv'), { delimiter: ';', mapping: polishMapping });
    const cp1250 = await readAll(fixture('polish-shop-orders.cp1250.csv'), {
      delimiter: ';',
      encoding: 'windows-1250',
      mapping: polishMapping,
    });
    expect(cp1250.records).toEqual(utf8.records);
    await expect(
      readAll(fixture('polish-shop-orders.cp1250.csv'), { delimiter: ';', mapping: polishMapping }),
    ).rejects.toThrow(/not valid UTF-8/);
  });

  it('a forgotten ";" delimiter is an error that names the delimiter', async () => {
    await expect(readAll(fixture('polish-shop-orders.csv'), { mapping: polishMapping })).rejects.toThrow(
      /looks ";"-delimited: pass delimiter: ";"/,
    );
  });

  it('the column path reads the Polish export to the same values', async () => {
    const stream = readColumns(fixture('polish-shop-orders.csv'), { delimiter: ';', mapping: polishMapping });
    const amounts: number[] = [];
    for await (const batch of stream) amounts.push(...(batch.columns.amount as Float64Array));
    expect(amounts).toEqual([1234.5, 89.99, 1.234, 249, 19.9]);
    expect(stream.summary).toMatchObject({ rowsIn: 6, rowsOut: 5, rejected: 1 });
  });
});
