import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { expectExactlyOnce } from '../../test/helpers/exactly-once.js';
import { sendJson, startServer, type TestServer } from '../../test/helpers/server.js';
import { CommittingStore } from '../../test/helpers/store.js';
import { basicAuth } from '../auth/simple.js';
import { CxQuotaExceededError } from '../errors.js';
import { memoryDeadLetters } from '../sync/dead-letter.js';
import { sync } from '../sync/sync.js';
import { syncAll } from '../sync/sync-all.js';
import { mixpanelSource } from './mixpanel.js';

const DAY1 = Date.parse('2024-06-01T00:00:00Z') / 1000;
const event = (n: number, day: number, extra: Record<string, unknown> = {}) => ({
  event: n % 3 === 0 ? 'Order Completed' : 'Page Viewed',
  properties: {
    time: DAY1 + day * 86_400 + n * 60,
    distinct_id: `crm-${n % 4}`,
    $insert_id: `ins-${day}-${n}`,
    mp_processing_time_ms: (DAY1 + day * 86_400 + n * 60) * 1000 + 2874,
    $city: 'Berlin',
    $browser: 'Chrome',
    $current_url: 'https://shop.example/cart',
    ...(n % 2 === 0 ? { $user_id: `crm-${n % 4}` } : { $device_id: `dev-${n}` }),
    ...extra,
  },
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('mixpanelSource', () => {
  it('exports day by day (gzip JSONL), dedupes repeated $insert_id, re-reads a day whose stream broke', async () => {
    const days = [
      [event(1, 0), event(2, 0), event(2, 0), event(3, 0)], // raw export repeats an event
      [event(4, 1), event(5, 1, { new_prop: { nested: true } })],
    ];
    let calls = 0;
    server = await startServer((req, res) => {
      calls++;
      const day = req.url.searchParams.get('from_date') === '2024-06-01' ? 0 : 1;
      const body = `${(days[day] ?? []).map((e) => JSON.stringify(e)).join('\n')}\nnot-json\n`;
      if (calls === 2)
        return sendJson(res, 429, { error: 'rate limited' }, { headers: { 'retry-after': '3' } });
      if (calls === 3) {
        // first line then a reset: the day must be re-read
        res.writeHead(200, { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' });
        res.write(`${JSON.stringify(days[day]?.[0])}\n`);
        setTimeout(() => res.socket?.destroy(), 10);
        return;
      }
      const gz = gzipSync(body);
      res.writeHead(200, {
        'content-type': 'text/plain',
        'content-encoding': 'gzip',
        'transfer-encoding': 'chunked',
      });
      res.write(gz.subarray(0, 10));
      res.end(gz.subarray(10));
    });
    const dead = memoryDeadLetters();
    const delays: number[] = [];
    const result = await syncAll(
      mixpanelSource({
        baseUrl: server.url,
        projectId: '123',
        auth: basicAuth('sa.user', 'MP-SECRET-xyz'),
        events: { 'Order Completed': { stageId: 'purchase', touchpointId: 'checkout' } },
        http: { sleep: async (ms) => void delays.push(ms), random: () => 0 },
      }),
      { startAt: '2024-06-01T00:00:00Z', now: () => Date.parse('2024-06-03T00:30:00Z'), deadLetters: dead },
    );
    // day 1 read once; day 2: 429 (retried after 3 s), reset after one line, then in full
    expect(delays).toEqual([3000]);
    expect(server.requests.map((r) => r.url.searchParams.get('from_date'))).toEqual([
      '2024-06-01',
      '2024-06-02',
      '2024-06-02',
      '2024-06-02',
    ]);
    expect(server.requests[0]?.url.searchParams.get('project_id')).toBe('123');
    expectExactlyOnce(result.items, ['ins-0-1', 'ins-0-2', 'ins-0-3', 'ins-1-4', 'ins-1-5']);
    expect(result.deadLetters).toBe(2);
    expect(dead.letters[0]?.reason).toBe('2024-06-01 line 5: not valid JSON');
    const order = result.items.find((i) => i.record.value.id === 'ins-0-3')?.record.value;
    expect(order).toMatchObject({
      name: 'Order Completed',
      stageId: 'purchase',
      touchpointId: 'checkout',
      anonymousId: 'dev-3',
      timestamp: '2024-06-01T00:03:00.000Z',
    });
    expect(result.items.find((i) => i.record.value.id === 'ins-0-2')?.record.value).toMatchObject({
      customerId: 'crm-2',
      touchpointId: '/cart',
    });
    expect(result.items.find((i) => i.record.value.id === 'ins-1-5')?.record.value).toMatchObject({
      properties: { new_prop: { nested: true } },
    });
    expect(result.state.cursor?.time).toBe('2024-06-02T23:30:00.000Z');
  });
});

describe('mixpanelSource (quota)', () => {
  const days = [0, 1, 2, 3].map((d) => Array.from({ length: 3 + d }, (_, n) => event(n, d)));
  let quotaAt = 0;
  let requests = 0;
  const start = async () => {
    server = await startServer((req, res) => {
      // a mid-day quota: the export budget is spent (429 without Retry-After), any request may get it
      if (++requests === quotaAt) return sendJson(res, 429, { error: 'rate limit exceeded' });
      const day =
        (Date.parse(`${req.url.searchParams.get('from_date')}T00:00:00Z`) - DAY1 * 1000) / 86_400_000;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`${(days[day] ?? []).map((e) => JSON.stringify(e)).join('\n')}\n`);
    });
  };
  const make = () =>
    mixpanelSource({ baseUrl: server?.url ?? '', projectId: '1', auth: basicAuth('sa', 'MP-SECRET-xyz') });
  const options = { startAt: '2024-06-01T00:00:00Z', now: () => Date.parse('2024-06-04T23:30:00Z') };

  it('stops on a spent export budget instead of asking again, and resumes from error.checkpoint at every request', async () => {
    quotaAt = 0;
    requests = 0;
    await start();
    const reference = new CommittingStore();
    for await (const item of sync(make(), options)) reference.accept(item);
    const total = requests;
    expect(reference.rows.size).toBe(3 + 4 + 5 + 6);
    for (quotaAt = 1; quotaAt <= total; quotaAt++) {
      requests = 0;
      const store = new CommittingStore();
      const error = await (async () => {
        for await (const item of sync(make(), options)) store.accept(item);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CxQuotaExceededError);
      expect(requests).toBe(quotaAt); // not asked again after the quota answer
      store.crash();
      const state = (error as CxQuotaExceededError).checkpoint;
      for await (const item of sync(make(), { ...options, state })) store.accept(item);
      expect(store.snapshot()).toEqual(reference.snapshot());
      expect(store.repeats()).toEqual([]);
    }
  });
});
