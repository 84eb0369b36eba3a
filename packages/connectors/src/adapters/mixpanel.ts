import { CxError, instantToEpochMs, type JsonValue, parseOptions } from '@cx/model';
import { z } from 'zod';
import { responseLines } from '../files/response-lines.js';
import type { HttpFailure, RetryDecision } from '../http/client.js';
import { type ParseTimestampOptions, parseTimestamp, toJsonValue } from '../mapping.js';
import { countOption, dateOption, eventRuleOption, httpSourceShape } from '../options.js';
import { own, setOwn } from '../own.js';
import type { ModelCandidate, Source, SourceMessage } from '../sync/source.js';
import { adapterClient, compact, type HttpSourceOptions } from './http-source.js';

/**
 * `properties.time` of the raw export is Unix time in seconds: "time_in_ms … Default: false (second precision)",
 * Mixpanel Event Export API, https://developer.mixpanel.com/reference/raw-event-export (this adapter does not ask
 * for milliseconds).
 */
const MIXPANEL_TIME: ParseTimestampOptions = { epoch: 's' };
/**
 * Where an event name lands in the journey.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface EventRule {
  /** Interaction name (default: the event name). */
  readonly name?: string;
  /** Touchpoint id. */
  readonly touchpointId?: string;
  /** Journey stage slug, e.g. `purchase`. */
  readonly stageId?: string;
  /** Channel (default: the source's channel). */
  readonly channel?: string;
}

/**
 * Options of {@link mixpanelSource}.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface MixpanelSourceOptions extends HttpSourceOptions {
  /** Project id (service-account auth needs it). */
  readonly projectId: string;
  /** First day to export on a first run (`YYYY-MM-DD`, UTC) when the sync has no `startAt`. */
  readonly startDate?: string;
  /** Event name → journey mapping. */
  readonly events?: Readonly<Record<string, EventRule>>;
  /** Default channel (default `web`). */
  readonly channel?: string;
  /** Property holding the identified user id (default `$user_id`). */
  readonly customerIdProperty?: string;
  /** Attempts per day when the stream breaks mid-body (default 3). */
  readonly streamAttempts?: number;
}

interface MixpanelEvent {
  readonly event: string;
  readonly properties: Record<string, unknown> & { time?: number; distinct_id?: string; $insert_id?: string };
}

const DAY = 86_400_000;

/**
 * Mixpanel's rate rule for the raw export (60 queries an hour, 3 a second): a 429 with `Retry-After` is waited
 * out (a wait beyond `retry.maxRetryAfterMs` stops with a resumable {@link CxRetryLaterError}); a 429 without it
 * means the hourly budget is spent, and waiting inside the sync would hold it for up to an hour, so it is an
 * exhausted quota: the sync stops with a resumable {@link CxQuotaExceededError}.
 *
 * @param failure - The failed response.
 * @returns The decision, or `undefined` for the default rules.
 * @example
 * ```ts
 * import { classifyMixpanelFailure } from '@cx/connectors';
 * const d = classifyMixpanelFailure({ status: 429, headers: new Headers(), body: '{"error":"rate limit"}', retryAfterMs: null });
 * console.log(d?.action); // 'quota'
 * ```
 * @category Adapters
 * @since 0.2.0
 */
export function classifyMixpanelFailure(failure: HttpFailure): RetryDecision {
  if (failure.status !== 429) return undefined;
  if (failure.retryAfterMs !== null) return { action: 'retry', delayMs: failure.retryAfterMs };
  return { action: 'quota', reason: 'Mixpanel export rate limit reached (60 queries per hour)' };
}

/**
 * Maps a tracking event to an interaction with the event rules; unknown fields are kept in properties.
 *
 * @internal
 */
export function eventInteraction(fields: {
  id: string;
  name: string;
  timestamp: string;
  customerId?: string | undefined;
  anonymousId?: string | undefined;
  channel: string;
  rule?: EventRule | undefined;
  url?: unknown;
  source: string;
  sessionId?: string | undefined;
  properties: Record<string, JsonValue>;
}): ModelCandidate {
  let touchpointId = fields.rule?.touchpointId;
  if (touchpointId === undefined && typeof fields.url === 'string') {
    try {
      touchpointId = new URL(fields.url).pathname;
    } catch {
      touchpointId = undefined;
    }
  }
  return {
    kind: 'interaction',
    value: compact({
      id: fields.id,
      customerId: fields.customerId,
      anonymousId: fields.anonymousId,
      timestamp: fields.timestamp,
      name: fields.rule?.name ?? fields.name,
      channel: fields.rule?.channel ?? fields.channel,
      touchpointId,
      stageId: fields.rule?.stageId,
      sessionId: fields.sessionId,
      source: fields.source,
      properties: fields.properties,
    }),
  };
}

const mixpanelSourceSchema = z.strictObject({
  ...httpSourceShape,
  projectId: z.string().min(1),
  startDate: dateOption.optional(),
  events: z.record(z.string(), eventRuleOption).optional(),
  channel: z.string().min(1).optional(),
  customerIdProperty: z.string().min(1).optional(),
  streamAttempts: countOption(20).optional(),
});

