import { afterEach, describe, expect, it } from 'vitest';
import { expectExactlyOnce } from '../../test/helpers/exactly-once.js';
import {
  fakeSleep,
  resetMidBody,
  sendJson,
  startServer,
  type TestServer,
} from '../../test/helpers/server.js';
import { bearerAuth } from '../auth/simple.js';
import type { SyncState } from '../sync/state.js';
import { sync } from '../sync/sync.js';
import { syncAll } from '../sync/sync-all.js';
import type { SyncItem } from '../sync/types.js';
import { typeformScale, typeformSource } from './typeform.js';

const FORM = {
  id: 'u6nXL7',
  title: 'Post-purchase NPS',
  fields: [
    { id: 'Q1nps', ref: 'nps_score', type: 'nps', title: 'How likely…', properties: { steps: 11 } },
    {
      id: 'Q3ease',
      ref: 'ease',
      type: 'opinion_scale',
      title: 'How easy…',
      properties: { steps: 5, start_at_one: true },
    },
    { id: 'Q2why', ref: 'nps_reason', type: 'long_text', title: 'Why?' },
  ],
};
const T0 = Date.parse('2024-06-01T10:00:00Z');
const NOW = T0 + 86_400_000;
const response = (n: number, second: number, withScores = true) => ({
  landing_id: `lnd${n}`,
  token: `tok${String(n).padStart(4, '0')}`,
  response_id: `tok${String(n).padStart(4, '0')}`,
  landed_at: new Date(T0 + second * 1000 - 50_000).toISOString().replace('.000', ''),
  submitted_at: new Date(T0 + second * 1000).toISOString().replace('.000', ''),
  metadata: { user_agent: 'Mozilla/5.0', platform: 'mobile', referer: 'https://shop.example/thanks' },
  hidden: { customer_id: `crm-${n}` },
  calculated: { score: 0 },
  answers: [
    ...(withScores
      ? [
          { field: { id: 'Q1nps', type: 'nps', ref: 'nps_score' }, type: 'number', number: n % 11 },
          {
            field: { id: 'Q3ease', type: 'opinion_scale', ref: 'ease' },
            type: 'number',
            number: 1 + (n % 5),
          },
        ]
      : []),
    { field: { id: 'Q2why', type: 'long_text', ref: 'nps_reason' }, type: 'text', text: `Reason ${n}` },
  ],
});
type Resp = ReturnType<typeof response>;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Newest-first responses filtered by since/until (seconds, inclusive), paged with before=<token>. */
async function typeform(db: () => Resp[], fault: (n: number) => string | undefined = () => undefined) {
  let n = 0;
  server = await startServer((req, res) => {
    if (req.url.pathname === '/forms/u6nXL7') return sendJson(res, 200, FORM);
    n++;
    const q = req.url.searchParams;
    const at = (s: string) => Date.parse(`${s}Z`);
    const sorted = db()
      .filter(
        (r) =>
          (!q.get('since') || Date.parse(r.submitted_at) >= at(q.get('since') as string)) &&
          Date.parse(r.submitted_at) <= at(q.get('until') as string),
      )
      .sort(
        (a, b) => Date.parse(b.submitted_at) - Date.parse(a.submitted_at) || (a.token < b.token ? 1 : -1),
      );
    const before = q.get('before');
    const start = before ? sorted.findIndex((r) => r.token === before) + 1 : 0;
    const size = Number(q.get('page_size'));
    const body = {
      total_items: sorted.length,
      page_count: Math.ceil(sorted.length / size),
      items: sorted.slice(start, start + size),
    };
    const f = fault(n);
    if (f === '500') return sendJson(res, 500, { code: 'INTERNAL' });
    if (f === 'reset') return resetMidBody(res, body);
    sendJson(res, 200, body, { gzip: true });
  });
  return server;
}
const source = (url: string, pageSize = 2) =>
  typeformSource({
    baseUrl: url,
    formId: 'u6nXL7',
    auth: bearerAuth('tfp_SECRET_123'),
    pageSize,
    http: { sleep: fakeSleep().sleep },
  });

