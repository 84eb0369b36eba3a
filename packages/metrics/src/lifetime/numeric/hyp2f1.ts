import { CxValidationError, type ValidationIssue } from '@cx/model';
import { logGamma } from '@cx/stats';
import { notConverged } from '../errors.js';

const EPS = 1e-15;
const MAX_SERIES_TERMS = 200_000;
const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);

/** Γ(x) with its sign, for any real x that is not a non-positive integer. */
function signedLogGamma(x: number): { readonly log: number; readonly sign: number } {
  if (x > 0) return { log: logGamma(x), sign: 1 };
  // Reflection: Γ(x) = π / (sin(πx) Γ(1 − x)).
  const s = Math.sin(Math.PI * x);
  return { log: Math.log(Math.PI / Math.abs(s)) - logGamma(1 - x), sign: s > 0 ? 1 : -1 };
}

/**
 * Power series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ with convergence control and overflow rescaling; returns the log of the
 * absolute value and the sign.
 */
function series(a: number, b: number, c: number, z: number): { readonly log: number; readonly sign: number } {
  let term = 1;
  let sum = 1;
  let scale = 0;
  let small = 0;
  for (let n = 0; n < MAX_SERIES_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (term === 0) return { log: Math.log(Math.abs(sum)) + scale, sign: Math.sign(sum) };
    if (Math.abs(sum) > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      scale += LOG_RESCALE;
    }
    // Stop only after the terms have started to shrink, and twice in a row below tolerance.
    const shrinking = Math.abs(((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * Math.abs(z) < 1;
    if (shrinking && Math.abs(term) <= EPS * Math.abs(sum)) {
      small++;
      if (small >= 2) return { log: Math.log(Math.abs(sum)) + scale, sign: Math.sign(sum) };
    } else {
      small = 0;
    }
  }
  throw notConverged('Gauss 2F1 series', MAX_SERIES_TERMS, { a, b, c, z });
}

const X_MAX = 6.5;

/** Tanh–sinh quadrature of exp(f) on (0, 1) in log space; f may be singular at the ends. */
function logIntegrateUnit(f: (t: number, oneMinusT: number) => number): number {
  let previous = Number.NaN;
  for (let level = 3; level <= 10; level++) {
    const h = 2 ** -level;
    const logs: number[] = [];
    // Nodes out to |x| = 6.5, where 1 − t underflows: an endpoint exponent near −1 (e.g. (1 − t)^−0.95) leaves
    // mass ∝ ε^0.05 beyond the last node at 1 − t = ε, and the usual cut-off |x| = 4.5 (ε ≈ e^−141) loses ~1e-4 of it.
    for (let k = -Math.ceil(X_MAX / h); k * h <= X_MAX; k++) {
      const x = k * h;
      const u = (Math.PI / 2) * Math.sinh(x);
      // t = (1 + tanh u)/2 and 1 − t = (1 − tanh u)/2, written without cancellation.
      const e = Math.exp(-2 * Math.abs(u));
      const small = e / (1 + e);
      const t = u >= 0 ? 1 - small : small;
      const oneMinusT = u >= 0 ? small : 1 - small;
      if (t <= 0 || oneMinusT <= 0) continue;
      const cosh = Math.cosh(u);
      const logWeight = Math.log(((h * Math.PI) / 2) * Math.cosh(x)) - 2 * Math.log(cosh) - Math.LN2;
      const value = f(t, oneMinusT) + logWeight;
      if (Number.isFinite(value)) logs.push(value);
    }
    let max = Number.NEGATIVE_INFINITY;
    for (const v of logs) if (v > max) max = v;
    let total = 0;
    for (const v of logs) total += Math.exp(v - max);
    const result = max + Math.log(total);
    if (Math.abs(result - previous) < 1e-13 * Math.max(1, Math.abs(result))) return result;
    previous = result;
  }
  return previous;
}

/** Euler's integral for c > b > 0 and 0 ≤ z < 1, in log space (the value is positive). */
function eulerIntegral(a: number, b: number, c: number, z: number): number {
  const prefactor = logGamma(c) - logGamma(b) - logGamma(c - b);
  return (
    prefactor +
    logIntegrateUnit(
      (t, oneMinusT) => (b - 1) * Math.log(t) + (c - b - 1) * Math.log(oneMinusT) - a * Math.log1p(-z * t),
    )
  );
}

/** 1 − z transformation (Abramowitz & Stegun 15.3.6), for c − a − b not an integer. */
function oneMinusZ(
  a: number,
  b: number,
  c: number,
  z: number,
): { readonly log: number; readonly sign: number } {
  const w = 1 - z;
  const gc = signedLogGamma(c);
  const g1 = signedLogGamma(c - a - b);
  const g2 = signedLogGamma(c - a);
  const g3 = signedLogGamma(c - b);
  const g4 = signedLogGamma(a + b - c);
  const g5 = signedLogGamma(a);
  const g6 = signedLogGamma(b);
  const s1 = series(a, b, a + b - c + 1, w);
  const s2 = series(c - a, c - b, c - a - b + 1, w);
  const first =
    gc.sign * g1.sign * g2.sign * g3.sign * s1.sign * Math.exp(gc.log + g1.log - g2.log - g3.log + s1.log);
  const second =
    gc.sign *
    g4.sign *
    g5.sign *
    g6.sign *
    s2.sign *
    Math.exp((c - a - b) * Math.log(w) + gc.log + g4.log - g5.log - g6.log + s2.log);
  const total = first + second;
  return { log: Math.log(Math.abs(total)), sign: Math.sign(total) };
}

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

function logAbs(a: number, b: number, c: number, z: number): { readonly log: number; readonly sign: number } {
  if (z === 0 || a === 0 || b === 0) return { log: 0, sign: 1 };
  if (z < 0) {
    // Pfaff: 2F1(a,b;c;z) = (1−z)^(−a) 2F1(a, c−b; c; z/(z−1)), argument now in (0, 1).
    const inner = logAbs(a, c - b, c, z / (z - 1));
    return { log: -a * Math.log1p(-z) + inner.log, sign: inner.sign };
  }
  if (z <= 0.75 || isNonPositiveInteger(a) || isNonPositiveInteger(b)) return series(a, b, c, z);
  // Euler's integral ∫ t^(p−1) (1−t)^(c−p−1) (1−zt)^(−q) dt with p ∈ {a, b}: use the role whose endpoint
  // singularities are mildest, and only when both exponents stay well above −1 (quadrature stays accurate).
  const margin = (p: number): number => (p > 0 && c > p ? Math.min(p, c - p) : 0);
  const [p, q] = margin(b) >= margin(a) ? [b, a] : [a, b];
  if (margin(p) >= 0.05) return { log: eulerIntegral(q, p, c, z), sign: 1 };
  const m = c - a - b;
  if (Math.abs(m - Math.round(m)) > 1e-6) {
    const value = oneMinusZ(a, b, c, z);
    if (Number.isFinite(value.log)) return value;
  }
  return series(a, b, c, z);
}

function check(a: number, b: number, c: number, z: number): void {
  const issues: ValidationIssue[] = [];
  for (const [name, value] of [
    ['a', a],
    ['b', b],
    ['c', c],
    ['z', z],
  ] as const) {
    if (!Number.isFinite(value)) {
      issues.push({
        path: [name],
        message: `Expected a finite number, got ${value}`,
        code: 'invalid_number',
      });
    }
  }
  if (isNonPositiveInteger(c)) {
    issues.push({
      path: ['c'],
      message: `c must not be 0 or a negative integer, got ${c}`,
      code: 'out_of_range',
    });
  }
  if (z >= 1) {
    issues.push({ path: ['z'], message: `Expected z < 1, got ${z}`, code: 'out_of_range' });
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'hypergeometric argument' });
}

/** ln ₂F₁ for a, b, c > 0 and 0 ≤ z < 1 without argument checks (hot loops of the likelihoods). */
export function logHyp2f1Unchecked(a: number, b: number, c: number, z: number): number {
  return logAbs(a, b, c, z).log;
}

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and z < 1.
 *
 * Power series with convergence control for |z| ≤ 0.75; Pfaff's transformation for z < 0; for 0.75 < z < 1
 * Euler's integral (when c > b > 0 or c > a > 0, by tanh–sinh quadrature in log space), otherwise the 1 − z
 * transformation (Abramowitz & Stegun 15.3.6).
 *
 * @param a - First numerator parameter.
 * @param b - Second numerator parameter.
 * @param c - Denominator parameter (not 0 or a negative integer).
 * @param z - Argument, z < 1.
 * @returns ₂F₁(a, b; c; z).
 * @throws {@link @cx/model!CxValidationError} for non-finite input, z ≥ 1, or c a non-positive integer.
 * @throws `CxError` (`not_converged`) when the series does not converge.
 * @internal
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  check(a, b, c, z);
  const value = logAbs(a, b, c, z);
  return value.sign * Math.exp(value.log);
}

/**
 * Natural logarithm of ₂F₁(a, b; c; z) when the function is positive (e.g. a, b, c > 0 and 0 ≤ z < 1), computed
 * without overflow.
 *
 * @param a - First numerator parameter.
 * @param b - Second numerator parameter.
 * @param c - Denominator parameter.
 * @param z - Argument, z < 1.
 * @returns ln ₂F₁(a, b; c; z).
 * @throws {@link @cx/model!CxValidationError} as {@link hyp2f1}, and when the value is not positive.
 * @throws `CxError` (`not_converged`) when the series does not converge.
 * @internal
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  check(a, b, c, z);
  const value = logAbs(a, b, c, z);
  if (value.sign <= 0) {
    throw new CxValidationError(
      [{ path: [], message: `2F1(${a}, ${b}; ${c}; ${z}) is not positive`, code: 'out_of_range' }],
      { subject: 'hypergeometric argument' },
    );
  }
  return value.log;
}
