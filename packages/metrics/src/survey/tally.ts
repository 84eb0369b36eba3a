import { CxLimitError, CxValidationError, type ValidationIssue } from '@cx/model';
import { exponentAbove, scaleByPowerOfTwo as timesPowerOfTwo } from '@cx/stats';
import { z } from 'zod';

/** A class of a tally: 0, 1 or 2 (e.g. promoters, passives, detractors). */
export type TallyClass = 0 | 1 | 2;

/** Smallest and largest binary exponents of a finite positive double (internal). */
const MIN_EXPONENT = -1074;
const MAX_EXPONENT = 1024;

const triple = (check: z.ZodNumber) => z.tuple([check, check, check]);
const nonNegative = z.number().min(0);

/**
 * The sufficient statistics of an NPS, CSAT or CES accumulator, as its snapshot holds them: per class (e.g.
 * promoters, passives, detractors) the count, Σw and Σw², and Σw·x, Σw·x² over all scores.
 *
 * Weights are stored relative to a power of two, `2^exponent`, the smallest one at least as large as the largest
 * weight: every stored weight lies in (0, 1], so Σw² can neither overflow (weights of 1e200) nor vanish (weights of
 * 1e-200), and rescaling by a power of two is exact.
 *
 * @example
 * ```ts
 * import { NpsAccumulator, type TallyState } from '@cx/metrics';
 * const state: TallyState = new NpsAccumulator().add(10, 4).add(3, 2).snapshot().state;
 * console.log(state.exponent, state.weights); // 2 [1, 0, 0.5]
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export interface TallyState {
  /** The binary exponent `e` of the weight unit: stored weights are w·2^−e. */
  readonly exponent: number;
  /** Unweighted count per class. */
  readonly counts: readonly [number, number, number];
  /** Σ w·2^−e per class. */
  readonly weights: readonly [number, number, number];
  /** Σ (w·2^−e)² per class. */
  readonly squaredWeights: readonly [number, number, number];
  /** Σ w·2^−e·x over all scores. */
  readonly sumWeightedScores: number;
  /** Σ w·2^−e·x² over all scores. */
  readonly sumWeightedSquares: number;
}

/** zod schema of a {@link TallyState}; the invariants between the fields are checked by {@link Tally.load}. */
export const tallyStateSchema = z.strictObject({
  exponent: z.number().int().min(MIN_EXPONENT).max(MAX_EXPONENT),
  counts: triple(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)),
  weights: triple(nonNegative),
  squaredWeights: triple(nonNegative),
  sumWeightedScores: z.number(),
  sumWeightedSquares: nonNegative,
});

/**
 * Sufficient statistics of weighted scores split into three classes: per class the count, Σw and Σw², plus Σw·x
 * and Σw·x² over all scores, with weights in units of `2^exponent` (see {@link TallyState}). Adding is O(1) and
 * merging is a sum, so the tallies of any split of the data merge to the tally of the whole (exactly, for whole
 * weights and scores).
 */
export class Tally {
  #exponent = 0;
  /** 2^exponent and its inverse, cached for the fast path (only used while −960 < exponent < 960). */
  #unit = 1;
  #inverse = 1;
  readonly #counts: [number, number, number] = [0, 0, 0];
  readonly #weights: [number, number, number] = [0, 0, 0];
  readonly #squaredWeights: [number, number, number] = [0, 0, 0];
  #sumWeightedScores = 0;
  #sumWeightedSquares = 0;

  /** Number of scores added. */
  get n(): number {
    return this.#counts[0] + this.#counts[1] + this.#counts[2];
  }

  /** Unweighted count of a class. */
  count(c: TallyClass): number {
    return this.#counts[c];
  }

  /** Σw of the classes listed, in units of 2^exponent (only ratios of these are meaningful). */
  relativeWeight(classes: readonly TallyClass[] = ALL): number {
    let w = 0;
    for (const c of classes) w += this.#weights[c];
    return w;
  }

