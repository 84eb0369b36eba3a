// NPS survey responses of the model -> a Typeform form definition and responses, in the API's wire shape.
import { createHash } from 'node:crypto';
import { CxValidationError, type SurveyResponse, type ValidationIssue } from '@cx/model';

/** A field of a Typeform form definition (`GET /forms/{id}`). */
export interface TypeformField {
  readonly id: string;
  readonly ref: string;
  readonly type: string;
  readonly title: string;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly validations?: { readonly required: boolean };
}

/** A Typeform form definition: an NPS question, a "why" question and hidden fields. */
export interface TypeformForm {
  readonly id: string;
  readonly type: 'form';
  readonly title: string;
  readonly language: string;
  readonly fields: readonly TypeformField[];
  readonly hidden: readonly string[];
  readonly settings: Readonly<Record<string, unknown>>;
  readonly _links: { readonly display: string };
}

/** One answer of a Typeform response. */
export interface TypeformAnswer {
  readonly field: { readonly id: string; readonly type: string; readonly ref: string };
  readonly type: 'number' | 'text';
  readonly number?: number;
  readonly text?: string;
}

/** A Typeform response as `GET /forms/{id}/responses` returns it. */
export interface TypeformResponse {
  readonly landing_id: string;
  readonly token: string;
  readonly response_id: string;
  readonly response_type: 'completed';
  readonly landed_at: string;
  readonly submitted_at: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly hidden: Readonly<Record<string, string>>;
  readonly calculated: { readonly score: number };
  readonly variables: readonly unknown[];
  readonly answers: readonly TypeformAnswer[];
}

/** Options of {@link createTypeformNpsForm}. */
export interface TypeformNpsFormOptions {
  /** Form id, as in the form URL (default `SowaNps1`). */
  readonly id?: string;
  /** Form title. */
  readonly title?: string;
}

/** `ref` of the NPS question of {@link createTypeformNpsForm}. */
export const NPS_REF = 'nps_score';
/** `ref` of the free-text "why" question of {@link createTypeformNpsForm}. */
export const REASON_REF = 'nps_reason';
/** Hidden fields of the form: filled from the response's customer, language, stage and own id. */
export const HIDDEN_FIELDS = ['customer_id', 'language', 'stage_id', 'response_ref'] as const;

/**
 * The definition of a two-question NPS form (0–10 `nps` field, optional `long_text` reason) with hidden fields
 * {@link HIDDEN_FIELDS}, as `GET /forms/{id}` returns it.
 *
 * @param options - Form id and title.
 * @returns The form definition.
 */
export function createTypeformNpsForm(options: TypeformNpsFormOptions = {}): TypeformForm {
  const id = options.id ?? 'SowaNps1';
  return {
    id,
    type: 'form',
    title: options.title ?? 'Sowa: how likely are you to recommend us?',
    language: 'en',
    fields: [
      {
        id: 'kq3Lw9XnPz1R',
        ref: NPS_REF,
        type: 'nps',
        title: 'How likely are you to recommend Sowa to a friend or colleague?',
        properties: { steps: 11, start_at_one: false, labels: { left: 'Not likely', right: 'Very likely' } },
        validations: { required: true },
      },
      {
        id: 'Vt7mYc2HsB4e',
        ref: REASON_REF,
        type: 'long_text',
        title: 'What is the main reason for your score?',
        validations: { required: false },
      },
    ],
    hidden: [...HIDDEN_FIELDS],
    settings: { is_public: true, progress_bar: 'proportion', show_progress_bar: true },
    _links: { display: `https://sowa.typeform.com/to/${id}` },
  };
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
/** Typeform reports times to the second, without milliseconds. */
const seconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Options of {@link responsesToTypeform}. */
export interface ResponsesToTypeformOptions {
  /** Form whose fields the answers point at (default {@link createTypeformNpsForm}`()`). */
  readonly form?: TypeformForm;
}

/**
 * Maps NPS survey responses to Typeform responses: a deterministic 32-hex token from the response id, the score
 * as the `nps` answer, the comment as the reason answer, customer/language/stage/id as hidden fields, a landing
 * 20–140 s before submission, and a mobile or desktop user agent.
 *
 * @param responses - NPS responses on the 0–10 scale, e.g. the `metric === 'nps'` ones of `shop.surveyResponses()`.
 * @param options - The form the answers belong to.
 * @returns The Typeform responses, in input order.
 * @throws CxValidationError when a response is not NPS on 0–10 (path `[index, 'metric']` or `[index, 'scale']`)
 *   or its id repeats (path `[index, 'id']`); nothing is dropped silently.
 */
export function responsesToTypeform(
  responses: Iterable<SurveyResponse>,
  options: ResponsesToTypeformOptions = {},
): TypeformResponse[] {
  const form = options.form ?? createTypeformNpsForm();
  const nps = form.fields.find((f) => f.type === 'nps');
  const reason = form.fields.find((f) => f.type === 'long_text' || f.type === 'short_text');
  if (nps === undefined) {
    throw new CxValidationError(
      [{ path: ['form', 'fields'], message: 'The form has no nps field', code: 'missing_field' }],
      {
        subject: 'ResponsesToTypeformOptions',
      },
    );
  }
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const out: TypeformResponse[] = [];
  let index = 0;
  for (const r of responses) {
    if (r.metric !== 'nps')
      issues.push({
        path: [index, 'metric'],
        message: `Expected an NPS response, got ${r.metric}`,
        code: 'invalid_value',
      });
    else if (r.scale.min !== 0 || r.scale.max !== 10)
      issues.push({
        path: [index, 'scale'],
        message: `Expected the 0–10 NPS scale, got ${r.scale.min}–${r.scale.max}`,
        code: 'invalid_scale',
      });
    if (seen.has(r.id))
      issues.push({ path: [index, 'id'], message: `Response id ${r.id} repeats`, code: 'duplicate_id' });
    seen.add(r.id);
    const digest = hash(`${form.id}/${r.id}`);
    const token = digest.slice(0, 32);
    const submittedMs = Date.parse(r.respondedAt);
    const landedMs = submittedMs - (20 + (Number.parseInt(digest.slice(32, 36), 16) % 121)) * 1000;
    const mobile = Number.parseInt(digest.slice(36, 38), 16) % 5 < 3;
    const answers: TypeformAnswer[] = [
      { field: { id: nps.id, type: 'nps', ref: nps.ref }, type: 'number', number: r.score },
    ];
    if (reason !== undefined && r.comment !== undefined && r.comment.trim() !== '') {
      answers.push({
        field: { id: reason.id, type: reason.type, ref: reason.ref },
        type: 'text',
        text: r.comment,
      });
    }
    out.push({
      landing_id: token,
      token,
      response_id: token,
      response_type: 'completed',
      landed_at: seconds(landedMs),
      submitted_at: seconds(submittedMs),
      metadata: mobile
        ? {
            user_agent:
              'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
            platform: 'mobile',
            referer: `https://sowa.typeform.com/to/${form.id}`,
            network_id: digest.slice(40, 50),
            browser: 'touch',
          }
        : {
            user_agent:
              'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
            platform: 'other',
            referer: `https://sowa.typeform.com/to/${form.id}`,
            network_id: digest.slice(40, 50),
            browser: 'default',
          },
      hidden: {
        customer_id: r.customerId ?? '',
        language: r.language ?? '',
        stage_id: r.stageId ?? '',
        response_ref: r.id,
      },
      calculated: { score: 0 },
      variables: [],
      answers,
    });
    index++;
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'NPS responses' });
  return out;
}
