import { type JsonValue, parseOptions, type Scale, STANDARD_SCALES } from '@cx/model';
import { z } from 'zod';
import { CxProtocolError } from '../errors.js';
import type { HttpFailure, RetryDecision } from '../http/client.js';
import { parseTimestamp, toJsonValue, toNumber } from '../mapping.js';
import { httpSourceShape, scaleOption } from '../options.js';
import { own, setOwn } from '../own.js';
import type { ModelCandidate, Source, SourceContext, SourceMessage } from '../sync/source.js';
import { type CursorPosition, compareIds } from '../sync/state.js';
import { adapterClient, compact, type HttpSourceOptions } from './http-source.js';
import {
  type HubspotPageRequest,
  hubspotPageViolation,
  hubspotRequestAdvances,
  hubspotSearchBody,
  nextHubspotRequest,
} from './hubspot-paging.js';

/** Times a page that breaks the paging contract is requested again before the sync stops. */
const PAGE_REREADS = 2;

/**
 * The HubSpot CRM objects the adapter syncs.
 *
 * @category Adapters
 * @since 0.1.0
 */
export type HubspotObject = 'contacts' | 'deals' | 'feedback_submissions';

/**
 * Mapping rules of the HubSpot adapter (all optional; defaults in brackets).
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface HubspotMapping {
  /** Extra properties to request besides the mapped ones. */
  readonly extraProperties?: readonly string[];
  /** Feedback: property holding the score [`hs_value`]. */
  readonly scoreProperty?: string;
  /** Feedback: property holding the survey type NPS/CSAT/CES [`hs_survey_type`]. */
  readonly surveyTypeProperty?: string;
  /** Feedback: property holding the comment [`hs_content`]. */
  readonly commentProperty?: string;
  /** Feedback: property holding the contact id [`hs_contact_id`]. */
  readonly contactProperty?: string;
  /** Feedback: scale per survey type [NPS 0–10, CSAT 1–5, CES 1–7]; keep your survey's real scale here. */
  readonly scales?: Readonly<Record<string, Scale>>;
  /** Deals: currency when `deal_currency_code` is empty [`USD`]. */
  readonly currency?: string;
  /** Deals: `dealstage` → order status [`closedwon` paid, `closedlost` cancelled, others placed]. */
  readonly dealStageStatus?: Readonly<
    Record<string, 'placed' | 'paid' | 'fulfilled' | 'cancelled' | 'refunded'>
  >;
}

/**
 * Options of {@link hubspotSource}.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface HubspotSourceOptions extends HttpSourceOptions {
  /** Object to sync (one source per object, each with its own state). */
  readonly object: HubspotObject;
  /** Results per search request (max 200, default 200). */
  readonly pageSize?: number;
  /** Mapping rules. */
  readonly mapping?: HubspotMapping;
}

