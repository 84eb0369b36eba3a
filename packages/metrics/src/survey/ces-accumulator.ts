import {
  CxValidationError,
  type Scale,
  STANDARD_SCALES,
  type SurveyResponse,
  type ValidationIssue,
} from '@cx/model';
import { type ConfidenceInterval, zForLevel } from '@cx/stats';
import { checkResponseScale, checkScoreAndWeight, incompatible } from './check.js';
import { meanEstimate } from './mean.js';
import { scaleIssues, scoreProblem } from './scale.js';
import { type ShareEstimate, shareEstimate } from './share.js';
import { type AccumulatorSnapshot, restoreTally, Tally } from './tally.js';

/**
 * How CES responses are read.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CesClassificationOptions {
  /**
   * Scale of raw scores; default CES 2.0 (1–7 agreement, higher is easier). Use `STANDARD_SCALES.cesLegacy`
   * (1–5 effort, lower is easier) for the older question. Responses must carry this scale.
   */
  readonly scale?: Scale;
  /**
   * Scores that count as low effort. Default: the easy side of the scale's midpoint, by the scale's direction
   * (5–7 on CES 2.0 = "at least somewhat agree"; 1–2 on legacy 1–5; 1–3 on a 1–7 effort scale).
   */
  readonly lowEffort?: readonly number[];
}

/**
 * Customer Effort Score: mean with its t interval, the share of low effort with its Wilson interval, and an
 * ease score on 0…100 comparable across scales.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CesResult {
  /** Number of responses. */
  readonly n: number;
  /** Σ weights. */
  readonly totalWeight: number;
  /** Kish effective sample size. */
  readonly effectiveN: number;
  /** The scale the scores were given on (its direction says which end is easy). */
  readonly scale: Scale;
  /** Mean score on the scale as given; `null` when n = 0. */
  readonly score: number | null;
  /** Sample standard deviation; `null` when the effective n ≤ 1. */
  readonly standardDeviation: number | null;
  /** Student-t interval of the mean; `null` when the effective n ≤ 1. */
  readonly interval: ConfidenceInterval | null;
  /** Share of low-effort responses (on CES 2.0: share agreeing, ≥ 5 of 7). */
  readonly lowEffort: ShareEstimate;
  /** Mean rescaled to 0…100 with 100 the easiest end, whatever the scale's direction; `null` when n = 0. */
  readonly easeScore: number | null;
}

interface CesRules {
  readonly scale: Scale;
  readonly isLowEffort: (score: number) => boolean;
  readonly key: string;
}

export function resolveCesRules(options: CesClassificationOptions): CesRules {
  const scale = options.scale ?? STANDARD_SCALES.ces;
  const issues: ValidationIssue[] = scaleIssues(scale, ['options', 'scale']);
  let isLowEffort: (score: number) => boolean;
  if (options.lowEffort !== undefined) {
    const set = new Set(options.lowEffort);
    options.lowEffort.forEach((s, i) => {
      const problem = scoreProblem(s, scale);
      if (problem)
        issues.push({ path: ['options', 'lowEffort', i], message: problem, code: 'invalid_option' });
    });
    isLowEffort = (s) => set.has(s);
  } else {
    const mid = (scale.min + scale.max) / 2;
    isLowEffort = scale.direction === 'higher-is-better' ? (s) => s > mid : (s) => s < mid;
  }
  if (issues.length > 0) throw new CxValidationError(issues);
  const key = JSON.stringify([
    scale,
    options.lowEffort === undefined ? null : [...options.lowEffort].sort((a, b) => a - b),
  ]);
  return { scale, isLowEffort, key };
}

/**
 * Options of {@link CesAccumulator.result}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CesResultOptions {
  /** Confidence level; default 0.95. */
  readonly confidence?: number;
}

/**
 * Mergeable CES accumulator (O(1) state): `add` scores or responses, `merge` partials, read the `result`.
 *
 * @example
 * ```ts
 * import { CesAccumulator } from '@cx/metrics';
 * const acc = new CesAccumulator().add(7).add(6).add(2).add(5);
 * console.log(acc.result().score, acc.result().lowEffort.score); // 5 75
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export class CesAccumulator {
  readonly #rules: CesRules;
  readonly #tally = new Tally();

  /**
   * Creates an empty accumulator.
   *
   * @param options - Scale and low-effort set.
   * @throws {@link @cx/model!CxValidationError} when an option is invalid.
   */
  constructor(options: CesClassificationOptions = {}) {
    this.#rules = resolveCesRules(options);
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
    this.#tally.add(this.#rules.isLowEffort(score) ? 0 : 2, score, weight);
  }

  /**
   * Serializable state of this accumulator, e.g. to send a partial result from a worker; restore it with
   * `CesAccumulator.fromSnapshot` and `merge`.
   *
   * @returns A plain-data snapshot (JSON-safe).
   */
  toSnapshot(): AccumulatorSnapshot {
    return { metric: 'ces', config: this.#rules.key, tally: this.#tally.toJSON() };
  }

  /**
   * Restores an accumulator from {@link CesAccumulator.toSnapshot}.
   *
   * @param snapshot - The snapshot.
   * @param options - The options the snapshot's accumulator was created with.
   * @returns A new accumulator with the snapshot's state.
   * @throws {@link @cx/model!CxValidationError} when the snapshot is malformed or was made with other options.
   */
  static fromSnapshot(snapshot: AccumulatorSnapshot, options: CesClassificationOptions = {}): CesAccumulator {
    const acc = new CesAccumulator(options);
    acc.#tally.merge(restoreTally(snapshot, 'ces', acc.#rules.key));
    return acc;
  }

  /**
   * Merges another CES accumulator with the same options.
   *
   * @param other - Another accumulator.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the options differ.
   */
  merge(other: CesAccumulator): this {
    if (other.#rules.key !== this.#rules.key) incompatible('CES');
    this.#tally.merge(other.#tally);
    return this;
  }

  /**
   * Computes CES of everything added so far.
   *
   * @param options - Confidence level.
   * @returns The result; `score: null` when nothing was added.
   * @throws {@link @cx/model!CxValidationError} when the level is invalid.
   */
  result(options: CesResultOptions = {}): CesResult {
    const level = options.confidence ?? 0.95;
    zForLevel(level);
    const t = this.#tally;
    const scale = this.#rules.scale;
    const m = meanEstimate(t, level);
    const lowEffort = shareEstimate(t.counts[0], t.n, t.weights[0], t.totalWeight, t.effectiveN(), level);
    const easeScore =
      m.mean === null
        ? null
        : (100 * (scale.direction === 'higher-is-better' ? m.mean - scale.min : scale.max - m.mean)) /
          (scale.max - scale.min);
    return {
      n: t.n,
      totalWeight: t.totalWeight,
      effectiveN: t.effectiveN(),
      scale,
      score: m.mean,
      standardDeviation: m.standardDeviation,
      interval: m.interval,
      lowEffort,
      easeScore,
    };
  }
}
