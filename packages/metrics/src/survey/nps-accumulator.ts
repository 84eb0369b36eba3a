import { CxValidationError, type Scale, type SurveyResponse, type ValidationIssue } from '@cx/model';
import { type ConfidenceInterval, zForLevel } from '@cx/stats';
import { type BootstrapOptions, bootstrapNetInterval } from './bootstrap.js';
import { checkResponseScale } from './check.js';
import { NPS_SCALE, sameScale, scaleIssues, scaleKey, scoreProblem, weightIssue } from './scale.js';
import { type AccumulatorSnapshot, restoreTally, Tally } from './tally.js';

/**
 * How scores are classified for NPS.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsClassificationOptions {
  /** Scale of raw scores; default 0–10 integral. Responses must carry this scale. */
  readonly scale?: Scale;
  /** Lowest promoter score; default 9. */
  readonly promoterMin?: number;
  /** Highest detractor score; default 6. Scores strictly between are passives. */
  readonly detractorMax?: number;
}

/**
 * Interval method for NPS: `adjusted-wald` (default; Rocks 2016, MeasuringU), `wald`, or a seeded `bootstrap`.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export type NpsIntervalMethod = 'adjusted-wald' | 'wald' | 'bootstrap';

/**
 * How the NPS interval is computed.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsIntervalOptions {
  /** Confidence level strictly between 0 and 1; default 0.95. */
  readonly confidence?: number;
  /** Interval method; default `adjusted-wald`. */
  readonly interval?: NpsIntervalMethod;
  /** Resamples and seed of the bootstrap interval. */
  readonly bootstrap?: BootstrapOptions;
}

/**
 * Class counts: unweighted numbers of responses.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/**
 * Net Promoter Score with its sample size, shares, standard error and interval.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsResult {
  /** Number of responses. */
  readonly n: number;
  /** Σ weights (= n when unweighted). */
  readonly totalWeight: number;
  /** Kish effective sample size (Σw)²/Σw² (= n when unweighted). */
  readonly effectiveN: number;
  /** Unweighted counts per class. */
  readonly counts: NpsCounts;
  /** Weighted shares per class (0…1); `null` when n = 0. */
  readonly shares: NpsCounts | null;
  /** NPS = 100·(promoter share − detractor share), −100…100; `null` when n = 0. */
  readonly score: number | null;
  /** Trinomial standard error in points, 100·√((p + d − (p − d)²)/n_eff); `null` when n = 0. */
  readonly standardError: number | null;
  /** Confidence interval in points, clipped to −100…100; `null` when n = 0. */
  readonly interval: ConfidenceInterval | null;
}

/** Resolved classification. */
interface NpsCuts {
  readonly scale: Scale;
  readonly promoterMin: number;
  readonly detractorMax: number;
}

export function resolveNpsCuts(options: NpsClassificationOptions): NpsCuts {
  const scale = options.scale ?? NPS_SCALE;
  const promoterMin = options.promoterMin ?? 9;
  const detractorMax = options.detractorMax ?? 6;
  const issues: ValidationIssue[] = scaleIssues(scale, ['options', 'scale']);
  if (!(detractorMax < promoterMin)) {
    issues.push({
      path: ['options', 'promoterMin'],
      message: `Expected promoterMin (${promoterMin}) greater than detractorMax (${detractorMax})`,
      code: 'invalid_option',
    });
  }
  if (issues.length > 0) throw new CxValidationError(issues);
  return { scale, promoterMin, detractorMax };
}

/** 0 = promoter, 1 = passive, 2 = detractor. */
function classify(score: number, cuts: NpsCuts): 0 | 1 | 2 {
  return score >= cuts.promoterMin ? 0 : score <= cuts.detractorMax ? 2 : 1;
}

