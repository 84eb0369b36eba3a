// A local server replaying Typeform's Create (form definition) and Responses APIs.

import {
  type ReplayReply,
  type ReplayServer,
  type ReplayServerOptions,
  reply,
  startReplayServer,
} from './server.js';
import type { TypeformForm, TypeformResponse } from './typeform-responses.js';

/** Options of {@link startTypeformServer}. */
export interface TypeformServerOptions extends ReplayServerOptions {}

/** A running Typeform replay server. */
export interface TypeformServer extends ReplayServer {
  /** Adds responses (replacing those with the same token), e.g. new submissions between two syncs. */
  add(...responses: TypeformResponse[]): void;
}

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 1000;

function invalid(description: string): ReplayReply {
  return reply(400, { code: 'VALIDATION_ERROR', description });
}

/** `since`/`until`: ISO 8601 (no zone means UTC) or Unix seconds; `null` for an unparseable value. */
function parseTime(value: string): number | null {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const iso = /(?:Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

function listResponses(all: readonly TypeformResponse[], query: URLSearchParams): ReplayReply {
  const pageSize = query.has('page_size') ? Number(query.get('page_size')) : DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    return invalid(`page_size must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  const bounds: Record<'since' | 'until', number | null> = { since: null, until: null };
  for (const key of ['since', 'until'] as const) {
    const raw = query.get(key);
    if (raw === null) continue;
    const ms = parseTime(raw);
    if (ms === null) return invalid(`${key} must be an ISO 8601 date-time or a Unix timestamp, got ${raw}`);
    bounds[key] = ms;
  }
  const before = query.get('before');
  const after = query.get('after');
  if (before !== null && after !== null) return invalid('before and after cannot be used together');
  const sort = query.get('sort') ?? 'submitted_at,desc';
  if (sort !== 'submitted_at,desc' && sort !== 'submitted_at,asc')
    return invalid(`sort must be submitted_at,desc or submitted_at,asc, got ${sort}`);
  const completed = query.get('completed');

  // Newest first; equal seconds by token, so that a `before` token is a stable position.
  const ordered = all
    .filter((r) => {
      const ms = Date.parse(r.submitted_at);
      return (
        (bounds.since === null || ms >= bounds.since) &&
        (bounds.until === null || ms <= bounds.until) &&
        completed !== 'false'
      );
    })
    .sort((a, b) => Date.parse(b.submitted_at) - Date.parse(a.submitted_at) || (a.token < b.token ? 1 : -1));
  let window = ordered;
  const token = before ?? after;
  if (token !== null) {
    const at = ordered.findIndex((r) => r.token === token);
    if (at === -1) return invalid(`Token ${token} is not a response of this query`);
    window = before !== null ? ordered.slice(at + 1) : ordered.slice(0, at).reverse();
  }
  if (sort === 'submitted_at,asc' && token === null) window = [...window].reverse();
  return reply(200, {
    total_items: ordered.length,
    page_count: Math.ceil(ordered.length / pageSize),
    items: window.slice(0, pageSize),
  });
}

/**
 * Starts a node:http server on 127.0.0.1 (port 0) replaying one Typeform form: `GET /forms/{id}` returns the
 * definition; `GET /forms/{id}/responses` lists responses newest first with `page_size` (default 25, at most
 * 1000), inclusive `since`/`until` (ISO 8601 or Unix seconds), `before`/`after` token paging, `sort` and
 * `completed`; Typeform's 400/401/404 error bodies; gzip when asked. Point `typeformSource` at it with `baseUrl`.
 *
 * @param form - The form definition, e.g. from {@link createTypeformNpsForm}.
 * @param responses - Its responses, e.g. from {@link responsesToTypeform}.
 * @param options - Token to require, faults to inject.
 * @returns The server: `baseUrl`, `requests`, `close()`, `add()`.
 * @example
 * ```ts
 * import { createTypeformNpsForm, responsesToTypeform, startTypeformServer } from '@cx/example-replay-servers';
 * import { createSampleShop } from '@cx/sample-data';
 * const npsResponses = [...createSampleShop({ customers: 50 }).surveyResponses()].filter((r) => r.metric === 'nps');
 * const form = createTypeformNpsForm();
 * const server = await startTypeformServer(form, responsesToTypeform(npsResponses, { form }));
 * // typeformSource({ formId: form.id, baseUrl: server.baseUrl, auth: bearerAuth('tfp_local') })
 * await server.close();
 * ```
 */
export async function startTypeformServer(
  form: TypeformForm,
  responses: Iterable<TypeformResponse>,
  options: TypeformServerOptions = {},
): Promise<TypeformServer> {
  const store = new Map<string, TypeformResponse>();
  for (const r of responses) store.set(r.token, r);
  const formPath = `/forms/${encodeURIComponent(form.id)}`;
  const server = await startReplayServer(
    (request) => {
      const path = request.url.pathname;
      if (request.method === 'GET' && path === formPath) return reply(200, form);
      if (request.method === 'GET' && path === `${formPath}/responses`)
        return listResponses([...store.values()], request.url.searchParams);
      const other = /^\/forms\/([^/]+)/.exec(path)?.[1];
      if (other !== undefined)
        return reply(404, {
          code: 'FORM_NOT_FOUND',
          description: `Non existing form with uid ${decodeURIComponent(other)}`,
        });
      return reply(404, { code: 'NOT_FOUND', description: `No route for ${request.method} ${path}` });
    },
    {
      code: 'AUTHENTICATION_FAILED',
      description: 'Authentication credentials not found on the Request Headers',
    },
    options,
  );
  return {
    ...server,
    add: (...added) => {
      for (const r of added) store.set(r.token, r);
    },
  };
}
