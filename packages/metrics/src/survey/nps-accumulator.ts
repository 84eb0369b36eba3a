import { type AccumulatorSnapshot, CxLimitError, parseOptions } from '@cx/model';
import { type ConfidenceInterval, zForLevel } from '@cx/stats';
import { deepFreeze } from '../stats/freeze.js';
import { restoreSnapshot } from '../stats/snapshot.js';
import { bootstrapNetInterval, MAX_BOOTSTRAP_N } from './bootstrap.js';
import {
  NPS_RENAMED,
  type NpsAccumulatorOptions,
  npsAccumulatorOptionsSchema,
  type ResolvedNpsOptions,
  resolveNpsOptions,
} from './nps-options.js';
import { ScoreAccumulator } from './score-accumulator.js';
import type { Tally, TallyClass, TallyState } from './tally.js';
import { tallyStateSchema } from './tally.js';

/**
 * Unweighted numbers of promoters, passives and detractors; or, as `NpsResult.shares`, their weighted shares 0–1.
 *
 * @example
 * ```ts
 * import { nps, type NpsCounts } from '@cx/metrics';
 * const counts: NpsCounts = nps([10, 8, 3]).counts;
 * console.log(counts); // { promoters: 1, passives: 1, detractors: 1 }
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsCounts {
  /** Promoters (score ≥ `promoterMin`). */
  readonly promoters: number;
  /** Passives (between the cut points). */
  readonly passives: number;
  /** Detractors (score ≤ `detractorMax`). */
  readonly detractors: number;
}

/**
 * Net Promoter Score with its sample size, shares, standard error and interval.
 *
 * @example
 * ```ts
 * import { nps, type NpsResult } from '@cx/metrics';
 * const result: NpsResult = nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]);
 * console.log(result.score, result.shares?.promoters); // 20 0.5
 * ```
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
  /** Weighted shares per class, each 0–1; `null` when n = 0. */
  readonly shares: NpsCounts | null;
  /** NPS in points: 100·(promoter share − detractor share), −100…100; `null` when n = 0. */
  readonly score: number | null;
  /** Trinomial standard error in points, 100·√((p + d − (p − d)²)/n_eff); `null` when n = 0. */
  readonly standardError: number | null;
  /** Confidence interval in points, clipped to −100…100; `null` when n = 0. */
  readonly interval: ConfidenceInterval | null;
}

/**
 * The snapshot of an {@link NpsAccumulator}: kind `nps`, the resolved options and the tally.
 *
 * @example
 * ```ts
 * import { NpsAccumulator, type NpsSnapshot } from '@cx/metrics';
 * const snapshot: NpsSnapshot = new NpsAccumulator().add(9).snapshot();
 * console.log(snapshot.kind, snapshot.state.counts); // 'nps' [1, 0, 0]
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export type NpsSnapshot = AccumulatorSnapshot<'nps', ResolvedNpsOptions, TallyState>;

/**
 * Mergeable NPS accumulator: `add` scores or responses in any order, `merge` partial accumulators from chunks,
 * streams or workers, save and restore them as JSON, then read the `result`. Holds O(1) state; merging partials
 * equals computing on the whole. The options (cut points, scale, level, interval method) are fixed at creation.
 *
 * @example
 * ```ts
 * import { NpsAccumulator } from '@cx/metrics';
 * const a = new NpsAccumulator().add(10).add(9).add(3);
 * const b = NpsAccumulator.restore(JSON.parse(JSON.stringify(new NpsAccumulator().add(7).snapshot())));
 * console.log(a.merge(b).result().score); // 25
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export class NpsAccumulator extends ScoreAccumulator<'nps', ResolvedNpsOptions, NpsResult> {
  /**
   * Creates an empty accumulator.
   *
   * @param options - Scale, cut points, level, interval method and bootstrap settings.
   * @throws {@link @cx/model!CxOptionsError} for an unknown key, a cut point off the scale or out of order, a level
   *   outside (0, 1), or bootstrap settings without `method: 'bootstrap'`.
   */
  constructor(options?: NpsAccumulatorOptions) {
    super(
      deepFreeze(
        resolveNpsOptions(
          parseOptions(npsAccumulatorOptionsSchema, options, 'NpsAccumulator', { renamed: NPS_RENAMED }),
        ),
      ),
    );
  }

  /** @internal */
  protected get kind(): 'nps' {
    return 'nps';
  }

  /** @internal */
  protected get subject(): string {
    return 'NpsAccumulator';
  }

  /** @internal */
  protected classOf(score: number): TallyClass {
    return score >= this.options.promoterMin ? 0 : score <= this.options.detractorMax ? 2 : 1;
  }

  /**
   * Restores an accumulator from its {@link NpsAccumulator.snapshot} (after a trip through JSON, a queue, a file).
   *
   * @param snapshot - The snapshot.
   * @returns A new accumulator with the snapshot's options and state.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) when the snapshot is malformed, of another
   *   kind, or inconsistent (e.g. a count with zero weight).
   */
  static restore(snapshot: unknown): NpsAccumulator {
    return restoreSnapshot(
      snapshot,
      {
        kind: 'nps',
        version: 1,
        subject: 'NpsAccumulator',
        options: npsAccumulatorOptionsSchema,
        state: tallyStateSchema,
      },
      (options, state) => new NpsAccumulator(options).load(state),
    );
  }

  /**
   * The NPS of everything added and merged so far, with the interval the options asked for.
   *
   * @returns The result; `score: null` when nothing was added.
   * @throws {@link @cx/model!CxLimitError} (`too_large`) for a bootstrap over an effective n above 2³².
   */
  result(): NpsResult {
    return npsFromTally(this.tally, this.options);
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

function npsFromTally(tally: Tally, options: ResolvedNpsOptions): NpsResult {
  const { level, method } = options;
  const counts = { promoters: tally.count(0), passives: tally.count(1), detractors: tally.count(2) };
  const n = tally.n;
  const totalWeight = tally.totalWeight;
  const effectiveN = tally.effectiveN();
  if (n === 0) {
    const empty = { shares: null, score: null, standardError: null, interval: null };
    return { n, totalWeight, effectiveN, counts, ...empty };
  }
  const w = tally.relativeWeight();
  const p = tally.relativeWeight([0]) / w;
  const d = tally.relativeWeight([2]) / w;
  const shares = { promoters: p, passives: tally.relativeWeight([1]) / w, detractors: d };
  const score = (100 * (tally.relativeWeight([0]) - tally.relativeWeight([2]))) / w;
  const standardError = 100 * Math.sqrt(trinomialVariance(p, d) / effectiveN);
  const z = zForLevel(level);
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
    const resampled = Math.max(1, Math.round(effectiveN));
    if (resampled > MAX_BOOTSTRAP_N) {
      throw new CxLimitError(
        'too_large',
        `A bootstrap of an effective n of ${resampled} responses is not supported`,
        {
          limit: MAX_BOOTSTRAP_N,
          actual: resampled,
        },
      );
    }
    const b = bootstrapNetInterval(resampled, p, d, level, options.bootstrap ?? { resamples: 2000, seed: 1 });
    lower = 100 * b.lower;
    upper = 100 * b.upper;
  }
  return {
    n,
    totalWeight,
    effectiveN,
    counts,
    shares,
    score,
    standardError,
    interval: { lower: clip(lower), upper: clip(upper), level, method },
  };
}