/**
 * Mergeable NPS accumulator: `add` scores or responses in any order, `merge` partial accumulators from chunks,
 * streams or workers, then read the `result`. Holds O(1) state; merging partials equals computing on the whole.
 *
 * @example
 * ```ts
 * import { NpsAccumulator } from '@cx/metrics';
 * const a = new NpsAccumulator().add(10).add(9).add(3);
 * const b = new NpsAccumulator().add(7);
 * console.log(a.merge(b).result().score); // 25
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export class NpsAccumulator {
  readonly #cuts: NpsCuts;
  readonly #config: string;
  readonly #tally = new Tally();

  /**
   * Creates an empty accumulator.
   *
   * @param options - Scale and cut points.
   * @throws {@link @cx/model!CxValidationError} when the cut points or scale are invalid.
   */
  constructor(options: NpsClassificationOptions = {}) {
    this.#cuts = resolveNpsCuts(options);
    this.#config = JSON.stringify([
      scaleKey(this.#cuts.scale),
      this.#cuts.promoterMin,
      this.#cuts.detractorMax,
    ]);
  }

  /** Number of responses added so far. */
  get n(): number {
    return this.#tally.n;
  }

  /**
   * Adds one raw score.
   *
   * @param score - A score on the accumulator's scale.
   * @param weight - A positive finite weight; default 1.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the score or the weight is invalid.
   */
  add(score: number, weight = 1): this {
    const problem = scoreProblem(score, this.#cuts.scale);
    const issues: ValidationIssue[] = problem
      ? [{ path: ['score'], message: problem, code: 'invalid_score' }]
      : [];
    const wIssue = weightIssue(weight, ['weight']);
    if (wIssue) issues.push(wIssue);
    if (issues.length > 0) throw new CxValidationError(issues);
    this.#tally.add(classify(score, this.#cuts), score, weight);
    return this;
  }

  /**
   * Adds one survey response, checking that it carries the accumulator's scale.
   *
   * @param response - A survey response.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the scale differs or the score is invalid.
   */
  addResponse(response: SurveyResponse): this {
    checkResponseScale(response, this.#cuts.scale);
    return this.add(response.score, response.weight ?? 1);
  }

  /** @internal Adds an already validated score. */
  addUnchecked(score: number, weight: number): void {
    this.#tally.add(classify(score, this.#cuts), score, weight);
  }

  /**
   * Serializable state of this accumulator, e.g. to send a partial result from a worker; restore it with
   * `NpsAccumulator.fromSnapshot` and `merge`.
   *
   * @returns A plain-data snapshot (JSON-safe).
   */
  toSnapshot(): AccumulatorSnapshot {
    return { metric: 'nps', config: this.#config, tally: this.#tally.toJSON() };
  }

  /**
   * Restores an accumulator from {@link NpsAccumulator.toSnapshot}.
   *
   * @param snapshot - The snapshot.
   * @param options - The options the snapshot's accumulator was created with.
   * @returns A new accumulator with the snapshot's state.
   * @throws {@link @cx/model!CxValidationError} when the snapshot is malformed or was made with other options.
   */
  static fromSnapshot(snapshot: AccumulatorSnapshot, options: NpsClassificationOptions = {}): NpsAccumulator {
    const acc = new NpsAccumulator(options);
    acc.#tally.merge(restoreTally(snapshot, 'nps', acc.#config));
    return acc;
  }

  /**
   * Merges another accumulator (with the same scale and cut points) into this one.
   *
   * @param other - Another NPS accumulator.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the classifications differ.
   */
  merge(other: NpsAccumulator): this {
    const a = this.#cuts;
    const b = other.#cuts;
    if (
      !sameScale(a.scale, b.scale) ||
      a.promoterMin !== b.promoterMin ||
      a.detractorMax !== b.detractorMax
    ) {
      throw new CxValidationError([
        {
          path: ['other'],
          message: 'Cannot merge NPS accumulators with different scales or cut points',
          code: 'incompatible',
        },
      ]);
    }
    this.#tally.merge(other.#tally);
    return this;
  }

  /**
   * Computes the NPS of everything added so far.
   *
   * @param options - Confidence level and interval method.
   * @returns The result; `score: null` when nothing was added.
   * @throws {@link @cx/model!CxValidationError} when the confidence level is invalid.
   */
  result(options: NpsIntervalOptions = {}): NpsResult {
    return npsFromTally(this.#tally, options);
  }
}

function clip(x: number): number {
  return Math.max(-100, Math.min(100, x));
}

/** Trinomial variance of one ±1/0 response: p + d − (p − d)². */
export function trinomialVariance(p: number, d: number): number {
  return Math.max(0, p + d - (p - d) ** 2);
}

/** Adjusted-Wald estimate on −1…1: add 3 to n, ¾ to promoters and ¾ to detractors. */
export function adjustedWald(p: number, d: number, nEff: number): { net: number; se: number; n: number } {
  const n = nEff + 3;
  const pa = (p * nEff + 0.75) / n;
  const da = (d * nEff + 0.75) / n;
  return { net: pa - da, se: Math.sqrt(trinomialVariance(pa, da) / n), n };
}

function npsFromTally(tally: Tally, options: NpsIntervalOptions): NpsResult {
  const level = options.confidence ?? 0.95;
  const z = zForLevel(level);
  const method = options.interval ?? 'adjusted-wald';
  if (method !== 'adjusted-wald' && method !== 'wald' && method !== 'bootstrap') {
    throw new CxValidationError([
      {
        path: ['options', 'interval'],
        message: `Unknown interval method ${String(method)}`,
        code: 'invalid_option',
      },
    ]);
  }
  const counts = { promoters: tally.counts[0], passives: tally.counts[1], detractors: tally.counts[2] };
  const w = tally.totalWeight;
  const n = tally.n;
  const effectiveN = tally.effectiveN();
  if (n === 0) {
    return {
      n,
      totalWeight: w,
      effectiveN,
      counts,
      shares: null,
      score: null,
      standardError: null,
      interval: null,
    };
  }
  const p = tally.weights[0] / w;
  const d = tally.weights[2] / w;
  const shares = { promoters: p, passives: tally.weights[1] / w, detractors: d };
  const score = (100 * (tally.weights[0] - tally.weights[2])) / w;
  const standardError = 100 * Math.sqrt(trinomialVariance(p, d) / effectiveN);
  let lower: number;
  let upper: number;
  if (method === 'wald') {
    lower = score - z * standardError;
    upper = score + z * standardError;
  } else if (method === 'adjusted-wald') {
    const adj = adjustedWald(p, d, effectiveN);
    lower = 100 * (adj.net - z * adj.se);
    upper = 100 * (adj.net + z * adj.se);
  } else {
    const resamples = options.bootstrap?.resamples ?? 2000;
    if (!(Number.isInteger(resamples) && resamples >= 2)) {
      throw new CxValidationError([
        {
          path: ['options', 'bootstrap', 'resamples'],
          message: `Expected a whole number ≥ 2, got ${resamples}`,
          code: 'invalid_option',
        },
      ]);
    }
    const b = bootstrapNetInterval(Math.max(1, Math.round(effectiveN)), p, d, level, options.bootstrap ?? {});
    lower = 100 * b.lower;
    upper = 100 * b.upper;
  }
  return {
    n,
    totalWeight: w,
    effectiveN,
    counts,
    shares,
    score,
    standardError,
    interval: { lower: clip(lower), upper: clip(upper), level, method },
  };
}