  /** Σw in the caller's units (finite: `add` and `merge` refuse a total beyond the largest finite number). */
  get totalWeight(): number {
    return timesPowerOfTwo(this.relativeWeight(), this.#exponent);
  }

  /** Weighted mean of the scores (`NaN`-free: call only when n > 0). */
  get mean(): number {
    return this.#sumWeightedScores / this.relativeWeight();
  }

  /** Weighted population variance of the scores, ≥ 0 (call only when n > 0). */
  get populationVariance(): number {
    const mean = this.mean;
    return Math.max(0, this.#sumWeightedSquares / this.relativeWeight() - mean * mean);
  }

  /** Kish effective n, (Σw)²/Σw², of the classes listed (all by default); 0 when they hold nothing. */
  effectiveN(classes: readonly TallyClass[] = ALL): number {
    let w = 0;
    let w2 = 0;
    for (const c of classes) {
      w += this.#weights[c];
      w2 += this.#squaredWeights[c];
    }
    return w2 > 0 ? (w * w) / w2 : 0; // stored weights are ≤ 1, so w² ≤ n²: no overflow
  }

  /**
   * Adds one score of class `c` with weight `w` (already checked: finite and > 0).
   *
   * @throws {@link @cx/model!CxLimitError} (`too_large`) when the total weight would exceed the largest finite number.
   */
  add(c: TallyClass, x: number, w: number): void {
    // Fast path (every add after the first, for weights not above the unit, while 2^±exponent are normal numbers):
    // the unit stays, and with exponent < 960 the total (at most n units) cannot overflow.
    if (w <= this.#unit && this.#counts[0] + this.#counts[1] + this.#counts[2] > 0) {
      this.#push(c, x, w * this.#inverse);
      return;
    }
    const e = this.n === 0 ? exponentAbove(w) : Math.max(this.#exponent, exponentAbove(w));
    const total = timesPowerOfTwo(
      this.relativeWeight() * 2 ** (this.#exponent - e) + timesPowerOfTwo(w, -e),
      e,
    );
    if (!Number.isFinite(total)) throw tooHeavy(total);
    if (e !== this.#exponent) this.#rescale(e);
    this.#push(c, x, timesPowerOfTwo(w, -e));
  }

  #setExponent(e: number): void {
    this.#exponent = e;
    const cached = e > -960 && e < 960;
    this.#unit = cached ? 2 ** e : 0; // 0 turns the fast path off
    this.#inverse = cached ? 2 ** -e : 0;
  }

  #push(c: TallyClass, x: number, v: number): void {
    this.#counts[c]++;
    this.#weights[c] += v;
    this.#squaredWeights[c] += v * v;
    this.#sumWeightedScores += v * x;
    this.#sumWeightedSquares += v * x * x;
  }

  /**
   * Adds another tally's statistics.
   *
   * @throws {@link @cx/model!CxLimitError} (`too_large`) when the total weight would exceed the largest finite number.
   */
  merge(other: Tally): void {
    if (other.n === 0) return;
    const e = this.n === 0 ? other.#exponent : Math.max(this.#exponent, other.#exponent);
    const total = timesPowerOfTwo(
      this.relativeWeight() * 2 ** (this.#exponent - e) + other.relativeWeight() * 2 ** (other.#exponent - e),
      e,
    );
    if (!Number.isFinite(total)) throw tooHeavy(total);
    if (e !== this.#exponent) this.#rescale(e);
    const f = 2 ** (other.#exponent - e);
    for (const c of ALL) {
      this.#counts[c] += other.#counts[c];
      this.#weights[c] += other.#weights[c] * f;
      this.#squaredWeights[c] += other.#squaredWeights[c] * f * f;
    }
    this.#sumWeightedScores += other.#sumWeightedScores * f;
    this.#sumWeightedSquares += other.#sumWeightedSquares * f;
  }

  /** Moves the weight unit to 2^e (exact: a power of two). */
  #rescale(e: number): void {
    if (this.n === 0) {
      this.#setExponent(e);
      return;
    }
    const f = 2 ** (this.#exponent - e);
    for (const c of ALL) {
      this.#weights[c] *= f;
      this.#squaredWeights[c] *= f * f;
    }
    this.#sumWeightedScores *= f;
    this.#sumWeightedSquares *= f;
    this.#setExponent(e);
  }

  /** The statistics as plain JSON. */
  state(): TallyState {
    return {
      exponent: this.#exponent,
      counts: [...this.#counts],
      weights: [...this.#weights],
      squaredWeights: [...this.#squaredWeights],
      sumWeightedScores: this.#sumWeightedScores,
      sumWeightedSquares: this.#sumWeightedSquares,
    };
  }

  /**
   * Replaces this (empty) tally's statistics by a state that {@link tallyStateSchema} accepted, after checking the
   * invariants every tally keeps: an empty class has no weight, a class's relative weight is at most its count
   * and its Σw² at most its Σw (stored weights are ≤ 1), the largest stored weight exceeds ½ (so a tally with
   * responses never has zero weight), and the mean lies on the scale.
   *
   * @param state - The parsed state.
   * @param range - The scale's bounds, for the mean.
   * @param path - Where the state sits in the snapshot, for the issues.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) naming each broken invariant.
   */
  load(state: TallyState, range: { min: number; max: number }, path: readonly (string | number)[]): void {
    const issues = tallyIssues(state, range, path);
    if (issues.length > 0) throw new CxValidationError(issues, { subject: 'snapshot' });
    this.#setExponent(state.exponent);
    for (const c of ALL) {
      this.#counts[c] = state.counts[c];
      this.#weights[c] = state.weights[c];
      this.#squaredWeights[c] = state.squaredWeights[c];
    }
    this.#sumWeightedScores = state.sumWeightedScores;
    this.#sumWeightedSquares = state.sumWeightedSquares;
  }
}

const ALL: readonly TallyClass[] = [0, 1, 2];
const SLACK = 1 + 1e-9;

function tooHeavy(total: number): CxLimitError {
  return new CxLimitError(
    'too_large',
    'The total weight would exceed the largest finite number; weights are relative, so divide them all by a constant',
    { limit: Number.MAX_VALUE, actual: total },
  );
}

function tallyIssues(
  s: TallyState,
  range: { min: number; max: number },
  path: readonly (string | number)[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue = (at: readonly (string | number)[], message: string) =>
    issues.push({ path: [...path, ...at], message, code: 'invalid_snapshot' });
  let n = 0;
  let w = 0;
  let w2 = 0;
  for (const c of ALL) {
    const count = s.counts[c];
    n += count;
    w += s.weights[c];
    w2 += s.squaredWeights[c];
    if (count === 0 && (s.weights[c] !== 0 || s.squaredWeights[c] !== 0))
      issue(['weights', c], `Class ${c} has no responses but a weight of ${s.weights[c]}`);
    if (s.weights[c] > count * SLACK)
      issue(['weights', c], `Class ${c} has a relative weight ${s.weights[c]} above its count ${count}`);
    if (s.squaredWeights[c] > s.weights[c] * SLACK)
      issue(['squaredWeights', c], `Class ${c} has Σw² ${s.squaredWeights[c]} above its Σw ${s.weights[c]}`);
  }
  if (n > 0 && !(w2 > 0.25 / SLACK))
    issue(['squaredWeights'], `A tally of ${n} responses must have weight (Σw² > ¼ in its unit), got ${w2}`);
  if (n === 0 && (s.sumWeightedScores !== 0 || s.sumWeightedSquares !== 0))
    issue(['sumWeightedScores'], 'An empty tally has no weighted sums');
  if (n > 0 && w > 0) {
    const mean = s.sumWeightedScores / w;
    const tolerance = 1e-9 * Math.max(1, Math.abs(range.min), Math.abs(range.max));
    if (!(mean >= range.min - tolerance && mean <= range.max + tolerance))
      issue(['sumWeightedScores'], `The mean score ${mean} lies outside the scale ${range.min}…${range.max}`);
  }
  return issues;
}
