import { type JsonValue, parseOptions, type Scale, STANDARD_SCALES } from '@cx/model';
import { z } from 'zod';
import { parseTimestamp, toJsonValue } from '../mapping.js';
import { httpSourceShape, scaleOption } from '../options.js';
import { own, setOwn } from '../own.js';
import type { ModelCandidate, Source, SourceMessage } from '../sync/source.js';
import { adapterClient, compact, type HttpSourceOptions } from './http-source.js';

/**
 * How one Typeform rating field maps to a survey metric.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface TypeformFieldRule {
  /** Metric (default: `nps` for NPS fields, `custom` otherwise). */
  readonly metric?: 'nps' | 'csat' | 'ces' | 'custom';
  /** Scale override (default: from the form definition). */
  readonly scale?: Scale;
}

/**
 * Options of {@link typeformSource}.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface TypeformSourceOptions extends HttpSourceOptions {
  /** Form id (from the form URL). */
  readonly formId: string;
  /** Responses per page (max 1000, default 1000). */
  readonly pageSize?: number;
  /** Hidden field holding the customer id (default `customer_id`). */
  readonly customerIdField?: string;
  /** Field `ref` → rule, e.g. `{ csat_q: { metric: 'csat' } }`. */
  readonly fields?: Readonly<Record<string, TypeformFieldRule>>;
  /** Field `ref` of the comment (default: the first text answer). */
  readonly commentRef?: string;
}

interface TypeformField {
  readonly id: string;
  readonly ref?: string;
  readonly type: string;
  readonly properties?: { readonly steps?: number; readonly start_at_one?: boolean; readonly shape?: string };
}
interface TypeformAnswer {
  readonly field: { readonly id: string; readonly type: string; readonly ref?: string };
  readonly type: string;
  readonly number?: number;
  readonly text?: string;
  readonly [k: string]: unknown;
}
interface TypeformResponse {
  readonly token: string;
  readonly response_id?: string;
  readonly submitted_at: string;
  readonly landed_at?: string;
  readonly hidden?: Record<string, string>;
  readonly metadata?: Record<string, unknown>;
  readonly calculated?: Record<string, unknown>;
  readonly answers?: TypeformAnswer[] | null;
}

const RATING_TYPES = new Set(['nps', 'opinion_scale', 'rating']);

