import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { expectExactlyOnce } from '../../test/helpers/exactly-once.js';
import { fakeSleep, sendJson, startServer, type TestServer } from '../../test/helpers/server.js';
import { bearerAuth } from '../auth/simple.js';
import { CxQuotaExceededError } from '../errors.js';
import type { SyncState } from '../sync/state.js';
import { sync } from '../sync/sync.js';
import { syncAll } from '../sync/sync-all.js';
import type { SyncItem } from '../sync/types.js';
import { salesforceQuery, salesforceSource } from './salesforce.js';

type Row = { Id: string; SystemModstamp: string; [k: string]: unknown };
const T0 = Date.parse('2024-06-01T09:00:00Z');
const NOW = T0 + 86_400_000;
const sfTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000'); // 2024-06-01T09:58:11.000+0000
const contact = (n: number, ms: number): Row => ({
  attributes: {
    type: 'Contact',
    url: `/services/data/v60.0/sobjects/Contact/003${String(n).padStart(15, '0')}`,
  },
  Id: `003${String(n).padStart(15, '0')}`,
  SystemModstamp: sfTime(ms),
  FirstName: 'Ana',
  LastName: `K${n}`,
  Name: `Ana K${n}`,
  Email: `ana${n}@example.com`,
  CreatedDate: sfTime(T0 - 86_400_000),
  AccountId: null,
});

