import {
  CxValidationError,
  type Scale,
  STANDARD_SCALES,
  type SurveyResponse,
  type ValidationIssue,
} from '@cx/model';
import { zForLevel } from '@cx/stats';
import { checkResponseScale, checkScoreAndWeight, incompatible } from './check.js';
import { type MeanEstimate, meanEstimate } from './mean.js';
import { sameScale, scaleIssues, scaleKey, scoreProblem } from './scale.js';
import { type ShareEstimate, shareEstimate } from './share.js';
import { type AccumulatorSnapshot, restoreTally, Tally } from './tally.js';

/**
 * Which scores count as satisfied: the best one (`top-box`), the best two (`top-2-box`, default), an explicit list
 * of scores, or every score at least a threshold (`{ atLeast }`, for continuous scales).
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export type CsatPositive = 'top-box' | 'top-2-box' | readonly number[] | { readonly atLeast: number };

/**
 * How CSAT responses are classified and counted.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CsatClassificationOptions {
  /** Scale of raw scores; default 1–5. Responses must carry this scale. */
  readonly scale?: Scale;
  /** The satisfied set; default `top-2-box` (4–5 on 1–5). */
  readonly positive?: CsatPositive;
  /** Scores treated as neutral (e.g. `[3]` on 1–5); default none, i.e. every other score is unsatisfied. */
  readonly neutral?: readonly number[];
  /**
   * `all` (default): satisfied / all responses (SoGoSurvey, Simplesat: 7 positive, 1 neutral, 2 negative ⇒ 70%).
   * `exclude-neutral`: satisfied / (satisfied + unsatisfied), e.g. Zendesk-style good / (good + bad).
   */
  readonly denominator?: 'all' | 'exclude-neutral';
}

/**
 * Counts of satisfied, neutral and unsatisfied responses (unweighted).
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CsatCounts {
  readonly positive: number;
  readonly neutral: number;
  readonly negative: number;
}

/**
 * CSAT: share satisfied with its Wilson interval, plus the mean score with its t interval.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CsatResult {
  /** Number of responses. */
  readonly n: number;
  /** Σ weights. */
  readonly totalWeight: number;
  /** Kish effective sample size of all responses. */
  readonly effectiveN: number;
  /** Unweighted counts per class. */
  readonly counts: CsatCounts;
  /** Number of responses in the denominator (n, or n − neutral with `exclude-neutral`). */
  readonly denominator: number;
  /** Kish effective size of the denominator (the Wilson interval's n). */
  readonly effectiveDenominator: number;
  /** Share satisfied, 0…1; `null` when the denominator is empty. */
  readonly share: number | null;
  /** CSAT in percent, 0…100; `null` when the denominator is empty. */
  readonly score: number | null;
  /** Wilson interval of the CSAT in percent; `null` when the denominator is empty. */
  readonly interval: ShareEstimate['interval'];
  /** Mean score on the scale, with its t interval. */
  readonly mean: MeanEstimate;
}

interface CsatRules {
  readonly scale: Scale;
  readonly isPositive: (score: number) => boolean;
  readonly neutral: ReadonlySet<number>;
  readonly denominator: 'all' | 'exclude-neutral';
  readonly key: string;
}

export function resolveCsatRules(options: CsatClassificationOptions): CsatRules {
  const scale = options.scale ?? STANDARD_SCALES.csat;
  const positive = options.positive ?? 'top-2-box';
  const denominator = options.denominator ?? 'all';
  const issues: ValidationIssue[] = scaleIssues(scale, ['options', 'scale']);
  let isPositive: (score: number) => boolean = () => false;
  const best = scale.direction === 'higher-is-better' ? scale.max : scale.min;
  const step = scale.direction === 'higher-is-better' ? -1 : 1;
  if (positive === 'top-box' || positive === 'top-2-box') {
    if (!scale.integral) {
      issues.push({
        path: ['options', 'positive'],
        message: 'On a continuous scale give the satisfied set explicitly, e.g. { atLeast: 4 }',
        code: 'invalid_option',
      });
    }
    const set = new Set(positive === 'top-box' ? [best] : [best, best + step]);
    isPositive = (s) => set.has(s);
  } else if (Array.isArray(positive)) {
    const set = new Set(positive as readonly number[]);
    (positive as readonly number[]).forEach((s, i) => {
      const problem = scoreProblem(s, scale);
      if (problem)
        issues.push({ path: ['options', 'positive', i], message: problem, code: 'invalid_option' });
    });
    isPositive = (s) => set.has(s);
  } else if (
    typeof positive === 'object' &&
    positive !== null &&
    typeof (positive as { atLeast: number }).atLeast === 'number'
  ) {
    const threshold = (positive as { atLeast: number }).atLeast;
    isPositive = (s) => s >= threshold;
  } else {
    issues.push({
      path: ['options', 'positive'],
      message: `Unknown satisfied set ${JSON.stringify(positive)}`,
      code: 'invalid_option',
    });
  }
  const neutral = new Set(options.neutral ?? []);
  (options.neutral ?? []).forEach((s, i) => {
    const problem = scoreProblem(s, scale);
    if (problem) issues.push({ path: ['options', 'neutral', i], message: problem, code: 'invalid_option' });
    else if (isPositive(s)) {
      issues.push({
        path: ['options', 'neutral', i],
        message: `Score ${s} cannot be both satisfied and neutral`,
        code: 'invalid_option',
      });
    }
  });
  if (denominator !== 'all' && denominator !== 'exclude-neutral') {
    issues.push({
      path: ['options', 'denominator'],
      message: `Expected 'all' or 'exclude-neutral', got ${String(denominator)}`,
      code: 'invalid_option',
    });
  }
  if (issues.length > 0) throw new CxValidationError(issues);
  const key = JSON.stringify([scaleKey(scale), positive, [...neutral].sort((a, b) => a - b), denominator]);
  return { scale, isPositive, neutral, denominator, key };
}

