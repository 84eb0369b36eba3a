import { CxValidationError, type ValidationIssue } from '@cx/model';
import { logGamma } from '@cx/stats';

/**
 * A seeded source of uniform random numbers in [0, 1).
 *
 * @category Statistics
 * @since 0.1.0
 */
export type RandomSource = () => number;

/**
 * Creates a seeded pseudo-random generator (xoshiro128**, seeded through splitmix32), so bootstrap results
 * are reproducible: the same seed always gives the same sequence on every platform.
 *
 * @param seed - A whole number from 0 to 2³² − 1 (4,294,967,295); nothing is truncated, so two different seeds never
 *   give the same sequence by accident.
 * @returns A function returning uniform numbers in [0, 1) with 32 bits of resolution.
 * @throws {@link @cx/model!CxValidationError} (`invalid_seed`) when the seed is not such a whole number (e.g.
 *   `Date.now()`, 1.5 or −1).
 * @example
 * ```ts
 * import { createRandom } from '@cx/metrics';
 * const a = createRandom(42);
 * const b = createRandom(42);
 * console.log(a() === b()); // true
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function createRandom(seed: number): RandomSource {
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED)) {
    throw new CxValidationError([
      {
        path: ['seed'],
        message: `Expected a whole-number seed from 0 to ${MAX_SEED}, got ${String(seed)}`,
        code: 'invalid_seed',
      },
    ]);
  }
  let state = seed | 0;
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result / 4294967296;
  };
}

/** Largest seed: 2³² − 1. */
const MAX_SEED = 2 ** 32 - 1;

/** Largest number of trials of {@link sampleBinomial}: 2³². */
const MAX_TRIALS = 2 ** 32;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Draws from a binomial distribution Binomial(n, p) exactly, by inversion searched outward from the mode
 * (O(√(np(1 − p))) work per draw, at most about 33,000 steps at the largest n), so resampling ten million
 * responses costs microseconds.
 *
 * @param trials - Number of trials n, a whole number from 0 to 2³² (4,294,967,296).
 * @param p - Success probability in [0, 1].
 * @param random - A uniform source in [0, 1), e.g. from {@link createRandom}.
 * @returns The number of successes.
 * @throws {@link @cx/model!CxValidationError} when n or p is invalid, or `random` is not a function returning a
 *   number in [0, 1).
 * @example
 * ```ts
 * import { createRandom, sampleBinomial } from '@cx/metrics';
 * const k = sampleBinomial(100, 0.3, createRandom(1));
 * console.log(k >= 0 && k <= 100); // true
 * ```
 * @category Statistics
 * @since 0.1.0
 */
export function sampleBinomial(trials: number, p: number, random: RandomSource): number {
  const issues: ValidationIssue[] = [];
  if (!(Number.isInteger(trials) && trials >= 0 && trials <= MAX_TRIALS))
    issues.push({
      path: ['trials'],
      message: `Expected a whole number of trials from 0 to 2³², got ${trials}`,
      code: 'out_of_range',
    });
  if (!(typeof p === 'number' && p >= 0 && p <= 1))
    issues.push({ path: ['p'], message: `Expected a probability in [0, 1], got ${p}`, code: 'out_of_range' });
  if (typeof random !== 'function')
    issues.push({
      path: ['random'],
      message: 'Expected a function returning numbers in [0, 1)',
      code: 'invalid_type',
    });
  if (issues.length > 0) throw new CxValidationError(issues);
  const draw = (): number => {
    const u = random();
    if (!(typeof u === 'number' && u >= 0 && u < 1)) {
      throw new CxValidationError([
        {
          path: ['random'],
          message: `Expected the random source to return a number in [0, 1), got ${String(u)}`,
          code: 'out_of_range',
        },
      ]);
    }
    return u;
  };
  if (trials === 0 || p === 0) return 0;
  if (p === 1) return trials;
  if (trials < 32) {
    let k = 0;
    for (let i = 0; i < trials; i++) if (draw() < p) k++;
    return k;
  }
  const q = 1 - p;
  const mode = Math.min(trials, Math.floor((trials + 1) * p));
  const pmfMode = Math.exp(
    logGamma(trials + 1) -
      logGamma(mode + 1) -
      logGamma(trials - mode + 1) +
      mode * Math.log(p) +
      (trials - mode) * Math.log1p(-p),
  );
  let u = draw() - pmfMode;
  if (u < 0) return mode;
  let up = mode;
  let down = mode;
  let pmfUp = pmfMode;
  let pmfDown = pmfMode;
  const ratio = p / q;
  while (up < trials || down > 0) {
    if (up < trials) {
      pmfUp *= ((trials - up) / (up + 1)) * ratio;
      up++;
      u -= pmfUp;
      if (u < 0) return up;
    }
    if (down > 0) {
      pmfDown *= down / (trials - down + 1) / ratio;
      down--;
      u -= pmfDown;
      if (u < 0) return down;
    }
    if (pmfUp < 1e-300 && pmfDown < 1e-300) break;
  }
  // Only reachable through rounding of a total mass that is 1 up to ~1e-12.
  return mode;
}