interface HubspotObjectRecord {
  readonly id: string;
  readonly properties: Record<string, string | null>;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

const TIME_PROPERTY: Record<HubspotObject, string> = {
  contacts: 'lastmodifieddate',
  deals: 'hs_lastmodifieddate',
  feedback_submissions: 'hs_lastmodifieddate',
};
const SURVEY_METRIC: Record<string, 'nps' | 'csat' | 'ces'> = { NPS: 'nps', CSAT: 'csat', CES: 'ces' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * HubSpot's rate-limit rules: a 429 whose policy is `DAILY` (or with `X-HubSpot-RateLimit-Daily-Remaining: 0`)
 * is an exhausted quota; other 429s wait `Retry-After` or `X-HubSpot-RateLimit-Interval-Milliseconds`.
 *
 * @param failure - The failed response.
 * @returns The decision, or `undefined` for the default rules.
 * @example
 * ```ts
 * import { classifyHubspotFailure } from '@cx/connectors';
 * const d = classifyHubspotFailure({ status: 429, headers: new Headers(), body: '{"policyName":"DAILY"}', retryAfterMs: null });
 * console.log(d?.action); // 'quota'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function classifyHubspotFailure(failure: HttpFailure): RetryDecision {
  if (failure.status !== 429) return undefined;
  if (
    /"policyName"\s*:\s*"DAILY"/.test(failure.body) ||
    failure.headers.get('x-hubspot-ratelimit-daily-remaining') === '0'
  ) {
    return { action: 'quota', reason: 'HubSpot daily API limit reached' };
  }
  const interval = toNumber(failure.headers.get('x-hubspot-ratelimit-interval-milliseconds'));
  const delayMs = failure.retryAfterMs ?? interval;
  return delayMs === undefined ? { action: 'retry' } : { action: 'retry', delayMs };
}

const hubspotSourceSchema = z.strictObject({
  ...httpSourceShape,
  object: z.enum(['contacts', 'deals', 'feedback_submissions']),
  pageSize: z
    .number()
    .int()
    .min(1)
    .max(200, { error: 'HubSpot search returns at most 200 results per page' })
    .optional(),
  mapping: z
    .strictObject({
      extraProperties: z.array(z.string().min(1)).optional(),
      scoreProperty: z.string().min(1).optional(),
      surveyTypeProperty: z.string().min(1).optional(),
      commentProperty: z.string().min(1).optional(),
      contactProperty: z.string().min(1).optional(),
      scales: z.record(z.string(), scaleOption).optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, { error: 'Expected an ISO 4217 code such as EUR' })
        .optional(),
      dealStageStatus: z
        .record(z.string(), z.enum(['placed', 'paid', 'fulfilled', 'cancelled', 'refunded']))
        .optional(),
    })
    .optional(),
});

/**
 * HubSpot CRM v3 source for contacts (→ customers), deals (→ orders, customer from the deal's first associated
 * contact) and feedback submissions (→ NPS/CSAT/CES survey responses), incremental by last-modified time.
 *
 * Reads with keyset pagination on the search API (`lastmodifieddate >= cursor`, ascending) instead of
 * `after` offsets, so the 10 000-result search cap is never reached and rows modified mid-sync do not shift
 * pages. When a full page shares one timestamp it switches to `hs_object_id` order within that timestamp, so
 * even more than 10 000 rows with one stamp terminate with every id.
 *
 * @param options - Auth, object, mapping.
 * @returns The source.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { bearerAuth, hubspotSource } from '@cx/connectors';
 * const contacts = hubspotSource({ object: 'contacts', auth: bearerAuth(process.env.HUBSPOT_TOKEN ?? 'pat-…') });
 * console.log(contacts.name); // 'hubspot:contacts'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function hubspotSource(options: HubspotSourceOptions): Source {
  parseOptions(hubspotSourceSchema, options, 'hubspotSource');
  const http = adapterClient(options, 'https://api.hubapi.com', classifyHubspotFailure);
  const object = options.object;
  const timeProperty = TIME_PROPERTY[object];
  const m = options.mapping ?? {};
  const limit = options.pageSize ?? 200;
  const properties = [
    ...new Set([
      timeProperty,
      'hs_object_id',
      ...(object === 'contacts' ? ['email', 'firstname', 'lastname', 'createdate', 'lifecyclestage'] : []),
      ...(object === 'deals'
        ? ['dealname', 'amount', 'dealstage', 'closedate', 'createdate', 'deal_currency_code', 'pipeline']
        : []),
      ...(object === 'feedback_submissions'
        ? [
            m.scoreProperty ?? 'hs_value',
            m.surveyTypeProperty ?? 'hs_survey_type',
            m.commentProperty ?? 'hs_content',
            m.contactProperty ?? 'hs_contact_id',
            'hs_survey_id',
            'hs_survey_name',
            'hs_response_group',
            'hs_submission_timestamp',
            'hs_createdate',
          ]
        : []),
      ...(m.extraProperties ?? []),
    ]),
  ];

  const search = async (body: unknown, context: SourceContext) =>
    (
      await http.json<{
        total?: number;
        results?: HubspotObjectRecord[];
        paging?: { next?: { after: string } };
      }>(`/crm/v3/objects/${object}/search`, { json: body, signal: context.signal, onRetry: context.onRetry })
    ).data;
  const timeMs = (record: HubspotObjectRecord): number | null => {
    const time = parseTimestamp(record.properties?.[timeProperty] ?? record.updatedAt);
    return time === null ? null : Date.parse(time);
  };

  const dealContacts = async (dealIds: string[], context: SourceContext): Promise<Map<string, string>> => {
    const out = new Map<string, string>();
    if (dealIds.length === 0) return out;
    const { data } = await http.json<{
      results: Array<{ from: { id: string }; to: Array<{ toObjectId: number | string }> }>;
    }>('/crm/v4/associations/deals/contacts/batch/read', {
      json: { inputs: dealIds.map((id) => ({ id })) },
      signal: context.signal,
      onRetry: context.onRetry,
    });
    for (const r of data.results ?? []) {
      const first = [...(r.to ?? [])].map((t) => String(t.toObjectId)).sort(compareIds)[0];
      if (first !== undefined) out.set(String(r.from.id), first);
    }
    return out;
  };

  const map = (record: HubspotObjectRecord, contactId: string | undefined): ModelCandidate[] => {
    const p = record.properties;
    const rest = (mapped: string[]) => {
      const out: Record<string, JsonValue> = {};
      for (const [k, v] of Object.entries(p))
        if (!mapped.includes(k) && v !== null && v !== '') setOwn(out, k, toJsonValue(v));
      return out;
    };
    if (object === 'contacts') {
      const email = p.email ?? undefined;
      const validEmail = email !== undefined && EMAIL.test(email);
      const name = [p.firstname, p.lastname].filter((x) => x).join(' ');
      return [
        {
          kind: 'customer',
          value: compact({
            id: record.id,
            type: 'consumer',
            name: name || undefined,
            email: validEmail ? email : undefined,
            firstSeenAt: parseTimestamp(p.createdate ?? record.createdAt) ?? undefined,
            attributes: rest(['firstname', 'lastname', 'createdate', ...(validEmail ? ['email'] : [])]),
          }),
        },
      ];
    }
    if (object === 'deals') {
      const stage = p.dealstage ?? '';
      const status = (m.dealStageStatus ?? { closedwon: 'paid', closedlost: 'cancelled' })[stage] ?? 'placed';
      return [
        {
          kind: 'order',
          value: compact({
            id: record.id,
            customerId: contactId,
            orderedAt: parseTimestamp(p.closedate ?? p.createdate ?? record.createdAt) ?? undefined,
            amount: toNumber(p.amount),
            currency: p.deal_currency_code || m.currency || 'USD',
            status,
            properties: rest(['amount', 'deal_currency_code']),
          }),
        },
      ];
    }
    const scoreProp = m.scoreProperty ?? 'hs_value';
    const typeProp = m.surveyTypeProperty ?? 'hs_survey_type';
    const type = (own(p, typeProp) ?? '').toUpperCase();
    const scales = {
      NPS: STANDARD_SCALES.nps,
      CSAT: STANDARD_SCALES.csat,
      CES: STANDARD_SCALES.ces,
      ...m.scales,
    };
    return [
      {
        kind: 'surveyResponse',
        value: compact({
          id: record.id,
          surveyId: p.hs_survey_id ?? `hubspot-${type.toLowerCase() || 'survey'}`,
          metric: own(SURVEY_METRIC, type) ?? 'custom',
          scale: own<Scale>(scales, type),
          score: toNumber(own(p, scoreProp)),
          customerId: own(p, m.contactProperty ?? 'hs_contact_id') ?? undefined,
          respondedAt:
            parseTimestamp(p.hs_submission_timestamp ?? p.hs_createdate ?? record.createdAt) ?? undefined,
          comment: own(p, m.commentProperty ?? 'hs_content') ?? undefined,
          properties: rest([scoreProp, m.commentProperty ?? 'hs_content', 'hs_submission_timestamp']),
        }),
      },
    ];
  };

  return {
    name: `hubspot:${object}`,
    lookbackMs: options.lookbackMs ?? 10 * 60_000,
    lagMs: options.lagMs ?? 60_000,
    secrets: () => options.auth.secrets(),
    async *read(context): AsyncGenerator<SourceMessage> {
      const until = Date.parse(context.until);
      let request: HubspotPageRequest | null = {
        mode: 'time',
        lower: context.from === null ? 0 : Date.parse(context.from),
        operator: 'GTE',
        until,
      };
      let cursor: CursorPosition | null = null;
      // distinct rows read, for the progress total: pages come in time order (checked), so a row is read again
      // only at the newest time read so far; keep the ids at that time to count them once
      let belowTop = 0;
      let topMs = Number.NEGATIVE_INFINITY;
      let top = new Set<string>();
      const count = (id: string, ms: number) => {
        if (ms > topMs) {
          belowTop += top.size;
          top = new Set([id]);
          topMs = ms;
        } else if (ms === topMs) top.add(id);
      };
      /** Distinct rows read that the request cannot return again. */
      const before = (r: HubspotPageRequest) =>
        r.mode === 'time' && r.operator === 'GTE' && r.lower <= topMs ? belowTop : belowTop + top.size;
      while (request !== null) {
        const body = hubspotSearchBody(request, timeProperty, properties, limit);
        let page = await search(body, context);
        let rows = page.results ?? [];
        let seen = rows.map((r) => ({ id: r.id, ms: timeMs(r) }));
        let violation = hubspotPageViolation(request, seen);
        for (let again = 1; violation !== null && again <= PAGE_REREADS; again++) {
          yield {
            type: 'log',
            level: 'warn',
            message: `HubSpot ${object} search returned a page out of its order (${violation}); reading it again`,
          };
          page = await search(body, context);
          rows = page.results ?? [];
          seen = rows.map((r) => ({ id: r.id, ms: timeMs(r) }));
          violation = hubspotPageViolation(request, seen);
        }
        if (violation !== null) {
          throw new CxProtocolError(
            `HubSpot ${object} search broke its paging contract ${PAGE_REREADS + 1} times in a row (${violation}); stopping rather than skipping records`,
            { code: 'paging_violation' },
          );
        }
        const total =
          request.mode === 'time' && typeof page.total === 'number'
            ? before(request) + page.total
            : undefined;
        yield { type: 'page', stream: object, ...(total === undefined ? {} : { total }) };
        const contacts =
          object === 'deals'
            ? await dealContacts(
                rows.map((r) => r.id),
                context,
              )
            : null;
        for (const [index, record] of rows.entries()) {
          context.signal.throwIfAborted();
          const ms = seen[index]?.ms ?? null;
          if (ms === null) {
            yield { type: 'invalid', stream: object, raw: record, reason: `No parseable ${timeProperty}` };
            continue;
          }
          const time = new Date(ms).toISOString();
          const position = { time, id: record.id };
          if (
            cursor === null ||
            ms > Date.parse(cursor.time) ||
            (ms === Date.parse(cursor.time) && compareIds(record.id, cursor.id) > 0)
          ) {
            cursor = position;
          }
          const contactId = contacts?.get(record.id);
          count(record.id, ms);
          yield {
            type: 'record',
            stream: object,
            raw: record,
            position,
            key: `${object}:${record.id}@${time}`,
            map: () => map(record, contactId),
          };
        }
        yield { type: 'checkpoint', cursor };
        if (rows.length >= limit && seen.every((r) => r.ms === null)) {
          throw new CxProtocolError(
            `HubSpot ${object} search returned a full page without one parseable ${timeProperty}; cannot page on without skipping records`,
            { code: 'paging_violation' },
          );
        }
        const next = nextHubspotRequest(request, seen, limit);
        if (next !== null && !hubspotRequestAdvances(request, next)) {
          throw new CxProtocolError(
            `HubSpot ${object} search made no progress (the next request would repeat ${JSON.stringify(body)})`,
            { code: 'paging_violation' },
          );
        }
        request = next;
      }
    },
  };
}
