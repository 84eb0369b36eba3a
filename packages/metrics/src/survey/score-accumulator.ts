import {
  type Accumulator,
  type AccumulatorSnapshot,
  assertSameOptions,
  CxValidationError,
  type Scale,
  type SurveyResponse,
  type ValidationIssue,
} from '@cx/model';
import { describeScale, sameScale, scoreProblem, weightIssue } from './scale.js';
import { Tally, type TallyClass, type TallyState } from './tally.js';

/** What every survey-metric accumulator's options have: the scale scores are read on. */
export interface ScaleOptions {
  readonly scale: Scale;
}

/**
 * The shared body of `NpsAccumulator`, `CsatAccumulator` and `CesAccumulator`: a {@link Tally} of three classes fed
 * with checked scores, merged after comparing options, saved as a snapshot. A subclass says how a score is
 * classified and what the result is (internal).
 *
 * @typeParam Kind - The snapshot's kind (`nps`, `csat`, `ces`).
 * @typeParam Options - The resolved options (plain JSON).
 * @typeParam Result - What `result()` returns.
 */
export abstract class ScoreAccumulator<Kind extends string, Options extends ScaleOptions, Result>
  implements Accumulator<number, Result, AccumulatorSnapshot<Kind, Options, TallyState>>
{
  /** The resolved options, as given to the constructor after defaults. */
  readonly options: Options;
  /**
   * The sufficient statistics.
   *
   * @internal
   */
  protected readonly tally = new Tally();

  /**
   * Creates an empty accumulator from resolved options.
   *
   * @param options - Options already checked by the subclass.
   */
  protected constructor(options: Options) {
    this.options = options;
  }

  /**
   * The snapshot kind.
   *
   * @internal
   */
  protected abstract get kind(): Kind;

  /**
   * The class name, for messages.
   *
   * @internal
   */
  protected abstract get subject(): string;

  /**
   * The class of a score on the scale.
   *
   * @internal
   */
  protected abstract classOf(score: number): TallyClass;

  /** Number of responses added so far. */
  get n(): number {
    return this.tally.n;
  }

  /**
   * Adds one raw score.
   *
   * @param score - A score on the accumulator's scale.
   * @param weight - A positive finite weight; default 1.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the score or the weight is invalid (nothing is added).
   */
  add(score: number, weight = 1): this {
    const problem = scoreProblem(score, this.options.scale);
    const issues: ValidationIssue[] =
      problem === null ? [] : [{ path: ['score'], message: problem, code: 'invalid_score' }];
    const wIssue = weightIssue(weight, ['weight']);
    if (wIssue !== null) issues.push(wIssue);
    if (issues.length > 0) throw new CxValidationError(issues);
    this.tally.add(this.classOf(score), score, weight);
    return this;
  }

  /**
   * Adds one survey response, checking that it carries the accumulator's scale.
   *
   * @param response - A survey response.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the scale differs, or the score or weight is invalid.
   */
  addResponse(response: SurveyResponse): this {
    const scale: unknown = typeof response === 'object' && response !== null ? response.scale : undefined;
    if (typeof scale !== 'object' || scale === null) {
      throw new CxValidationError([
        { path: ['scale'], message: 'Expected the response to carry its scale', code: 'missing_scale' },
      ]);
    }
    if (!sameScale(scale as Scale, this.options.scale)) {
      throw new CxValidationError([
        {
          path: ['scale'],
          message: `Mixed scales: expected ${describeScale(this.options.scale)}, got ${describeScale(scale as Scale)}`,
          code: 'mixed_scales',
        },
      ]);
    }
    return this.add(response.score, response.weight ?? 1);
  }

  /**
   * Adds a score already checked against the scale, with a checked weight (fast path of `nps`, `csat`, `ces`).
   *
   * @internal
   */
  addChecked(score: number, weight: number): void {
    this.tally.add(this.classOf(score), score, weight);
  }

  /**
   * Merges another accumulator of the same kind, created with the same options.
   *
   * @param other - Another accumulator.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxOptionsError} (`options_mismatch`) when the options differ; this one is unchanged.
   */
  merge(other: this): this {
    assertSameOptions(this.subject, this.options, other?.options);
    this.tally.merge(other.tally);
    return this;
  }

  /**
   * The state as plain JSON: kind, format version, resolved options and the sufficient statistics. Restore it with
   * the class's static `restore`.
   *
   * @returns The snapshot.
   */
  snapshot(): AccumulatorSnapshot<Kind, Options, TallyState> {
    return { kind: this.kind, version: 1, options: this.options, state: this.tally.state() };
  }

  /**
   * Loads a restored state into this new accumulator.
   *
   * @internal
   */
  protected load(state: TallyState): this {
    this.tally.load(state, this.options.scale, ['state']);
    return this;
  }

  /** The result of everything added and merged so far. */
  abstract result(): Result;
}
