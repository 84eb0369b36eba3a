import { CxValidationError } from '@cx/model';
import { logBeta, logGamma } from '@cx/stats';
import { hyp2f1 } from '../numeric/hyp2f1.js';
import { logAddExp } from '../numeric/log-space.js';
import { minimizeNelderMead } from '../numeric/nelder-mead.js';
import { checkTimeUnit, type TimeUnit } from '../time-unit.js';
import { checkHistories, groupHistories, type RepeatPurchaseHistory } from './customers.js';

/**
 * A BG/NBD model (Fader, Hardie & Lee 2005): while alive a customer buys as a Poisson process with rate
 * λ ~ Gamma(r, α); after each purchase the customer drops out with probability p ~ Beta(a, b).
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface BgNbdModel {
  /** Discriminator. */
  readonly kind: 'bg-nbd';
  /** Shape of the purchase-rate gamma. */
  readonly r: number;
  /** Scale of the purchase-rate gamma (in `timeUnit`). */
  readonly alpha: number;
  /** Dropout beta, first parameter. */
  readonly a: number;
  /** Dropout beta, second parameter. */
  readonly b: number;
  /** Unit of recency, T and every t passed to the model. */
  readonly timeUnit: TimeUnit;
  /** Maximized log-likelihood (NaN when the parameters were given, not fitted). */
  readonly logLikelihood: number;
  /** Customers in the fit. */
  readonly n: number;
}

/**
 * Options of {@link fitBgNbd}.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface FitBgNbdOptions {
  /** Unit of recency and T in the input. Required. */
  readonly timeUnit: TimeUnit;
  /** Optimizer iteration limit. Default 20,000. */
  readonly maxIterations?: number;
}

/** ln L(r, α, a, b | x, tₓ, T) of one customer (FHL 2005, eq. 6), in log space. */
export function bgNbdLogLikelihood(
  p: Pick<BgNbdModel, 'r' | 'alpha' | 'a' | 'b'>,
  x: number,
  tx: number,
  T: number,
): number {
  const { r, alpha, a, b } = p;
  const logA1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const logA2 = logBeta(a, b + x) - logBeta(a, b);
  const logA3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return logA1 + logA2 + logA3;
  const logA4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return logA1 + logA2 + logAddExp(logA3, logA4);
}

