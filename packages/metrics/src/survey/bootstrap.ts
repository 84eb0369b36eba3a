import { createRandom, sampleBinomial } from '../stats/random.js';

/** Largest n the bootstrap resamples: 2³² (the exact binomial sampler's bound). */
export const MAX_BOOTSTRAP_N = 2 ** 32;

/** Linear-interpolation quantile of sorted values (type 7: R's and numpy's default). */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/**
 * Percentile bootstrap of a net score (share of class A minus share of class C) on −1…1.
 *
 * Resampling n responses with replacement only changes the class counts, which follow a multinomial
 * distribution; each resample draws A* ~ Bin(n, a) and C* ~ Bin(n − A*, c/(1 − a)) exactly, so the cost does
 * not grow with n.
 */
export function bootstrapNetInterval(
  n: number,
  a: number,
  c: number,
  level: number,
  options: { readonly resamples: number; readonly seed: number },
): { lower: number; upper: number } {
  const resamples = options.resamples;
  const random = createRandom(options.seed);
  const values = new Float64Array(resamples);
  const cGivenNotA = a < 1 ? Math.min(1, c / (1 - a)) : 0;
  for (let b = 0; b < resamples; b++) {
    const countA = sampleBinomial(n, a, random);
    const countC = sampleBinomial(n - countA, cGivenNotA, random);
    values[b] = (countA - countC) / n;
  }
  values.sort();
  const alpha = 1 - level;
  return { lower: sortedQuantile(values, alpha / 2), upper: sortedQuantile(values, 1 - alpha / 2) };
}
