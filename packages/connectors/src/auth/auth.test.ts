import { createVerify, generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sendJson, startServer, type TestServer } from '../../test/helpers/server.js';
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
