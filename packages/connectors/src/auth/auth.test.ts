import { createVerify, generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSleep, sendJson, startServer, type TestServer } from '../../test/helpers/server.js';
import { CxAuthError, CxHttpError } from '../errors.js';
import { HttpClient } from '../http/client.js';
import { googleServiceAccountAuth, googleServiceAccountJwt } from './google-service-account.js';
import { oauthRefreshAuth } from './oauth-refresh.js';
import { basicAuth, bearerAuth } from './simple.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('bearer and basic', () => {
  it('sets the documented header forms', async () => {
    const h = new Headers();
    await basicAuth('agent@acme.com/token', 'zd-api-key').apply(h);
    // RFC 7617: base64("agent@acme.com/token:zd-api-key")
    expect(h.get('authorization')).toBe(
      `Basic ${Buffer.from('agent@acme.com/token:zd-api-key').toString('base64')}`,
    );
    await bearerAuth('abc-123-xyz').apply(h);
    expect(h.get('authorization')).toBe('Bearer abc-123-xyz');
  });

  it('refuses a credential no HTTP header can carry, without the credential in the message', () => {
    for (const [make, code] of [
      [() => bearerAuth('tok-SECRET\nINJECTED-0001'), /line break|control character \(U\+000A\) at index 10/],
      [() => bearerAuth(' tok-SECRET-0001'), /white space/],
      [() => bearerAuth(''), /is empty/],
      [() => basicAuth('agent:x', 'zd-SECRET-0001'), /contains ':'/],
      [() => basicAuth('agent', 'zd-SECRET\r0001'), /control character/],
    ] as const) {
      const error = (() => {
        try {
          make();
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(CxAuthError);
      expect(error).toMatchObject({ code: 'invalid_credential' });
      expect((error as Error).message).toMatch(code);
      expect((error as Error).message).not.toMatch(/SECRET/);
    }
  });
});

describe('token requests go through the HTTP client', () => {
  it('times out a hanging token endpoint and retries it with backoff instead of hanging the sync', async () => {
    let calls = 0;
    server = await startServer(() => {
      calls++; // never answers
    });
    const clock = fakeSleep();
    const auth = oauthRefreshAuth({
      tokenUrl: `${server.url}/token`,
      clientId: 'cid',
      clientSecret: 'cs-SECRET-000001',
      refreshToken: 'rt-SECRET-000001',
      http: { timeoutMs: 400, sleep: clock.sleep, retry: { maxAttempts: 3 } },
    });
    const started = Date.now();
    const error = await auth.apply(new Headers()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxHttpError);
    expect(error).toMatchObject({ status: null, attempts: 3 });
    expect(calls).toBeGreaterThanOrEqual(1); // on a loaded machine an attempt may be cut off before the server sees it
    expect(clock.delays).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(20_000); // three timeouts of 0.4 s, not a hang
  });

  it('retries a 503 of the token endpoint, then uses the token', async () => {
    let calls = 0;
    server = await startServer((req, res) => {
      if (req.url.pathname === '/token')
        return ++calls === 1
          ? sendJson(res, 503, { error: 'temporarily_unavailable' })
          : sendJson(res, 200, { access_token: 'at-1-xxxxxxxx', expires_in: 3600 });
      sendJson(res, 200, { auth: req.headers.authorization });
    });
    const clock = fakeSleep();
    const auth = oauthRefreshAuth({
      tokenUrl: `${server.url}/token`,
      clientId: 'cid',
      clientSecret: 'cs-SECRET-000001',
      refreshToken: 'rt-SECRET-000001',
      http: { sleep: clock.sleep },
    });
    const http = new HttpClient({ baseUrl: server.url, auth });
    expect((await http.json<{ auth: string }>('/a')).data.auth).toBe('Bearer at-1-xxxxxxxx');
    expect(calls).toBe(2);
  });

  it('does not retry a refused grant, and keeps the refresh token out of the error', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 400, {
        error: 'invalid_grant',
        error_description: 'refresh token rt-SECRET-000001 revoked',
      }),
    );
    const auth = oauthRefreshAuth({
      tokenUrl: `${server.url}/token`,
      clientId: 'cid',
      clientSecret: 'cs-SECRET-000001',
      refreshToken: 'rt-SECRET-000001',
      http: { sleep: fakeSleep().sleep },
    });
    const error = await auth.apply(new Headers()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxAuthError);
    expect(error).toMatchObject({ code: 'auth_failed' });
    expect(server.requests).toHaveLength(1);
    expect(
      JSON.stringify([
        (error as Error).message,
        (error as Error).stack,
        ((error as Error).cause as Error).message,
      ]),
    ).not.toMatch(/SECRET/);
  });
});

