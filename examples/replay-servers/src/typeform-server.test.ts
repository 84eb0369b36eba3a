import { bearerAuth, syncAll, typeformSource } from '@cx/connectors';
import type { SurveyResponse } from '@cx/model';
import { createSampleShop } from '@cx/sample-data';
import { afterEach, describe, expect, it } from 'vitest';
import { createTypeformNpsForm, responsesToTypeform, type TypeformResponse } from './typeform-responses.js';
import { startTypeformServer, type TypeformServer } from './typeform-server.js';

const NOW = () => Date.parse('2026-02-01T00:00:00Z');
let server: TypeformServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const npsOf = (customers: number) =>
  [...createSampleShop({ seed: 8, customers }).surveyResponses()].filter((r) => r.metric === 'nps');
type Page = { total_items: number; page_count: number; items: TypeformResponse[] };

describe('startTypeformServer', () => {
  it('replays sample NPS responses to typeformSource: every response once, same scores and customers', async () => {
    const nps = npsOf(300);
    expect(nps.length).toBeGreaterThan(40);
    const form = createTypeformNpsForm();
    server = await startTypeformServer(form, responsesToTypeform(nps, { form }), { token: 'tfp_local' });
    const source = typeformSource({
      formId: form.id,
      baseUrl: server.baseUrl,
      auth: bearerAuth('tfp_local'),
      pageSize: 25,
    });
    const result = await syncAll(source, { now: NOW });
    const synced = result.items.map((i) => i.record.value as SurveyResponse);
    expect(synced.length).toBe(nps.length);
    const byRef = new Map(
      synced.map((r) => [(r.properties.hidden as Record<string, string>).response_ref, r]),
    );
    expect(byRef.size).toBe(nps.length);
    for (const original of nps) {
      const copy = byRef.get(original.id);
      expect(copy).toMatchObject({ metric: 'nps', score: original.score });
      expect(copy?.customerId).toBe(original.customerId);
      expect(copy?.comment).toBe(original.comment);
    }
    // paged with before=<last token of the previous page>: ceil(n / 25) pages after the form definition
    const pages = server.requests.filter((r) => r.url.pathname.endsWith('/responses'));
    expect(pages.length).toBe(Math.floor(nps.length / 25) + 1);
    expect(pages[1]?.url.searchParams.get('before')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('lists newest first, filters since/until inclusively and pages with before and after tokens', async () => {
    const form = createTypeformNpsForm({ id: 'f1' });
    const base = npsOf(40)[0]!;
    // five responses at 10:00:00, 10:00:01, …, 10:00:04
    const responses = responsesToTypeform(
      [0, 1, 2, 3, 4].map((s) => ({ ...base, id: `r${s}`, respondedAt: `2025-06-01T10:00:0${s}.500Z` })),
      { form },
    );
    server = await startTypeformServer(form, responses);
    const get = async (query: string) =>
      (await fetch(`${server!.baseUrl}/forms/f1/responses?${query}`)).json() as Promise<Page>;
    const refs = (page: Page) => page.items.map((r) => r.hidden.response_ref);
    expect(refs(await get(''))).toEqual(['r4', 'r3', 'r2', 'r1', 'r0']);
    const window = await get('since=2025-06-01T10:00:01&until=2025-06-01T10:00:03&page_size=2');
    expect(window.total_items).toBe(3);
    expect(window.page_count).toBe(2);
    expect(refs(window)).toEqual(['r3', 'r2']);
    const tokenOf = (ref: string) => responses.find((r) => r.hidden.response_ref === ref)!.token;
    expect(refs(await get(`before=${tokenOf('r3')}`))).toEqual(['r2', 'r1', 'r0']);
    expect(refs(await get(`after=${tokenOf('r1')}`))).toEqual(['r2', 'r3', 'r4']);
    expect(refs(await get('sort=submitted_at,asc&page_size=2'))).toEqual(['r0', 'r1']);
    // Unix seconds work as bounds too: 10:00:04 = 1748772004
    expect(refs(await get('since=1748772004'))).toEqual(['r4']);
  });

  it("answers Typeform's 400, 401 and 404 bodies", async () => {
    const form = createTypeformNpsForm({ id: 'f1' });
    server = await startTypeformServer(form, [], { token: 't' });
    const auth = { headers: { authorization: 'Bearer t' } };
    const status = async (path: string, init?: RequestInit) => {
      const res = await fetch(`${server!.baseUrl}${path}`, init);
      return [res.status, ((await res.json()) as { code: string }).code];
    };
    expect(await status('/forms/f1')).toEqual([401, 'AUTHENTICATION_FAILED']);
    expect(await status('/forms/f1', auth)).toEqual([200, undefined]);
    expect(await status('/forms/zzz/responses', auth)).toEqual([404, 'FORM_NOT_FOUND']);
    expect(await status('/forms/f1/responses?page_size=1001', auth)).toEqual([400, 'VALIDATION_ERROR']);
    expect(await status('/forms/f1/responses?since=yesterday', auth)).toEqual([400, 'VALIDATION_ERROR']);
    expect(await status('/forms/f1/responses?before=nope', auth)).toEqual([400, 'VALIDATION_ERROR']);
  });

  it('serves responses added after start to the next incremental sync', async () => {
    const form = createTypeformNpsForm();
    const nps = npsOf(60);
    const early = nps.filter((r) => r.respondedAt < '2025-10-01');
    const late = nps.filter((r) => r.respondedAt >= '2025-10-02');
    expect(early.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    server = await startTypeformServer(form, responsesToTypeform(early, { form }));
    const source = typeformSource({ formId: form.id, baseUrl: server.baseUrl, auth: bearerAuth('x') });
    const first = await syncAll(source, { now: () => Date.parse('2025-10-01T12:00:00Z') });
    expect(first.records).toBe(early.length);
    server.add(...responsesToTypeform(late, { form }));
    const second = await syncAll(source, { now: NOW, state: first.state });
    expect(second.records).toBe(late.length);
  });
});
