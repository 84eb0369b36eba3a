import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sendJson, startServer, type TestServer } from '../../test/helpers/server.js';
import { googleServiceAccountAuth } from '../auth/google-service-account.js';
import { CxQuotaExceededError } from '../errors.js';
import { type Ga4ReportRow, runGa4Report } from './ga4-data-api.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const key = {
  client_email: 'sa@p.iam.gserviceaccount.com',
  private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};
const allRows = Array.from({ length: 7 }, (_, i) => ({
  dimensionValues: [
    { value: `2024060${1 + (i % 3)}` },
    { value: i % 2 ? 'google / organic' : 'newsletter / email' },
  ],
  metricValues: [{ value: String(100 + i) }, { value: `${i}.5` }],
}));

describe('runGa4Report', () => {
  it('pages with offset/limit until rowCount, types metrics, authenticates with a service-account JWT', async () => {
    server = await startServer((req, res) => {
      if (req.url.pathname === '/token')
        return sendJson(res, 200, { access_token: 'ya29.GA-TOKEN', expires_in: 3599 });
      expect(req.headers.authorization).toBe('Bearer ya29.GA-TOKEN');
      const body = JSON.parse(req.body);
      const offset = Number(body.offset);
      sendJson(
        res,
        200,
        {
          dimensionHeaders: [{ name: 'date' }, { name: 'sessionSourceMedium' }],
          metricHeaders: [
            { name: 'sessions', type: 'TYPE_INTEGER' },
            { name: 'purchaseRevenue', type: 'TYPE_CURRENCY' },
          ],
          rows: allRows.slice(offset, offset + Number(body.limit)),
          rowCount: allRows.length,
          metadata: { currencyCode: 'EUR', timeZone: 'Europe/Berlin' },
          propertyQuota: {
            tokensPerDay: { consumed: 12, remaining: 199988 },
            tokensPerHour: { consumed: 12, remaining: 39988 },
          },
          kind: 'analyticsData#runReport',
        },
        { gzip: true },
      );
    });
    const generator = runGa4Report({
      baseUrl: server.url,
      propertyId: '123456',
      auth: googleServiceAccountAuth({
        key,
        scopes: ['https://www.googleapis.com/auth/analytics.readonly'],
        tokenUrl: `${server.url}/token`,
      }),
      dimensions: ['date', 'sessionSourceMedium'],
      metrics: ['sessions', 'purchaseRevenue'],
      startDate: '2024-05-29',
      pageSize: 3,
    });
    const rows: Ga4ReportRow[] = [];
    let next = await generator.next();
    while (!next.done) {
      rows.push(next.value);
      next = await generator.next();
    }
    expect(rows).toHaveLength(7);
    expect(rows[1]).toEqual({
      dimensions: { date: '20240602', sessionSourceMedium: 'google / organic' },
      metrics: { sessions: 101, purchaseRevenue: 1.5 },
      key: '20240602|google / organic',
    });
    const calls = server.requests.filter((r) => r.url.pathname.endsWith(':runReport'));
    expect(calls.map((r) => JSON.parse(r.body).offset)).toEqual(['0', '3', '6']);
    expect(calls[0]?.url.pathname).toBe('/v1beta/properties/123456:runReport');
    expect(next.value).toMatchObject({
      rowCount: 7,
      pages: 3,
      propertyQuota: { tokensPerDay: { remaining: 199988 } },
    });
  });

  it('stops on exhausted daily tokens instead of retrying', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 429, {
        error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'Exhausted property tokens per day.' },
      }),
    );
    const rows = runGa4Report({
      baseUrl: server.url,
      propertyId: '1',
      auth: { apply: async () => {}, secrets: () => [] },
      dimensions: ['date'],
      metrics: ['sessions'],
      startDate: '3daysAgo',
    });
    await expect(rows.next()).rejects.toBeInstanceOf(CxQuotaExceededError);
    expect(server.requests).toHaveLength(1);
  });
});