/**
 * Options of {@link CsatAccumulator.result}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CsatResultOptions {
  /** Confidence level; default 0.95. */
  readonly confidence?: number;
}

/**
 * Mergeable CSAT accumulator (O(1) state): `add` scores or responses, `merge` partials, read the `result`.
 *
 * @example
 * ```ts
 * import { CsatAccumulator } from '@cx/metrics';
 * const acc = new CsatAccumulator().add(5).add(4).add(2).add(3);
 * console.log(acc.result().score); // 50
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export class CsatAccumulator {
  readonly #rules: CsatRules;
  readonly #tally = new Tally();

  /**
   * Creates an empty accumulator.
   *
   * @param options - Scale, satisfied set, neutral set and denominator.
   * @throws {@link @cx/model!CxValidationError} when an option is invalid.
   */
  constructor(options: CsatClassificationOptions = {}) {
    this.#rules = resolveCsatRules(options);
  }

  /** Number of responses added so far. */
  get n(): number {
    return this.#tally.n;
  }

  /**
   * Adds one raw score.
   *
   * @param score - A score on the scale.
   * @param weight - A positive finite weight; default 1.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the score or weight is invalid.
   */
  add(score: number, weight = 1): this {
    checkScoreAndWeight(score, weight, this.#rules.scale);
    this.addUnchecked(score, weight);
    return this;
  }

  /**
   * Adds one survey response, checking its scale.
   *
   * @param response - A survey response on the accumulator's scale.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the scale differs or the score is invalid.
   */
  addResponse(response: SurveyResponse): this {
    checkResponseScale(response, this.#rules.scale);
    return this.add(response.score, response.weight ?? 1);
  }

  /** @internal Adds an already validated score. */
  addUnchecked(score: number, weight: number): void {
    const cls = this.#rules.isPositive(score) ? 0 : this.#rules.neutral.has(score) ? 1 : 2;
    this.#tally.add(cls, score, weight);
  }

  /**
   * Serializable state of this accumulator, e.g. to send a partial result from a worker; restore it with
   * `CsatAccumulator.fromSnapshot` and `merge`.
   *
   * @returns A plain-data snapshot (JSON-safe).
   */
  toSnapshot(): AccumulatorSnapshot {
    return { metric: 'csat', config: this.#rules.key, tally: this.#tally.toJSON() };
  }

  /**
   * Restores an accumulator from {@link CsatAccumulator.toSnapshot}.
   *
   * @param snapshot - The snapshot.
   * @param options - The options the snapshot's accumulator was created with.
   * @returns A new accumulator with the snapshot's state.
   * @throws {@link @cx/model!CxValidationError} when the snapshot is malformed or was made with other options.
   */
  static fromSnapshot(
    snapshot: AccumulatorSnapshot,
    options: CsatClassificationOptions = {},
  ): CsatAccumulator {
    const acc = new CsatAccumulator(options);
    acc.#tally.merge(restoreTally(snapshot, 'csat', acc.#rules.key));
    return acc;
  }

  /**
   * Merges another CSAT accumulator with the same options.
   *
   * @param other - Another accumulator.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the options differ.
   */
  merge(other: CsatAccumulator): this {
    if (other.#rules.key !== this.#rules.key || !sameScale(other.#rules.scale, this.#rules.scale))
      incompatible('CSAT');
    this.#tally.merge(other.#tally);
    return this;
  }

  /**
   * Computes CSAT of everything added so far.
   *
   * @param options - Confidence level.
   * @returns The result; `score: null` when the denominator is empty.
   * @throws {@link @cx/model!CxValidationError} when the level is invalid.
   */
  result(options: CsatResultOptions = {}): CsatResult {
    const level = options.confidence ?? 0.95;
    zForLevel(level);
    const t = this.#tally;
    const classes: ReadonlyArray<0 | 1 | 2> = this.#rules.denominator === 'all' ? [0, 1, 2] : [0, 2];
    const denominator = classes.reduce<number>((s, c) => s + t.counts[c], 0);
    const denominatorWeight = classes.reduce<number>((s, c) => s + t.weights[c], 0);
    const share = shareEstimate(
      t.counts[0],
      denominator,
      t.weights[0],
      denominatorWeight,
      t.effectiveN(classes),
      level,
    );
    return {
      n: t.n,
      totalWeight: t.totalWeight,
      effectiveN: t.effectiveN(),
      counts: { positive: t.counts[0], neutral: t.counts[1], negative: t.counts[2] },
      denominator,
      effectiveDenominator: t.effectiveN(classes),
      share: share.share,
      score: share.score,
      interval: share.interval,
      mean: meanEstimate(t, level),
    };
  }
}
