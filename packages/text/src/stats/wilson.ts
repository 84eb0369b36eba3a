import { CxValidationError } from '@cx/model';
import { wilsonInterval } from '@cx/stats';

/**
 * A share with its Wilson score interval.
 *
 * @category Statistics
 * @since 0.1.0
 */
export interface Proportion {
  /** Number of items with the property. */
  readonly count: number;
  /** Number of items in the denominator. */
  readonly n: number;
  /** `count / n`, or `null` when `n` is 0. */
  readonly value: number | null;
  /** Lower bound of the Wilson score interval, or `null` when `n` is 0. */
  readonly lower: number | null;
  /** Upper bound of the Wilson score interval, or `null` when `n` is 0. */
  readonly upper: number | null;
}

/** Checks a confidence level strictly between 0 and 1 and returns it. */
export function checkLevel(level: number, path: ReadonlyArray<string | number> = ['level']): number {
  if (!(level > 0 && level < 1)) {
    throw new CxValidationError([
      {
        path: [...path],
        message: `Expected a confidence level strictly between 0 and 1, got ${level}`,
        code: 'out_of_range',
      },
    ]);
  }
  return level;
}

/**
 * Share `count / n` with the Wilson score interval at `level`, computed by `@cx/stats` (`wilsonInterval`,
 * Wilson 1927), in the shape of this package's {@link Proportion}.
 */
export function wilson(count: number, n: number, level: number): Proportion {
  const interval = wilsonInterval(count, n, { level });
  if (interval === null) return { count, n, value: null, lower: null, upper: null };
  return { count, n, value: count / n, lower: interval.lower, upper: interval.upper };
}

/**
 * A difference of two proportions with its interval.
 *
 * @category Statistics
 * @since 0.2.0
 */
export interface ProportionDifference {
  /** `p₁ − p₂`, or `null` when a denominator is 0. */
  readonly value: number | null;
  /** Lower bound of Newcombe's hybrid score interval, or `null`. */
  readonly lower: number | null;
  /** Upper bound of Newcombe's hybrid score interval, or `null`. */
  readonly upper: number | null;
}

/**
 * Difference of two independent proportions with Newcombe's hybrid score interval (Newcombe 1998, method
 * 10), built from the two Wilson intervals: `d − √((p₁−l₁)² + (u₂−p₂)²)`, `d + √((u₁−p₁)² + (p₂−l₂)²)`.
 */
export function newcombe(a: Proportion, b: Proportion): ProportionDifference {
  if (
    a.value === null ||
    b.value === null ||
    a.lower === null ||
    a.upper === null ||
    b.lower === null ||
    b.upper === null
  ) {
    return { value: null, lower: null, upper: null };
  }
  const d = a.value - b.value;
  return {
    value: d,
    lower: d - Math.sqrt((a.value - a.lower) ** 2 + (b.upper - b.value) ** 2),
    upper: d + Math.sqrt((a.upper - a.value) ** 2 + (b.value - b.lower) ** 2),
  };
}
