import { afterEach, describe, expect, it } from 'vitest';
import { expectExactlyOnce } from '../../test/helpers/exactly-once.js';
import { fakeSleep, sendJson, startServer, type TestServer } from '../../test/helpers/server.js';
import { CommittingStore } from '../../test/helpers/store.js';
import { bearerAuth } from '../auth/simple.js';
import { CxProtocolError, CxQuotaExceededError } from '../errors.js';
import type { SyncState } from '../sync/state.js';
import { sync } from '../sync/sync.js';
import { syncAll } from '../sync/sync-all.js';
import type { SyncItem } from '../sync/types.js';
import { bigQueryRowToObject, ga4BigQueryApiSource } from './ga4-bigquery-api.js';

const SCHEMA = {
  fields: [
    { name: 'event_date', type: 'STRING', mode: 'NULLABLE' },
    { name: 'event_timestamp', type: 'INTEGER', mode: 'NULLABLE' },
    { name: 'event_name', type: 'STRING', mode: 'NULLABLE' },
    {
      name: 'event_params',
      type: 'RECORD',
      mode: 'REPEATED',
      fields: [
        { name: 'key', type: 'STRING', mode: 'NULLABLE' },
        {
          name: 'value',
          type: 'RECORD',
          mode: 'NULLABLE',
          fields: [
            { name: 'string_value', type: 'STRING', mode: 'NULLABLE' },
            { name: 'int_value', type: 'INTEGER', mode: 'NULLABLE' },
            { name: 'float_value', type: 'FLOAT', mode: 'NULLABLE' },
            { name: 'double_value', type: 'FLOAT', mode: 'NULLABLE' },
          ],
        },
      ],
    },
    { name: 'user_id', type: 'STRING', mode: 'NULLABLE' },
    { name: 'user_pseudo_id', type: 'STRING', mode: 'NULLABLE' },
    { name: 'platform', type: 'STRING', mode: 'NULLABLE' },
    { name: 'is_active_user', type: 'BOOLEAN', mode: 'NULLABLE' },
  ],
};
const param = (key: string, slot: string, v: string | null) => ({
  v: {
    f: [
      { v: key },
      {
        v: {
          f: ['string_value', 'int_value', 'float_value', 'double_value'].map((s) => ({
            v: s === slot ? v : null,
          })),
        },
      },
    ],
  },
});
const row = (n: number, day: string) => ({
  f: [
    { v: day },
    { v: String(Date.parse(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T10:00:00Z`) * 1000 + n) },
    { v: n % 2 ? 'page_view' : 'add_to_cart' },
    {
      v: [
        param('ga_session_id', 'int_value', '1717230000'),
        param('page_location', 'string_value', `https://shop.example/p/${n}`),
      ],
    },
    { v: null },
    { v: `1197596843.${n}` },
    { v: 'WEB' },
    { v: 'true' },
  ],
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('bigQueryRowToObject', () => {
  it('decodes the f/v form into the export object form (INT64 strings kept, repeated records as arrays)', () => {
    expect(bigQueryRowToObject(SCHEMA.fields, row(3, '20240601'))).toEqual({
      event_date: '20240601',
      event_timestamp: '1717236000000003',
      event_name: 'page_view',
      event_params: [
        {
          key: 'ga_session_id',
          value: { string_value: null, int_value: '1717230000', float_value: null, double_value: null },
        },
        {
          key: 'page_location',
          value: {
            string_value: 'https://shop.example/p/3',
            int_value: null,
            float_value: null,
            double_value: null,
          },
        },
      ],
      user_id: null,
      user_pseudo_id: '1197596843.3',
      platform: 'WEB',
      is_active_user: true,
    });
  });
});

describe("bigQueryRowToObject: cells that do not have their type's form", () => {
  const fields = [
    { name: 'f', type: 'FLOAT64' },
    { name: 'b', type: 'BOOLEAN' },
    { name: 'p', type: 'RECORD', mode: 'REPEATED', fields: [{ name: 'x', type: 'FLOAT' }] },
  ];
  const row = (f: unknown, b: unknown, p: unknown) => ({ f: [{ v: f }, { v: b }, { v: p }] });

  it('reads floats by the numbers grammar, exponents included (BigQuery writes 5.9E-5)', () => {
    expect(bigQueryRowToObject(fields, row('5.9E-5', 'false', []))).toEqual({ f: 0.000059, b: false, p: [] });
  });

  it('keeps NaN and ±Infinity as the strings BigQuery writes (JSON has no such number), never NaN', () => {
    for (const v of ['NaN', 'Infinity', '-Infinity'])
      expect(bigQueryRowToObject(fields, row(v, 'true', null)).f).toBe(v);
  });

  it('rejects what is not a float, a boolean, an array or a row, naming the field path', () => {
    // Before: Number('12,5') gave NaN, 'yes' gave false, a repeated field that was not an array gave [].
    const cases: Array<[unknown, unknown, unknown, string]> = [
      ['12,5', 'true', [], 'f'],
      ['0x1A', 'true', [], 'f'],
      ['1.5', 'yes', [], 'b'],
      ['1.5', 'true', 'oops', 'p'],
      ['1.5', 'true', [{ v: { f: [{ v: 'n/a' }] } }], 'p[0].x'],
      ['1.5', 'true', [{ v: 'flat' }], 'p[0]'],
    ];
    for (const [f, b, p, path] of cases) {
      let error: unknown;
      try {
        bigQueryRowToObject(fields, row(f, b, p));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CxProtocolError);
      expect((error as Error).message).toContain(` for ${path};`);
    }
  });
});

/** The source against the test server: project acme, dataset analytics_123456, from 2024-06-01, no real sleeps. */
const apiSource = (extra: { pageSize?: number } = {}) =>
  ga4BigQueryApiSource({
    baseUrl: server?.url ?? '',
    projectId: 'acme',
    datasetId: 'analytics_123456',
    auth: bearerAuth('ya29.BQ-SECRET'),
    startDate: '2024-06-01',
    ...extra,
    http: { sleep: fakeSleep().sleep },
  });

describe('ga4BigQueryApiSource', () => {
  it('pages tabledata.list per daily table (gzip), skips missing days, and resumes from the page token', async () => {
    const tables: Record<string, ReturnType<typeof row>[]> = {
      events_20240601: Array.from({ length: 7 }, (_, i) => row(i, '20240601')),
      events_20240603: Array.from({ length: 2 }, (_, i) => row(100 + i, '20240603')),
    };
    server = await startServer((req, res) => {
      const m = /\/tables\/(events_\d+)(\/data)?$/.exec(req.url.pathname);
      const rows = m ? tables[m[1] as string] : undefined;
      if (!m || !rows)
        return sendJson(res, 404, { error: { code: 404, message: 'Not found: Table', status: 'NOT_FOUND' } });
      if (!m[2])
        return sendJson(res, 200, { kind: 'bigquery#table', schema: SCHEMA, numRows: String(rows.length) });
      const start = Number(req.url.searchParams.get('pageToken') ?? 0);
      const size = Number(req.url.searchParams.get('maxResults'));
      const next = start + size < rows.length ? { pageToken: String(start + size) } : {};
      sendJson(
        res,
        200,
        {
          kind: 'bigquery#tableDataList',
          totalRows: String(rows.length),
          rows: rows.slice(start, start + size),
          ...next,
        },
        { gzip: true },
      );
    });
    const make = () => apiSource({ pageSize: 3 });
    const now = () => Date.parse('2024-06-03T23:00:00Z');
    const got: Array<Extract<SyncItem, { type: 'record' }>> = [];
    let state: SyncState | null = null;
    let pending: typeof got = [];
    for await (const item of sync(make(), { now })) {
      if (item.type === 'record') pending.push(item);
      else {
        got.push(...pending);
        pending = [];
        state = item.state;
        break; // killed after the first page was committed
      }
    }
    expect(state?.resume).toMatchObject({ table: 'events_20240601', pageToken: '3' });
    const rest = await syncAll(make(), { now, state });
    const all = [...got, ...rest.items];
    expectExactlyOnce(all, new Set(all.map((i) => i.record.value.id)));
    expect(all).toHaveLength(9);
    expect(all[0]?.record.value).toMatchObject({
      name: 'add_to_cart',
      sessionId: '1197596843.0:1717230000',
      touchpointId: '/p/0',
    });
    expect(server.requests.some((r) => r.url.pathname.endsWith('events_20240602'))).toBe(true);
    expect(rest.state.cursor?.time).toBe('2024-06-03T10:00:00.000Z');
  });
});

describe('ga4BigQueryApiSource reads totalRows by the numbers grammar of @cx/ingest', () => {
  const serve = (totalRows: unknown) =>
    startServer((req, res) => {
      if (!req.url.pathname.endsWith('/data')) return sendJson(res, 200, { schema: SCHEMA });
      sendJson(res, 200, { totalRows, rows: [row(0, '20240601')] });
    });
  const make = () => apiSource();
  const now = () => Date.parse('2024-06-01T23:00:00Z');

  it('a count written as digits is the page total', async () => {
    server = await serve('1');
    expect((await syncAll(make(), { now })).items).toHaveLength(1);
  });

  it.each([['12x'], ['-1'], ['1.5'], [7], ['0x10']])(
    'a totalRows of %j is a CxProtocolError naming the table, not a missing total',
    async (bad) => {
      server = await serve(bad);
      const error = await syncAll(make(), { now }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CxProtocolError);
      expect((error as Error).message).toContain('events_20240601');
      expect((error as Error).message).toContain(JSON.stringify(bad));
    },
  );
});

describe('ga4BigQueryApiSource (quota at every request)', () => {
  const tables: Record<string, ReturnType<typeof row>[]> = {
    events_20240601: Array.from({ length: 5 }, (_, i) => row(i, '20240601')),
    events_20240602: Array.from({ length: 2 }, (_, i) => row(50 + i, '20240602')),
    events_20240603: Array.from({ length: 4 }, (_, i) => row(100 + i, '20240603')),
  };
  let quotaAt = 0;
  let requests = 0;
  const start = async () => {
    server = await startServer((req, res) => {
      if (++requests === quotaAt)
        return sendJson(res, 403, { error: { code: 403, errors: [{ reason: 'quotaExceeded' }] } });
      const m = /\/tables\/(events_\d+)(\/data)?$/.exec(req.url.pathname);
      const rows = m ? tables[m[1] as string] : undefined;
      if (!m || !rows) return sendJson(res, 404, { error: { code: 404 } });
      if (!m[2]) return sendJson(res, 200, { schema: SCHEMA });
      const from = Number(req.url.searchParams.get('pageToken') ?? 0);
      const size = Number(req.url.searchParams.get('maxResults'));
      const next = from + size < rows.length ? { pageToken: String(from + size) } : {};
      sendJson(res, 200, { totalRows: String(rows.length), rows: rows.slice(from, from + size), ...next });
    });
  };
  const make = () => apiSource({ pageSize: 2 });
  const now = () => Date.parse('2024-06-03T23:00:00Z');

  it('checkpoints after the last page of each table', async () => {
    quotaAt = 0;
    await start();
    const markers: unknown[] = [];
    for await (const item of sync(make(), { now }))
      if (item.type === 'checkpoint') markers.push(item.state.resume);
    expect(markers).toContainEqual(expect.objectContaining({ table: 'events_20240601', complete: true }));
    expect(markers).toContainEqual(expect.objectContaining({ table: 'events_20240602', complete: true }));
  });

  it('resumed from error.checkpoint after a quota stop at every request index equals an uninterrupted run', async () => {
    quotaAt = 0;
    requests = 0;
    await start();
    const reference = new CommittingStore();
    for await (const item of sync(make(), { now })) reference.accept(item);
    const total = requests;
    expect(reference.rows.size).toBe(11);
    for (quotaAt = 1; quotaAt <= total; quotaAt++) {
      requests = 0;
      const store = new CommittingStore();
      const error = await (async () => {
        for await (const item of sync(make(), { now })) store.accept(item);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CxQuotaExceededError);
      store.crash();
      const state = (error as CxQuotaExceededError).checkpoint;
      expect(state).toEqual(store.state);
      for await (const item of sync(make(), { now, state })) store.accept(item);
      expect(store.snapshot()).toEqual(reference.snapshot());
      expect(store.repeats()).toEqual([]);
    }
  });
});
