import { bearerAuth, hubspotSource, syncAll } from '@cx/connectors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HubspotContact } from './hubspot-contacts.js';
import { startHubspotServer } from './hubspot-server.js';

const T0 = Date.parse('2025-03-01T00:00:00Z');
const contact = (id: number, modifiedMs: number): HubspotContact => {
  const iso = new Date(modifiedMs).toISOString();
  return {
    id: String(id),
    properties: {
      hs_object_id: String(id),
      email: `c${id}@example.com`,
      createdate: iso,
      lastmodifieddate: iso,
    },
    createdAt: iso,
    updatedAt: iso,
    archived: false,
  };
};

describe('HubSpot replay server with hubspotSource (property)', () => {
  it('delivers every contact exactly once for any page size and any pile-up of equal timestamps', async () => {
    await fc.assert(
      fc.asyncProperty(
        // up to 120 contacts whose modified times fall on at most 6 distinct seconds (many ties), page size 1–40
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 120 }),
        fc.integer({ min: 1, max: 40 }),
        async (slots, pageSize) => {
          const contacts = slots.map((slot, i) => contact(1000 + ((i * 7919) % 100_000), T0 + slot * 1000));
          const unique = [...new Map(contacts.map((c) => [c.id, c])).values()];
          const server = await startHubspotServer(unique);
          try {
            const source = hubspotSource({
              object: 'contacts',
              baseUrl: server.baseUrl,
              auth: bearerAuth('x'),
              pageSize,
              http: { sleep: async () => {} },
            });
            const result = await syncAll(source, { now: () => T0 + 86_400_000 });
            const ids = result.items.map((i) => i.record.value.id).sort();
            expect(ids).toEqual(unique.map((c) => c.id).sort());
          } finally {
            await server.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
