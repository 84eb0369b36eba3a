// Exact scaling by powers of two: the weight unit shared by the in-process tallies of @cx/metrics and the engine
// tallies of @cx/warehouse (one copy, issue 13).

/** Smallest and largest binary exponents of a finite positive double. */
const MIN_EXPONENT = -1074;
const MAX_EXPONENT = 1024;

/**
 * `x·2^k`, exact unless the result leaves the range of doubles, without passing through `2^±1024` on the way (so
 * `scaleByPowerOfTwo(2 ** -1074, 2000)` is `2^926`, not `Infinity · 0`).
 *
 * @param x - A finite number.
 * @param k - An integer exponent, any size.
 * @returns `x·2^k`, rounded only when it leaves the range of doubles (then `±0` or `±Infinity`).
 * @throws Never.
 * @example
 * ```ts
 * import { scaleByPowerOfTwo } from '@cx/stats';
 * console.log(scaleByPowerOfTwo(3, 4)); // 48
 * console.log(scaleByPowerOfTwo(2 ** -1074, 2000) === 2 ** 926); // true
 * ```
 * @category Numeric
 * @since 0.2.0
 */
export function scaleByPowerOfTwo(x: number, k: number): number {
  let y = x;
  let rest = k;
  while (rest > 1023) {
    y *= 2 ** 1023;
    rest -= 1023;
  }
  while (rest < -1022) {
    y *= 2 ** -1022;
    rest += 1022;
  }
  return y * 2 ** rest;
}

/**
 * The smallest integer `e` with `2^e ≥ w`, exactly (unlike `Math.ceil(Math.log2(w))`, which is off by one near
 * powers of two), between -1074 and 1024.
 *
 * @param w - A finite number greater than 0.
 * @returns The exponent `e`.
 * @throws Never; for `w` not finite and positive the result is meaningless.
 * @example
 * ```ts
 * import { exponentAbove } from '@cx/stats';
 * console.log(exponentAbove(8), exponentAbove(9), exponentAbove(0.3)); // 3 4 -1
 * ```
 * @category Numeric
 * @since 0.2.0
 */
export function exponentAbove(w: number): number {
  let e = Math.ceil(Math.log2(w));
  while (e < MAX_EXPONENT && scaleByPowerOfTwo(1, e) < w) e++;
  while (e > MIN_EXPONENT && scaleByPowerOfTwo(1, e - 1) >= w) e--;
  return e;
}
