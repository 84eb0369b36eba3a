// Secret scanning: under every failure mode, neither a credential nor any 8-character piece of it appears in an
// error message, cause chain, stack, dead letter, log line, progress event, retry notice or saved state.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hubspotSource } from '../src/adapters/hubspot.js';
import { oauthRefreshAuth } from '../src/auth/oauth-refresh.js';
import { bearerAuth } from '../src/auth/simple.js';
import type { RetryNotice } from '../src/http/client.js';
import { protocolSource } from '../src/protocol/protocol-source.js';
import { memoryDeadLetters } from '../src/sync/dead-letter.js';
import type { Source } from '../src/sync/source.js';
import { sync } from '../src/sync/sync.js';
import type { SyncLogEntry, SyncOptions, SyncProgress } from '../src/sync/types.js';
import { resetMidBody, sendJson, sendText, startServer, type TestServer } from './helpers/server.js';

const TOKEN = 'pat-na1-7f3c9e21-5b4d-4a8e-9c1f-0d2e6b7a8c9d';
const REFRESH = 'rt-eu1-0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d';
const CLIENT_SECRET = 'cs-3e2d1c0b-9a8f-7e6d-5c4b-3a2918070605';
const TAP_KEY = 'tap-key-55aa66bb77cc88dd99ee00ff';
const SECRETS = [TOKEN, REFRESH, CLIENT_SECRET, TAP_KEY];
const T0 = Date.parse('2024-06-01T09:00:00Z');
const NOW = T0 + 86_400_000;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every text an error exposes: name, message, stack, own fields, and the same for its causes. */
function errorTexts(error: unknown, depth = 0): string[] {
  if (depth > 10 || error === undefined || error === null) return [];
  if (!(error instanceof Error)) return [String(error), JSON.stringify(error) ?? ''];
  const own: Record<string, unknown> = {};
  for (const key of Object.keys(error)) own[key] = (error as unknown as Record<string, unknown>)[key];
  return [
    error.name,
    error.message,
    error.stack ?? '',
    String(error),
    JSON.stringify(own, (_k, v) => (v instanceof Error ? undefined : v)),
    ...errorTexts(error.cause, depth + 1),
  ];
}

function expectClean(texts: readonly string[]): void {
  const all = texts.join('\n');
  for (const secret of SECRETS) {
    for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]) {
      for (let i = 0; i + 8 <= form.length; i++) {
        const piece = form.slice(i, i + 8);
        if (all.includes(piece)) throw new Error(`found ${JSON.stringify(piece)} of a secret in:\n${all}`);
      }
    }
  }
}

/** Runs a source to its end or failure, collecting everything a caller can see. */
async function observe(
  source: Source,
  options: SyncOptions = {},
): Promise<{ texts: string[]; error: unknown }> {
  const dead = memoryDeadLetters();
  const logs: SyncLogEntry[] = [];
  const progress: SyncProgress[] = [];
  const retries: RetryNotice[] = [];
  const states: unknown[] = [];
  let error: unknown;
  const run = sync(source, {
    now: () => NOW,
    deadLetters: dead,
    onLog: (e) => logs.push(e),
    onProgress: (p) => progress.push(p),
    onRetry: (r) => retries.push(r),
    ...options,
  });
  try {
    for await (const item of run) if (item.type === 'checkpoint') states.push(item.state);
  } catch (e) {
    error = e;
  }
  const texts = [
    ...errorTexts(error),
    JSON.stringify(dead.letters),
    JSON.stringify(logs),
    JSON.stringify(progress),
    JSON.stringify(retries),
    JSON.stringify(run.retries),
    JSON.stringify(states),
    JSON.stringify(run.checkpoint),
    JSON.stringify(run.progress),
  ];
  return { texts, error };
}

const contact = (id: number, extra: Record<string, string> = {}) => ({
  id: String(id),
  properties: {
    hs_object_id: String(id),
    email: `c${id}@example.com`,
    lastmodifieddate: new Date(T0 + id * 1000).toISOString(),
    ...extra,
  },
  createdAt: new Date(T0).toISOString(),
  updatedAt: new Date(T0 + id * 1000).toISOString(),
  archived: false,
});
const page = (extra: Record<string, string> = {}) => ({ total: 2, results: [contact(1, extra), contact(2)] });

type Mode =
  | '401-echo'
  | 'html-502'
  | 'daily-quota-echo'
  | 'retry-after-day'
  | 'reset-mid-body'
  | 'timeout'
  | 'not-json-echo'
  | 'dead-letter-echo';