describe('typeformScale', () => {
  it('reads the scale from the field definition', () => {
    expect(typeformScale({ id: 'a', type: 'nps' })).toMatchObject({ min: 0, max: 10 });
    expect(
      typeformScale({ id: 'a', type: 'opinion_scale', properties: { steps: 5, start_at_one: true } }),
    ).toMatchObject({ min: 1, max: 5 });
    expect(typeformScale({ id: 'a', type: 'opinion_scale' })).toMatchObject({ min: 0, max: 10 });
    expect(typeformScale({ id: 'a', type: 'rating', properties: { steps: 3 } })).toMatchObject({
      min: 1,
      max: 3,
    });
  });
});

describe('typeformSource', () => {
  it('maps NPS and opinion-scale answers to survey responses and text-only responses to feedback', async () => {
    const db = [response(1, 0), response(9, 10, false)];
    const s = await typeform(() => db);
    const result = await syncAll(source(s.url, 10), { now: () => NOW });
    expect(result.items.map((i) => i.record)).toEqual([
      {
        kind: 'feedback',
        value: expect.objectContaining({
          id: 'tok0009',
          text: 'Reason 9',
          source: 'survey',
          customerId: 'crm-9',
        }),
      },
      {
        kind: 'surveyResponse',
        value: expect.objectContaining({
          id: 'tok0001:nps_score',
          metric: 'nps',
          score: 1,
          comment: 'Reason 1',
          customerId: 'crm-1',
        }),
      },
      {
        kind: 'surveyResponse',
        value: expect.objectContaining({
          id: 'tok0001:ease',
          metric: 'custom',
          score: 2,
          scale: expect.objectContaining({ min: 1, max: 5 }),
        }),
      },
    ]);
    expect(s.requests[1]?.url.searchParams.get('until')).toBe('2024-06-02T09:30:00');
  });

  it('pages older with before=<token> through ties on submitted_at, surviving 500 and a reset', async () => {
    const db = Array.from({ length: 9 }, (_, i) => response(i + 1, Math.floor(i / 3)));
    const s = await typeform(
      () => db,
      (n) => ({ 2: '500', 4: 'reset' })[n],
    );
    const result = await syncAll(source(s.url), { now: () => NOW });
    expectExactlyOnce(
      result.items.filter(
        (i) => i.record.kind === 'surveyResponse' && i.record.value.id.endsWith('nps_score'),
      ),
      db.map((r) => `${r.response_id}:nps_score`),
    );
    expect(result.items).toHaveLength(18);
  });

  it('resumes inside the same window after a kill, and the next run only reads newer responses', async () => {
    const db = Array.from({ length: 7 }, (_, i) => response(i + 1, i));
    const s = await typeform(() => db);
    const got: Array<Extract<SyncItem, { type: 'record' }>> = [];
    let state: SyncState | null = null;
    let pending: typeof got = [];
    for await (const item of sync(source(s.url), { now: () => NOW })) {
      if (item.type === 'record') pending.push(item);
      else {
        got.push(...pending);
        pending = [];
        state = item.state;
        if (got.length >= 4) break; // killed after the second page was committed
      }
    }
    expect(state?.resume).toMatchObject({ before: 'tok0006' }); // newest first: page 1 = tok0007, tok0006
    const mark = s.requests.length;
    const rest = await syncAll(source(s.url), { now: () => NOW + 3_600_000, state });
    expect(s.requests[mark + 1]?.url.searchParams.get('before')).toBe('tok0006');
    const all = [...got, ...rest.items].filter((i) => i.record.value.id.endsWith('nps_score'));
    expectExactlyOnce(
      all,
      db.map((r) => `${r.response_id}:nps_score`),
    );
    db.push(response(8, 86_400 + 3_600)); // submitted after the previous window closed
    const next = await syncAll(source(s.url), { now: () => NOW + 7_200_000, state: rest.state });
    expect(next.items.map((i) => i.record.value.id)).toEqual(['tok0008:nps_score', 'tok0008:ease']);
  });
});
