import {
  type Accumulator,
  type AccumulatorSnapshot,
  assertSameOptions,
  CxOptionsError,
  CxValidationError,
  levelOption,
  parseOptions,
  type SurveyResponse,
} from '@cx/model';
import { z } from 'zod';
import { deepFreeze } from '../stats/freeze.js';
import { restoreSnapshot } from '../stats/snapshot.js';
import {
  type BreakdownKey,
  type BreakdownKeyFunction,
  breakdownKeySchema,
  groupKey,
  keyOf,
} from './breakdown-key.js';
import type { MetricChange } from './change.js';
import { forEachCollecting } from './collect.js';
import type { SurveyMetric, SurveyMetricAccumulator, SurveyMetricResult } from './metric.js';
import { metricOf } from './metric.js';
import { checkMetric, metricSpecSchema, type SurveyMetricSpec, specOf } from './metric-spec.js';
import { minNOption, RENAMED_LEVEL } from './options.js';
import { type TallyState, tallyStateSchema } from './tally.js';

/**
 * Options of {@link BreakdownAccumulator}: plain data, so that a snapshot restores the accumulator completely.
 *
 * @example
 * ```ts
 * import { BreakdownAccumulator, npsMetric, type BreakdownAccumulatorOptions } from '@cx/metrics';
 * const options: BreakdownAccumulatorOptions = { by: { property: 'persona' }, minN: 50 };
 * console.log(new BreakdownAccumulator(npsMetric(), options).result()); // []
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export interface BreakdownAccumulatorOptions {
  /**
   * The key `add(response)` groups by: a response field or `{ property }`. May be omitted when every response is
   * added to a named group with `addFor` or `addResponseFor`.
   */
  readonly by?: BreakdownKey | undefined;
  /** Groups with fewer responses are flagged `smallSample`; a whole number ≥ 0, default 30. */
  readonly minN?: number | undefined;
  /** Confidence level of the group-vs-rest tests (significant when p < 1 − level); default 0.95. */
  readonly level?: number | undefined;
}

/**
 * Options of {@link breakdown}: those of {@link BreakdownAccumulatorOptions}, where `by` may also be a function.
 *
 * @example
 * ```ts
 * import type { BreakdownOptions } from '@cx/metrics';
 * const options: BreakdownOptions = { by: (r) => r.language ?? null, level: 0.9 };
 * console.log(options.level); // 0.9
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface BreakdownOptions {
  /** The grouping key: a response field, `{ property }`, or a function of the response. */
  readonly by: BreakdownKey | BreakdownKeyFunction;
  /** Groups with fewer responses are flagged `smallSample`; a whole number ≥ 0, default 30. */
  readonly minN?: number | undefined;
  /** Confidence level of the group-vs-rest tests (significant when p < 1 − level); default 0.95. */
  readonly level?: number | undefined;
}

/**
 * One group of a breakdown.
 *
 * @typeParam R - The metric's result.
 * @example
 * ```ts
 * import { BreakdownAccumulator, csatMetric, type BreakdownGroup, type CsatResult } from '@cx/metrics';
 * const acc = new BreakdownAccumulator(csatMetric(), { by: 'stageId' }).addFor('purchase', 5);
 * const [group]: BreakdownGroup<CsatResult>[] = acc.result();
 * console.log(group?.key, group?.smallSample); // 'purchase' true
 * ```
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
  /** Two-sided test of this group against all other responses (independent samples). */
  readonly vsRest: MetricChange;
}

const accumulatorOptionsSchema = z.strictObject({
  by: breakdownKeySchema.optional(),
  minN: minNOption,
  level: levelOption,
});

const breakdownOptionsSchema = z.strictObject({
  by: z.union([
    breakdownKeySchema,
    z.custom<BreakdownKeyFunction>((v) => typeof v === 'function', { error: 'Expected a function' }),
  ]),
  minN: minNOption,
  level: levelOption,
});

const snapshotOptionsSchema = accumulatorOptionsSchema.extend({ metric: metricSpecSchema });

const snapshotStateSchema = z.strictObject({
  groups: z.array(z.strictObject({ key: z.string().nullable(), state: tallyStateSchema })),
});

/**
 * The options of a {@link BreakdownAccumulator} with every default filled in and its metric as data, as its
 * `options` and snapshots hold them.
 *
 * @example
 * ```ts
 * import { BreakdownAccumulator, csatMetric, type ResolvedBreakdownOptions } from '@cx/metrics';
 * const options: ResolvedBreakdownOptions = new BreakdownAccumulator(csatMetric(), { by: 'channel' }).options;
 * console.log(options.minN, options.metric.name); // 30 'csat'
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export interface ResolvedBreakdownOptions {
  /** The key `add(response)` groups by, if given. */
  readonly by?: BreakdownKey | undefined;
  /** The small-sample threshold. */
  readonly minN: number;
  /** Confidence level of the group-vs-rest tests. */
  readonly level: number;
  /** The metric. */
  readonly metric: SurveyMetricSpec;
}

