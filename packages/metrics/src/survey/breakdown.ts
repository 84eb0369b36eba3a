import { CxValidationError, type SurveyResponse } from '@cx/model';
import { zForLevel } from '@cx/stats';
import type { MetricChange } from './change.js';
import { forEachCollecting } from './collect.js';
import type { SurveyMetric, SurveyMetricAccumulator, SurveyMetricResult } from './metric.js';

/**
 * What to break responses down by: a response field, a key of `properties` (e.g. persona or customer type stored
 * there), or a function (e.g. a lookup of the customer's segment). A missing key forms the group `null`.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export type BreakdownKey =
  | 'channel'
  | 'stageId'
  | 'touchpointId'
  | 'surveyId'
  | 'questionId'
  | 'customerId'
  | 'language'
  | { readonly property: string }
  | ((response: SurveyResponse) => string | null | undefined);

/**
 * Options of {@link breakdown} and {@link BreakdownAccumulator}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface BreakdownOptions {
  /** The grouping key. */
  readonly by: BreakdownKey;
  /** Groups with fewer responses are flagged `smallSample`; default 30. */
  readonly minN?: number;
  /** Confidence level of the group-vs-rest tests (α = 1 − confidence); default 0.95. */
  readonly confidence?: number;
}

/**
 * One group of a breakdown.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface BreakdownGroup<R extends SurveyMetricResult> {
  /** The key value; `null` for responses without one. */
  readonly key: string | null;
  /** Responses in the group. */
  readonly n: number;
  /** The metric for the group. */
  readonly result: R;
  /** Whether n < minN. */
  readonly smallSample: boolean;
  /** Test of this group against all other responses (independent samples). */
  readonly vsRest: MetricChange;
}

function keyOf(by: BreakdownKey, r: SurveyResponse): string | null {
  let value: unknown;
  if (typeof by === 'function') value = by(r);
  else if (typeof by === 'string') value = r[by];
  else value = r.properties?.[by.property];
  if (value === undefined || value === null) return null;
  return String(value);
}

/**
 * Mergeable breakdown: one metric accumulator per key; `add` responses, `merge` partial breakdowns, read `result`.
 *
 * @example
 * ```ts
 * import { BreakdownAccumulator, csatMetric } from '@cx/metrics';
 * const acc = new BreakdownAccumulator(csatMetric(), { by: 'stageId' });
 * acc.addFor('purchase', 5);
 * acc.addFor('support', 2);
 * console.log(acc.result().map((g) => [g.key, g.result.score])); // [['purchase', 100], ['support', 0]]
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export class BreakdownAccumulator<R extends SurveyMetricResult> {
  readonly #metric: SurveyMetric<R>;
  readonly #options: BreakdownOptions;
  readonly #groups = new Map<string | null, SurveyMetricAccumulator<R>>();

  /**
   * Creates an empty breakdown.
   *
   * @param metric - The metric, e.g. `npsMetric()`.
   * @param options - Key, small-sample threshold and confidence.
   * @throws {@link @cx/model!CxValidationError} when an option is invalid.
   */
  constructor(metric: SurveyMetric<R>, options: BreakdownOptions) {
    zForLevel(options.confidence ?? 0.95);
    const minN = options.minN ?? 30;
    if (!(minN >= 0) || options.by === undefined) {
      throw new CxValidationError([
        { path: ['options'], message: 'Expected a grouping key `by` and minN ≥ 0', code: 'invalid_option' },
      ]);
    }
    this.#metric = metric;
    this.#options = options;
  }

  #group(key: string | null): SurveyMetricAccumulator<R> {
    let acc = this.#groups.get(key);
    if (acc === undefined) {
      acc = this.#metric.create();
      this.#groups.set(key, acc);
    }
    return acc;
  }

  /**
   * Adds a response to its group.
   *
   * @param response - A survey response.
   * @throws {@link @cx/model!CxValidationError} when the response's scale or score is invalid.
   */
  add(response: SurveyResponse): void {
    this.#group(keyOf(this.#options.by, response)).addResponse(response);
  }

  /**
   * Adds a raw score to a named group (fast path for columnar data).
   *
   * @param key - The group key (`null` for none).
   * @param score - The score.
   * @param weight - Optional weight.
   * @throws {@link @cx/model!CxValidationError} when the score or weight is invalid.
   */
  addFor(key: string | null, score: number, weight = 1): void {
    this.#group(key).add(score, weight);
  }

  /**
   * Merges an accumulator of the same metric into a group, e.g. one restored from sufficient statistics a
   * database computed per group ({@link SurveyMetric.restore}).
   *
   * @param key - The group key (`null` for none).
   * @param accumulator - An accumulator created or restored by the same metric.
   * @throws {@link @cx/model!CxValidationError} when the accumulator's options differ.
   */
  mergeGroup(key: string | null, accumulator: SurveyMetricAccumulator<R>): void {
    this.#group(key).merge(accumulator);
  }

  /**
   * Merges another breakdown of the same metric.
   *
   * @param other - Another breakdown accumulator.
   */
  merge(other: BreakdownAccumulator<R>): void {
    for (const [key, acc] of other.#groups) this.#group(key).merge(acc);
  }

  /**
   * The groups, largest first (ties by key), each with its metric, small-sample flag and test against the rest.
   *
   * @returns The groups.
   */
  result(): BreakdownGroup<R>[] {
    const alpha = 1 - (this.#options.confidence ?? 0.95);
    const minN = this.#options.minN ?? 30;
    const entries = [...this.#groups.entries()];
    return entries
      .map(([key, acc]) => {
        const rest = this.#metric.create();
        for (const [other, otherAcc] of entries) if (other !== key) rest.merge(otherAcc);
        const result = acc.result();
        return {
          key,
          n: acc.n,
          result,
          smallSample: acc.n < minN,
          vsRest: this.#metric.change(result, rest.result(), alpha),
        };
      })
      .sort((a, b) => b.n - a.n || String(a.key).localeCompare(String(b.key)));
  }
}

/**
 * A survey metric broken down by any key (segment, channel, stage, touchpoint, persona, customer type…), each
 * group with n, its interval, a small-sample flag and a test against all other responses.
 *
 * @param responses - Survey responses (one scale).
 * @param metric - The metric, e.g. `csatMetric()`.
 * @param options - Key, small-sample threshold and confidence.
 * @returns The groups, largest first.
 * @throws {@link @cx/model!CxValidationError} naming every invalid response, e.g. `['responses', 3, 'score']`.
 * @example
 * ```ts
 * import { breakdown, npsMetric } from '@cx/metrics';
 * const at = '2026-03-02T12:00:00Z';
 * const scale = { min: 0, max: 10, direction: 'higher-is-better', integral: true } as const;
 * const rs = [10, 9, 3].map((score, i) => ({
 *   id: `r${i}`, surveyId: 's', metric: 'nps', scale, score, respondedAt: at, weight: 1, properties: {},
 *   channel: i < 2 ? 'email' : 'phone',
 * } as const));
 * console.log(breakdown(rs, npsMetric(), { by: 'channel' }).map((g) => [g.key, g.result.score]));
 * // [['email', 100], ['phone', -100]]
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function breakdown<R extends SurveyMetricResult>(
  responses: readonly SurveyResponse[],
  metric: SurveyMetric<R>,
  options: BreakdownOptions,
): BreakdownGroup<R>[] {
  const acc = new BreakdownAccumulator(metric, options);
  forEachCollecting(responses, 'responses', (r) => acc.add(r));
  return acc.result();
}
