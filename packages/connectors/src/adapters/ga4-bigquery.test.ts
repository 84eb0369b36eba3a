import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { syncAll } from '../sync/sync-all.js';
import { flattenGa4Params, ga4BigQuerySource } from './ga4-bigquery.js';

const purchase = {
  event_date: '20240601',
  event_timestamp: '1717236000123456',
  event_name: 'purchase',
  user_pseudo_id: '1197596843.1717230000',
  user_id: 'crm-501',
  batch_event_index: '3',
  event_params: [
    { key: 'ga_session_id', value: { int_value: '1717230000' } },
    { key: 'page_location', value: { string_value: 'https://shop.example/checkout/thanks' } },
    { key: 'value', value: { double_value: 59.9 } },
    { key: 'currency', value: { string_value: 'EUR' } },
    { key: 'transaction_id', value: { string_value: 'T-1001' } },
    { key: 'big', value: { int_value: '9007199254740993' } },
  ],
  device: { category: 'mobile' },
  geo: { country: 'Germany' },
  traffic_source: { source: 'google', medium: 'organic' },
  platform: 'WEB',
  ecommerce: {
    transaction_id: 'T-1001',
    purchase_revenue: 59.9,
    total_item_quantity: '2',
    unique_items: '1',
  },
  items: [{ item_id: 'SKU_1', item_name: 'Tee', price: 29.95, quantity: '2', item_revenue: 59.9 }],
};

describe('flattenGa4Params', () => {
  it('coalesces value slots; INT64 strings become numbers only when safe', () => {
    expect(flattenGa4Params(purchase.event_params)).toEqual({
      ga_session_id: 1717230000,
      page_location: 'https://shop.example/checkout/thanks',
      value: 59.9,
      currency: 'EUR',
      transaction_id: 'T-1001',
      big: '9007199254740993', // 2^53 + 1 is not representable as a double
    });
  });
});

describe('ga4BigQuerySource', () => {
  it('maps export rows to interactions and purchases to orders, keeping µs timestamps verbatim', async () => {
    const view = {
      ...purchase,
      event_name: 'add_to_cart',
      event_timestamp: '1717235990000001',
      user_id: null,
      items: [],
      ecommerce: null,
    };
    const lines = [JSON.stringify(view), JSON.stringify(purchase), JSON.stringify(purchase)].join('\n');
    const result = await syncAll(ga4BigQuerySource({ input: () => Readable.from([lines]) }));
    expect(result.duplicates).toBe(1); // the same exported row twice (e.g. daily + intraday overlap)
    const [cart, event, order] = result.items.map((i) => i.record);
    expect(cart?.value).toMatchObject({
      name: 'add_to_cart',
      stageId: 'decision',
      anonymousId: '1197596843.1717230000',
      timestamp: '2024-06-01T09:59:50.000Z',
    });
    expect(event).toMatchObject({
      kind: 'interaction',
      value: {
        name: 'purchase',
        customerId: 'crm-501',
        timestamp: '2024-06-01T10:00:00.123Z',
        sessionId: '1197596843.1717230000:1717230000',
        touchpointId: '/checkout/thanks',
        channel: 'web',
        properties: expect.objectContaining({
          event_timestamp: '1717236000123456',
          geo: { country: 'Germany' },
        }),
      },
    });
    expect(order).toEqual({
      kind: 'order',
      value: expect.objectContaining({
        id: 'T-1001',
        customerId: 'crm-501',
        amount: 59.9,
        currency: 'EUR',
        status: 'paid',
        items: [{ sku: 'SKU_1', name: 'Tee', quantity: 2, unitPrice: 29.95 }],
      }),
    });
    // re-reading the last 3 days (late events) yields nothing already delivered
    const again = await syncAll(ga4BigQuerySource({ input: () => Readable.from([lines]) }), {
      state: result.state,
    });
    expect(again.records).toBe(0);
  });
});
