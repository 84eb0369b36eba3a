import { CxValidationError } from '@cx/model';
import { effectiveNFromSums } from '../stats/effective-n.js';

/**
 * Sufficient statistics of weighted scores split into three classes (e.g. promoters / passives / detractors):
 * per class the count, Σw and Σw², plus Σw·x and Σw·x² over all scores. Adding is O(1) and merging is a sum,
 * so partial tallies of any split of the data merge to the tally of the whole.
 */
export class Tally {
  readonly counts: [number, number, number] = [0, 0, 0];
  readonly weights: [number, number, number] = [0, 0, 0];
  readonly squaredWeights: [number, number, number] = [0, 0, 0];
  sumWeightedScores = 0;
  sumWeightedSquares = 0;

  add(cls: 0 | 1 | 2, score: number, weight: number): void {
    this.counts[cls]++;
    this.weights[cls] += weight;
    this.squaredWeights[cls] += weight * weight;
    this.sumWeightedScores += weight * score;
    this.sumWeightedSquares += weight * score * score;
  }

  merge(other: Tally): void {
    for (let c = 0; c < 3; c++) {
      this.counts[c] = (this.counts[c] as number) + (other.counts[c] as number);
      this.weights[c] = (this.weights[c] as number) + (other.weights[c] as number);
      this.squaredWeights[c] = (this.squaredWeights[c] as number) + (other.squaredWeights[c] as number);
    }
    this.sumWeightedScores += other.sumWeightedScores;
    this.sumWeightedSquares += other.sumWeightedSquares;
  }

  get n(): number {
    return this.counts[0] + this.counts[1] + this.counts[2];
  }

  get totalWeight(): number {
    return this.weights[0] + this.weights[1] + this.weights[2];
  }

  /** Kish effective n of the classes listed (all by default). */
  effectiveN(classes: ReadonlyArray<0 | 1 | 2> = [0, 1, 2]): number {
    let w = 0;
    let w2 = 0;
    for (const c of classes) {
      w += this.weights[c];
      w2 += this.squaredWeights[c];
    }
    return effectiveNFromSums(w, w2);
  }

  toJSON(): TallySnapshot {
    return {
      counts: [...this.counts],
      weights: [...this.weights],
      squaredWeights: [...this.squaredWeights],
      sumWeightedScores: this.sumWeightedScores,
      sumWeightedSquares: this.sumWeightedSquares,
    };
  }
}

/**
 * Plain-data sufficient statistics of an accumulator: per class (0, 1, 2) the count, Σw and Σw²; overall Σw·x and
 * Σw·x².
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface TallySnapshot {
  readonly counts: readonly number[];
  readonly weights: readonly number[];
  readonly squaredWeights: readonly number[];
  readonly sumWeightedScores: number;
  readonly sumWeightedSquares: number;
}

/**
 * Serializable state of a survey-metric accumulator, for moving partial results between workers or processes.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface AccumulatorSnapshot {
  /** Which accumulator produced it. */
  readonly metric: 'nps' | 'csat' | 'ces';
  /** The accumulator's resolved options, serialized; restoring requires the same options. */
  readonly config: string;
  /** The sufficient statistics. */
  readonly tally: TallySnapshot;
}

function isTriple(value: unknown, integral: boolean): value is [number, number, number] {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    value.every(
      (v) => typeof v === 'number' && v >= 0 && Number.isFinite(v) && (!integral || Number.isInteger(v)),
    )
  );
}

/** Restores a tally from a snapshot, checking the metric and configuration. */
export function restoreTally(snapshot: AccumulatorSnapshot, metric: string, config: string): Tally {
  const t = snapshot?.tally;
  const ok =
    typeof snapshot === 'object' &&
    snapshot !== null &&
    typeof t === 'object' &&
    t !== null &&
    isTriple(t.counts, true) &&
    isTriple(t.weights, false) &&
    isTriple(t.squaredWeights, false) &&
    Number.isFinite(t.sumWeightedScores) &&
    Number.isFinite(t.sumWeightedSquares);
  if (!ok || snapshot.metric !== metric || snapshot.config !== config) {
    throw new CxValidationError([
      {
        path: ['snapshot'],
        message: ok
          ? `Snapshot of ${String(snapshot.metric)} with options ${snapshot.config} does not match ${metric} with ${config}`
          : 'Expected a snapshot made by toSnapshot()',
        code: 'invalid_snapshot',
      },
    ]);
  }
  const tally = new Tally();
  for (let c = 0; c < 3; c++) {
    tally.counts[c] = t.counts[c] as number;
    tally.weights[c] = t.weights[c] as number;
    tally.squaredWeights[c] = t.squaredWeights[c] as number;
  }
  tally.sumWeightedScores = t.sumWeightedScores;
  tally.sumWeightedSquares = t.sumWeightedSquares;
  return tally;
}
