import type { JsonValue } from '@cx/model';
import { parseOptions } from '@cx/model';
import { z } from 'zod';
import { CxQuotaExceededError } from '../errors.js';
import type { HttpFailure, RetryDecision } from '../http/client.js';
import { parseTimestamp, toJsonValue } from '../mapping.js';
import { countOption, httpSourceShape, urlOption } from '../options.js';
import { own, setOwn } from '../own.js';
import type { ModelCandidate, Source, SourceMessage } from '../sync/source.js';
import type { CursorPosition } from '../sync/state.js';
import { adapterClient, compact, type HttpSourceOptions } from './http-source.js';

/**
 * Options of {@link salesforceSource}.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface SalesforceSourceOptions extends HttpSourceOptions {
  /** The `instance_url` of the org, e.g. `https://acme.my.salesforce.com` (required unless `baseUrl` is set). */
  readonly instanceUrl?: string;
  /** sObject: `Contact` (→ customers) or `Case` (→ interactions, plus feedback for a description). */
  readonly object: 'Contact' | 'Case';
  /** Extra fields to select (kept in properties/attributes). */
  readonly extraFields?: readonly string[];
  /** REST API version (default `v60.0`). */
  readonly apiVersion?: string;
  /** Records per page (`Sforce-Query-Options: batchSize`, 200–2000, default 2000). */
  readonly batchSize?: number;
  /** Stop (resumably) once `Sforce-Limit-Info` reports this share of the daily API requests used (default 0.95). */
  readonly maxApiUsage?: number;
  /** Case `Origin` → channel (defaults: Email email, Phone phone, Web web, Chat chat; others `other`). */
  readonly originChannels?: Readonly<Record<string, string>>;
}

interface SfRecord {
  readonly attributes?: { readonly type: string; readonly url: string };
  readonly Id: string;
  readonly SystemModstamp: string;
  readonly [field: string]: unknown;
}

interface SfPage {
  readonly done: boolean;
  readonly nextRecordsUrl?: string;
  readonly totalSize?: number;
  readonly records: SfRecord[];
}

const FIELDS = {
  Contact: ['FirstName', 'LastName', 'Name', 'Email', 'CreatedDate', 'AccountId'],
  Case: ['CaseNumber', 'ContactId', 'Status', 'Origin', 'Subject', 'Description', 'CreatedDate', 'Priority'],
};
const ORIGIN: Record<string, string> = { Email: 'email', Phone: 'phone', Web: 'web', Chat: 'chat' };

