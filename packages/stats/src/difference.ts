import { levelOption, parseOptions } from '@cx/model';
import { z } from 'zod';
import type { ConfidenceInterval } from './interval.js';
import { zForLevel } from './normal.js';
import { checkCounts, wilsonBounds } from './proportion.js';

/**
 * A difference of two independent proportions `p₁ − p₂` with its interval: the one result shape for "how much
 * more often" (negative comments this month versus last, a theme's share in one group versus another).
 *
 * @example
 * ```ts
 * import { proportionDifference, type ProportionDifference } from '@cx/stats';
 * const d: ProportionDifference = proportionDifference({ count: 9, n: 10 }, { count: 3, n: 10 });
 * console.log(d.value?.toFixed(1), d.interval?.method); // '0.6' 'newcombe'
 * ```
 * @category Proportions
 * @since 0.2.0
 */
export interface ProportionDifference {
  /** `p₁ − p₂` on the 0–1 scale (so in [−1, 1]); `null` when either denominator is 0. */
  readonly value: number | null;
  /** Its confidence interval; `null` when either denominator is 0. */
  readonly interval: ConfidenceInterval | null;
}

/**
 * Options of {@link proportionDifference}.
 *
 * @example
 * ```ts
 * import { proportionDifference, type ProportionDifferenceOptions } from '@cx/stats';
 * const options: ProportionDifferenceOptions = { level: 0.9 };
 * console.log(proportionDifference({ count: 1, n: 4 }, { count: 0, n: 4 }, options).interval?.level); // 0.9
 * ```
 * @category Proportions
 * @since 0.2.0
 */
export interface ProportionDifferenceOptions {
  /** Confidence level strictly between 0 and 1; default `0.95`. */
  readonly level?: number;
}

const optionsSchema = z.strictObject({ level: levelOption });

/**
 * The difference of two independent proportions with Newcombe's hybrid score interval (Newcombe 1998, method
 * 10), built from the two Wilson intervals `(l₁, u₁)` and `(l₂, u₂)`: from `d − √((p₁ − l₁)² + (u₂ − p₂)²)` to
 * `d + √((u₁ − p₁)² + (p₂ − l₂)²)`. It stays in [−1, 1] and keeps good coverage for small samples and
 * proportions near 0 or 1, where the Wald interval fails.
 *
 * @param a - The first proportion's count and denominator (`{ count, n }`; a {@link Proportion} fits).
 * @param b - The second proportion's count and denominator.
 * @param options - `level` (default 0.95).
 * @returns The difference `a − b` with its interval; both `null` when a denominator is 0.
 * @throws {@link @cx/model!CxValidationError} for counts that are negative, non-finite or above their `n`.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option or a level outside (0, 1).
 * @example
 * ```ts
 * import { proportionDifference } from '@cx/stats';
 * // Newcombe (1998), Table II, example (a): 56/70 − 48/80 = 0.2, method 10 gives 0.0524 to 0.3339.
 * const d = proportionDifference({ count: 56, n: 70 }, { count: 48, n: 80 });
 * console.log(d.value?.toFixed(4), d.interval?.lower.toFixed(4), d.interval?.upper.toFixed(4)); // '0.2000' '0.0524' '0.3339'
 * ```
 * @category Proportions
 * @since 0.2.0
 */
export function proportionDifference(
  a: { readonly count: number; readonly n: number },
  b: { readonly count: number; readonly n: number },
  options?: ProportionDifferenceOptions,
): ProportionDifference {
  const { level } = parseOptions(optionsSchema, options, 'proportionDifference');
  checkCounts(a.count, a.n);
  checkCounts(b.count, b.n);
  if (a.n === 0 || b.n === 0) return { value: null, interval: null };
  const z = zForLevel(level);
  const p1 = a.count / a.n;
  const p2 = b.count / b.n;
  const first = wilsonBounds(a.count, a.n, z);
  const second = wilsonBounds(b.count, b.n, z);
  const d = p1 - p2;
  return {
    value: d,
    interval: {
      lower: d - Math.sqrt((p1 - first.lower) ** 2 + (second.upper - p2) ** 2),
      upper: d + Math.sqrt((first.upper - p1) ** 2 + (p2 - second.lower) ** 2),
      level,
      method: 'newcombe',
    },
  };
}