/**
 * Fits the BG/NBD model by maximum likelihood (Nelder–Mead on log-parameters; identical histories grouped).
 *
 * @param customers - Repeat-purchase histories (x, tₓ, T), e.g. {@link rfmSummary} rows.
 * @param options - The time unit of the histories; iteration limit.
 * @returns The fitted {@link BgNbdModel}.
 * @throws {@link @cx/model!CxValidationError} for invalid histories (with `['customers', i, field]` paths) or
 * an unknown time unit.
 * @throws {@link CxConvergenceError} when the fit does not converge.
 * @example
 * ```ts
 * import { fitBgNbd } from '@cx/metrics';
 * const model = fitBgNbd(
 *   [
 *     { frequency: 2, recency: 30.43, T: 38.86 },
 *     { frequency: 1, recency: 1.71, T: 38.86 },
 *     { frequency: 0, recency: 0, T: 38.86 },
 *     { frequency: 0, recency: 0, T: 38.86 },
 *     { frequency: 7, recency: 29.43, T: 38.86 },
 *   ],
 *   { timeUnit: 'week' },
 * );
 * console.log(model.kind, model.timeUnit); // 'bg-nbd' 'week'
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function fitBgNbd(customers: readonly RepeatPurchaseHistory[], options: FitBgNbdOptions): BgNbdModel {
  const timeUnit = checkTimeUnit(options.timeUnit, ['options', 'timeUnit']);
  checkHistories(customers);
  const groups = groupHistories(customers);
  const meanT = customers.reduce((s, c) => s + c.T, 0) / customers.length;
  const negLL = ([lr = 0, la = 0, lA = 0, lb = 0]: readonly number[]): number => {
    const p = { r: Math.exp(lr), alpha: Math.exp(la), a: Math.exp(lA), b: Math.exp(lb) };
    let ll = 0;
    for (const g of groups) ll += g.count * bgNbdLogLikelihood(p, g.x, g.tx, g.T);
    return -ll;
  };
  const result = minimizeNelderMead(negLL, [0, Math.log(meanT), 0, 0], {
    names: ['log r', 'log alpha', 'log a', 'log b'],
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
  });
  const [lr, la, lA, lb] = result.x as [number, number, number, number];
  return {
    kind: 'bg-nbd',
    r: Math.exp(lr),
    alpha: Math.exp(la),
    a: Math.exp(lA),
    b: Math.exp(lb),
    timeUnit,
    logLikelihood: -result.value,
    n: customers.length,
  };
}

function checkHorizon(t: number, name = 't'): void {
  if (!(t >= 0) || !Number.isFinite(t)) {
    throw new CxValidationError([
      { path: [name], message: `Expected a finite time ≥ 0, got ${t}`, code: 'out_of_range' },
    ]);
  }
}

/**
 * BG/NBD probability that a customer with history (x, tₓ, T) is still alive at T:
 * [1 + δ_{x>0} · a/(b + x − 1) · ((α + T)/(α + tₓ))^{r+x}]⁻¹, computed in log space (no overflow). It is 1 for
 * x = 0: a model property (a BG/NBD customer can only drop out right after a purchase).
 *
 * @param model - A BG/NBD model.
 * @param customer - The customer's history, in the model's time unit.
 * @returns P(alive) in [0, 1].
 * @throws {@link @cx/model!CxValidationError} for an invalid history.
 * @example
 * ```ts
 * import { bgNbdProbabilityAlive } from '@cx/metrics';
 * const model = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * console.log(bgNbdProbabilityAlive(model, { frequency: 2, recency: 30.43, T: 38.86 }).toFixed(2)); // '0.73'
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function bgNbdProbabilityAlive(
  model: Pick<BgNbdModel, 'r' | 'alpha' | 'a' | 'b'>,
  customer: RepeatPurchaseHistory,
): number {
  checkHistories([customer]);
  const { r, alpha, a, b } = model;
  const x = customer.frequency;
  if (x === 0) return 1;
  const logOdds =
    Math.log(a) -
    Math.log(b + x - 1) +
    (r + x) * (Math.log(alpha + customer.T) - Math.log(alpha + customer.recency));
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * BG/NBD expected purchases of a new customer in (0, t]:
 * E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r ₂F₁(r, b; a + b − 1; t/(α + t))].
 *
 * @param model - A BG/NBD model.
 * @param t - Time, in the model's unit.
 * @returns E[X(t)].
 * @throws {@link @cx/model!CxValidationError} when t is negative or not finite.
 * @example
 * ```ts
 * import { bgNbdExpectedPurchases } from '@cx/metrics';
 * const model = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * console.log(bgNbdExpectedPurchases(model, 78).toFixed(3)); // '1.861'
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function bgNbdExpectedPurchases(
  model: Pick<BgNbdModel, 'r' | 'alpha' | 'a' | 'b'>,
  t: number,
): number {
  checkHorizon(t);
  const { r, alpha, a, b } = model;
  if (t === 0) return 0;
  if (Math.abs(a + b - 1) < 1e-7) {
    // ₂F₁'s c = a + b − 1 = 0 is a removable singularity of E[X(t)]: average the two sides.
    const h = 1e-5;
    return (
      (bgNbdExpectedPurchases({ ...model, b: b + h }, t) +
        bgNbdExpectedPurchases({ ...model, b: b - h }, t)) /
      2
    );
  }
  const f = hyp2f1(r, b, a + b - 1, t / (alpha + t));
  return ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * f);
}

/**
 * BG/NBD expected purchases in (T, T + t] of a customer with history (x, tₓ, T) (FHL 2005, eq. 10).
 *
 * @param model - A BG/NBD model.
 * @param customer - The customer's history, in the model's time unit.
 * @param t - Length of the future period, in the model's unit.
 * @returns E[Y(t) | x, tₓ, T].
 * @throws {@link @cx/model!CxValidationError} for an invalid history or t.
 * @example
 * ```ts
 * import { bgNbdConditionalExpectedPurchases } from '@cx/metrics';
 * const model = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const customer = { frequency: 2, recency: 30.43, T: 38.86 };
 * console.log(bgNbdConditionalExpectedPurchases(model, customer, 39).toFixed(3)); // '1.226'
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function bgNbdConditionalExpectedPurchases(
  model: Pick<BgNbdModel, 'r' | 'alpha' | 'a' | 'b'>,
  customer: RepeatPurchaseHistory,
  t: number,
): number {
  checkHorizon(t);
  const pAlive = bgNbdProbabilityAlive(model, customer);
  if (t === 0) return 0;
  const { r, alpha, a, b } = model;
  const x = customer.frequency;
  const T = customer.T;
  if (Math.abs(a + b + x - 1) < 1e-7) {
    // Removable singularity at c = a + b + x − 1 = 0 (only when x = 0): average the two sides.
    const h = 1e-5;
    const side = (bb: number): number => bgNbdConditionalExpectedPurchases({ ...model, b: bb }, customer, t);
    return (side(b + h) + side(b - h)) / 2;
  }
  const f = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  const bracket = 1 - Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + T + t))) * f;
  return pAlive * ((a + b + x - 1) / (a - 1)) * bracket;
}

/**
 * BG/NBD probability of exactly n purchases by a new customer in (0, t] (FHL 2005, eq. 8).
 *
 * @param model - A BG/NBD model.
 * @param t - Time, in the model's unit.
 * @param n - Number of purchases, an integer ≥ 0.
 * @returns P(X(t) = n).
 * @throws {@link @cx/model!CxValidationError} for negative t or a non-integer n.
 * @example
 * ```ts
 * import { bgNbdProbabilityOfPurchases } from '@cx/metrics';
 * const model = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const p = [0, 1, 2].map((n) => bgNbdProbabilityOfPurchases(model, 39, n));
 * console.log(p.map((v) => v.toFixed(3))); // ['0.574', '0.199', '0.085']
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function bgNbdProbabilityOfPurchases(
  model: Pick<BgNbdModel, 'r' | 'alpha' | 'a' | 'b'>,
  t: number,
  n: number,
): number {
  checkHorizon(t);
  if (!Number.isInteger(n) || n < 0) {
    throw new CxValidationError([
      { path: ['n'], message: `Expected an integer ≥ 0, got ${n}`, code: 'out_of_range' },
    ]);
  }
  const { r, alpha, a, b } = model;
  if (t === 0) return n === 0 ? 1 : 0;
  const logP = Math.log(alpha / (alpha + t));
  const logQ = Math.log(t / (alpha + t));
  const nbdTerm = (j: number): number =>
    logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * logP + j * logQ;
  const first = Math.exp(logBeta(a, b + n) - logBeta(a, b) + nbdTerm(n));
  if (n === 0) return first;
  let cdf = 0;
  for (let j = 0; j < n; j++) cdf += Math.exp(nbdTerm(j));
  return first + Math.exp(logBeta(a + 1, b + n - 1) - logBeta(a, b)) * Math.max(0, 1 - cdf);
}
