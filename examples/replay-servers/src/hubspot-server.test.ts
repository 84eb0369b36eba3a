import { bearerAuth, CxHttpError, hubspotSource, syncAll } from '@cx/connectors';
import { createSampleShop } from '@cx/sample-data';
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER_ID_PROPERTY, customersToHubspotContacts } from './hubspot-contacts.js';
import { type HubspotServer, startHubspotServer } from './hubspot-server.js';

const NOW = () => Date.parse('2026-02-01T00:00:00Z');
const noSleep = { sleep: async () => {} };
let server: HubspotServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('startHubspotServer', () => {
  it('serves every sample customer to hubspotSource exactly once, over gzip, in pages of 100', async () => {
    const customers = [...createSampleShop({ seed: 11, customers: 250 }).customers()];
    server = await startHubspotServer(customersToHubspotContacts(customers), { token: 'pat-local' });
    const source = hubspotSource({
      object: 'contacts',
      baseUrl: server.baseUrl,
      auth: bearerAuth('pat-local'),
      pageSize: 100,
      mapping: { extraProperties: [CUSTOMER_ID_PROPERTY] },
      http: noSleep,
    });
    const result = await syncAll(source, { now: NOW });
    const synced = result.items.map((i) => i.record.value as { attributes: Record<string, unknown> });
    const customerIds = synced.map((c) => c.attributes[CUSTOMER_ID_PROPERTY]);
    expect(customerIds.length).toBe(250);
    expect(new Set(customerIds)).toEqual(new Set(customers.map((c) => c.id)));
    // 250 contacts at ≤ 100 per page: at least 3 search requests, each authorised, each gzip
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer pat-local')).toBe(true);
    expect(server.requests.every((r) => /gzip/.test(String(r.headers['accept-encoding'])))).toBe(true);
    const first = customers[0]!;
    const mapped = result.items.find((i) => i.record.value.id === '101')?.record.value;
    expect(mapped).toMatchObject({ name: first.name, email: first.email, firstSeenAt: first.firstSeenAt });
  });

  it('picks up an edited contact on the next incremental run', async () => {
    const contacts = customersToHubspotContacts(createSampleShop({ seed: 3, customers: 20 }).customers());
    server = await startHubspotServer(contacts);
    const source = hubspotSource({
      object: 'contacts',
      baseUrl: server.baseUrl,
      auth: bearerAuth('x'),
      http: noSleep,
    });
    const firstRun = await syncAll(source, { now: NOW });
    expect(firstRun.records).toBe(20);
    const edited = contacts[4]!;
    const later = '2026-01-20T10:00:00.000Z';
    server.upsert({
      ...edited,
      properties: { ...edited.properties, firstname: 'Renamed', lastmodifieddate: later },
      updatedAt: later,
    });
    const second = await syncAll(source, { now: NOW, state: firstRun.state });
    expect(second.items.map((i) => i.record.value.id)).toEqual([edited.id]);
    expect(second.items[0]?.record.value).toMatchObject({ name: `Renamed ${edited.properties.lastname}` });
  });

  it("answers HubSpot's 401 without the token and 404 for other paths", async () => {
    server = await startHubspotServer([], { token: 'pat-local' });
    const unauthorised = await fetch(`${server.baseUrl}/crm/v3/objects/contacts/search`, {
      method: 'POST',
      body: '{}',
    });
    expect(unauthorised.status).toBe(401);
    expect(await unauthorised.json()).toMatchObject({ category: 'INVALID_AUTHENTICATION' });
    const missing = await fetch(`${server.baseUrl}/crm/v3/objects/tickets`, {
      headers: { authorization: 'Bearer pat-local' },
    });
    expect(missing.status).toBe(404);
    const source = hubspotSource({
      object: 'contacts',
      baseUrl: server.baseUrl,
      auth: bearerAuth('wrong'),
      http: noSleep,
    });
    await expect(syncAll(source, { now: NOW })).rejects.toBeInstanceOf(CxHttpError);
  });

  it('injects faults: the adapter retries a 429 and a reset and still delivers every contact once', async () => {
    const contacts = customersToHubspotContacts(createSampleShop({ seed: 5, customers: 30 }).customers());
    server = await startHubspotServer(contacts, {
      fault: (_request, n) =>
        n === 1
          ? {
              status: 429,
              body: { status: 'error', policyName: 'SECONDLY' },
              headers: { 'retry-after': '0' },
            }
          : n === 3
            ? 'reset'
            : undefined,
    });
    const source = hubspotSource({
      object: 'contacts',
      baseUrl: server.baseUrl,
      auth: bearerAuth('x'),
      pageSize: 10,
      http: noSleep,
    });
    const result = await syncAll(source, { now: NOW });
    const ids = result.items.map((i) => i.record.value.id);
    expect(ids.length).toBe(30);
    expect(new Set(ids).size).toBe(30);
    expect(server.requests.length).toBeGreaterThanOrEqual(5); // ≥ 3 pages + 2 faulted attempts
  });
});