describe('oauthRefreshAuth', () => {
  it('gets a token, reuses it, refreshes after a 401 and stores a rotated refresh token', async () => {
    let issued = 0;
    const rotated: string[] = [];
    server = await startServer((req, res) => {
      if (req.url.pathname === '/token') {
        const form = new URLSearchParams(req.body);
        expect(form.get('grant_type')).toBe('refresh_token');
        issued++;
        return sendJson(res, 200, {
          access_token: `at-${issued}-xxxx`,
          expires_in: 1800,
          refresh_token: `rt-${issued}-xxxx`,
        });
      }
      if (req.headers.authorization === 'Bearer at-1-xxxx' && req.url.pathname === '/b')
        return sendJson(res, 401, {});
      sendJson(res, 200, { auth: req.headers.authorization });
    });
    const auth = oauthRefreshAuth({
      tokenUrl: `${server.url}/token`,
      clientId: 'cid',
      clientSecret: 'client-secret-1',
      refreshToken: 'rt-0-xxxx',
      onRefreshToken: (t) => rotated.push(t),
    });
    const http = new HttpClient({ baseUrl: server.url, auth });
    expect((await http.json<{ auth: string }>('/a')).data.auth).toBe('Bearer at-1-xxxx');
    expect((await http.json<{ auth: string }>('/a')).data.auth).toBe('Bearer at-1-xxxx');
    expect((await http.json<{ auth: string }>('/b')).data.auth).toBe('Bearer at-2-xxxx');
    expect(issued).toBe(2);
    expect(rotated).toEqual(['rt-1-xxxx', 'rt-2-xxxx']);
    expect(auth.secrets()).toEqual(expect.arrayContaining(['client-secret-1', 'at-2-xxxx', 'rt-2-xxxx']));
  });

  it('fails with a redacted auth error', async () => {
    server = await startServer((_req, res) => sendJson(res, 400, { error: 'invalid_grant rt-bad-123456' }));
    const auth = oauthRefreshAuth({
      tokenUrl: `${server.url}/t`,
      clientId: 'c',
      clientSecret: 'cs-123456',
      refreshToken: 'rt-bad-123456',
    });
    const error = (await auth.apply(new Headers()).catch((e: unknown) => e)) as Error & { code: string };
    expect(error.code).toBe('auth_failed');
    expect(error.message).not.toContain('rt-bad-123456');
  });
});

describe('googleServiceAccountAuth', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = { client_email: 'sa@proj.iam.gserviceaccount.com', private_key: pem, private_key_id: 'kid-1' };

  it('signs an RS256 JWT that verifies with the public key and carries the RFC 7523 claims', () => {
    const jwt = googleServiceAccountJwt({ key, scopes: ['s1', 's2'] }, 1_717_236_000_000);
    const [h, p, s] = jwt.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({
      alg: 'RS256',
      typ: 'JWT',
      kid: 'kid-1',
    });
    expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toEqual({
      iss: 'sa@proj.iam.gserviceaccount.com',
      scope: 's1 s2',
      aud: 'https://oauth2.googleapis.com/token',
      iat: 1_717_236_000,
      exp: 1_717_239_600,
    });
    const ok = createVerify('RSA-SHA256').update(`${h}.${p}`).verify(publicKey, Buffer.from(s, 'base64url'));
    expect(ok).toBe(true);
  });

  it('exchanges the assertion for a token at the token endpoint', async () => {
    server = await startServer((req, res) => {
      const form = new URLSearchParams(req.body);
      expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
      expect(form.get('assertion')?.split('.')).toHaveLength(3);
      sendJson(res, 200, { access_token: 'ya29.token-1', expires_in: 3599, token_type: 'Bearer' });
    });
    const auth = googleServiceAccountAuth({ key, scopes: ['s'], tokenUrl: `${server.url}/token` });
    const h = new Headers();
    await auth.apply(h);
    await auth.apply(h);
    expect(h.get('authorization')).toBe('Bearer ya29.token-1');
    expect(server.requests).toHaveLength(1);
    expect(auth.secrets()).toContain(pem);
  });
});
