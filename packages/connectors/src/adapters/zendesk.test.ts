import { afterEach, describe, expect, it } from 'vitest';
import { expectExactlyOnce } from '../../test/helpers/exactly-once.js';
import {
  fakeSleep,
  resetMidBody,
  sendJson,
  startServer,
  type TestServer,
} from '../../test/helpers/server.js';
import { basicAuth } from '../auth/simple.js';
import { syncAll } from '../sync/sync-all.js';
import { zendeskSatisfactionSource, zendeskSource } from './zendesk.js';

const T0 = Date.parse('2024-06-01T08:00:00Z');
const NOW = T0 + 86_400_000;
const ticket = (id: number, minute: number, rating: string | null = null) => ({
  url: `https://acme.zendesk.com/api/v2/tickets/${id}.json`,
  id,
  created_at: '2024-06-01T08:00:00Z',
  updated_at: new Date(T0 + minute * 60_000).toISOString().replace('.000', ''),
  type: 'incident',
  subject: 'Late delivery',
  status: 'solved',
  requester_id: 20978392,
  assignee_id: 235323,
  via: { channel: 'email', source: { from: {}, to: {}, rel: null } },
  tags: ['shipping'],
  satisfaction_rating:
    rating === null ? null : { id: 9000 + id, score: rating, comment: rating === 'bad' ? 'too slow' : null },
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves pages of the cursor export: cursor "c<k>" = page k; scripted faults by request number. */
async function zendesk(
  pages: () => ReturnType<typeof ticket>[][],
  fault: (n: number) => string | undefined = () => undefined,
) {
  let n = 0;
  server = await startServer((req, res) => {
    n++;
    const all = pages();
    const k = req.url.searchParams.has('cursor') ? Number(req.url.searchParams.get('cursor')?.slice(1)) : 0;
    const body = {
      tickets: all[k] ?? [],
      after_url: `${server?.url}/api/v2/incremental/tickets/cursor.json?cursor=c${Math.min(k + 1, all.length)}`,
      after_cursor: `c${Math.min(k + 1, all.length)}`,
      before_url: null,
      before_cursor: null,
      end_of_stream: k + 1 >= all.length,
    };
    const f = fault(n);
    if (f === 'reset') return resetMidBody(res, body);
    if (f === '429')
      return sendJson(res, 429, { error: 'APIRateLimitExceeded' }, { headers: { 'retry-after': '7' } });
    if (f === 'repeat')
      return sendJson(res, 200, {
        ...body,
        tickets: all[k - 1] ?? [],
        after_cursor: `c${k}`,
        end_of_stream: false,
      });
    sendJson(res, 200, body, { gzip: true });
  });
  return server;
}

const source = (url: string) =>
  zendeskSource({
    baseUrl: url,
    auth: basicAuth('agent@acme.com/token', 'ZD-SECRET-TOKEN'),
    http: { sleep: fakeSleep().sleep },
  });

describe('zendeskSource', () => {
  it('follows after_cursor to end_of_stream, maps tickets and CSAT ratings, and stores the cursor', async () => {
    const pages = [[ticket(1, 1, 'good'), ticket(2, 2, 'offered')], [ticket(3, 3, 'bad')], [ticket(4, 4)]];
    const s = await zendesk(() => pages);
    const result = await syncAll(source(s.url), { now: () => NOW, startAt: '2024-06-01T00:00:00Z' });
    expect(s.requests[0]?.url.searchParams.get('start_time')).toBe(
      String(Date.parse('2024-06-01T00:00:00Z') / 1000),
    );
    expect(s.requests[0]?.headers.authorization).toMatch(/^Basic /);
    expect(result.items.filter((i) => i.record.kind === 'interaction')).toHaveLength(4);
    const csat = result.items.filter((i) => i.record.kind === 'surveyResponse').map((i) => i.record.value);
    expect(csat).toEqual([
      expect.objectContaining({
        id: 'zendesk-csat-9001',
        score: 1,
        metric: 'csat',
        customerId: '20978392',
        channel: 'email',
      }),
      expect.objectContaining({
        id: 'zendesk-csat-9003',
        score: 0,
        comment: 'too slow',
        properties: { rawScore: 'bad', ticketId: 3 },
      }),
    ]);
    expect(result.state.resume).toEqual({ afterCursor: 'c3' });
  });

  it('survives 429 + Retry-After, a reset mid-page and a repeated page with the exact source set', async () => {
    const pages = [[ticket(1, 1), ticket(2, 2)], [ticket(3, 3)], [ticket(4, 4), ticket(5, 5)]];
    const delays: number[] = [];
    const s = await zendesk(
      () => pages,
      (n) => ({ 1: '429', 3: 'reset', 4: 'repeat' })[n],
    );
    const result = await syncAll(
      zendeskSource({
        baseUrl: s.url,
        auth: basicAuth('a@b.c/token', 'ZD-SECRET-TOKEN'),
        http: { sleep: async (ms) => void delays.push(ms), random: () => 0 },
      }),
      { now: () => NOW },
    );
    expect(delays[0]).toBe(7000);
    expectExactlyOnce(
      result.items,
      pages.flat().map((t) => `zendesk-ticket-${t.id}@${new Date(t.updated_at).toISOString()}`),
    );
    expect(result.duplicates + result.outOfWindow).toBe(2); // the repeated page's two tickets
  });

  it('resumes from the stored after_cursor and sees tickets updated since', async () => {
    const pages = [[ticket(1, 1)], [ticket(2, 2)]];
    const s = await zendesk(() => pages);
    const first = await syncAll(source(s.url), { now: () => NOW });
    pages.push([ticket(1, 9, 'good')]); // ticket 1 updated again: a new version, delivered again
    const second = await syncAll(source(s.url), { now: () => NOW, state: first.state });
    expect(s.requests.at(-1)?.url.searchParams.get('cursor')).toBe('c2');
    expect(second.items.map((i) => i.record.value.id)).toEqual([
      `zendesk-ticket-1@${new Date(T0 + 9 * 60_000).toISOString()}`,
      'zendesk-csat-9001',
    ]);
  });

  it('stops when the same after_cursor comes back empty instead of looping', async () => {
    let n = 0;
    server = await startServer((_req, res) => {
      n++;
      sendJson(res, 200, {
        tickets: n === 1 ? [ticket(1, 1)] : [],
        after_cursor: 'same',
        after_url: 'x',
        end_of_stream: false,
      });
    });
    const result = await syncAll(source(server.url), { now: () => NOW });
    expect(result.records).toBe(1);
    expect(n).toBe(2);
  });
});

describe('zendeskSatisfactionSource', () => {
  it('follows links.next while has_more and maps good/bad ratings, skipping offered ones', async () => {
    const rating = (id: number, score: string) => ({
      url: `https://acme.zendesk.com/api/v2/satisfaction_ratings/${id}.json`,
      id,
      assignee_id: 235323,
      group_id: 44,
      requester_id: 20978392,
      ticket_id: 35436 + id,
      score,
      comment: score === 'bad' ? 'slow' : null,
      reason: null,
      created_at: '2024-06-01T09:00:00Z',
      updated_at: `2024-06-01T09:0${id}:00Z`,
    });
    const pages = [
      [rating(1, 'good'), rating(2, 'offered')],
      [rating(3, 'bad'), rating(1, 'good')], // a repeat across pages
    ];
    server = await startServer((req, res) => {
      const k = Number(req.url.searchParams.get('page[after]') ?? 0);
      sendJson(res, 200, {
        satisfaction_ratings: pages[k] ?? [],
        meta: { has_more: k + 1 < pages.length, after_cursor: String(k + 1), before_cursor: null },
        links: {
          next: `${server?.url}/api/v2/satisfaction_ratings?page[size]=100&page[after]=${k + 1}`,
          prev: null,
        },
      });
    });
    const result = await syncAll(
      zendeskSatisfactionSource({ baseUrl: server.url, auth: basicAuth('a@b.c/token', 'ZD-SECRET-TOKEN') }),
      { now: () => NOW, startAt: '2024-06-01T00:00:00Z' },
    );
    expect(server.requests[0]?.url.searchParams.get('score')).toBe('received');
    expect(
      result.items.map((i) => [i.record.value.id, 'score' in i.record.value ? i.record.value.score : null]),
    ).toEqual([
      ['zendesk-csat-1', 1],
      ['zendesk-csat-3', 0],
    ]);
    expect(result.duplicates).toBe(1);
    expect(result.state.cursor).toEqual({ time: '2024-06-01T09:03:00.000Z', id: '3' });
  });
});