/**
 * Mixpanel raw-export source (`GET /api/2.0/export`, JSONL, gzip): one request per UTC day, streamed line by
 * line, checkpointed after each day. The raw export is not deduplicated: events are keyed by
 * `(event, distinct_id, time, $insert_id)`. A stream broken mid-body re-reads the day (repeats removed by key).
 * Default lookback 2 days (late ingestion).
 *
 * @param options - Project, auth (service account via {@link basicAuth}), event rules.
 * @returns The source.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { basicAuth, mixpanelSource } from '@cx/connectors';
 * const events = mixpanelSource({ projectId: '123', auth: basicAuth('sa.user', 'sa-secret'), startDate: '2024-06-01' });
 * console.log(events.name); // 'mixpanel:123'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function mixpanelSource(options: MixpanelSourceOptions): Source {
  parseOptions(mixpanelSourceSchema, options, 'mixpanelSource');
  const http = adapterClient(options, 'https://data.mixpanel.com', classifyMixpanelFailure);
  const userProp = options.customerIdProperty ?? '$user_id';
  const map = (e: MixpanelEvent, time: string, id: string): ModelCandidate[] => {
    const p = e.properties;
    const properties: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(p))
      if (!['time', 'distinct_id', '$insert_id', userProp].includes(k)) setOwn(properties, k, toJsonValue(v));
    const user = own(p, userProp);
    const customerId = typeof user === 'string' ? user : undefined;
    const device = typeof p.$device_id === 'string' ? p.$device_id : undefined;
    return [
      eventInteraction({
        id,
        name: e.event,
        timestamp: time,
        customerId,
        anonymousId:
          device ??
          (customerId === undefined && p.distinct_id !== undefined ? String(p.distinct_id) : undefined),
        channel: options.channel ?? 'web',
        rule: own(options.events, e.event),
        url: p.$current_url,
        source: 'mixpanel',
        properties,
      }),
    ];
  };
  return {
    name: `mixpanel:${options.projectId}`,
    lookbackMs: options.lookbackMs ?? 2 * DAY,
    lagMs: options.lagMs ?? 60 * 60_000,
    secrets: () => options.auth.secrets(),
    async *read(context): AsyncGenerator<SourceMessage> {
      const first = context.from ?? (options.startDate ? `${options.startDate}T00:00:00Z` : null);
      if (first === null) return;
      const untilMs = instantToEpochMs(context.until);
      for (let dayMs = Math.floor(instantToEpochMs(first) / DAY) * DAY; dayMs <= untilMs; dayMs += DAY) {
        const day = new Date(dayMs).toISOString().slice(0, 10);
        const attempts = options.streamAttempts ?? 3;
        for (let attempt = 1; ; attempt++) {
          try {
            const response = await http.stream('/api/2.0/export', {
              query: { from_date: day, to_date: day, project_id: options.projectId },
              headers: { accept: 'text/plain', 'accept-encoding': 'gzip' },
              signal: context.signal,
              onRetry: context.onRetry,
            });
            for await (const { line, text } of responseLines(response, context.signal)) {
              let e: MixpanelEvent;
              try {
                e = JSON.parse(text) as MixpanelEvent;
              } catch {
                yield {
                  type: 'invalid',
                  stream: 'events',
                  raw: text,
                  reason: `${day} line ${line}: not valid JSON`,
                };
                continue;
              }
              const p = e.properties ?? {};
              const time = parseTimestamp(p.time, MIXPANEL_TIME);
              if (time === null || typeof e.event !== 'string') {
                yield {
                  type: 'invalid',
                  stream: 'events',
                  raw: e,
                  reason: `${day} line ${line}: no event name or time`,
                };
                continue;
              }
              const insertId = String(p.$insert_id ?? `${e.event}-${p.distinct_id}-${p.time}`);
              const id = `${insertId}`;
              yield {
                type: 'record',
                stream: 'events',
                raw: e,
                position: { time, id },
                key: `${e.event}|${p.distinct_id}|${p.time}|${insertId}`,
                map: () => map(e, time, id),
              };
            }
            break;
          } catch (error) {
            // only a body broken mid-stream is re-read; a quota, an HTTP failure or an abort stops the sync (the
            // day's records since the last checkpoint are re-read when it resumes)
            if (error instanceof CxError || attempt >= attempts || context.signal.aborted) throw error;
            yield {
              type: 'log',
              level: 'warn',
              message: `Export of ${day} broke mid-stream (${error instanceof Error ? error.message : String(error)}); re-reading the day`,
            };
          }
        }
        yield { type: 'page', stream: 'events' };
        yield {
          type: 'checkpoint',
          cursor: { time: new Date(Math.min(dayMs + DAY - 1, untilMs)).toISOString(), id: '' },
        };
      }
    },
  };
}
