import type { JsonValue } from '@cx/model';
import { parseOptions } from '@cx/model';
import { z } from 'zod';
import { parseTimestamp, toJsonValue } from '../mapping.js';
import { httpSourceShape } from '../options.js';
import { own, setOwn } from '../own.js';
import type { ModelCandidate, Source, SourceMessage } from '../sync/source.js';
import { type CursorPosition, compareCursor } from '../sync/state.js';
import { adapterClient, compact, type HttpSourceOptions } from './http-source.js';

/**
 * Options of {@link zendeskSource}.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface ZendeskSourceOptions extends HttpSourceOptions {
  /** Account subdomain (`acme` → `https://acme.zendesk.com`), unless `baseUrl` is set. */
  readonly subdomain?: string;
  /** Ticket `via.channel` → model channel (defaults: email, web, chat, voice→phone, mobile→mobile-app, others `other`). */
  readonly viaChannels?: Readonly<Record<string, string>>;
  /** Survey id given to CSAT responses (default `zendesk-csat`). */
  readonly csatSurveyId?: string;
  /** Skip deleted tickets (`exclude_deleted=true`, default `false`: deletions come through as status `deleted`). */
  readonly excludeDeleted?: boolean;
}

interface ZendeskTicket {
  readonly id: number;
  readonly updated_at: string;
  readonly created_at?: string;
  readonly status?: string;
  readonly requester_id?: number | null;
  readonly via?: { readonly channel?: string };
  readonly satisfaction_rating?: {
    readonly id?: number;
    readonly score?: string;
    readonly comment?: string | null;
  } | null;
  readonly [field: string]: unknown;
}

interface ZendeskPage {
  readonly tickets: ZendeskTicket[];
  readonly after_cursor: string | null;
  readonly after_url: string | null;
  readonly end_of_stream: boolean;
}

const VIA: Record<string, string> = {
  email: 'email',
  web: 'web',
  chat: 'chat',
  voice: 'phone',
  mobile: 'mobile-app',
  mobile_sdk: 'mobile-app',
  sms: 'sms',
  twitter: 'social-media',
  facebook: 'social-media',
  whatsapp: 'messaging',
};

const zendeskSourceSchema = z
  .strictObject({
    ...httpSourceShape,
    subdomain: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/i, { error: 'Expected the account subdomain, e.g. acme' })
      .optional(),
    viaChannels: z.record(z.string(), z.string()).optional(),
    csatSurveyId: z.string().min(1).optional(),
    excludeDeleted: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.baseUrl === undefined && value.subdomain === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['subdomain'],
        message: 'Missing subdomain (acme for https://acme.zendesk.com), or baseUrl',
        params: { code: 'missing_option' },
      });
  });
const zendeskSatisfactionSourceSchema = zendeskSourceSchema;

