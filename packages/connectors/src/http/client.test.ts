import { CxOptionsError, CxValidationError } from '@cx/model';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fakeSleep,
  resetMidBody,
  sendJson,
  sendText,
  startServer,
  type TestServer,
} from '../../test/helpers/server.js';
import { bearerAuth } from '../auth/simple.js';
import { CxAuthError, CxHttpError, CxQuotaExceededError, CxRetryLaterError } from '../errors.js';
import { HttpClient } from './client.js';
import { backoffDelay, parseRetryAfter } from './retry.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('parseRetryAfter / backoffDelay', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
  it('doubles the jitter ceiling per attempt up to the cap', () => {
    // random() = 1 gives the ceiling: 100, 200, 400, then capped at 500
    const ceil = [1, 2, 3, 4].map((a) => backoffDelay(a, { baseDelayMs: 100, maxDelayMs: 500 }, () => 1));
    expect(ceil).toEqual([100, 200, 400, 500]);
    expect(backoffDelay(4, { baseDelayMs: 100 }, () => 0)).toBe(0);
  });
});

describe('HttpClient', () => {
  it('retries 429 honouring Retry-After, then 503, then succeeds', async () => {
    let n = 0;
    server = await startServer((_req, res) => {
      n++;
      if (n === 1) return sendJson(res, 429, { message: 'slow down' }, { headers: { 'retry-after': '2' } });
      if (n === 2) return sendJson(res, 503, { message: 'unavailable' });
      sendJson(res, 200, { ok: true }, { gzip: true });
    });
    const clock = fakeSleep();
    const http = new HttpClient({ baseUrl: server.url, sleep: clock.sleep, random: () => 0 });
    const result = await http.json<{ ok: boolean }>('/x');
    expect(result.data.ok).toBe(true);
    expect(clock.delays).toEqual([2000, 0]);
  });

  it('retries a connection reset in the middle of the body', async () => {
    let n = 0;
    server = await startServer((_req, res) => {
      n++;
      if (n === 1) return resetMidBody(res, { results: Array.from({ length: 200 }, (_, i) => ({ id: i })) });
      sendJson(res, 200, { results: [1] });
    });
    const http = new HttpClient({ baseUrl: server.url, sleep: fakeSleep().sleep });
    expect((await http.json<{ results: number[] }>('/p')).data.results).toEqual([1]);
    expect(n).toBe(2);
  });

  it('gives up after maxAttempts with a typed error that has no secret in it', async () => {
    server = await startServer((_req, res) => sendJson(res, 500, { echo: 'token tok-SECRET-1' }));
    const http = new HttpClient({
      baseUrl: server.url,
      auth: bearerAuth('tok-SECRET-1'),
      sleep: fakeSleep().sleep,
      retry: { maxAttempts: 3 },
    });
    const error = await http.json('/x', { query: { api_key: 'k-123456' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxHttpError);
    const e = error as CxHttpError;
    expect(e.status).toBe(500);
    expect(e.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(`${e.message} ${e.url} ${JSON.stringify(e)}`).not.toMatch(/tok-SECRET-1|k-123456/);
  });

  it('does not retry a 404', async () => {
    server = await startServer((_req, res) => sendJson(res, 404, {}));
    const http = new HttpClient({ baseUrl: server.url, sleep: fakeSleep().sleep });
    await expect(http.json('/missing')).rejects.toMatchObject({ status: 404, attempts: 1 });
  });

  it('turns a Retry-After longer than maxRetryAfterMs into a resumable error carrying the resume time', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 429, {}, { headers: { 'retry-after': '86400' } }),
    );
    const clock = fakeSleep();
    const http = new HttpClient({ baseUrl: server.url, sleep: clock.sleep, now: () => 0 });
    const error = await http.json('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxRetryLaterError);
    // 86 400 s after the clock's 0: one day
    expect(error).toMatchObject({
      code: 'retry_later',
      waitMs: 86_400_000,
      resumeAt: '1970-01-02T00:00:00.000Z',
    });
    expect(clock.delays).toEqual([]); // never slept
    expect(server.requests).toHaveLength(1);
  });

  it('stops with a resumable error when the waits of one request would pass maxTotalWaitMs', async () => {
    // every answer asks for 60 s: allowed one by one (cap 5 min), but three of them pass a 150 s budget
    server = await startServer((_req, res) => sendJson(res, 503, {}, { headers: { 'retry-after': '60' } }));
    const clock = fakeSleep();
    const http = new HttpClient({
      baseUrl: server.url,
      sleep: clock.sleep,
      now: () => 1_000,
      retry: { maxTotalWaitMs: 150_000 },
    });
    const error = await http.json('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxRetryLaterError);
    expect(clock.delays).toEqual([60_000, 60_000]);
    expect((error as CxRetryLaterError).resumeAt).toBe(new Date(61_000).toISOString());
    expect(server.requests).toHaveLength(3);
  });

  it('times out slow responses and retries them', async () => {
    let n = 0;
    server = await startServer((_req, res) => {
      n++;
      if (n === 1) return; // never answers
      sendJson(res, 200, { ok: 1 });
    });
    const http = new HttpClient({ baseUrl: server.url, timeoutMs: 400, sleep: fakeSleep().sleep });
    expect((await http.json('/x')).data).toEqual({ ok: 1 });
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    server = await startServer(() => controller.abort(new Error('user cancelled')));
    const http = new HttpClient({ baseUrl: server.url, sleep: fakeSleep().sleep });
    await expect(http.json('/x', { signal: controller.signal })).rejects.toThrow('user cancelled');
    expect(server.requests).toHaveLength(1);
  });

  it('refuses to send credentials to another origin and keeps the base path prefix', () => {
    const http = new HttpClient({ baseUrl: 'https://acme.zendesk.com/api/' });
    expect(http.url('/v2/x?cursor=a', { b: 1 }).href).toBe('https://acme.zendesk.com/api/v2/x?cursor=a&b=1');
    expect(() => http.url('https://evil.example/steal')).toThrow(CxValidationError);
    expect(() => new HttpClient({ baseUrl: 'not a url' })).toThrow(CxOptionsError);
  });

  it('lets a vendor classifier turn a response into a quota stop', async () => {
    server = await startServer((_req, res) => sendJson(res, 403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED' }]));
    const http = new HttpClient({
      baseUrl: server.url,
      classify: (f) =>
        f.body.includes('REQUEST_LIMIT_EXCEEDED') ? { action: 'quota', reason: 'daily' } : undefined,
    });
    await expect(http.json('/q')).rejects.toBeInstanceOf(CxQuotaExceededError);
  });

  it('redacts a 401 body that echoes the token beyond the quoted part, and any 8-character piece of it', async () => {
    const token = 'pat-na1-0123456789abcdef0123456789abcdef';
    server = await startServer((_req, res) =>
      sendJson(res, 401, {
        // the token's first 30 characters early, the whole token late in a long body
        hint: `${token.slice(0, 30)}…`,
        padding: 'x'.repeat(500),
        echo: `Bearer ${token}`,
      }),
    );
    const http = new HttpClient({ baseUrl: server.url, auth: bearerAuth(token), sleep: fakeSleep().sleep });
    const error = (await http.json('/x').catch((e: unknown) => e)) as CxHttpError;
    expect(error).toBeInstanceOf(CxHttpError);
    expect(error.message).toContain('[REDACTED]');
    expectNoFragment(`${error.message}\n${error.stack}`, token);
  });

  it('redacts an HTML proxy page that echoes the token', async () => {
    const token = 'tfp_SECRETabcdefghijklmnop0123456789';
    server = await startServer((_req, res) =>
      sendText(
        res,
        502,
        `<html><body><h1>Bad gateway</h1><p>upstream said: token=${token} invalid</p></body></html>`,
        {
          type: 'text/html',
        },
      ),
    );
    const http = new HttpClient({
      baseUrl: server.url,
      auth: bearerAuth(token),
      sleep: fakeSleep().sleep,
      retry: { maxAttempts: 2 },
    });
    const error = (await http.json('/x').catch((e: unknown) => e)) as CxHttpError;
    expect(error.status).toBe(502);
    expectNoFragment(`${error.message}\n${error.stack}`, token);
  });

  it('does not send or retry a request whose credentials cannot be set, and redacts the cause chain', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, {}));
    const token = 'tok-SECRET\nvalue-0123456789';
    const auth = {
      async apply(headers: Headers) {
        headers.set('authorization', `Bearer ${token}`); // throws: a header cannot hold a line break
      },
      secrets: () => [token],
    };
    const clock = fakeSleep();
    const http = new HttpClient({ baseUrl: server.url, auth, sleep: clock.sleep });
    const error = (await http.json('/x').catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(CxAuthError);
    expect(server.requests).toHaveLength(0);
    expect(clock.delays).toEqual([]);
    const chain = [
      error.message,
      error.stack,
      (error.cause as Error).message,
      (error.cause as Error).stack,
    ].join('\n');
    expectNoFragment(chain, token);
  });

  it('reports each retry to the request and the client', async () => {
    let n = 0;
    server = await startServer((_req, res) => (++n < 3 ? sendJson(res, 503, {}) : sendJson(res, 200, {})));
    const client: number[] = [];
    const request: number[] = [];
    const http = new HttpClient({
      baseUrl: server.url,
      sleep: fakeSleep().sleep,
      random: () => 0,
      onRetry: (r) => client.push(r.attempt),
    });
    await http.json('/x', { onRetry: (r) => request.push(r.attempt) });
    expect([client, request]).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });
});

/** Neither the secret nor any 8-character piece of it may appear in `text`. */
function expectNoFragment(text: string, secret: string): void {
  for (let i = 0; i + 8 <= secret.length; i++) expect(text).not.toContain(secret.slice(i, i + 8));
}
