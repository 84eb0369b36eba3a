import { CxValidationError, type ValidationIssue } from '@cx/model';
import { type ConfidenceInterval, studentTCdf, zForLevel } from '@cx/stats';

/**
 * Pearson correlation with its Fisher-z interval and t-test p-value.
 *
 * @category Statistics
 * @since 0.1.0
 */
export interface CorrelationResult {
  /** Number of (x, y) pairs. */
  readonly n: number;
  /** Pearson r; `null` when n < 2 or either variable is constant. */
  readonly r: number | null;
  /** tanh(atanh(r) ± z/√(n − 3)); `null` when r is `null` or n < 4. */
  readonly interval: ConfidenceInterval | null;
  /** Two-sided p-value of H0: ρ = 0 from t = r√((n − 2)/(1 − r²)) on n − 2 df; `null` when r is `null` or n < 3. */
  readonly pValue: number | null;
}

/**
 * Mergeable Pearson correlation accumulator (running means and co-moments, merged with Chan et al.'s pairwise
 * formulas), so chunks and workers combine to the correlation of the whole.
 *
 * @example
 * ```ts
 * import { CorrelationAccumulator } from '@cx/metrics';
 * const acc = new CorrelationAccumulator().add(1, 2).add(2, 4).add(3, 7);
 * console.log(acc.result().r?.toFixed(4)); // '0.9934'
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export class CorrelationAccumulator {
  #n = 0;
  #meanX = 0;
  #meanY = 0;
  #m2x = 0;
  #m2y = 0;
  #cxy = 0;

  /** Number of pairs added. */
  get n(): number {
    return this.#n;
  }

  /**
   * Adds one (x, y) pair.
   *
   * @param x - A finite number.
   * @param y - A finite number.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when x or y is not finite.
   */
  add(x: number, y: number): this {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new CxValidationError([
        {
          path: Number.isFinite(x) ? ['y'] : ['x'],
          message: `Expected finite numbers, got (${x}, ${y})`,
          code: 'invalid_number',
        },
      ]);
    }
    this.#n++;
    const dx = x - this.#meanX;
    this.#meanX += dx / this.#n;
    const dy = y - this.#meanY;
    this.#meanY += dy / this.#n;
    this.#m2x += dx * (x - this.#meanX);
    this.#m2y += dy * (y - this.#meanY);
    this.#cxy += dx * (y - this.#meanY);
    return this;
  }

  /**
   * Merges another correlation accumulator.
   *
   * @param other - Another accumulator.
   * @returns This accumulator.
   */
  merge(other: CorrelationAccumulator): this {
    if (other.#n === 0) return this;
    const n = this.#n + other.#n;
    const dx = other.#meanX - this.#meanX;
    const dy = other.#meanY - this.#meanY;
    const f = (this.#n * other.#n) / n;
    this.#m2x += other.#m2x + dx * dx * f;
    this.#m2y += other.#m2y + dy * dy * f;
    this.#cxy += other.#cxy + dx * dy * f;
    this.#meanX += (dx * other.#n) / n;
    this.#meanY += (dy * other.#n) / n;
    this.#n = n;
    return this;
  }

  /**
   * The correlation of everything added.
   *
   * @param confidence - Confidence level of the interval; default 0.95.
   * @returns r, its Fisher-z interval and p-value.
   * @throws {@link @cx/model!CxValidationError} when the level is invalid.
   */
  result(confidence = 0.95): CorrelationResult {
    const z = zForLevel(confidence);
    const n = this.#n;
    if (n < 2 || !(this.#m2x > 0) || !(this.#m2y > 0)) return { n, r: null, interval: null, pValue: null };
    const r = Math.max(-1, Math.min(1, this.#cxy / Math.sqrt(this.#m2x * this.#m2y)));
    let interval: ConfidenceInterval | null = null;
    if (n >= 4) {
      const fz = Math.atanh(r);
      const se = 1 / Math.sqrt(n - 3);
      interval = {
        lower: Math.tanh(fz - z * se),
        upper: Math.tanh(fz + z * se),
        level: confidence,
        method: 'fisher-z',
      };
    }
    let pValue: number | null = null;
    if (n >= 3) {
      if (Math.abs(r) === 1) pValue = 0;
      else {
        const t = r * Math.sqrt((n - 2) / (1 - r * r));
        pValue = Math.min(1, 2 * studentTCdf(-Math.abs(t), n - 2));
      }
    }
    return { n, r, interval, pValue };
  }
}

/**
 * Pearson correlation of paired values with its Fisher-z interval and p-value.
 *
 * @param x - First variable.
 * @param y - Second variable, same length.
 * @param confidence - Confidence level; default 0.95.
 * @returns r, interval and p-value (`null`s when undefined, e.g. a constant variable).
 * @throws {@link @cx/model!CxValidationError} when lengths differ or a value is not finite (naming positions).
 * @example
 * ```ts
 * import { pearsonCorrelation } from '@cx/metrics';
 * console.log(pearsonCorrelation([1, 2, 3, 4], [2, 4, 5, 9]).r?.toFixed(3)); // '0.965'
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function pearsonCorrelation(
  x: readonly number[],
  y: readonly number[],
  confidence = 0.95,
): CorrelationResult {
  if (x.length !== y.length) {
    throw new CxValidationError([
      {
        path: ['y'],
        message: `Expected ${x.length} values to pair with x, got ${y.length}`,
        code: 'length_mismatch',
      },
    ]);
  }
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]))
      issues.push({
        path: ['x', i],
        message: `Expected a finite number, got ${x[i]}`,
        code: 'invalid_number',
      });
    if (!Number.isFinite(y[i]))
      issues.push({
        path: ['y', i],
        message: `Expected a finite number, got ${y[i]}`,
        code: 'invalid_number',
      });
  }
  if (issues.length > 0) throw new CxValidationError(issues);
  const acc = new CorrelationAccumulator();
  for (let i = 0; i < x.length; i++) acc.add(x[i] as number, y[i] as number);
  return acc.result(confidence);
}
