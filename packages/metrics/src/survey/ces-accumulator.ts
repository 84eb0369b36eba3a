import { type AccumulatorSnapshot, parseOptions, type Scale } from '@cx/model';
import type { ConfidenceInterval, Proportion } from '@cx/stats';
import { deepFreeze } from '../stats/freeze.js';
import { restoreSnapshot } from '../stats/snapshot.js';
import {
  type CesAccumulatorOptions,
  cesAccumulatorOptionsSchema,
  lowEffortBy,
  normalizeCesOptions,
  type ResolvedCesOptions,
} from './ces-options.js';
import { meanEstimate } from './mean.js';
import { RENAMED_LEVEL } from './options.js';
import { ScoreAccumulator } from './score-accumulator.js';
import { weightedShare } from './share.js';
import { type TallyClass, type TallyState, tallyStateSchema } from './tally.js';

/**
 * Customer Effort Score: mean with its t interval, the share of low effort (0–1) with its Wilson interval, and an
 * ease score on 0…100 comparable across scales.
 *
 * @example
 * ```ts
 * import { ces, type CesResult } from '@cx/metrics';
 * const result: CesResult = ces([7, 6, 2, 5]);
 * console.log(result.score, result.lowEffort.value); // 5 0.75
 * ```
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
  /** Student-t interval of the mean, on the scale; `null` when the effective n ≤ 1. */
  readonly interval: ConfidenceInterval | null;
  /** Share of low-effort responses, 0–1, with its Wilson interval (on CES 2.0: the share agreeing, ≥ 5 of 7). */
  readonly lowEffort: Proportion;
  /** Mean rescaled to 0…100 with 100 the easiest end, whatever the scale's direction; `null` when n = 0. */
  readonly easeScore: number | null;
}

/**
 * The snapshot of a {@link CesAccumulator}: kind `ces`, the resolved options and the tally.
 *
 * @example
 * ```ts
 * import { CesAccumulator, type CesSnapshot } from '@cx/metrics';
 * const snapshot: CesSnapshot = new CesAccumulator().add(6).snapshot();
 * console.log(snapshot.kind, snapshot.options.scale.max); // 'ces' 7
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export type CesSnapshot = AccumulatorSnapshot<'ces', ResolvedCesOptions, TallyState>;

/**
 * Mergeable CES accumulator (O(1) state): `add` scores or responses, `merge` partials, save and restore them as JSON,
 * read the `result`. The options (scale, low-effort set, level) are fixed at creation.
 *
 * @example
 * ```ts
 * import { CesAccumulator } from '@cx/metrics';
 * const acc = new CesAccumulator().add(7).add(6).add(2).add(5);
 * console.log(acc.result().score, acc.result().lowEffort.value); // 5 0.75
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export class CesAccumulator extends ScoreAccumulator<'ces', ResolvedCesOptions, CesResult> {
  readonly #isLowEffort: (score: number) => boolean;

  /**
   * Creates an empty accumulator.
   *
   * @param options - Scale, low-effort set and level.
   * @throws {@link @cx/model!CxOptionsError} for an unknown key, a low-effort score off the scale or a level outside
   *   (0, 1).
   */
  constructor(options?: CesAccumulatorOptions) {
    const o = parseOptions(cesAccumulatorOptionsSchema, options, 'CesAccumulator', {
      renamed: RENAMED_LEVEL,
    });
    super(deepFreeze(normalizeCesOptions(o)));
    this.#isLowEffort = lowEffortBy(this.options);
  }

  /** @internal */
  protected get kind(): 'ces' {
    return 'ces';
  }

  /** @internal */
  protected get subject(): string {
    return 'CesAccumulator';
  }

  /** @internal */
  protected classOf(score: number): TallyClass {
    return this.#isLowEffort(score) ? 0 : 2;
  }

  /**
   * Restores an accumulator from its {@link CesAccumulator.snapshot}.
   *
   * @param snapshot - The snapshot.
   * @returns A new accumulator with the snapshot's options and state.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) when the snapshot is malformed, of another
   *   kind, or inconsistent.
   */
  static restore(snapshot: unknown): CesAccumulator {
    return restoreSnapshot(
      snapshot,
      {
        kind: 'ces',
        version: 1,
        subject: 'CesAccumulator',
        options: cesAccumulatorOptionsSchema,
        state: tallyStateSchema,
      },
      (options, state) => new CesAccumulator(options).load(state),
    );
  }

  /**
   * CES of everything added and merged so far.
   *
   * @returns The result; `score: null` when nothing was added.
   */
  result(): CesResult {
    const t = this.tally;
    const { scale, level } = this.options;
    const m = meanEstimate(t, level);
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
      lowEffort: weightedShare(t, 0, [0, 1, 2], level),
      easeScore,
    };
  }
}