type ResolvedOptions = ResolvedBreakdownOptions;

/**
 * The snapshot of a {@link BreakdownAccumulator}: its options (with the metric's name and options) and one tally per
 * group.
 *
 * @example
 * ```ts
 * import { BreakdownAccumulator, npsMetric, type BreakdownSnapshot } from '@cx/metrics';
 * const snapshot: BreakdownSnapshot = new BreakdownAccumulator(npsMetric(), { by: 'channel' }).addFor('web', 9).snapshot();
 * console.log(snapshot.state.groups.map((g) => g.key)); // ['web']
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export type BreakdownSnapshot = AccumulatorSnapshot<
  'breakdown',
  ResolvedBreakdownOptions,
  { readonly groups: ReadonlyArray<{ readonly key: string | null; readonly state: TallyState }> }
>;

/** Deterministic order of group keys: by code units, `null` last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * Mergeable breakdown: one metric accumulator per key; `add` responses, `merge` partial breakdowns, save and restore
 * them as JSON, read the `result`.
 *
 * @typeParam R - The metric's result.
 * @example
 * ```ts
 * import { BreakdownAccumulator, csatMetric } from '@cx/metrics';
 * const acc = new BreakdownAccumulator(csatMetric(), { by: 'stageId' });
 * acc.addFor('purchase', 5).addFor('support', 2);
 * console.log(acc.result().map((g) => [g.key, g.result.score])); // [['purchase', 1], ['support', 0]]
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export class BreakdownAccumulator<R extends SurveyMetricResult>
  implements Accumulator<SurveyResponse, BreakdownGroup<R>[], BreakdownSnapshot>
{
  readonly #metric: SurveyMetric<R>;
  readonly #options: ResolvedOptions;
  readonly #groups = new Map<string | null, SurveyMetricAccumulator<R>>();

  /**
   * Creates an empty breakdown.
   *
   * @param metric - The metric, e.g. `npsMetric()`.
   * @param options - Key, small-sample threshold and level.
   * @throws {@link @cx/model!CxOptionsError} when an option is unknown, missing or out of range, or `metric` was not
   *   made by `npsMetric`, `csatMetric` or `cesMetric`.
   */
  constructor(metric: SurveyMetric<R>, options?: BreakdownAccumulatorOptions) {
    const o = parseOptions(accumulatorOptionsSchema, options, 'BreakdownAccumulator', {
      renamed: RENAMED_LEVEL,
    });
    this.#metric = checkMetric(metric, 'BreakdownAccumulator');
    this.#options = deepFreeze({ ...o, metric: specOf(metric) });
  }

  /** The resolved options, with the metric's name and options. */
  get options(): ResolvedOptions {
    return this.#options;
  }

  /** The accumulator of a group, or a new one that {@link #insert} adds once a score was accepted. */
  #group(key: string | null): SurveyMetricAccumulator<R> {
    return this.#groups.get(key) ?? this.#metric.create();
  }

  #insert(key: string | null, acc: SurveyMetricAccumulator<R>): this {
    if (!this.#groups.has(key)) this.#groups.set(key, acc);
    return this;
  }

  /**
   * Adds a response to the group of its key.
   *
   * @param response - A survey response.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the response's scale, score, weight or key value is invalid
   *   (nothing is added).
   * @throws {@link @cx/model!CxOptionsError} (`missing_option`) when the accumulator was created without `by`.
   */
  add(response: SurveyResponse): this {
    const by = this.#options.by;
    if (by === undefined) {
      throw new CxOptionsError('BreakdownAccumulator', [
        {
          path: ['by'],
          code: 'missing_option',
          message:
            'add(response) groups by the option "by"; without it, name the group with addResponseFor(key, response)',
        },
      ]);
    }
    return this.addResponseFor(keyOf(by, response), response);
  }

  /**
   * Adds a response to a named group (for keys computed by the caller, e.g. a segment lookup).
   *
   * @param key - The group key (`null` for none).
   * @param response - A survey response.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the key is not text or `null`, or the response is invalid.
   */
  addResponseFor(key: string | null, response: SurveyResponse): this {
    const k = checkKey(key);
    return this.#insert(k, this.#group(k).addResponse(response));
  }

  /**
   * Adds a raw score to a named group (fast path for columnar data).
   *
   * @param key - The group key (`null` for none).
   * @param score - The score.
   * @param weight - A positive finite weight; default 1.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the key, score or weight is invalid.
   */
  addFor(key: string | null, score: number, weight = 1): this {
    const k = checkKey(key);
    return this.#insert(k, this.#group(k).add(score, weight));
  }

  /**
   * Merges another breakdown of the same metric and options.
   *
   * @param other - Another breakdown accumulator.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxOptionsError} (`options_mismatch`) when the metric or options differ; this one is
   *   unchanged.
   */
  merge(other: this): this {
    assertSameOptions(
      'BreakdownAccumulator',
      this.#options,
      other instanceof BreakdownAccumulator ? other.#options : other,
    );
    for (const [key, acc] of other.#groups) this.#insert(key, this.#group(key).merge(acc));
    return this;
  }

  /**
   * The groups, largest first (ties by key, `null` last), each with its metric, small-sample flag and test against
   * the rest.
   *
   * @returns The groups.
   */
  result(): BreakdownGroup<R>[] {
    const { level, minN } = this.#options;
    const entries = [...this.#groups.entries()].sort((a, b) => compareKeys(a[0], b[0]));
    // rest of group i = merge of the groups before it and after it: prefix and suffix sums, O(groups) merges.
    const prefix: SurveyMetricAccumulator<R>[] = [this.#metric.create()];
    for (const [i, [, acc]] of entries.entries())
      prefix.push(
        this.#metric
          .create()
          .merge(prefix[i] as SurveyMetricAccumulator<R>)
          .merge(acc),
      );
    let suffix = this.#metric.create();
    const groups: BreakdownGroup<R>[] = new Array(entries.length);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, acc] = entries[i] as [string | null, SurveyMetricAccumulator<R>];
      const rest = this.#metric
        .create()
        .merge(prefix[i] as SurveyMetricAccumulator<R>)
        .merge(suffix);
      const result = acc.result();
      const vsRest = this.#metric.change(result, rest.result(), level);
      groups[i] = { key, n: acc.n, result, smallSample: acc.n < minN, vsRest };
      suffix = this.#metric.create().merge(suffix).merge(acc);
    }
    return groups.sort((a, b) => b.n - a.n || compareKeys(a.key, b.key));
  }

  /**
   * The state as plain JSON: options (with the metric) and one tally per group. Restore it with
   * {@link BreakdownAccumulator.restore}.
   *
   * @returns The snapshot.
   */
  snapshot(): BreakdownSnapshot {
    const groups = [...this.#groups.entries()]
      .sort((a, b) => compareKeys(a[0], b[0]))
      .map(([key, acc]) => ({ key, state: acc.snapshot().state }));
    return { kind: 'breakdown', version: 1, options: this.#options, state: { groups } };
  }

  /**
   * Restores a breakdown from its {@link BreakdownAccumulator.snapshot}.
   *
   * @param snapshot - The snapshot.
   * @returns A new accumulator with the snapshot's metric, options and groups.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) when the snapshot is malformed, of another kind,
   *   lists a group twice, or holds an inconsistent tally.
   */
  static restore(snapshot: unknown): BreakdownAccumulator<SurveyMetricResult> {
    return restoreSnapshot(
      snapshot,
      {
        kind: 'breakdown',
        version: 1,
        subject: 'BreakdownAccumulator',
        options: snapshotOptionsSchema,
        state: snapshotStateSchema,
      },
      (options, state) => {
        const metric = metricOf(options.metric);
        const { metric: _, ...rest } = options;
        const acc = new BreakdownAccumulator(metric, rest);
        state.groups.forEach((group, i) => {
          if (acc.#groups.has(group.key)) {
            throw new CxValidationError([
              {
                path: ['state', 'groups', i, 'key'],
                code: 'invalid_snapshot',
                message: `Group ${group.key} is listed twice`,
              },
            ]);
          }
          const envelope = { kind: metric.name, version: 1, options: metric.options, state: group.state };
          acc.#groups.set(group.key, metric.restore(envelope));
        });
        return acc;
      },
    );
  }
}

function checkKey(key: unknown): string | null {
  if (key === null || typeof key === 'string') return key;
  throw new CxValidationError([
    { path: ['key'], code: 'invalid_type', message: `Expected a group key: text or null, got ${typeof key}` },
  ]);
}

/**
 * A survey metric broken down by any key (segment, channel, stage, touchpoint, persona, customer type…), each
 * group with n, its interval, a small-sample flag and a test against all other responses.
 *
 * @param responses - Survey responses (one scale).
 * @param metric - The metric, e.g. `csatMetric()`.
 * @param options - Key (a field, `{ property }` or a function), small-sample threshold and `level`.
 * @returns The groups, largest first.
 * @throws {@link @cx/model!CxValidationError} naming every invalid response, e.g. `['responses', 3, 'score']`.
 * @throws {@link @cx/model!CxOptionsError} for an unknown or renamed option (`confidence` → `level`), `null`
 *   options or a value out of range.
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
  const { by, ...rest } = parseOptions(breakdownOptionsSchema, options, 'breakdown', {
    renamed: RENAMED_LEVEL,
  });
  checkMetric(metric, 'breakdown');
  const acc = new BreakdownAccumulator(metric, typeof by === 'function' ? rest : { ...rest, by });
  forEachCollecting(responses, 'responses', (r) => {
    if (typeof by !== 'function') acc.add(r);
    else acc.addResponseFor(groupKey(by(r), ['by']), r);
  });
  return acc.result();
}
