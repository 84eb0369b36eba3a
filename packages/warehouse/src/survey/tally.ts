import type { SurveyMetric, SurveyMetricResult, TallyState } from '@cx/metrics';
import { CxLimitError } from '@cx/model';
import { exponentAbove, scaleByPowerOfTwo as timesPowerOfTwo } from '@cx/stats';

/**
 * What the engine sums per group and distinct score (internal): count, Σw·2^−s, Σ(w·2^−s)², the largest weight and
 * the scale exponent `s` the sums were taken in (0 unless the weights needed scaling).
 */
export interface ScoreSums {
  readonly x: number;
  readonly n: number;
  readonly sw: number;
  readonly sw2: number;
  readonly maxW: number;
  readonly scale: number;
}

/**
 * The class (0, 1, 2) of each distinct score under a metric's own classification, asked of the metric's accumulator
 * (internal). A score the accumulator refuses (off the scale) maps to the error it threw.
 */
export function classify(
  metric: SurveyMetric<SurveyMetricResult>,
  scores: Iterable<number>,
): Map<number, 0 | 1 | 2 | Error> {
  const classes = new Map<number, 0 | 1 | 2 | Error>();
  for (const x of scores) {
    if (classes.has(x)) continue;
    try {
      const counts = metric.create().add(x, 1).snapshot().state.counts;
      classes.set(x, counts.indexOf(1) as 0 | 1 | 2);
    } catch (error) {
      classes.set(x, error as Error);
    }
  }
  return classes;
}

/**
 * The {@link TallyState} of one group from its per-score sums: weights in the unit `2^e` of the largest weight, as
 * the accumulator keeps them, so the state restores to the accumulator the raw scores would have built (internal).
 *
 * @throws {@link CxLimitError} (`too_large`) when the total weight exceeds the largest finite number, as in process.
 */
export function tallyOf(
  rows: readonly ScoreSums[],
  classes: ReadonlyMap<number, 0 | 1 | 2 | Error>,
): TallyState {
  const counts: [number, number, number] = [0, 0, 0];
  if (rows.length === 0) {
    return {
      exponent: 0,
      counts,
      weights: [0, 0, 0],
      squaredWeights: [0, 0, 0],
      sumWeightedScores: 0,
      sumWeightedSquares: 0,
    };
  }
  const weights: [number, number, number] = [0, 0, 0];
  const squares: [number, number, number] = [0, 0, 0];
  let maxW = 0;
  for (const r of rows) if (r.maxW > maxW) maxW = r.maxW;
  const e = exponentAbove(maxW);
  let scores = 0;
  let squaresOfScores = 0;
  let total = 0;
  for (const r of [...rows].sort((a, b) => a.x - b.x)) {
    const c = classes.get(r.x) as 0 | 1 | 2;
    // Sums taken in units of 2^scale, moved to units of 2^e: a power of two, so exact.
    const sw = timesPowerOfTwo(r.sw, r.scale - e);
    counts[c] += r.n;
    weights[c] += sw;
    squares[c] += timesPowerOfTwo(r.sw2, 2 * (r.scale - e));
    scores += sw * r.x;
    squaresOfScores += sw * r.x * r.x;
    total += sw;
  }
  const absolute = timesPowerOfTwo(total, e);
  if (!Number.isFinite(absolute)) {
    throw new CxLimitError(
      'too_large',
      'The total weight would exceed the largest finite number; weights are relative, so divide them all by a constant',
      { limit: Number.MAX_VALUE, actual: absolute },
    );
  }
  return {
    exponent: e,
    counts,
    weights,
    squaredWeights: squares,
    sumWeightedScores: scores,
    sumWeightedSquares: squaresOfScores,
  };
}