/**
 * Zendesk Support source: the cursor-based incremental ticket export (`start_time` on the first call, then
 * `after_cursor` until `end_of_stream`). Tickets become interactions (`ticket_<status>`, channel from `via`);
 * a `good`/`bad` satisfaction rating becomes a CSAT survey response on the 0–1 scale (`good` = 1) with the raw
 * score kept in properties; `offered`/`unoffered` ratings are not responses. The `after_cursor` is stored as
 * resume data; a repeated cursor with no progress ends the run instead of looping.
 *
 * @param options - Subdomain or base URL, auth.
 * @returns The source.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { basicAuth, zendeskSource } from '@cx/connectors';
 * const tickets = zendeskSource({ subdomain: 'acme', auth: basicAuth('agent@acme.com/token', 'api-token') });
 * console.log(tickets.name); // 'zendesk:tickets'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function zendeskSource(options: ZendeskSourceOptions): Source {
  parseOptions(zendeskSourceSchema, options, 'zendeskSource');
  const base = options.baseUrl ?? `https://${options.subdomain as string}.zendesk.com`;
  const http = adapterClient({ ...options, baseUrl: base }, base);
  const via = { ...VIA, ...options.viaChannels };

  const map = (t: ZendeskTicket, time: string): ModelCandidate[] => {
    const customerId = t.requester_id == null ? undefined : String(t.requester_id);
    const channel = own(via, t.via?.channel ?? '') ?? 'other';
    const properties: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(t))
      if (k !== 'satisfaction_rating' && v !== null) setOwn(properties, k, toJsonValue(v));
    const out: ModelCandidate[] = [
      {
        kind: 'interaction',
        value: compact({
          id: `zendesk-ticket-${t.id}@${time}`,
          customerId,
          timestamp: time,
          name: `ticket_${t.status ?? 'updated'}`,
          channel,
          touchpointId: 'support',
          source: 'zendesk',
          properties,
        }),
      },
    ];
    const rating = t.satisfaction_rating;
    if (rating && (rating.score === 'good' || rating.score === 'bad')) {
      out.push({
        kind: 'surveyResponse',
        value: compact({
          id: `zendesk-csat-${rating.id ?? t.id}`,
          surveyId: options.csatSurveyId ?? 'zendesk-csat',
          metric: 'csat',
          scale: { min: 0, max: 1, direction: 'higher-is-better', integral: true },
          score: rating.score === 'good' ? 1 : 0,
          customerId,
          respondedAt: time,
          comment: rating.comment ?? undefined,
          channel,
          properties: { rawScore: rating.score, ticketId: t.id },
        }),
      });
    }
    return out;
  };

  return {
    name: 'zendesk:tickets',
    lookbackMs: options.lookbackMs ?? 0,
    lagMs: options.lagMs ?? 60_000,
    secrets: () => options.auth.secrets(),
    async *read(context): AsyncGenerator<SourceMessage> {
      const resume = context.state?.resume as { afterCursor?: string } | undefined;
      let afterCursor = resume?.afterCursor ?? null;
      const startTime = Math.floor(Date.parse(context.from ?? '1970-01-01T00:00:00Z') / 1000);
      let cursor: CursorPosition | null = null;
      const exclude = options.excludeDeleted ? { exclude_deleted: 'true' } : {};
      for (;;) {
        const { data } = await http.json<ZendeskPage>('/api/v2/incremental/tickets/cursor.json', {
          query:
            afterCursor === null
              ? { start_time: startTime, ...exclude }
              : { cursor: afterCursor, ...exclude },
          signal: context.signal,
          onRetry: context.onRetry,
        });
        yield { type: 'page', stream: 'tickets' };
        for (const t of data.tickets ?? []) {
          const time = parseTimestamp(t.updated_at);
          if (time === null) {
            yield { type: 'invalid', stream: 'tickets', raw: t, reason: 'No parseable updated_at' };
            continue;
          }
          const position = { time, id: String(t.id) };
          if (cursor === null || compareCursor(position, cursor) > 0) cursor = position;
          yield {
            type: 'record',
            stream: 'tickets',
            raw: t,
            position,
            key: `ticket:${t.id}@${time}`,
            map: () => map(t, time),
          };
        }
        const repeated = data.after_cursor !== null && data.after_cursor === afterCursor;
        if (data.after_cursor) afterCursor = data.after_cursor;
        yield { type: 'checkpoint', cursor, ...(afterCursor ? { resume: { afterCursor } } : {}) };
        if (data.end_of_stream || data.after_cursor === null) break;
        if (repeated && (data.tickets ?? []).length === 0) {
          yield {
            type: 'log',
            level: 'warn',
            message: 'Zendesk returned the same after_cursor with no tickets; stopping',
          };
          break;
        }
      }
    },
  };
}

interface ZendeskRating {
  readonly id: number;
  readonly ticket_id?: number;
  readonly requester_id?: number | null;
  readonly score: string;
  readonly comment?: string | null;
  readonly reason?: string | null;
  readonly created_at?: string;
  readonly updated_at: string;
  readonly [field: string]: unknown;
}

/**
 * Zendesk legacy CSAT source: `GET /api/v2/satisfaction_ratings?score=received` (cursor pages of up to 100,
 * followed through `links.next` while `meta.has_more`). Each `good`/`bad` rating becomes a CSAT response on the
 * 0–1 scale with the same id as {@link zendeskSource} gives an embedded rating (`zendesk-csat-<rating id>`), so
 * the two can be combined and upserted. Ratings come in no documented order: the cursor advances at the end of
 * a run; default lookback 7 days re-reads recently changed ratings.
 *
 * @param options - Subdomain or base URL, auth.
 * @returns The source.
 * @example
 * ```ts
 * import { basicAuth, zendeskSatisfactionSource } from '@cx/connectors';
 * const csat = zendeskSatisfactionSource({ subdomain: 'acme', auth: basicAuth('agent@acme.com/token', 'api-token') });
 * console.log(csat.name); // 'zendesk:satisfaction_ratings'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function zendeskSatisfactionSource(options: ZendeskSourceOptions): Source {
  parseOptions(zendeskSatisfactionSourceSchema, options, 'zendeskSatisfactionSource');
  const base = options.baseUrl ?? `https://${options.subdomain as string}.zendesk.com`;
  const http = adapterClient({ ...options, baseUrl: base }, base);
  const map = (r: ZendeskRating, time: string): ModelCandidate[] => {
    if (r.score !== 'good' && r.score !== 'bad') return [];
    const properties: Record<string, JsonValue> = { rawScore: r.score };
    for (const [k, v] of Object.entries(r)) {
      if (!['score', 'comment', 'requester_id', 'id'].includes(k) && v !== null)
        setOwn(properties, k, toJsonValue(v));
    }
    return [
      {
        kind: 'surveyResponse',
        value: compact({
          id: `zendesk-csat-${r.id}`,
          surveyId: options.csatSurveyId ?? 'zendesk-csat',
          metric: 'csat',
          scale: { min: 0, max: 1, direction: 'higher-is-better', integral: true },
          score: r.score === 'good' ? 1 : 0,
          customerId: r.requester_id == null ? undefined : String(r.requester_id),
          respondedAt: time,
          comment: r.comment ?? undefined,
          properties,
        }),
      },
    ];
  };
  return {
    name: 'zendesk:satisfaction_ratings',
    lookbackMs: options.lookbackMs ?? 7 * 86_400_000,
    lagMs: options.lagMs ?? 60_000,
    secrets: () => options.auth.secrets(),
    async *read(context): AsyncGenerator<SourceMessage> {
      let next: string | null = '/api/v2/satisfaction_ratings';
      let query: Record<string, string | number> | undefined = {
        'page[size]': 100,
        score: 'received',
        ...(context.from === null ? {} : { start_time: Math.floor(Date.parse(context.from) / 1000) }),
      };
      let cursor: CursorPosition | null = null;
      const visited = new Set<string>();
      while (next !== null) {
        const response: {
          data: {
            satisfaction_ratings?: ZendeskRating[];
            meta?: { has_more?: boolean };
            links?: { next?: string | null };
          };
        } = await http.json(next, {
          ...(query ? { query } : {}),
          signal: context.signal,
          onRetry: context.onRetry,
        });
        query = undefined;
        const data = response.data;
        yield { type: 'page', stream: 'satisfaction_ratings' };
        for (const r of data.satisfaction_ratings ?? []) {
          const time = parseTimestamp(r.updated_at);
          if (time === null) {
            yield {
              type: 'invalid',
              stream: 'satisfaction_ratings',
              raw: r,
              reason: 'No parseable updated_at',
            };
            continue;
          }
          const position = { time, id: String(r.id) };
          if (cursor === null || compareCursor(position, cursor) > 0) cursor = position;
          yield {
            type: 'record',
            stream: 'satisfaction_ratings',
            raw: r,
            position,
            key: `rating:${r.id}@${time}`,
            map: () => map(r, time),
          };
        }
        yield { type: 'checkpoint', cursor: null };
        const link = data.meta?.has_more ? (data.links?.next ?? null) : null;
        next = link !== null && !visited.has(link) ? link : null;
        if (link !== null) visited.add(link);
      }
      yield { type: 'checkpoint', cursor };
    },
  };
}
