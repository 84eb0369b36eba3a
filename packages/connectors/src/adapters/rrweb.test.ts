import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Interaction } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { memoryDeadLetters } from '../sync/dead-letter.js';
import { syncAll } from '../sync/sync-all.js';
import { type RrwebEvent, rrwebSource, rrwebTouches } from './rrweb.js';

const T0 = 1717236000000;
const meta = (ms: number, href: string): RrwebEvent => ({
  type: 4,
  data: { href, width: 390, height: 844 },
  timestamp: T0 + ms,
});
const click = (ms: number, id: number): RrwebEvent => ({
  type: 3,
  data: { source: 2, type: 2, id, x: 120, y: 610 },
  timestamp: T0 + ms,
});
const mutation = (ms: number): RrwebEvent => ({
  type: 3,
  data: { source: 0, texts: [], attributes: [], removes: [], adds: [] },
  timestamp: T0 + ms,
});
const scroll = (ms: number): RrwebEvent => ({
  type: 3,
  data: { source: 3, id: 1, x: 0, y: 1480 },
  timestamp: T0 + ms,
});

describe('rrwebTouches', () => {
  it('flags ≥3 clicks on one node within 1 s as a rage click and clicks without reaction as dead clicks', () => {
    const events = [
      meta(0, 'https://shop.example/cart'),
      { type: 2, data: { node: {}, initialOffset: { top: 0, left: 0 } }, timestamp: T0 + 1 },
      click(1000, 42), // answered by a mutation at 1200: alive
      mutation(1200),
      click(3000, 7), // rage burst on node 7: 3000, 3300, 3900 (within 1 s of the first); nothing reacts
      click(3300, 7),
      click(3900, 7),
      scroll(4000), // scrolling is not a reaction to a click
      click(6000, 7), // 2.1 s after the burst start: a new, single dead click
      meta(6500, 'https://shop.example/checkout'), // navigation 500 ms after: alive
    ];
    const touches = rrwebTouches(events);
    expect(touches.map((t) => [t.name, t.timestamp - T0])).toEqual([
      ['page_view', 0],
      ['click', 1000],
      ['click', 3000],
      ['rage_click', 3000],
      ['dead_click', 3000],
      ['click', 3300],
      ['dead_click', 3300],
      ['click', 3900],
      ['dead_click', 3900],
      ['click', 6000],
      ['page_view', 6500],
    ]);
    expect(touches.find((t) => t.name === 'rage_click')?.properties).toEqual({
      nodeId: 7,
      clicks: 3,
      painPoint: true,
      evidence: 'rage-click',
    });
    expect(rrwebTouches(events, { rageClick: { minClicks: 4 } }).some((t) => t.name === 'rage_click')).toBe(
      false,
    );
  });
});

describe('rrwebSource', () => {
  it('turns recordings (JSON array file, NDJSON stream) into session interactions with pain-point evidence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-rrweb-'));
    const file = join(dir, 's1.json');
    writeFileSync(
      file,
      JSON.stringify([
        meta(0, 'https://shop.example/cart'),
        click(100, 5),
        click(200, 5),
        click(300, 5),
        { bogus: true },
      ]),
    );
    const ndjson = () =>
      Readable.from([
        `${JSON.stringify(meta(50, 'https://shop.example/'))}\n${JSON.stringify(click(60, 1))}\n${JSON.stringify(mutation(70))}\n`,
      ]);
    const dead = memoryDeadLetters();
    const result = await syncAll(
      rrwebSource({
        recordings: [
          { input: file, sessionId: 's1', customerId: 'crm-501' },
          { input: ndjson, sessionId: 's2', anonymousId: 'dev-9' },
        ],
      }),
      { deadLetters: dead },
    );
    expect(dead.letters.map((l) => l.raw)).toEqual([{ bogus: true }]);
    const s1 = result.items.map((i) => i.record.value as Interaction).filter((v) => v.id.startsWith('s1:'));
    expect(s1.map((v) => v.name)).toEqual([
      'page_view',
      'click',
      'rage_click',
      'dead_click',
      'click',
      'dead_click',
      'click',
      'dead_click',
    ]);
    expect(s1[2]).toMatchObject({
      sessionId: 's1',
      customerId: 'crm-501',
      touchpointId: '/cart',
      properties: { painPoint: true, href: 'https://shop.example/cart' },
    });
    const s2 = result.items.map((i) => i.record.value as Interaction).filter((v) => v.id.startsWith('s2:'));
    expect(s2.map((v) => [v.name, 'anonymousId' in v ? v.anonymousId : null])).toEqual([
      ['page_view', 'dev-9'],
      ['click', 'dev-9'],
    ]);
    const again = await syncAll(
      rrwebSource({ recordings: [{ input: file, sessionId: 's1', customerId: 'crm-501' }] }),
      { state: result.state },
    );
    expect(again.records).toBe(0);
  });
});
