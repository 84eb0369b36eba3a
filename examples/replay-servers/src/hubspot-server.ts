// A local server replaying HubSpot's CRM v3 contacts search API.
import type { HubspotContact } from './hubspot-contacts.js';
import { searchObjects } from './hubspot-search.js';
import { type ReplayServer, type ReplayServerOptions, reply, startReplayServer } from './server.js';

/** Options of {@link startHubspotServer}. */
export interface HubspotServerOptions extends ReplayServerOptions {}

/** A running HubSpot replay server. */
export interface HubspotServer extends ReplayServer {
  /** Adds contacts or replaces those with the same id (e.g. to show an incremental sync picking up edits). */
  upsert(...contacts: HubspotContact[]): void;
  /** The contacts it serves now, in stored order. */
  contacts(): HubspotContact[];
}

/**
 * Starts a node:http server on 127.0.0.1 (port 0) answering `POST /crm/v3/objects/contacts/search` like
 * HubSpot does: filter groups, one sort, `properties`, `limit` ≤ 200, `after` offsets with the 10 000-result
 * cap, gzip when asked, HubSpot's 401/404/400 error bodies. Point `hubspotSource` at it with `baseUrl`.
 *
 * @param contacts - Contacts to serve, e.g. from {@link customersToHubspotContacts}.
 * @param options - Token to require, faults to inject.
 * @returns The server: `baseUrl`, `requests`, `close()`, `upsert()`.
 * @example
 * ```ts
 * import { customersToHubspotContacts, startHubspotServer } from '@cx/example-replay-servers';
 * import { createSampleShop } from '@cx/sample-data';
 * const server = await startHubspotServer(customersToHubspotContacts(createSampleShop({ customers: 50 }).customers()));
 * // hubspotSource({ object: 'contacts', baseUrl: server.baseUrl, auth: bearerAuth('pat-local') })
 * await server.close();
 * ```
 */
export async function startHubspotServer(
  contacts: Iterable<HubspotContact>,
  options: HubspotServerOptions = {},
): Promise<HubspotServer> {
  const store = new Map<string, HubspotContact>();
  for (const contact of contacts) store.set(contact.id, contact);
  const server = await startReplayServer(
    (request) => {
      if (request.method === 'POST' && request.url.pathname === '/crm/v3/objects/contacts/search') {
        return searchObjects([...store.values()], request.body);
      }
      return reply(404, {
        status: 'error',
        message: `Unable to infer object type from: ${request.method} ${request.url.pathname} (the replay server serves POST /crm/v3/objects/contacts/search)`,
        category: 'OBJECT_NOT_FOUND',
      });
    },
    {
      status: 'error',
      message:
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      category: 'INVALID_AUTHENTICATION',
    },
    options,
  );
  return {
    ...server,
    upsert: (...changed) => {
      for (const contact of changed) store.set(contact.id, contact);
    },
    contacts: () => [...store.values()],
  };
}
