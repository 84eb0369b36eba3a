import { CxValidationError, type ValidationIssue } from '@cx/model';
import { logGamma } from '@cx/stats';
import { notConverged } from '../errors.js';

const EPS = 1e-15;
const MAX_ITERATIONS = 10_000;

/** Series for P(a, x), good for x < a + 1 (Numerical Recipes 3rd ed. §6.2). */
function lowerSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let n = 0; n < MAX_ITERATIONS; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
  }
  throw notConverged('Incomplete gamma series', MAX_ITERATIONS, { a, x });
}

/** Continued fraction for Q(a, x), good for x ≥ a + 1 (modified Lentz; Numerical Recipes §6.2). */
function upperFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
  }
  throw notConverged('Incomplete gamma continued fraction', MAX_ITERATIONS, { a, x });
}

/**
 * Regularized upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a).
 *
 * @param a - Shape, a > 0.
 * @param x - Lower limit of integration, x ≥ 0.
 * @returns Q(a, x) in [0, 1].
 * @throws {@link @cx/model!CxValidationError} when a ≤ 0 or x < 0.
 * @internal
 */
export function regularizedGammaQ(a: number, x: number): number {
  const issues: ValidationIssue[] = [];
  if (!(a > 0) || !Number.isFinite(a)) {
    issues.push({ path: ['a'], message: `Expected a positive finite shape, got ${a}`, code: 'out_of_range' });
  }
  if (!(x >= 0)) issues.push({ path: ['x'], message: `Expected x ≥ 0, got ${x}`, code: 'out_of_range' });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'incomplete gamma argument' });
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}

/**
 * Survival function of the chi-square distribution, P(χ²_df ≥ x): the p-value of a chi-square statistic.
 *
 * @param x - The statistic, x ≥ 0.
 * @param df - Degrees of freedom, df > 0.
 * @returns The upper-tail probability.
 * @throws {@link @cx/model!CxValidationError} when df ≤ 0 or x < 0.
 * @internal
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) {
    throw new CxValidationError([
      { path: ['df'], message: `Expected df > 0, got ${df}`, code: 'out_of_range' },
    ]);
  }
  if (!(x >= 0)) {
    throw new CxValidationError([{ path: ['x'], message: `Expected x ≥ 0, got ${x}`, code: 'out_of_range' }]);
  }
  return regularizedGammaQ(df / 2, x / 2);
}
