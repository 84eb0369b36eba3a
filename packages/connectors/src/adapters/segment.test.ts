import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { Interaction } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { expectExactlyOnce } from '../../test/helpers/exactly-once.js';
import { memoryDeadLetters } from '../sync/dead-letter.js';
import { syncAll } from '../sync/sync-all.js';
import { segmentSource } from './segment.js';

const track = {
  type: 'track',
  event: 'Order Completed',
  messageId: 'ajs-7f1c',
  anonymousId: 'a-5e1',
  userId: 'crm-501',
  timestamp: '2024-06-01T10:00:00.120Z',
  receivedAt: '2024-06-01T10:00:01.010Z',
  context: {
    page: { url: 'https://shop.example/thanks' },
    campaign: { source: 'newsletter', medium: 'email' },
  },
  properties: {
    order_id: 'T-1001',
    total: 64.9,
    revenue: 59.9,
    shipping: 5,
    tax: 0,
    currency: 'EUR',
    products: [{ product_id: 'SKU_1', name: 'Tee', price: 29.95, quantity: 2 }],
  },
};
const identify = {
  type: 'identify',
  messageId: 'm-id-1',
  userId: 'crm-501',
  anonymousId: 'a-5e1',
  traits: { email: 'ana@example.com', name: 'Ana', plan: 'pro' },
  timestamp: '2024-06-01T09:59:00Z',
};
const page = {
  type: 'page',
  name: 'Cart',
  messageId: 'm-p-1',
  anonymousId: 'a-5e1',
  timestamp: '2024-06-01T09:58:00Z',
  properties: { path: '/cart' },
};
const screen = {
  type: 'screen',
  name: 'Home',
  messageId: 'm-s-1',
  userId: 'crm-7',
  channel: 'mobile',
  timestamp: '2024-06-01T09:57:00Z',
};
const alias = {
  type: 'alias',
  previousId: 'a-5e1',
  userId: 'crm-501',
  messageId: 'm-2',
  timestamp: '2024-06-01T10:00:02Z',
};

describe('segmentSource', () => {
  it('maps track/identify/page/screen/alias from NDJSON and batch lines, deduplicating by messageId', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-seg-'));
    const file = join(dir, 'day.ndjson.gz');
    writeFileSync(
      file,
      gzipSync([JSON.stringify(track), JSON.stringify({ batch: [identify, page, track] })].join('\n')),
    );
    const rudder = () =>
      Readable.from([
        `${JSON.stringify({ ...screen })}\n${JSON.stringify(alias)}\n{"type":"track","event":"x"}\n`,
      ]);
    const dead = memoryDeadLetters();
    const result = await syncAll(
      segmentSource({ input: [file, rudder], events: { 'Order Completed': { stageId: 'purchase' } } }),
      {
        deadLetters: dead,
      },
    );
    expect(result.duplicates).toBe(1); // the track message repeated inside the batch
    expect(dead.letters.map((l) => l.reason)).toEqual(['Line 3: no messageId or timestamp']);
    const byKind = (k: string) =>
      result.items.filter((i) => i.record.kind === k).map((i) => i.record.value as Interaction);
    expect(byKind('order')).toEqual([
      expect.objectContaining({
        id: 'T-1001',
        customerId: 'crm-501',
        amount: 59.9,
        currency: 'EUR',
        items: [{ sku: 'SKU_1', name: 'Tee', quantity: 2, unitPrice: 29.95 }],
        orderedAt: '2024-06-01T10:00:00.120Z',
      }),
    ]);
    expect(byKind('customer')).toEqual([
      expect.objectContaining({
        id: 'crm-501',
        email: 'ana@example.com',
        name: 'Ana',
        attributes: { plan: 'pro', anonymousId: 'a-5e1' },
      }),
    ]);
    const interactions = byKind('interaction');
    expect(interactions.map((i) => [i.id, i.name, i.channel])).toEqual([
      ['ajs-7f1c', 'Order Completed', 'web'],
      ['m-p-1', 'page_view', 'web'],
      ['m-s-1', 'screen_view', 'mobile-app'],
      ['m-2', 'alias', 'web'],
    ]);
    expect(interactions[0]).toMatchObject({
      stageId: 'purchase',
      touchpointId: '/thanks',
      timestamp: '2024-06-01T10:00:00.120Z',
    });
    expect(interactions[1]).toMatchObject({ touchpointId: 'Cart' });
    expect(interactions[3]).toMatchObject({ properties: { $previousId: 'a-5e1' } });
    expectExactlyOnce(
      result.items.filter((i) => i.record.kind === 'interaction'),
      ['ajs-7f1c', 'm-p-1', 'm-s-1', 'm-2'],
    );
    // a second run over the same files delivers nothing new
    const again = await syncAll(segmentSource({ input: [file, rudder] }), { state: result.state });
    expect(again.records).toBe(0);
  });
});
