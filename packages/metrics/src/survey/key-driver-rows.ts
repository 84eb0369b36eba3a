import { CxValidationError, parseOptions, type SurveyResponse, type ValidationIssue } from '@cx/model';
import { z } from 'zod';
import type { KeyDriverRow } from './key-drivers.js';
import { dataScaleIssues, scoreProblem } from './scale.js';

/**
 * Options of {@link keyDriverRows}.
 *
 * @example
 * ```ts
 * import type { KeyDriverRowsOptions } from '@cx/metrics';
 * const options: KeyDriverRowsOptions = { outcomeMetric: 'nps', driverKey: 'stageId' };
 * console.log(options.driverKey); // 'stageId'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface KeyDriverRowsOptions {
  /** Metric of the outcome responses; default `nps`. Every other metric's responses are driver ratings. */
  readonly outcomeMetric?: SurveyResponse['metric'] | undefined;
  /** Field naming the driver; default `touchpointId`. */
  readonly driverKey?: 'touchpointId' | 'stageId' | 'channel' | undefined;
  /** Who responded (text, or `null`/`undefined` when unknown); default the `customerId`. */
  readonly respondent?: ((response: SurveyResponse) => string | null | undefined) | undefined;
}

/**
 * Rows built by {@link keyDriverRows}, with what could not be used (nothing is dropped silently).
 *
 * @example
 * ```ts
 * import { keyDriverRows, type KeyDriverRows } from '@cx/metrics';
 * const built: KeyDriverRows = keyDriverRows([]);
 * console.log(built.rows, built.withoutRespondent); // [] 0
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface KeyDriverRows {
  /** One row per respondent with an outcome. */
  readonly rows: KeyDriverRow[];
  /** Responses without a respondent id (cannot be linked). */
  readonly withoutRespondent: number;
  /** Driver responses without the driver key field. */
  readonly withoutDriverKey: number;
  /** Respondents with driver ratings but no outcome response. */
  readonly respondentsWithoutOutcome: number;
}

const optionsSchema = z.strictObject({
  outcomeMetric: z
    .enum(['nps', 'csat', 'ces', 'custom'], { error: 'Expected "nps", "csat", "ces" or "custom"' })
    .default('nps'),
  driverKey: z
    .enum(['touchpointId', 'stageId', 'channel'], {
      error: 'Expected "touchpointId", "stageId" or "channel"',
    })
    .default('touchpointId'),
  respondent: z
    .custom<(response: SurveyResponse) => string | null | undefined>((v) => typeof v === 'function', {
      error: 'Expected a function of the response',
    })
    .optional(),
});

const own = (o: object, key: string): unknown =>
  Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;

/** Text or `null`: the id of a respondent or driver read from a response (internal). */
function idOf(value: unknown, path: readonly (string | number)[], issues: ValidationIssue[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  issues.push({ path, message: `Expected text or null, got ${typeof value}`, code: 'invalid_type' });
  return null;
}

/**
 * Builds key-driver rows from survey responses: per respondent the mean outcome score and the mean rating per
 * touchpoint (or stage). Ratings on lower-is-better scales are reversed (min + max − score) so that higher is
 * always better.
 *
 * @param responses - Outcome and driver responses.
 * @param options - Outcome metric, driver key and respondent id.
 * @returns The rows and counts of what could not be linked.
 * @throws {@link @cx/model!CxValidationError} naming each response whose scale, score, respondent or driver id is
 *   invalid.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option, `null` options or a value outside its choices.
 * @example
 * ```ts
 * import { keyDriverRows } from '@cx/metrics';
 * const base = { surveyId: 's', respondedAt: '2026-03-02T12:00:00Z', weight: 1, properties: {}, customerId: 'c1' };
 * const { rows } = keyDriverRows([
 *   { ...base, id: 'a', metric: 'nps', scale: { min: 0, max: 10, direction: 'higher-is-better', integral: true }, score: 9 },
 *   { ...base, id: 'b', metric: 'csat', scale: { min: 1, max: 5, direction: 'higher-is-better', integral: true }, score: 4, touchpointId: 'checkout' },
 * ]);
 * console.log(rows); // [{ outcome: 9, drivers: { checkout: 4 } }]
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function keyDriverRows(
  responses: readonly SurveyResponse[],
  options?: KeyDriverRowsOptions,
): KeyDriverRows {
  const o = parseOptions(optionsSchema, options, 'keyDriverRows');
  if (!Array.isArray(responses)) {
    throw new CxValidationError([
      { path: ['responses'], message: 'Expected an array of responses', code: 'invalid_type' },
    ]);
  }
  const respondentOf = o.respondent ?? ((r: SurveyResponse) => own(r, 'customerId') as string | undefined);
  const people = new Map<string, { o: number; on: number; d: Map<string, { s: number; n: number }> }>();
  const issues: ValidationIssue[] = [];
  let withoutRespondent = 0;
  let withoutDriverKey = 0;
  responses.forEach((r, i) => {
    const at = ['responses', i];
    if (typeof r !== 'object' || r === null) {
      issues.push({ path: at, message: 'Expected a survey response', code: 'invalid_type' });
      return;
    }
    const scaleIssues = dataScaleIssues(r.scale, [...at, 'scale']);
    const problem = scaleIssues.length > 0 ? null : scoreProblem(r.score, r.scale);
    issues.push(...scaleIssues);
    if (problem !== null) issues.push({ path: [...at, 'score'], message: problem, code: 'invalid_score' });
    const who = idOf(respondentOf(r), [...at, 'respondent'], issues);
    if (scaleIssues.length > 0 || problem !== null) return;
    if (who === null) {
      withoutRespondent++;
      return;
    }
    let person = people.get(who);
    if (person === undefined) {
      person = { o: 0, on: 0, d: new Map() };
      people.set(who, person);
    }
    if (r.metric === o.outcomeMetric) {
      person.o += r.score;
      person.on++;
      return;
    }
    const key = idOf(own(r, o.driverKey), [...at, o.driverKey], issues);
    if (key === null) {
      withoutDriverKey++;
      return;
    }
    const oriented = r.scale.direction === 'lower-is-better' ? r.scale.min + r.scale.max - r.score : r.score;
    const entry = person.d.get(key) ?? { s: 0, n: 0 };
    entry.s += oriented;
    entry.n++;
    person.d.set(key, entry);
  });
  if (issues.length > 0) throw new CxValidationError(issues);
  const rows: KeyDriverRow[] = [];
  let respondentsWithoutOutcome = 0;
  for (const person of people.values()) {
    if (person.on === 0) {
      if (person.d.size > 0) respondentsWithoutOutcome++;
      continue;
    }
    // Object.fromEntries defines own properties, so a driver named `__proto__` stays a plain key.
    const drivers = Object.fromEntries([...person.d].map(([key, { s, n }]) => [key, s / n]));
    rows.push({ outcome: person.o / person.on, drivers });
  }
  return { rows, withoutRespondent, withoutDriverKey, respondentsWithoutOutcome };
}