/** Evaluates the SOQL shapes salesforceQuery produces, pages with nextRecordsUrl locators. */
function soql(db: () => Row[], opts: { quotaAt?: () => boolean } = {}) {
  const locators = new Map<string, Row[]>();
  let seq = 0;
  return (url: URL, headers: Record<string, unknown>) => {
    if (opts.quotaAt?.())
      return {
        status: 403,
        body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
      };
    const batch = Number(/batchSize=(\d+)/.exec(String(headers['sforce-query-options']))?.[1] ?? 2000);
    let rows: Row[];
    let offset = 0;
    const loc = /\/query\/(.+)-(\d+)$/.exec(url.pathname);
    if (loc) {
      rows = locators.get(loc[1] as string) ?? [];
      offset = Number(loc[2]);
    } else {
      const q = url.searchParams.get('q') ?? '';
      const ms = (s: string) => Date.parse(s);
      const ge = /WHERE SystemModstamp >= (\S+)/.exec(q);
      const tie = /\(SystemModstamp > (\S+) OR \(SystemModstamp = \S+ AND Id > '([^']+)'\)\)/.exec(q);
      const le = /SystemModstamp <= (\S+)/.exec(q);
      rows = db()
        .filter((r) => {
          const t = ms(r.SystemModstamp);
          if (ge && t < ms(ge[1] as string)) return false;
          if (tie && !(t > ms(tie[1] as string) || (t === ms(tie[1] as string) && r.Id > (tie[2] as string))))
            return false;
          return !(le && t > ms(le[1] as string));
        })
        .sort((a, b) => ms(a.SystemModstamp) - ms(b.SystemModstamp) || (a.Id < b.Id ? -1 : 1));
      locators.set(`01g${++seq}`, rows);
    }
    const id = loc ? (loc[1] as string) : `01g${seq}`;
    const page = rows.slice(offset, offset + batch);
    const done = offset + batch >= rows.length;
    return {
      status: 200,
      body: {
        totalSize: rows.length,
        done,
        ...(done ? {} : { nextRecordsUrl: `/services/data/v60.0/query/${id}-${offset + batch}` }),
        records: page,
      },
    };
  };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async (db: () => Row[], opts: Parameters<typeof soql>[1] = {}) => {
  const handle = soql(db, opts);
  server = await startServer((req, res) => {
    const r = handle(req.url, req.headers);
    sendJson(res, r.status, r.body, { gzip: true });
  });
  return server;
};
const source = (url: string, extra: Partial<Parameters<typeof salesforceSource>[0]> = {}) =>
  salesforceSource({
    instanceUrl: url,
    object: 'Contact',
    auth: bearerAuth('00Dxx!SESSION-SECRET'),
    batchSize: 200,
    http: { sleep: fakeSleep().sleep },
    ...extra,
  });

describe('salesforceQuery', () => {
  it('builds the documented keyset SOQL', () => {
    expect(salesforceQuery('Contact', ['Email'], null, '2024-06-02T00:00:00.000Z')).toBe(
      'SELECT Id, SystemModstamp, Email FROM Contact WHERE SystemModstamp <= 2024-06-02T00:00:00Z ORDER BY SystemModstamp ASC, Id ASC',
    );
    expect(
      salesforceQuery('Case', [], { time: '2024-06-01T00:00:00.000Z', id: '' }, '2024-06-02T00:00:00.000Z'),
    ).toContain('WHERE SystemModstamp >= 2024-06-01T00:00:00Z AND');
  });
});

describe('salesforceSource', () => {
  it('follows nextRecordsUrl across pages (gzip) and maps contacts with +0000 stamps', async () => {
    const db = Array.from({ length: 450 }, (_, i) => contact(i + 1, T0 + i * 1000));
    const s = await start(() => db);
    const totals: Array<number | null> = [];
    const result = await syncAll(source(s.url), { now: () => NOW, onProgress: (p) => totals.push(p.total) });
    expectExactlyOnce(
      result.items,
      db.map((r) => r.Id),
    );
    expect(totals.at(-1)).toBe(450); // the query's totalSize
    expect(s.requests.map((r) => r.url.pathname)).toEqual([
      '/services/data/v60.0/query',
      '/services/data/v60.0/query/01g1-200',
      '/services/data/v60.0/query/01g1-400',
    ]);
    expect(result.items[0]?.record.value).toMatchObject({
      id: db[0]?.Id,
      name: 'Ana K1',
      email: 'ana1@example.com',
      firstSeenAt: '2024-05-31T09:00:00.000Z',
      type: 'consumer',
    });
    expect(result.state.cursor).toEqual({ time: new Date(T0 + 449_000).toISOString(), id: db[449]?.Id });
  });

  it('reads rows sharing one SystemModstamp split across pages and runs exactly once (quota stop in between)', async () => {
    const db = [contact(1, T0), contact(2, T0), contact(3, T0), contact(4, T0 + 1000)];
    let calls = 0;
    const s = await start(() => db, { quotaAt: () => ++calls === 2 });
    const items: Array<Extract<SyncItem, { type: 'record' }>> = [];
    let state: SyncState | null = null;
    await expect(
      (async () => {
        for await (const item of sync(source(s.url, { batchSize: 2 }), { now: () => NOW })) {
          if (item.type === 'record') items.push(item);
          else state = item.state;
        }
      })(),
    ).rejects.toBeInstanceOf(CxQuotaExceededError);
    expect(items.map((i) => i.record.value.id)).toEqual([db[0]?.Id, db[1]?.Id]);
    const rest = await syncAll(source(s.url, { batchSize: 2 }), { now: () => NOW, state });
    expect(s.requests[2]?.url.searchParams.get('q')).toContain(`AND Id > '${db[1]?.Id}'`);
    expectExactlyOnce(
      [...items, ...rest.items],
      db.map((r) => r.Id),
    );
  });

  it('stops resumably when Sforce-Limit-Info reports the daily API budget nearly used', async () => {
    const db = Array.from({ length: 6 }, (_, i) => contact(i + 1, T0 + i * 1000));
    const handle = soql(() => db);
    let used = 94_000;
    server = await startServer((req, res) => {
      const r = handle(req.url, req.headers);
      sendJson(res, r.status, r.body, {
        headers: { 'sforce-limit-info': `api-usage=${(used += 500)}/100000` },
      });
    });
    const items: Array<Extract<SyncItem, { type: 'record' }>> = [];
    const error = await (async () => {
      for await (const item of sync(source(server.url, { batchSize: 2 }), { now: () => NOW }))
        if (item.type === 'record') items.push(item);
    })().catch((e: unknown) => e as CxQuotaExceededError);
    expect(error).toBeInstanceOf(CxQuotaExceededError);
    expect(items).toHaveLength(4); // 94 500 then 95 000 of 100 000: stop after the second page
    used = 0;
    const rest = await syncAll(source(server.url, { batchSize: 2 }), {
      now: () => NOW,
      state: (error as CxQuotaExceededError).checkpoint,
    });
    expectExactlyOnce(
      [...items, ...rest.items],
      db.map((r) => r.Id),
    );
  });

  it('catches rows that commit late with stamps older than the cursor through the lookback window', async () => {
    const db = [contact(1, T0), contact(2, T0 + 60_000)];
    const s = await start(() => db);
    const opts = { lookbackMs: 15 * 60_000 };
    const first = await syncAll(source(s.url, opts), { now: () => NOW });
    db.push(contact(3, T0 + 30_000)); // committed late, stamp before the saved cursor
    const second = await syncAll(source(s.url, opts), { now: () => NOW + 60_000, state: first.state });
    expect(second.items.map((i) => i.record.value.id)).toEqual([db[2]?.Id]);
    expectExactlyOnce(
      [...first.items, ...second.items],
      db.map((r) => r.Id),
    );
  });

  it('maps cases to interactions and ticket feedback', async () => {
    const kase: Row = {
      attributes: { type: 'Case', url: '/x' },
      Id: '500000000000001AAA',
      SystemModstamp: '2024-06-01T09:58:11.000+0000',
      CaseNumber: '00001001',
      ContactId: '003000000000000001',
      Status: 'New',
      Origin: 'Phone',
      Subject: 'Late delivery',
      Description: 'My parcel is two days late.',
      CreatedDate: '2024-06-01T09:00:00.000+0000',
      Priority: 'High',
    };
    const s = await start(() => [kase]);
    const result = await syncAll(source(s.url, { object: 'Case' }), { now: () => NOW });
    expect(result.items.map((i) => i.record)).toEqual([
      {
        kind: 'interaction',
        value: expect.objectContaining({
          name: 'support_case',
          channel: 'phone',
          customerId: '003000000000000001',
          timestamp: '2024-06-01T09:58:11.000Z',
          properties: expect.objectContaining({ Subject: 'Late delivery', CaseNumber: '00001001' }),
        }),
      },
      {
        kind: 'feedback',
        value: expect.objectContaining({
          id: 'case-500000000000001AAA',
          source: 'ticket',
          text: 'My parcel is two days late.',
        }),
      },
    ]);
  });

  it('resumed after kills at random points equals an uninterrupted run (fast-check, real HTTP)', async () => {
    const db = Array.from({ length: 23 }, (_, i) => contact(i + 1, T0 + Math.floor(i / 4) * 1000));
    const s = await start(() => db);
    const reference = await syncAll(source(s.url, { batchSize: 3 }), { now: () => NOW });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }),
        async (kills) => {
          const committed: string[] = [];
          let state: SyncState | null = null;
          for (const kill of [...kills, Number.POSITIVE_INFINITY]) {
            let pending: string[] = [];
            let n = 0;
            for await (const item of sync(source(s.url, { batchSize: 3 }), { now: () => NOW, state })) {
              if (++n > kill) break;
              if (item.type === 'record') pending.push(item.record.value.id);
              else {
                committed.push(...pending);
                pending = [];
                state = item.state;
              }
            }
          }
          expect(committed).toEqual(reference.items.map((i) => i.record.value.id));
        },
      ),
      { numRuns: 15 },
    );
  });
});