/**
 * Salesforce failure rules: `403 REQUEST_LIMIT_EXCEEDED` (the daily API request cap) is an exhausted quota.
 *
 * @param failure - The failed response.
 * @returns The decision, or `undefined` for the default rules.
 * @example
 * ```ts
 * import { classifySalesforceFailure } from '@cx/connectors';
 * const body = '[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]';
 * console.log(classifySalesforceFailure({ status: 403, headers: new Headers(), body, retryAfterMs: null })?.action); // 'quota'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function classifySalesforceFailure(failure: HttpFailure): RetryDecision {
  if (failure.status === 403 && failure.body.includes('REQUEST_LIMIT_EXCEEDED')) {
    return { action: 'quota', reason: 'Salesforce daily API request limit exceeded' };
  }
  return undefined;
}

const soqlTime = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');

/**
 * Builds the incremental SOQL query: `(SystemModstamp, Id)` keyset after the cursor, bounded above by `until`,
 * ordered by both so that equal stamps split across pages or runs are each read exactly once.
 *
 * @param object - sObject name.
 * @param fields - Fields to select (besides `Id`, `SystemModstamp`).
 * @param after - Keyset start: `>= time` when `id` is empty, else strictly after `(time, id)`; `null` for all.
 * @param until - Upper bound (inclusive).
 * @returns The SOQL text.
 * @example
 * ```ts
 * import { salesforceQuery } from '@cx/connectors';
 * console.log(salesforceQuery('Contact', ['Email'], { time: '2024-06-01T00:00:00.000Z', id: '003A' }, '2024-06-02T00:00:00.000Z'));
 * // SELECT Id, SystemModstamp, Email FROM Contact WHERE (SystemModstamp > 2024-06-01T00:00:00Z OR (SystemModstamp = 2024-06-01T00:00:00Z AND Id > '003A')) AND SystemModstamp <= 2024-06-02T00:00:00Z ORDER BY SystemModstamp ASC, Id ASC
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function salesforceQuery(
  object: string,
  fields: readonly string[],
  after: CursorPosition | null,
  until: string,
): string {
  const select = ['Id', 'SystemModstamp', ...fields.filter((f) => f !== 'Id' && f !== 'SystemModstamp')].join(
    ', ',
  );
  const conditions: string[] = [];
  if (after !== null) {
    const t = soqlTime(after.time);
    conditions.push(
      after.id === ''
        ? `SystemModstamp >= ${t}`
        : `(SystemModstamp > ${t} OR (SystemModstamp = ${t} AND Id > '${after.id.replace(/['\\]/g, '\\$&')}'))`,
    );
  }
  conditions.push(`SystemModstamp <= ${soqlTime(until)}`);
  return `SELECT ${select} FROM ${object} WHERE ${conditions.join(' AND ')} ORDER BY SystemModstamp ASC, Id ASC`;
}

const salesforceSourceSchema = z
  .strictObject({
    ...httpSourceShape,
    instanceUrl: urlOption.optional(),
    object: z.enum(['Contact', 'Case']),
    extraFields: z
      .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, { error: 'Expected a SOQL field name' }))
      .optional(),
    apiVersion: z
      .string()
      .regex(/^v\d+\.\d$/, { error: 'Expected an API version such as v60.0' })
      .optional(),
    batchSize: countOption(2000).optional(), // Salesforce applies its own 200–2000; smaller values serve test servers
    maxApiUsage: z
      .number()
      .gt(0)
      .max(1, { error: 'Expected a share of the daily budget, more than 0 and at most 1' })
      .optional(),
    originChannels: z.record(z.string(), z.string()).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.baseUrl === undefined && value.instanceUrl === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['instanceUrl'],
        message: "Missing instanceUrl: the org's instance_url (or baseUrl)",
        params: { code: 'missing_option' },
      });
  });

/**
 * Salesforce REST source: SOQL query paged with `nextRecordsUrl` until `done`, incremental by
 * `(SystemModstamp, Id)`. Contacts become customers; cases become interactions (`support_case`, channel from
 * `Origin`) and, when they carry a description, ticket feedback. A restarted run re-issues the query from the
 * checkpoint (query locators expire), never re-reading what it already committed.
 *
 * @param options - Instance URL, auth, object.
 * @returns The source.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { bearerAuth, salesforceSource } from '@cx/connectors';
 * const contacts = salesforceSource({ instanceUrl: 'https://acme.my.salesforce.com', object: 'Contact', auth: bearerAuth('00D…') });
 * console.log(contacts.name); // 'salesforce:Contact'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function salesforceSource(options: SalesforceSourceOptions): Source {
  parseOptions(salesforceSourceSchema, options, 'salesforceSource');
  const http = adapterClient(
    options,
    options.instanceUrl as string, // checked: instanceUrl or baseUrl
    classifySalesforceFailure,
  );
  const version = options.apiVersion ?? 'v60.0';
  const fields = [...FIELDS[options.object], ...(options.extraFields ?? [])];
  const origins = { ...ORIGIN, ...options.originChannels };

  const rest = (r: SfRecord, mapped: string[]) => {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(r))
      if (k !== 'attributes' && !mapped.includes(k) && v !== null) setOwn(out, k, toJsonValue(v));
    return out;
  };
  const map = (r: SfRecord): ModelCandidate[] => {
    const created = parseTimestamp(r.CreatedDate) ?? undefined;
    if (options.object === 'Contact') {
      const name = (r.Name as string | undefined) ?? [r.FirstName, r.LastName].filter(Boolean).join(' ');
      return [
        {
          kind: 'customer',
          value: compact({
            id: r.Id,
            type: 'consumer',
            name: name || undefined,
            email: r.Email ?? undefined,
            firstSeenAt: created,
            attributes: rest(r, ['Id', 'Name', 'FirstName', 'LastName', 'Email', 'CreatedDate']),
          }),
        },
      ];
    }
    const customerId = (r.ContactId as string | null) ?? undefined;
    const channel = own(origins, String(r.Origin ?? '')) ?? 'other';
    const out: ModelCandidate[] = [
      {
        kind: 'interaction',
        value: compact({
          id: `case-${r.Id}@${parseTimestamp(r.SystemModstamp)}`,
          customerId,
          timestamp: parseTimestamp(r.SystemModstamp) ?? undefined,
          name: 'support_case',
          channel,
          source: 'salesforce',
          properties: rest(r, ['ContactId', 'Description']),
        }),
      },
    ];
    if (typeof r.Description === 'string' && r.Description.trim() !== '') {
      out.push({
        kind: 'feedback',
        value: compact({
          id: `case-${r.Id}`,
          text: r.Description,
          source: 'ticket',
          customerId,
          createdAt: created,
          channel,
        }),
      });
    }
    return out;
  };

  return {
    name: `salesforce:${options.object}`,
    lookbackMs: options.lookbackMs ?? 0,
    lagMs: options.lagMs ?? 5 * 60_000,
    secrets: () => options.auth.secrets(),
    async *read(context): AsyncGenerator<SourceMessage> {
      const prior = context.state?.cursor ?? null;
      const after: CursorPosition | null =
        prior !== null && context.from === prior.time
          ? prior
          : context.from === null
            ? null
            : { time: context.from, id: '' };
      let next: string | null = `/services/data/${version}/query`;
      let query: Record<string, string> | undefined = {
        q: salesforceQuery(options.object, fields, after, context.until),
      };
      let cursor: CursorPosition | null = null;
      while (next !== null) {
        const response: { data: SfPage; headers: Headers } = await http.json<SfPage>(next, {
          ...(query ? { query } : {}),
          headers: { 'sforce-query-options': `batchSize=${options.batchSize ?? 2000}` },
          signal: context.signal,
          onRetry: context.onRetry,
        });
        const data = response.data;
        const usage = /api-usage=(\d+)\/(\d+)/.exec(response.headers.get('sforce-limit-info') ?? '');
        query = undefined;
        // totalSize counts the whole query (every page of it)
        yield {
          type: 'page',
          stream: options.object,
          ...(typeof data.totalSize === 'number' ? { total: data.totalSize } : {}),
        };
        for (const r of data.records ?? []) {
          const time = parseTimestamp(r.SystemModstamp);
          if (time === null) {
            yield { type: 'invalid', stream: options.object, raw: r, reason: 'No parseable SystemModstamp' };
            continue;
          }
          cursor = { time, id: r.Id };
          yield {
            type: 'record',
            stream: options.object,
            raw: r,
            position: cursor,
            key: `${r.Id}@${time}`,
            map: () => map(r),
          };
        }
        yield { type: 'checkpoint', cursor };
        next = data.done || !data.nextRecordsUrl ? null : data.nextRecordsUrl;
        if (next !== null && usage && Number(usage[1]) >= (options.maxApiUsage ?? 0.95) * Number(usage[2])) {
          throw new CxQuotaExceededError(
            `Salesforce API usage ${usage[1]}/${usage[2]} reached the stop threshold`,
          );
        }
      }
    },
  };
}
