// HubSpot CRM v3 search semantics over an in-memory list of objects.
import type { HubspotContact } from './hubspot-contacts.js';
import { type ReplayReply, reply } from './server.js';

interface Filter {
  readonly propertyName?: unknown;
  readonly operator?: unknown;
  readonly value?: unknown;
  readonly highValue?: unknown;
  readonly values?: unknown;
}
interface SearchBody {
  readonly filterGroups?: ReadonlyArray<{ readonly filters?: readonly Filter[] }>;
  readonly sorts?: ReadonlyArray<{ readonly propertyName?: unknown; readonly direction?: unknown } | string>;
  readonly properties?: readonly unknown[];
  readonly limit?: unknown;
  readonly after?: unknown;
  readonly query?: unknown;
}

/** Properties HubSpot types as datetime (filter values in epoch ms or ISO, compared as instants). */
const DATE_PROPERTIES = new Set(['createdate', 'lastmodifieddate', 'hs_lastmodifieddate', 'closedate']);
/** Properties HubSpot types as number. */
const NUMBER_PROPERTIES = new Set(['hs_object_id', 'amount']);
/** Returned for every object whatever `properties` asks for. */
const ALWAYS = ['createdate', 'hs_object_id', 'lastmodifieddate'];
/** Returned when the request names no properties. */
const DEFAULT_PROPERTIES = [...ALWAYS, 'email', 'firstname', 'lastname'];
/** Searched by the free-text `query`. */
const QUERY_PROPERTIES = ['email', 'firstname', 'lastname', 'company', 'phone'];
const MAX_LIMIT = 200;
const MAX_RESULTS = 10_000;

function badRequest(message: string): ReplayReply {
  return reply(400, {
    status: 'error',
    message,
    correlationId: '00000000-0000-4000-8000-000000000000',
    category: 'VALIDATION_ERROR',
  });
}

/** A comparable value of a property, or `null` when unset. */
function comparable(property: string, raw: string | null | undefined): number | string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  if (DATE_PROPERTIES.has(property)) return /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (NUMBER_PROPERTIES.has(property)) return Number(raw);
  return raw.toLowerCase();
}

function matches(object: HubspotContact, filter: Filter): boolean | string {
  const property = filter.propertyName;
  if (typeof property !== 'string') return 'filter.propertyName must be a string';
  const actual = comparable(property, object.properties[property]);
  const operand = (v: unknown) => comparable(property, v === undefined || v === null ? null : String(v));
  const wanted = operand(filter.value);
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return actual !== null;
    case 'NOT_HAS_PROPERTY':
      return actual === null;
    case 'EQ':
      return actual !== null && actual === wanted;
    case 'NEQ':
      return actual !== wanted;
    case 'LT':
      return actual !== null && wanted !== null && actual < wanted;
    case 'LTE':
      return actual !== null && wanted !== null && actual <= wanted;
    case 'GT':
      return actual !== null && wanted !== null && actual > wanted;
    case 'GTE':
      return actual !== null && wanted !== null && actual >= wanted;
    case 'BETWEEN': {
      const high = operand(filter.highValue);
      return actual !== null && wanted !== null && high !== null && actual >= wanted && actual <= high;
    }
    case 'IN':
    case 'NOT_IN': {
      if (!Array.isArray(filter.values)) return `filter.values must be an array for ${filter.operator}`;
      const found = actual !== null && filter.values.some((v) => operand(v) === actual);
      return filter.operator === 'IN' ? found : !found;
    }
    default:
      return `Unsupported operator ${JSON.stringify(filter.operator)}`;
  }
}

function compare(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // unset values sort last
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * Evaluates a `POST /crm/v3/objects/{object}/search` body: filter groups (OR of ANDs), one sort, free-text
 * `query`, `properties`, `limit` (at most 200) and `after` offsets, which stop at HubSpot's 10 000-result cap
 * with the API's 400 reply. Ties keep the objects' stored order.
 */
export function searchObjects(objects: readonly HubspotContact[], rawBody: string): ReplayReply {
  let body: SearchBody;
  try {
    body = JSON.parse(rawBody) as SearchBody;
  } catch {
    return badRequest('Invalid input JSON on line 1: the body is not JSON');
  }
  const limit = body.limit ?? 10;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    return badRequest(`limit must be an integer from 1 to ${MAX_LIMIT}, got ${JSON.stringify(limit)}`);
  const after = body.after === undefined ? 0 : Number(body.after);
  if (!Number.isInteger(after) || after < 0) return badRequest(`Invalid after ${JSON.stringify(body.after)}`);
  if (after + limit > MAX_RESULTS)
    return badRequest(`Search results are limited to ${MAX_RESULTS.toLocaleString('en-US')}`);
  const groups = body.filterGroups ?? [];
  if (groups.length > 5) return badRequest('At most 5 filterGroups are allowed');
  const sorts = body.sorts ?? [];
  if (sorts.length > 1) return badRequest('At most one sort is allowed');

  const query = typeof body.query === 'string' ? body.query.trim().toLowerCase() : '';
  const matched: HubspotContact[] = [];
  for (const object of objects) {
    if (object.archived) continue;
    let ok = groups.length === 0;
    for (const group of groups) {
      let all = true;
      for (const filter of group.filters ?? []) {
        const result = matches(object, filter);
        if (typeof result === 'string') return badRequest(result);
        if (!result) all = false;
      }
      if (all) ok = true;
    }
    if (ok && query !== '') {
      ok = QUERY_PROPERTIES.some((p) => (object.properties[p] ?? '').toLowerCase().includes(query));
    }
    if (ok) matched.push(object);
  }

  const sort = sorts[0];
  const sortProperty = typeof sort === 'string' ? sort : String(sort?.propertyName ?? 'hs_object_id');
  const descending = typeof sort === 'object' && sort.direction === 'DESCENDING';
  const sign = descending ? -1 : 1;
  const sorted = matched
    .map((object, i) => ({ object, i, key: comparable(sortProperty, object.properties[sortProperty]) }))
    .sort((x, y) => sign * compare(x.key, y.key) || x.i - y.i)
    .map((x) => x.object);

  const requested = Array.isArray(body.properties)
    ? [...new Set([...ALWAYS, ...body.properties.map(String)])]
    : DEFAULT_PROPERTIES;
  const page = sorted.slice(after, after + limit).map((object) => ({
    id: object.id,
    properties: Object.fromEntries(requested.map((p) => [p, object.properties[p] ?? null])),
    createdAt: object.createdAt,
    updatedAt: object.updatedAt,
    archived: object.archived,
  }));
  const next = after + limit < sorted.length ? String(after + limit) : null;
  return reply(200, {
    total: sorted.length,
    results: page,
    ...(next === null ? {} : { paging: { next: { after: next, link: `?after=${next}` } } }),
  });
}
