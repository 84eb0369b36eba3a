import { type AccumulatorSnapshot, parseOptions } from '@cx/model';
import type { ConfidenceInterval, Proportion } from '@cx/stats';
import { deepFreeze } from '../stats/freeze.js';
import { restoreSnapshot } from '../stats/snapshot.js';
import {
  type CsatAccumulatorOptions,
  csatAccumulatorOptionsSchema,
  normalizeCsatOptions,
  type ResolvedCsatOptions,
  satisfiedBy,
} from './csat-options.js';
import { type MeanEstimate, meanEstimate } from './mean.js';
import { RENAMED_LEVEL } from './options.js';
import { ScoreAccumulator } from './score-accumulator.js';
import { weightedShare } from './share.js';
import { type TallyClass, type TallyState, tallyStateSchema } from './tally.js';

/**
 * Counts of satisfied, neutral and unsatisfied responses (unweighted).
 *
 * @example
 * ```ts
 * import { csat, type CsatCounts } from '@cx/metrics';
 * const counts: CsatCounts = csat([5, 3, 1], { neutral: [3] }).counts;
 * console.log(counts); // { positive: 1, neutral: 1, negative: 1 }
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface CsatCounts {
  /** Satisfied responses. */
  readonly positive: number;
  /** Neutral responses. */
  readonly neutral: number;
  /** Unsatisfied responses. */
  readonly negative: number;
}

/**
 * CSAT: the share satisfied (0–1) with its Wilson interval, plus the mean score with its t interval.
 *
 * @example
 * ```ts
 * import { csat, type CsatResult } from '@cx/metrics';
 * const result: CsatResult = csat([5, 5, 5, 4, 4, 4, 4, 3, 1, 2]);
 * console.log(result.score, result.satisfied.count, result.satisfied.n); // 0.7 7 10
 * ```
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
  /**
   * The satisfied share: `count` satisfied of `n` responses in the denominator (all, or all but the neutral ones),
   * `value` the weighted share 0–1, `interval` its Wilson interval on the effective n of the denominator.
   */
  readonly satisfied: Proportion;
  /** Kish effective size of the denominator (the Wilson interval's n). */
  readonly effectiveDenominator: number;
  /** CSAT as a share 0–1 (= `satisfied.value`; 0.7 means 70 %); `null` when the denominator is empty. */
  readonly score: number | null;
  /** Wilson interval of the CSAT, 0–1 (= `satisfied.interval`); `null` when the denominator is empty. */
  readonly interval: ConfidenceInterval | null;
  /** Mean score on the scale, with its t interval. */
  readonly mean: MeanEstimate;
}

/**
 * The snapshot of a {@link CsatAccumulator}: kind `csat`, the resolved options and the tally.
 *
 * @example
 * ```ts
 * import { CsatAccumulator, type CsatSnapshot } from '@cx/metrics';
 * const snapshot: CsatSnapshot = new CsatAccumulator().add(5).snapshot();
 * console.log(snapshot.kind, snapshot.options.positive); // 'csat' 'top-2-box'
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export type CsatSnapshot = AccumulatorSnapshot<'csat', ResolvedCsatOptions, TallyState>;

/**
 * Mergeable CSAT accumulator (O(1) state): `add` scores or responses, `merge` partials, save and restore them as
 * JSON, read the `result`. The options (scale, satisfied and neutral sets, denominator, level) are fixed at creation.
 *
 * @example
 * ```ts
 * import { CsatAccumulator } from '@cx/metrics';
 * const acc = new CsatAccumulator().add(5).add(4).add(2).add(3);
 * console.log(acc.result().score); // 0.5
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export class CsatAccumulator extends ScoreAccumulator<'csat', ResolvedCsatOptions, CsatResult> {
  readonly #isPositive: (score: number) => boolean;
  readonly #neutral: ReadonlySet<number>;

  /**
   * Creates an empty accumulator.
   *
   * @param options - Scale, satisfied set, neutral set, denominator and level.
   * @throws {@link @cx/model!CxOptionsError} for an unknown key, a score off the scale, overlapping sets, a
   *   threshold on the wrong end of the scale (`{ atLeast: NaN }` included) or a level outside (0, 1).
   */
  constructor(options?: CsatAccumulatorOptions) {
    const o = parseOptions(csatAccumulatorOptionsSchema, options, 'CsatAccumulator', {
      renamed: RENAMED_LEVEL,
    });
    super(deepFreeze(normalizeCsatOptions(o)));
    this.#isPositive = satisfiedBy(this.options);
    this.#neutral = new Set(this.options.neutral ?? []);
  }

  /** @internal */
  protected get kind(): 'csat' {
    return 'csat';
  }

  /** @internal */
  protected get subject(): string {
    return 'CsatAccumulator';
  }

  /** @internal */
  protected classOf(score: number): TallyClass {
    return this.#isPositive(score) ? 0 : this.#neutral.has(score) ? 1 : 2;
  }

  /**
   * Restores an accumulator from its {@link CsatAccumulator.snapshot}.
   *
   * @param snapshot - The snapshot.
   * @returns A new accumulator with the snapshot's options and state.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) when the snapshot is malformed, of another
   *   kind, or inconsistent.
   */
  static restore(snapshot: unknown): CsatAccumulator {
    return restoreSnapshot(
      snapshot,
      {
        kind: 'csat',
        version: 1,
        subject: 'CsatAccumulator',
        options: csatAccumulatorOptionsSchema,
        state: tallyStateSchema,
      },
      (options, state) => new CsatAccumulator(options).load(state),
    );
  }

  /**
   * CSAT of everything added and merged so far.
   *
   * @returns The result; `score: null` when the denominator is empty.
   */
  result(): CsatResult {
    const t = this.tally;
    const level = this.options.level;
    const among: readonly TallyClass[] = this.options.denominator === 'all' ? [0, 1, 2] : [0, 2];
    const satisfied = weightedShare(t, 0, among, level);
    return {
      n: t.n,
      totalWeight: t.totalWeight,
      effectiveN: t.effectiveN(),
      counts: { positive: t.count(0), neutral: t.count(1), negative: t.count(2) },
      satisfied,
      effectiveDenominator: t.effectiveN(among),
      score: satisfied.value,
      interval: satisfied.interval,
      mean: meanEstimate(t, level),
    };
  }
}
