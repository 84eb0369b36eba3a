import { type Proportion, wilsonInterval } from '@cx/stats';
import type { Tally, TallyClass } from './tally.js';

/**
 * The weighted share of class `of` among the classes `among`, as a {@link Proportion}: unweighted count and n, the
 * weighted share 0–1, and its Wilson interval on the Kish effective n of the denominator. `value` and `interval` are
 * `null` when the denominator is empty (never NaN).
 *
 * @param tally - The sufficient statistics.
 * @param of - The numerator's class.
 * @param among - The denominator's classes.
 * @param level - Confidence level.
 * @returns The proportion.
 */
export function weightedShare(
  tally: Tally,
  of: TallyClass,
  among: readonly TallyClass[],
  level: number,
): Proportion {
  const count = tally.count(of);
  const n = among.reduce<number>((s, c) => s + tally.count(c), 0);
  const total = tally.relativeWeight(among);
  if (n === 0 || !(total > 0)) return { count, n, value: null, interval: null };
  const value = Math.min(1, tally.relativeWeight([of]) / total);
  const effectiveN = tally.effectiveN(among);
  return { count, n, value, interval: wilsonInterval(value * effectiveN, effectiveN, { level }) };
}