async function hubspotServer(mode: Mode): Promise<TestServer> {
  let n = 0;
  return startServer((req, res) => {
    n++;
    const echo = `${req.headers.authorization} / ${TOKEN.slice(0, 30)}`;
    switch (mode) {
      case '401-echo':
        return sendJson(res, 401, {
          message: `Authentication credentials not found: ${'x'.repeat(400)} ${echo}`,
        });
      case 'html-502':
        return sendText(res, 502, `<html><body>proxy error for ${echo}</body></html>`, { type: 'text/html' });
      case 'daily-quota-echo':
        return sendJson(res, 429, { policyName: 'DAILY', message: `limit for ${echo}` });
      case 'retry-after-day':
        return sendJson(res, 429, { message: echo }, { headers: { 'retry-after': '86400' } });
      case 'reset-mid-body':
        return n === 1
          ? resetMidBody(res, { echo, ...page() })
          : sendJson(res, 200, n === 2 ? page() : { results: [] });
      case 'timeout':
        return n === 1 ? undefined : sendJson(res, 200, { total: 0, results: [] });
      case 'not-json-echo':
        return sendText(res, 200, `not json ${echo}`);
      case 'dead-letter-echo':
        // a record whose e-mail holds the token fails validation and is dead-lettered with its raw body
        return sendJson(res, 200, n === 1 ? page({ email: `bad ${TOKEN}` }) : { results: [] });
    }
  });
}

describe('secret scanning', () => {
  const modes: Mode[] = [
    '401-echo',
    'html-502',
    'daily-quota-echo',
    'retry-after-day',
    'reset-mid-body',
    'timeout',
    'not-json-echo',
    'dead-letter-echo',
  ];
  it.each(modes)('HubSpot with a bearer token: %s', async (mode) => {
    server = await hubspotServer(mode);
    const source = hubspotSource({
      object: 'contacts',
      baseUrl: server.url,
      auth: bearerAuth(TOKEN),
      http: { sleep: async () => {}, timeoutMs: 200, retry: { maxAttempts: 2 } },
    });
    const { texts, error } = await observe(source);
    if (mode !== 'reset-mid-body' && mode !== 'timeout' && mode !== 'dead-letter-echo')
      expect(error).toBeDefined();
    expectClean(texts);
  });

  it('OAuth refresh: a refused grant echoing the refresh token and client secret', async () => {
    server = await startServer((req, res) =>
      sendJson(res, 400, { error: 'invalid_grant', error_description: `bad ${req.body}` }),
    );
    const source = hubspotSource({
      object: 'contacts',
      baseUrl: server.url,
      auth: oauthRefreshAuth({
        tokenUrl: `${server.url}/token`,
        clientId: 'cid',
        clientSecret: CLIENT_SECRET,
        refreshToken: REFRESH,
        http: { sleep: async () => {} },
      }),
    });
    const { texts, error } = await observe(source);
    expect(error).toBeDefined();
    expectClean(texts);
  });

  it('OAuth refresh: a token endpoint that never answers', async () => {
    server = await startServer(() => {});
    const source = hubspotSource({
      object: 'contacts',
      baseUrl: server.url,
      auth: oauthRefreshAuth({
        tokenUrl: `${server.url}/token?client_secret=${CLIENT_SECRET}`,
        clientId: 'cid',
        clientSecret: CLIENT_SECRET,
        refreshToken: REFRESH,
        http: { sleep: async () => {}, timeoutMs: 50, retry: { maxAttempts: 2 } },
      }),
    });
    const { texts, error } = await observe(source);
    expect(error).toBeDefined();
    expectClean(texts);
  });

  it('a token with a line break is refused before any request', () => {
    let error: unknown;
    try {
      bearerAuth(`${TOKEN.slice(0, 20)}\n${TOKEN.slice(20)}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeDefined();
    expectClean(errorTexts(error));
  });

  it('abort with a reason that names the token, and a source failing with a foreign error', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, page()));
    const controller = new AbortController();
    controller.abort(new Error(`stopped by operator holding ${TOKEN}`));
    const source = hubspotSource({ object: 'contacts', baseUrl: server.url, auth: bearerAuth(TOKEN) });
    const aborted = await observe(source, { signal: controller.signal });
    expect(aborted.error).toBeDefined();
    expectClean(aborted.texts);
    const failing: Source = {
      name: 'custom',
      lookbackMs: 0,
      lagMs: 0,
      secrets: () => [TOKEN],
      async *read() {
        yield { type: 'log', level: 'info', message: `using ${TOKEN}` };
        throw new TypeError(`cannot use ${TOKEN}`, { cause: new Error(`inner ${TOKEN}`) });
      },
    };
    const failed = await observe(failing);
    expect(failed.error).toBeDefined();
    expectClean(failed.texts);
  });

  it('a Singer tap that logs, traces and writes the key to stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-tap-'));
    const tap = join(dir, 'tap.mjs');
    writeFileSync(
      tap,
      [
        `const key = ${JSON.stringify(TAP_KEY)};`,
        "const out = (m) => process.stdout.write(JSON.stringify(m) + '\\n');",
        "out({ type: 'LOG', level: 'INFO', message: 'connecting with ' + key });",
        "out({ type: 'TRACE', trace: { type: 'ERROR', error: { message: 'bad key ' + key, failure_type: 'config_error' } } });",
        "process.stderr.write('fatal: ' + key + '\\n');",
        'process.exit(1);',
      ].join('\n'),
    );
    const source = protocolSource({
      protocol: 'airbyte',
      input: { command: process.execPath, args: [tap], secrets: [TAP_KEY] },
      streams: {},
    });
    const { texts, error } = await observe(source);
    expect(error).toBeDefined();
    expectClean(texts);
  });
});
