import {
  type Accumulator,
  type AccumulatorSnapshot,
  assertSameOptions,
  CxValidationError,
  levelOption,
  parseOptions,
  type ValidationIssue,
} from '@cx/model';
import { type ConfidenceInterval, studentTCdf, zForLevel } from '@cx/stats';
import { z } from 'zod';
import { deepFreeze } from './freeze.js';
import { restoreSnapshot } from './snapshot.js';

/**
 * Pearson correlation with its Fisher-z interval and t-test p-value.
 *
 * @example
 * ```ts
 * import { pearsonCorrelation, type CorrelationResult } from '@cx/metrics';
 * const r: CorrelationResult = pearsonCorrelation([1, 2, 3], [1, 2, 3]);
 * console.log(r.r, r.pValue); // 1 0
 * ```
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
 * Options of {@link CorrelationAccumulator} and {@link pearsonCorrelation}.
 *
 * @example
 * ```ts
 * import { pearsonCorrelation, type CorrelationOptions } from '@cx/metrics';
 * const options: CorrelationOptions = { level: 0.9 };
 * console.log(pearsonCorrelation([1, 2, 3, 4], [2, 4, 5, 9], options).interval?.level); // 0.9
 * ```
 * @category Statistics
 * @since 0.2.0
 */
export interface CorrelationOptions {
  /** Confidence level of the Fisher-z interval, strictly between 0 and 1; default 0.95. */
  readonly level?: number | undefined;
}

/**
 * The state of a {@link CorrelationAccumulator}: n, the running means and the co-moments.
 *
 * @example
 * ```ts
 * import { CorrelationAccumulator, type CorrelationState } from '@cx/metrics';
 * const state: CorrelationState = new CorrelationAccumulator().add(1, 2).add(3, 4).snapshot().state;
 * console.log(state.n, state.meanX, state.m2x); // 2 2 2
 * ```
 * @category Statistics
 * @since 0.2.0
 */
export interface CorrelationState {
  /** Number of pairs. */
  readonly n: number;
  /** Mean of x. */
  readonly meanX: number;
  /** Mean of y. */
  readonly meanY: number;
  /** Σ(x − x̄)². */
  readonly m2x: number;
  /** Σ(y − ȳ)². */
  readonly m2y: number;
  /** Σ(x − x̄)(y − ȳ). */
  readonly cxy: number;
}

/**
 * The snapshot of a {@link CorrelationAccumulator}.
 *
 * @example
 * ```ts
 * import { CorrelationAccumulator, type CorrelationSnapshot } from '@cx/metrics';
 * const snapshot: CorrelationSnapshot = new CorrelationAccumulator({ level: 0.9 }).snapshot();
 * console.log(snapshot.kind, snapshot.options.level); // 'correlation' 0.9
 * ```
 * @category Statistics
 * @since 0.2.0
 */
export type CorrelationSnapshot = AccumulatorSnapshot<
  'correlation',
  { readonly level: number },
  CorrelationState
>;

/** Largest magnitude of a value: 10¹⁰⁰, so that squared deviations summed over any input stay finite. */
export const MAX_CORRELATION_MAGNITUDE = 1e100;

const optionsSchema = z.strictObject({ level: levelOption });
const finite = z.number().min(-MAX_CORRELATION_MAGNITUDE).max(MAX_CORRELATION_MAGNITUDE);
const stateSchema = z.strictObject({
  n: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  meanX: finite,
  meanY: finite,
  m2x: z.number().min(0),
  m2y: z.number().min(0),
  cxy: z.number(),
});

/** |r| this close to 1 is 1: 16 ulps of 1, above the rounding error of merged Welford sums (internal). */
const R_SNAP = 16 * Number.EPSILON;

/** Why a value cannot be paired, or `null` (internal). */
export function valueProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return `Expected a finite number, got ${String(value)}`;
  if (Math.abs(value) > MAX_CORRELATION_MAGNITUDE) return `Expected a number within ±1e100, got ${value}`;
  return null;
}