/**
 * The scale of a Typeform rating field from its definition: NPS 0–10; opinion scale `steps` values from 0 or
 * 1 (`start_at_one`), default 11 steps from 0; rating 1…`steps` (default 5).
 *
 * @param field - Field definition from `GET /forms/{id}`.
 * @returns The scale.
 * @example
 * ```ts
 * import { typeformScale } from '@cx/connectors';
 * console.log(typeformScale({ id: 'q', type: 'opinion_scale', properties: { steps: 7, start_at_one: true } })); // { min: 1, max: 7, … }
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function typeformScale(field: {
  readonly id: string;
  readonly type: string;
  readonly properties?: { readonly steps?: number; readonly start_at_one?: boolean };
}): Scale {
  if (field.type === 'nps') return STANDARD_SCALES.nps;
  const steps = field.properties?.steps;
  if (field.type === 'rating')
    return { min: 1, max: steps ?? 5, direction: 'higher-is-better', integral: true };
  const min = field.properties?.start_at_one ? 1 : 0;
  return { min, max: min + (steps ?? 11) - 1, direction: 'higher-is-better', integral: true };
}

const secondIso = (iso: string) => iso.slice(0, 19);

const typeformSourceSchema = z.strictObject({
  ...httpSourceShape,
  formId: z.string().min(1),
  pageSize: z
    .number()
    .int()
    .min(1)
    .max(1000, { error: 'Typeform returns at most 1000 responses per page' })
    .optional(),
  customerIdField: z.string().min(1).optional(),
  fields: z
    .record(
      z.string(),
      z.strictObject({
        metric: z.enum(['nps', 'csat', 'ces', 'custom']).optional(),
        scale: scaleOption.optional(),
      }),
    )
    .optional(),
  commentRef: z.string().min(1).optional(),
});

/**
 * Typeform Responses API source: NPS, opinion-scale and rating answers become survey responses (one per
 * rating field, scale read from the form definition), with the first text answer as comment; a response with
 * only text answers becomes survey feedback. Pages newest-first with `before=<token>` inside a
 * `since`/`until` window; the window and the last token are checkpointed, so an interrupted run resumes inside
 * the same window. Default lag 30 minutes (Typeform's processing delay).
 *
 * @param options - Form id, auth, field rules.
 * @returns The source.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { bearerAuth, typeformSource } from '@cx/connectors';
 * const nps = typeformSource({ formId: 'u6nXL7', auth: bearerAuth('tfp_…') });
 * console.log(nps.name); // 'typeform:u6nXL7'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function typeformSource(options: TypeformSourceOptions): Source {
  parseOptions(typeformSourceSchema, options, 'typeformSource');
  const http = adapterClient(options, 'https://api.typeform.com');
  const pageSize = options.pageSize ?? 1000;
  const hiddenCustomer = options.customerIdField ?? 'customer_id';

  const map = (
    r: TypeformResponse,
    defs: Map<string, TypeformField>,
    submitted: string,
  ): ModelCandidate[] => {
    const id = r.response_id ?? r.token;
    const answers = r.answers ?? [];
    const customerId = r.hidden?.[hiddenCustomer] || undefined;
    const textAnswer = answers.find((a) =>
      options.commentRef
        ? a.field.ref === options.commentRef
        : a.type === 'text' && typeof a.text === 'string',
    );
    const comment = textAnswer?.text;
    const properties: Record<string, JsonValue> = {};
    for (const a of answers) {
      const value = a[a.type];
      if (value !== undefined) properties[`answer:${a.field.ref ?? a.field.id}`] = toJsonValue(value);
    }
    for (const k of ['hidden', 'metadata', 'calculated', 'landed_at', 'token'] as const) {
      if (r[k] !== undefined) setOwn(properties, k, toJsonValue(r[k]));
    }
    const ratings = answers.filter(
      (a) => RATING_TYPES.has(a.field.type) || own(options.fields, a.field.ref ?? '') !== undefined,
    );
    if (ratings.length === 0) {
      return [
        {
          kind: 'feedback',
          value: compact({
            id,
            text: comment,
            source: 'survey',
            customerId,
            createdAt: submitted,
            properties,
          }),
        },
      ];
    }
    return ratings.map((a) => {
      const ref = a.field.ref ?? a.field.id;
      const rule = own(options.fields, ref);
      const def = defs.get(a.field.id) ?? { id: a.field.id, type: a.field.type };
      return {
        kind: 'surveyResponse',
        value: compact({
          id: ratings.length === 1 ? id : `${id}:${ref}`,
          surveyId: options.formId,
          questionId: ref,
          metric: rule?.metric ?? (a.field.type === 'nps' ? 'nps' : 'custom'),
          scale: rule?.scale ?? typeformScale(def),
          score: a.number,
          customerId,
          respondedAt: submitted,
          comment,
          properties,
        }),
      };
    });
  };

  return {
    name: `typeform:${options.formId}`,
    lookbackMs: options.lookbackMs ?? 60 * 60_000,
    lagMs: options.lagMs ?? 30 * 60_000,
    secrets: () => options.auth.secrets(),
    async *read(context): AsyncGenerator<SourceMessage> {
      const form = await http.json<{ fields?: TypeformField[] }>(
        `/forms/${encodeURIComponent(options.formId)}`,
        {
          signal: context.signal,
          onRetry: context.onRetry,
        },
      );
      const defs = new Map<string, TypeformField>();
      const walk = (fields: readonly TypeformField[] | undefined) => {
        for (const f of fields ?? []) {
          defs.set(f.id, f);
          walk((f.properties as { fields?: TypeformField[] } | undefined)?.fields);
        }
      };
      walk(form.data.fields);
      const resume = context.state?.resume as { until?: string; before?: string } | undefined;
      const until = resume?.until ?? context.until;
      let before = resume?.before;
      for (;;) {
        const { data } = await http.json<{ items?: TypeformResponse[] }>(
          `/forms/${encodeURIComponent(options.formId)}/responses`,
          {
            query: {
              page_size: pageSize,
              until: secondIso(until),
              since: context.from === null ? undefined : secondIso(context.from),
              before,
            },
            signal: context.signal,
            onRetry: context.onRetry,
          },
        );
        yield { type: 'page', stream: 'responses' };
        const items = data.items ?? [];
        for (const r of items) {
          const time = parseTimestamp(r.submitted_at);
          const id = r.response_id ?? r.token;
          if (time === null) {
            yield { type: 'invalid', stream: 'responses', raw: r, reason: 'No parseable submitted_at' };
            continue;
          }
          yield {
            type: 'record',
            stream: 'responses',
            raw: r,
            position: { time, id },
            key: `response:${id}`,
            map: () => map(r, defs, time),
          };
        }
        const last = items.at(-1);
        if (items.length < pageSize || last === undefined) break;
        before = last.token;
        yield { type: 'checkpoint', cursor: null, resume: { until, before } };
      }
      yield { type: 'checkpoint', cursor: { time: until, id: '' } };
    },
  };
}
