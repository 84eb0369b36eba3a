import { CxValidationError, type SurveyResponse, surveyResponseSchema } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { createTypeformNpsForm, NPS_REF, REASON_REF, responsesToTypeform } from './typeform-responses.js';

const npsResponse = (id: string, score: number, extra: Partial<SurveyResponse> = {}): SurveyResponse =>
  surveyResponseSchema.parse({
    id,
    surveyId: 'nps-post-purchase',
    metric: 'nps',
    scale: { min: 0, max: 10, direction: 'higher-is-better', integral: true },
    score,
    respondedAt: '2025-09-29T08:42:28.589Z',
    ...extra,
  });

describe('createTypeformNpsForm', () => {
  it('defines an 11-step nps field, a long_text reason and the hidden fields', () => {
    const form = createTypeformNpsForm({ id: 'abc123' });
    expect(form.id).toBe('abc123');
    expect(form.fields.map((f) => [f.ref, f.type])).toEqual([
      [NPS_REF, 'nps'],
      [REASON_REF, 'long_text'],
    ]);
    expect(form.hidden).toEqual(['customer_id', 'language', 'stage_id', 'response_ref']);
  });
});

describe('responsesToTypeform', () => {
  it('maps score, comment and hidden fields; times to the second; a stable 32-hex token', () => {
    const [r] = responsesToTypeform([
      npsResponse('r1', 9, {
        customerId: 'c7',
        comment: 'Szybka dostawa',
        language: 'pl',
        stageId: 'review',
      }),
    ]);
    expect(r?.submitted_at).toBe('2025-09-29T08:42:28Z');
    expect(r?.token).toMatch(/^[0-9a-f]{32}$/);
    expect(r?.response_id).toBe(r?.token);
    const landedBefore = (Date.parse(r!.submitted_at) - Date.parse(r!.landed_at)) / 1000;
    expect(landedBefore).toBeGreaterThanOrEqual(20);
    expect(landedBefore).toBeLessThanOrEqual(140);
    expect(r?.hidden).toEqual({ customer_id: 'c7', language: 'pl', stage_id: 'review', response_ref: 'r1' });
    expect(r?.answers).toEqual([
      { field: { id: 'kq3Lw9XnPz1R', type: 'nps', ref: NPS_REF }, type: 'number', number: 9 },
      {
        field: { id: 'Vt7mYc2HsB4e', type: 'long_text', ref: REASON_REF },
        type: 'text',
        text: 'Szybka dostawa',
      },
    ]);
    // same input, same token; another id, another token
    expect(responsesToTypeform([npsResponse('r1', 9)])[0]?.token).toBe(r?.token);
    expect(responsesToTypeform([npsResponse('r2', 9)])[0]?.token).not.toBe(r?.token);
  });

  it('rejects a form without an nps field', () => {
    const form = createTypeformNpsForm();
    const textOnly = { ...form, fields: form.fields.filter((f) => f.type !== 'nps') };
    expect(() => responsesToTypeform([npsResponse('r1', 9)], { form: textOnly })).toThrow(/no nps field/);
  });

  it('leaves out the reason answer when there is no comment and hidden values are empty strings', () => {
    const [r] = responsesToTypeform([npsResponse('r1', 0)]);
    expect(r?.answers).toHaveLength(1);
    expect(r?.hidden.customer_id).toBe('');
  });

  it('rejects non-NPS responses and repeated ids instead of dropping them', () => {
    const csat = surveyResponseSchema.parse({
      id: 'r3',
      surveyId: 's',
      metric: 'csat',
      scale: { min: 1, max: 5, direction: 'higher-is-better', integral: true },
      score: 4,
      respondedAt: '2025-01-01T00:00:00Z',
    });
    const odd = npsResponse('r4', 3, {
      scale: { min: 1, max: 10, direction: 'higher-is-better', integral: true },
    });
    let error: unknown;
    try {
      responsesToTypeform([npsResponse('r1', 5), csat, odd, npsResponse('r1', 6)]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CxValidationError);
    expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
      [1, 'metric'],
      [2, 'scale'],
      [3, 'id'],
    ]);
  });
});