/**
 * Mergeable Pearson correlation accumulator (running means and co-moments, merged with Chan et al.'s pairwise
 * formulas), so chunks and workers combine to the correlation of the whole (up to rounding).
 *
 * @example
 * ```ts
 * import { CorrelationAccumulator } from '@cx/metrics';
 * const acc = new CorrelationAccumulator().add(1, 2).add(2, 4).add([3, 7]);
 * console.log(acc.result().r?.toFixed(4)); // '0.9934'
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export class CorrelationAccumulator
  implements Accumulator<readonly [number, number], CorrelationResult, CorrelationSnapshot>
{
  readonly #options: { readonly level: number };
  #n = 0;
  #meanX = 0;
  #meanY = 0;
  #m2x = 0;
  #m2y = 0;
  #cxy = 0;

  /**
   * Creates an empty accumulator.
   *
   * @param options - `level` of the interval (default 0.95).
   * @throws {@link @cx/model!CxOptionsError} for an unknown key or a level outside (0, 1).
   */
  constructor(options?: CorrelationOptions) {
    this.#options = deepFreeze(
      parseOptions(optionsSchema, options, 'CorrelationAccumulator', { renamed: { confidence: 'level' } }),
    );
  }

  /** The resolved options. */
  get options(): { readonly level: number } {
    return this.#options;
  }

  /** Number of pairs added. */
  get n(): number {
    return this.#n;
  }

  /**
   * Adds one pair, given as a tuple.
   *
   * @param pair - `[x, y]`, finite numbers within ±1e100.
   * @returns This accumulator.
   */
  add(pair: readonly [number, number]): this;
  /**
   * Adds one pair.
   *
   * @param x - A finite number within ±1e100.
   * @param y - A finite number within ±1e100.
   * @returns This accumulator.
   */
  add(x: number, y: number): this;
  /**
   * Adds one (x, y) pair.
   *
   * @param a - x, or the pair `[x, y]`.
   * @param b - y, when `a` is x.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when x or y is not a finite number within ±1e100 (nothing is added).
   */
  add(a: number | readonly [number, number], b?: number): this {
    const x = Array.isArray(a) ? a[0] : a;
    const y = Array.isArray(a) ? a[1] : b;
    const issues: ValidationIssue[] = [];
    for (const [key, value] of [
      ['x', x],
      ['y', y],
    ] as const) {
      const problem = valueProblem(value);
      if (problem !== null) issues.push({ path: [key], message: problem, code: 'invalid_number' });
    }
    if (issues.length > 0) throw new CxValidationError(issues);
    this.#push(x as number, y as number);
    return this;
  }

  #push(x: number, y: number): void {
    this.#n++;
    const dx = x - this.#meanX;
    this.#meanX += dx / this.#n;
    const dy = y - this.#meanY;
    this.#meanY += dy / this.#n;
    this.#m2x += dx * (x - this.#meanX);
    this.#m2y += dy * (y - this.#meanY);
    this.#cxy += dx * (y - this.#meanY);
  }

  /**
   * Merges another correlation accumulator with the same options.
   *
   * @param other - Another accumulator.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxOptionsError} (`options_mismatch`) when the options differ; this one is unchanged.
   */
  merge(other: this): this {
    assertSameOptions(
      'CorrelationAccumulator',
      this.#options,
      other instanceof CorrelationAccumulator ? other.#options : other,
    );
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
   * The correlation of everything added and merged so far.
   *
   * @returns r, its Fisher-z interval and p-value.
   */
  result(): CorrelationResult {
    const level = this.#options.level;
    const n = this.#n;
    if (n < 2 || !(this.#m2x > 0) || !(this.#m2y > 0)) return { n, r: null, interval: null, pValue: null };
    // √(m2x·m2y) in one step when the product is a normal number (exact for r = ±1), else factor by factor.
    const product = this.#m2x * this.#m2y;
    const scale =
      Number.isFinite(product) && product > 1e-300
        ? Math.sqrt(product)
        : Math.sqrt(this.#m2x) * Math.sqrt(this.#m2y);
    const raw = this.#cxy / scale;
    // Within the rounding error of the sums (a few ulps, which depend on the merge order) r is ±1: report it as
    // exactly ±1, so that the p-value (ill-conditioned there: 1 − r² → 0) does not depend on that order.
    const r = 1 - Math.abs(raw) <= R_SNAP ? Math.sign(raw) : raw;
    let interval: ConfidenceInterval | null = null;
    if (n >= 4) {
      const fz = Math.atanh(r);
      const se = 1 / Math.sqrt(n - 3);
      const z = zForLevel(level);
      interval = { lower: Math.tanh(fz - z * se), upper: Math.tanh(fz + z * se), level, method: 'fisher-z' };
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

  /**
   * The state as plain JSON. Restore it with {@link CorrelationAccumulator.restore}.
   *
   * @returns The snapshot.
   */
  snapshot(): CorrelationSnapshot {
    return {
      kind: 'correlation',
      version: 1,
      options: this.#options,
      state: {
        n: this.#n,
        meanX: this.#meanX,
        meanY: this.#meanY,
        m2x: this.#m2x,
        m2y: this.#m2y,
        cxy: this.#cxy,
      },
    };
  }

  /**
   * Restores an accumulator from its {@link CorrelationAccumulator.snapshot}.
   *
   * @param snapshot - The snapshot.
   * @returns A new accumulator.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) when the snapshot is malformed or inconsistent
   *   (e.g. |Σ(x − x̄)(y − ȳ)| above √(Σ(x − x̄)²·Σ(y − ȳ)²), or moments without pairs).
   */
  static restore(snapshot: unknown): CorrelationAccumulator {
    return restoreSnapshot(
      snapshot,
      {
        kind: 'correlation',
        version: 1,
        subject: 'CorrelationAccumulator',
        options: optionsSchema,
        state: stateSchema,
      },
      (options, s) => {
        const empty =
          s.n === 0 && s.meanX === 0 && s.meanY === 0 && s.m2x === 0 && s.m2y === 0 && s.cxy === 0;
        const bounded = Math.abs(s.cxy) <= Math.sqrt(s.m2x) * Math.sqrt(s.m2y) * (1 + 1e-9);
        const single = s.n !== 1 || (s.m2x === 0 && s.m2y === 0 && s.cxy === 0);
        if (!(s.n === 0 ? empty : bounded && single)) {
          throw new CxValidationError(
            [
              {
                path: ['state'],
                code: 'invalid_snapshot',
                message: 'Inconsistent moments for the number of pairs',
              },
            ],
            { subject: 'CorrelationAccumulator snapshot' },
          );
        }
        const acc = new CorrelationAccumulator(options);
        acc.#n = s.n;
        acc.#meanX = s.meanX;
        acc.#meanY = s.meanY;
        acc.#m2x = s.m2x;
        acc.#m2y = s.m2y;
        acc.#cxy = s.cxy;
        return acc;
      },
    );
  }
}

/**
 * Pearson correlation of paired values with its Fisher-z interval and p-value.
 *
 * @param x - First variable.
 * @param y - Second variable, same length.
 * @param options - `level` of the interval (default 0.95).
 * @returns r, interval and p-value (`null`s when undefined, e.g. a constant variable).
 * @throws {@link @cx/model!CxValidationError} when lengths differ or a value is not a finite number within ±1e100
 *   (naming positions).
 * @throws {@link @cx/model!CxOptionsError} for an unknown key, a level outside (0, 1), or a bare number where the
 *   options object belongs (the third argument was a confidence level before 0.2).
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
  options?: CorrelationOptions,
): CorrelationResult {
  const acc = new CorrelationAccumulator(
    parseOptions(optionsSchema, options, 'pearsonCorrelation', { renamed: { confidence: 'level' } }),
  );
  if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) {
    throw new CxValidationError([
      {
        path: ['y'],
        message: `Expected two arrays of equal length, got ${Array.isArray(x) ? x.length : typeof x} and ${Array.isArray(y) ? y.length : typeof y}`,
        code: 'length_mismatch',
      },
    ]);
  }
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < x.length; i++) {
    const px = valueProblem(x[i]);
    if (px !== null) issues.push({ path: ['x', i], message: px, code: 'invalid_number' });
    const py = valueProblem(y[i]);
    if (py !== null) issues.push({ path: ['y', i], message: py, code: 'invalid_number' });
  }
  if (issues.length > 0) throw new CxValidationError(issues);
  for (let i = 0; i < x.length; i++) acc.add(x[i] as number, y[i] as number);
  return acc.result();
}
