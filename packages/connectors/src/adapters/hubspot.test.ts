import { afterEach, describe, expect, it } from 'vitest';
import { expectExactlyOnce } from '../../test/helpers/exactly-once.js';
import {
  fakeSleep,
  type RecordedRequest,
  resetMidBody,
  sendJson,
  startServer,
  type TestServer,
} from '../../test/helpers/server.js';
import { CommittingStore } from '../../test/helpers/store.js';
import { bearerAuth } from '../auth/simple.js';
import { CxProtocolError, CxQuotaExceededError, CxRetryLaterError, CxSyncAbortedError } from '../errors.js';
import { memoryDeadLetters } from '../sync/dead-letter.js';
import type { SyncState } from '../sync/state.js';
import { sync } from '../sync/sync.js';
import { syncAll } from '../sync/sync-all.js';
import type { SyncItem } from '../sync/types.js';
import { hubspotSource } from './hubspot.js';

type Rec = {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: false;
};
type Filter = { propertyName: string; operator: string; value: string };
type SearchBody = {
  filterGroups: { filters: Filter[] }[];
  sorts: { propertyName: string }[];
  limit: number;
  after?: string;
};

const T0 = Date.parse('2024-06-01T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const NOW = T0 + 24 * 3_600_000;

function contact(id: number, modifiedMs: number, extra: Record<string, string | null> = {}): Rec {
  return {
    id: String(id),
    properties: {
      hs_object_id: String(id),
      email: `c${id}@example.com`,
      firstname: 'Ana',
      lastname: `N${id}`,
      createdate: iso(T0 - 86_400_000),
      lastmodifieddate: iso(modifiedMs),
      ...extra,
    },
    createdAt: iso(T0 - 86_400_000),
    updatedAt: iso(modifiedMs),
    archived: false,
  };
}

const parsed = new WeakMap<Rec, Map<string, number>>();

/** Evaluates HubSpot search semantics: OR of AND filter groups, one sort, `after` offset, 10 000 cap. */
function search(db: Rec[], body: SearchBody) {
  const value = (r: Rec, prop: string) => {
    let row = parsed.get(r);
    if (row === undefined) parsed.set(r, (row = new Map()));
    let n = row.get(prop);
    if (n === undefined) {
      const v = r.properties[prop] ?? '';
      n = prop.endsWith('date') ? Date.parse(v) : Number(v);
      row.set(prop, n);
    }
    return n;
  };
  const test = (r: Rec, f: Filter) => {
    const a = value(r, f.propertyName);
    const b = Number(f.value);
    return { EQ: a === b, GT: a > b, GTE: a >= b, LT: a < b, LTE: a <= b }[f.operator as 'EQ'];
  };
  const sortBy = body.sorts[0]?.propertyName ?? 'hs_object_id';
  const matched = db
    .filter((r) => body.filterGroups.some((g) => g.filters.every((f) => test(r, f))))
    .sort((x, y) => value(x, sortBy) - value(y, sortBy) || (Number(y.id) % 7) - (Number(x.id) % 7)); // ties in no id order
  const after = Number(body.after ?? 0);
  if (after + body.limit > 10_000)
    return { status: 400, body: { status: 'error', message: 'Search results are limited to 10,000' } };
  const results = matched.slice(after, after + body.limit);
  const next =
    after + body.limit < matched.length ? { paging: { next: { after: String(after + body.limit) } } } : {};
  return { status: 200, body: { total: matched.length, results, ...next } };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function hubspot(
  db: () => Rec[],
  fault?: (req: RecordedRequest, n: number) => 'reset' | 429 | 503 | 'daily' | 'repeat' | undefined,
) {
  let n = 0;
  let previous: ReturnType<typeof search> | null = null;
  server = await startServer((req, res) => {
    n++;
    const f = fault?.(req, n);
    const fresh = search(db(), JSON.parse(req.body) as SearchBody);
    // a stale cache or a retried request answered with the previous page
    const result = f === 'repeat' && previous !== null ? previous : fresh;
    previous = fresh;
    if (f === 'reset') return resetMidBody(res, result.body);
    if (f === 429)
      return sendJson(
        res,
        429,
        { status: 'error', policyName: 'SECONDLY' },
        { headers: { 'retry-after': '1' } },
      );
    if (f === 503) return sendJson(res, 503, { status: 'error' });
    if (f === 'daily')
      return sendJson(res, 429, { status: 'error', policyName: 'DAILY', message: 'daily limit' });
    sendJson(res, result.status, result.body, { gzip: true });
  });
  return server;
}

const source = (url: string, extra: Partial<Parameters<typeof hubspotSource>[0]> = {}) =>
  hubspotSource({
    object: 'contacts',
    baseUrl: url,
    auth: bearerAuth('pat-na1-SECRET-0001'),
    pageSize: 100,
    http: { sleep: fakeSleep().sleep },
    ...extra,
  });

describe('hubspotSource (contacts)', () => {
  it('pages a gzip search API, maps contacts to customers and keeps unknown properties as attributes', async () => {
    const db = Array.from({ length: 250 }, (_, i) =>
      contact(i + 1, T0 + i * 1000, i === 0 ? { email: 'broken', hs_new_field: 'x' } : {}),
    );
    const s = await hubspot(() => db);
    const result = await syncAll(source(s.url), { now: () => NOW });
    expectExactlyOnce(
      result.items,
      db.map((r) => r.id),
    );
    expect(s.requests.length).toBeGreaterThanOrEqual(3);
    expect(s.requests[0]?.headers.authorization).toBe('Bearer pat-na1-SECRET-0001');
    const first = result.items.find((i) => i.record.value.id === '1')?.record.value;
    // schema drift: a new property and a malformed email are kept as attributes instead of failing the record
    expect(first).toMatchObject({
      name: 'Ana N1',
      attributes: { email: 'broken', hs_new_field: 'x' },
      type: 'consumer',
    });
    expect(result.items.find((i) => i.record.value.id === '2')?.record.value).toMatchObject({
      email: 'c2@example.com',
    });
    expect(result.state.cursor).toEqual({ time: iso(T0 + 249_000), id: '250' });
  });

  it('terminates with every id when 10 050 contacts share one lastmodifieddate (10 000 search cap)', async () => {
    const db = Array.from({ length: 10_050 }, (_, i) => contact(i + 1, T0));
    const s = await hubspot(() => db);
    const result = await syncAll(source(s.url, { pageSize: 200 }), { now: () => NOW });
    expectExactlyOnce(
      result.items,
      db.map((r) => r.id),
    );
    expect(s.requests.every((r) => (JSON.parse(r.body) as SearchBody).after === undefined)).toBe(true);
  });

  it('survives 429 + Retry-After, 5xx and a connection reset mid-page with the exact source set', async () => {
    const db = Array.from({ length: 120 }, (_, i) => contact(i + 1, T0 + Math.floor(i / 7) * 1000));
    const faults: Record<number, 429 | 503 | 'reset'> = { 2: 429, 3: 503, 5: 'reset' };
    const s = await hubspot(
      () => db,
      (_r, n) => faults[n],
    );
    const delays: number[] = [];
    const result = await syncAll(
      source(s.url, { pageSize: 25, http: { sleep: async (ms) => void delays.push(ms), random: () => 0 } }),
      {
        now: () => NOW,
      },
    );
    expectExactlyOnce(
      result.items,
      db.map((r) => r.id),
    );
    expect(delays[0]).toBe(1000);
  });

  it('stops on the DAILY limit with a resumable checkpoint', async () => {
    const db = Array.from({ length: 60 }, (_, i) => contact(i + 1, T0 + i * 1000));
    let daily = true;
    const s = await hubspot(
      () => db,
      (_r, n) => (n === 3 && daily ? 'daily' : undefined),
    );
    const items: Array<Extract<SyncItem, { type: 'record' }>> = [];
    let state: SyncState | null = null;
    try {
      for await (const item of sync(source(s.url, { pageSize: 20 }), { now: () => NOW })) {
        if (item.type === 'record') items.push(item);
        else state = item.state;
      }
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxQuotaExceededError);
      expect((error as Error).message).not.toContain('SECRET');
      state = (error as CxQuotaExceededError).checkpoint;
    }
    expect(s.requests).toHaveLength(3);
    daily = false;
    const rest = await syncAll(source(s.url, { pageSize: 20 }), { now: () => NOW, state });
    expectExactlyOnce(
      [...items, ...rest.items],
      db.map((r) => r.id),
    );
  });

  it('does not skip rows modified during the sync, and the lookback catches late-indexed rows', async () => {
    const db = Array.from({ length: 50 }, (_, i) => contact(i + 1, T0 + i * 1000));
    const s = await hubspot(
      () => db,
      (_r, n) => {
        if (n === 2) db[45] = contact(46, NOW + 5000); // modified while page 2 is read: stamp after sync start
        return undefined;
      },
    );
    const first = await syncAll(source(s.url, { pageSize: 10 }), { now: () => NOW });
    expect(first.items.map((i) => i.record.value.id)).not.toContain('46');
    expect(Date.parse(first.state.cursor?.time ?? '')).toBeLessThanOrEqual(NOW - 60_000);
    db.push(contact(51, NOW - 120_000)); // indexed late with a stamp older than the cursor
    const second = await syncAll(source(s.url, { pageSize: 10 }), {
      now: () => NOW + 3_600_000,
      state: first.state,
    });
    expect(second.items.map((i) => i.record.value.id).sort()).toEqual(['46', '51']);
    expectExactlyOnce(
      [...first.items, ...second.items],
      db.map((r) => r.id),
    );
  });
});

describe('hubspotSource (deals, feedback submissions)', () => {
  it('maps deals to orders with the associated contact and dead-letters deals without one', async () => {
    const deal = (id: number, contactId: number | null): Rec => ({
      id: String(id),
      properties: {
        hs_object_id: String(id),
        dealname: `Deal ${id}`,
        amount: '1200.50',
        dealstage: id === 1 ? 'closedwon' : 'appointmentscheduled',
        closedate: '2024-06-01T09:58:11.402Z',
        createdate: '2024-05-20T08:00:00.000Z',
        deal_currency_code: 'EUR',
        hs_lastmodifieddate: iso(T0 + id * 1000),
      },
      createdAt: '2024-05-20T08:00:00.000Z',
      updatedAt: iso(T0 + id * 1000),
      archived: false,
      ...(contactId === null ? {} : {}),
    });
    const links: Record<string, number[]> = { '1': [501], '2': [777, 502] };
    server = await startServer((req, res) => {
      const body = JSON.parse(req.body);
      if (req.url.pathname.startsWith('/crm/v4/associations/deals/contacts/batch/read')) {
        return sendJson(res, 200, {
          status: 'COMPLETE',
          results: (body.inputs as { id: string }[])
            .filter((i) => links[i.id])
            .map((i) => ({
              from: { id: i.id },
              to: (links[i.id] ?? []).map((c) => ({ toObjectId: c, associationTypes: [] })),
            })),
        });
      }
      sendJson(res, 200, search([deal(1, 501), deal(2, 502), deal(3, null)], body).body);
    });
    const dead = memoryDeadLetters();
    const result = await syncAll(source(server.url, { object: 'deals' }), {
      now: () => NOW,
      deadLetters: dead,
    });
    expect(result.items.map((i) => i.record.value)).toEqual([
      expect.objectContaining({
        id: '1',
        customerId: '501',
        amount: 1200.5,
        currency: 'EUR',
        status: 'paid',
      }),
      expect.objectContaining({
        id: '2',
        customerId: '502',
        status: 'placed',
        orderedAt: '2024-06-01T09:58:11.402Z',
      }),
    ]);
    expect(dead.letters.map((l) => [l.key, l.issues[0]?.path])).toEqual([
      [`deals:3@${iso(T0 + 3000)}`, ['customerId']],
    ]);
  });

  it('maps NPS feedback submissions to survey responses on the 0–10 scale', async () => {
    const fb: Rec = {
      id: '9001',
      properties: {
        hs_object_id: '9001',
        hs_survey_type: 'NPS',
        hs_value: '9',
        hs_response_group: 'PROMOTER',
        hs_content: 'Fast delivery',
        hs_contact_id: '501',
        hs_survey_id: '42',
        hs_submission_timestamp: '2024-06-01T10:00:01.000Z',
        hs_lastmodifieddate: '2024-06-01T10:00:02.000Z',
      },
      createdAt: '2024-06-01T10:00:01.000Z',
      updatedAt: '2024-06-01T10:00:02.000Z',
      archived: false,
    };
    server = await startServer((req, res) => sendJson(res, 200, search([fb], JSON.parse(req.body)).body));
    const result = await syncAll(source(server.url, { object: 'feedback_submissions' }), { now: () => NOW });
    expect(result.items[0]?.record).toEqual({
      kind: 'surveyResponse',
      value: expect.objectContaining({
        id: '9001',
        surveyId: '42',
        metric: 'nps',
        score: 9,
        customerId: '501',
        comment: 'Fast delivery',
        respondedAt: '2024-06-01T10:00:01.000Z',
        properties: expect.objectContaining({ hs_response_group: 'PROMOTER' }),
      }),
    });
  });
});

describe('hubspotSource (paging faults)', () => {
  it('survives a repeated page at the switch to same-timestamp paging with every id', async () => {
    // 250 contacts: 100 with one stamp (a full page of one time: the switch to id order), then 150 later ones
    const db = Array.from({ length: 250 }, (_, i) => contact(i + 1, i < 100 ? T0 : T0 + (i - 99) * 1000));
    const s = await hubspot(
      () => db,
      (req, n) =>
        n === 2 && (JSON.parse(req.body) as SearchBody).sorts[0]?.propertyName === 'hs_object_id'
          ? 'repeat'
          : undefined,
    );
    const logs: string[] = [];
    const result = await syncAll(source(s.url), { now: () => NOW, onLog: (e) => logs.push(e.message) });
    expectExactlyOnce(
      result.items,
      db.map((r) => r.id),
    );
    expect(logs.some((m) => /out of its order/.test(m))).toBe(true);
  });

  it('stops with a typed paging error instead of looping when the server ignores the bound', async () => {
    const db = Array.from({ length: 150 }, (_, i) => contact(i + 1, T0));
    // the server answers every request with the first page of the same stamp, whatever the filters say
    const first = search(db, {
      filterGroups: [{ filters: [] }],
      sorts: [{ propertyName: 'hs_object_id' }],
      limit: 100,
    } as unknown as SearchBody);
    server = await startServer((_req, res) => sendJson(res, 200, first.body));
    const error = await syncAll(source(server.url), { now: () => NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxProtocolError);
    expect(error).toMatchObject({ code: 'paging_violation' });
    expect(server.requests.length).toBeLessThan(10);
  });

  it('reports the search total as the progress total', async () => {
    const db = Array.from({ length: 230 }, (_, i) => contact(i + 1, T0 + i * 1000));
    const s = await hubspot(() => db);
    const totals: Array<number | null> = [];
    await syncAll(source(s.url), { now: () => NOW, onProgress: (p) => totals.push(p.total) });
    expect(totals.at(-1)).toBe(230);
    expect(totals.every((t) => t === null || t === 230)).toBe(true);
  });

  it('resumed from error.checkpoint after a daily-quota stop at every request index equals an uninterrupted run', async () => {
    const db = Array.from({ length: 95 }, (_, i) => contact(i + 1, T0 + Math.floor(i / 3) * 1000));
    let stopAt = 0;
    let requests = 0;
    const s = await hubspot(
      () => db,
      () => (++requests === stopAt ? 'daily' : undefined),
    );
    const reference = new CommittingStore();
    for await (const item of sync(source(s.url, { pageSize: 10 }), { now: () => NOW }))
      reference.accept(item);
    const total = requests;
    for (stopAt = 1; stopAt <= total; stopAt++) {
      requests = 0;
      const store = new CommittingStore();
      const error = await (async () => {
        for await (const item of sync(source(s.url, { pageSize: 10 }), { now: () => NOW }))
          store.accept(item);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CxQuotaExceededError);
      store.crash();
      const state = (error as CxQuotaExceededError).checkpoint;
      expect(state).toEqual(store.state);
      for await (const item of sync(source(s.url, { pageSize: 10 }), { now: () => NOW, state }))
        store.accept(item);
      expect(store.snapshot()).toEqual(reference.snapshot());
      expect(store.repeats()).toEqual([]);
    }
  });
});

describe('hubspotSource (stops and resumes over HTTP)', () => {
  it('a Retry-After beyond the cap stops with the resume time; resuming from error.checkpoint gives every id', async () => {
    const db = Array.from({ length: 60 }, (_, i) => contact(i + 1, T0 + i * 1000));
    let requests = 0;
    server = await startServer((req, res) => {
      if (++requests === 3)
        return sendJson(res, 429, { status: 'error' }, { headers: { 'retry-after': '3600' } });
      sendJson(res, 200, search(db, JSON.parse(req.body) as SearchBody).body);
    });
    const store = new CommittingStore();
    const error = await (async () => {
      for await (const item of sync(source(server?.url ?? '', { pageSize: 20 }), { now: () => NOW }))
        store.accept(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxRetryLaterError);
    const stop = error as CxRetryLaterError;
    expect(stop.waitMs).toBe(3_600_000);
    expect(Date.parse(stop.resumeAt ?? '')).toBeGreaterThan(Date.now());
    expect(stop.checkpoint).toEqual(store.state);
    store.crash();
    for await (const item of sync(source(server.url, { pageSize: 20 }), {
      now: () => NOW,
      state: stop.checkpoint,
    }))
      store.accept(item);
    expect(store.snapshot().map(([id]) => id)).toEqual(db.map((r) => `customer:${r.id}`).sort());
    expect(store.repeats()).toEqual([]);
  });

  it('an abort stops within one record; resuming from error.checkpoint gives every id once', async () => {
    const db = Array.from({ length: 90 }, (_, i) => contact(i + 1, T0 + i * 1000));
    const s = await hubspot(() => db);
    const store = new CommittingStore();
    const controller = new AbortController();
    let delivered = 0;
    const error = await (async () => {
      for await (const item of sync(source(s.url, { pageSize: 20 }), {
        now: () => NOW,
        signal: controller.signal,
      })) {
        store.accept(item);
        if (item.type === 'record' && ++delivered === 33) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxSyncAbortedError);
    expect(delivered).toBe(33);
    store.crash();
    const state = (error as CxSyncAbortedError).checkpoint;
    for await (const item of sync(source(s.url, { pageSize: 20 }), { now: () => NOW, state }))
      store.accept(item);
    expect(store.snapshot().map(([id]) => id)).toEqual(db.map((r) => `customer:${r.id}`).sort());
    expect(store.repeats()).toEqual([]);
  });
});
