import { parseOptions } from '@cx/model';
import { logBeta, logGamma, regularizedBeta } from '@cx/stats';
import { z } from 'zod';
import { fitPositive } from '../fit.js';
import { hyp2f1 } from '../numeric/hyp2f1.js';
import { logAddExp } from '../numeric/log-space.js';
import {
  checkNumber,
  checkParameters,
  checkResult,
  maxIterationsOption,
  type ParameterRule,
} from '../parameters.js';
import { type TimeUnit, timeUnitOption } from '../time-unit.js';
import {
  checkHistories,
  groupHistories,
  type RepeatPurchaseHistory,
  requireRepeatPurchases,
} from './customers.js';

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
  /** Maximized log-likelihood. */
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
  /** Optimizer iteration limit, 1 to 10,000,000. Default 20,000. */
  readonly maxIterations?: number | undefined;
}

const fitSchema = z.strictObject({ timeUnit: timeUnitOption, maxIterations: maxIterationsOption });

/** The parameters of a BG/NBD model and their bounds (internal). */
const PARAMETERS: readonly ParameterRule[] = [{ name: 'r' }, { name: 'alpha' }, { name: 'a' }, { name: 'b' }];

/** Checks the parameters of a BG/NBD model given to a prediction (internal). */
export function checkBgNbd(model: unknown): void {
  checkParameters(model, PARAMETERS, 'BG/NBD');
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
 * A fit that cannot identify the model throws instead of returning limit values as a model: without any repeat
 * purchase (`not_identifiable`), or when the likelihood keeps rising towards a parameter of 0 or ∞
 * (`degenerate_fit`; see docs/clv.md, "When a fit fails").
 *
 * @param customers - Repeat-purchase histories (x, tₓ, T), e.g. {@link rfmSummary} rows.
 * @param options - The time unit of the histories (required); iteration limit.
 * @returns The fitted {@link BgNbdModel}.
 * @throws {@link @cx/model!CxOptionsError} for missing or invalid options (no `timeUnit`, an unknown key …).
 * @throws {@link @cx/model!CxValidationError} for invalid histories (with `['customers', i, field]` paths).
 * @throws {@link @cx/model!CxFitError} (`not_identifiable`, `degenerate_fit`, `not_converged`) when the data do not
 * identify the model or the optimiser does not converge.
 * @example
 * ```ts
 * import { fitBgNbd } from '@cx/metrics';
 * import { CxFitError } from '@cx/model';
 * const customers = [
 *   { frequency: 2, recency: 30.43, T: 38.86 },
 *   { frequency: 1, recency: 1.71, T: 38.86 },
 *   { frequency: 0, recency: 0, T: 38.86 },
 *   { frequency: 0, recency: 0, T: 38.86 },
 *   { frequency: 7, recency: 29.43, T: 38.86 },
 *   { frequency: 1, recency: 5, T: 38.86 },
 *   { frequency: 3, recency: 35, T: 38.86 },
 *   { frequency: 0, recency: 0, T: 38.86 },
 *   { frequency: 2, recency: 10, T: 38.86 },
 *   { frequency: 4, recency: 37, T: 38.86 },
 * ];
 * const model = fitBgNbd(customers, { timeUnit: 'week' });
 * console.log(model.kind, model.r.toFixed(2), model.a.toFixed(2)); // 'bg-nbd' '1.11' '0.23'
 * // The first five alone cannot pin down the dropout beta: the fit says so instead of returning a → 0.
 * try {
 *   fitBgNbd(customers.slice(0, 5), { timeUnit: 'week' });
 * } catch (error) {
 *   console.log(error instanceof CxFitError && error.code); // 'degenerate_fit'
 * }
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function fitBgNbd(customers: readonly RepeatPurchaseHistory[], options: FitBgNbdOptions): BgNbdModel {
  const { timeUnit, maxIterations } = parseOptions(fitSchema, options, 'fitBgNbd');
  checkHistories(customers);
  requireRepeatPurchases(customers, 'BG/NBD');
  const groups = groupHistories(customers);
  const meanT = customers.reduce((s, c) => s + c.T, 0) / customers.length;
  const fit = fitPositive({
    model: 'BG/NBD',
    names: ['r', 'alpha', 'a', 'b'],
    scales: [1, meanT, 1, 1],
    maxIterations,
    negLogLikelihood: ([r = 1, alpha = 1, a = 1, b = 1]) => {
      const p = { r, alpha, a, b };
      let ll = 0;
      for (const g of groups) ll += g.count * bgNbdLogLikelihood(p, g.x, g.tx, g.T);
      return -ll;
    },
  });
  const [r, alpha, a, b] = fit.parameters as [number, number, number, number];
  return { kind: 'bg-nbd', r, alpha, a, b, timeUnit, logLikelihood: fit.logLikelihood, n: customers.length };
}

/**
 * BG/NBD probability that a customer with history (x, tₓ, T) is still alive at T:
 * [1 + δ_{x>0} · a/(b + x − 1) · ((α + T)/(α + tₓ))^{r+x}]⁻¹, computed in log space (no overflow). It is 1 for
 * x = 0: a model property (a BG/NBD customer can only drop out right after a purchase).
 *
 * @param model - A BG/NBD model.
 * @param customer - The customer's history, in the model's time unit.
 * @returns P(alive) in [0, 1].
 * @throws {@link @cx/model!CxValidationError} for an invalid history or parameters that are not finite and positive.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
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
  checkBgNbd(model);
  checkHistories([customer]);
  const { r, alpha, a, b } = model;
  const x = customer.frequency;
  if (x === 0) return 1;
  const logOdds =
    Math.log(a) -
    Math.log(b + x - 1) +
    (r + x) * (Math.log(alpha + customer.T) - Math.log(alpha + customer.recency));
  const p = logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
  return checkResult(p, 'BG/NBD', 'probability alive', model);
}

/**
 * BG/NBD expected purchases of a new customer in (0, t]:
 * E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r ₂F₁(r, b; a + b − 1; t/(α + t))].
 *
 * @param model - A BG/NBD model.
 * @param t - Time, in the model's unit.
 * @returns E[X(t)].
 * @throws {@link @cx/model!CxValidationError} when t is negative or not finite, or a parameter is not finite and
 * positive (r = −1, NaN …).
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
 * @throws {@link @cx/model!CxError} (`not_converged`) when the Gauss hypergeometric function ₂F₁ in the formula does not
 * converge to double precision within its term limit (extreme parameters); no approximate value is returned.
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
  checkBgNbd(model);
  checkNumber(t, 't', { min: 0 });
  const { r, alpha, a, b } = model;
  if (t === 0) return 0;
  const h = 1e-5;
  if (Math.abs(a - 1) < 1e-7) {
    // a = 1 is a removable singularity (0/0: ₂F₁(r, b; b; z) = (1 − z)^−r): average the two sides.
    return (
      (bgNbdExpectedPurchases({ ...model, a: a + h }, t) +
        bgNbdExpectedPurchases({ ...model, a: a - h }, t)) /
      2
    );
  }
  if (Math.abs(a + b - 1) < 1e-7) {
    // ₂F₁'s c = a + b − 1 = 0 is a removable singularity of E[X(t)]: average the two sides.
    return (
      (bgNbdExpectedPurchases({ ...model, b: b + h }, t) +
        bgNbdExpectedPurchases({ ...model, b: b - h }, t)) /
      2
    );
  }
  const f = hyp2f1(r, b, a + b - 1, t / (alpha + t));
  const expected = ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * f);
  return checkResult(expected, 'BG/NBD', `expected purchases at t = ${t}`, model);
}

/**
 * BG/NBD expected purchases in (T, T + t] of a customer with history (x, tₓ, T) (FHL 2005, eq. 10).
 *
 * @param model - A BG/NBD model.
 * @param customer - The customer's history, in the model's time unit.
 * @param t - Length of the future period, in the model's unit.
 * @returns E[Y(t) | x, tₓ, T].
 * @throws {@link @cx/model!CxValidationError} for an invalid history or t, or parameters that are not finite and
 * positive.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
 * @throws {@link @cx/model!CxError} (`not_converged`) when the Gauss hypergeometric function ₂F₁ in the formula does not
 * converge to double precision within its term limit (extreme parameters); no approximate value is returned.
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
  checkNumber(t, 't', { min: 0 });
  const pAlive = bgNbdProbabilityAlive(model, customer);
  if (t === 0) return 0;
  const { r, alpha, a, b } = model;
  const x = customer.frequency;
  const T = customer.T;
  const h = 1e-5;
  if (Math.abs(a - 1) < 1e-7) {
    // a = 1 is a removable singularity (0/0): average the two sides.
    const side = (aa: number): number => bgNbdConditionalExpectedPurchases({ ...model, a: aa }, customer, t);
    return (side(a + h) + side(a - h)) / 2;
  }
  if (Math.abs(a + b + x - 1) < 1e-7) {
    // Removable singularity at c = a + b + x − 1 = 0 (only when x = 0): average the two sides.
    const side = (bb: number): number => bgNbdConditionalExpectedPurchases({ ...model, b: bb }, customer, t);
    return (side(b + h) + side(b - h)) / 2;
  }
  const f = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  const bracket = 1 - Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + T + t))) * f;
  const expected = pAlive * ((a + b + x - 1) / (a - 1)) * bracket;
  return checkResult(expected, 'BG/NBD', `conditional expected purchases at t = ${t}`, model);
}

/**
 * BG/NBD probability of exactly n purchases by a new customer in (0, t] (FHL 2005, eq. 8). The negative-binomial
 * tail P(NBD ≥ n) is the regularized incomplete beta I_q(n, r), q = t/(α + t), so the work does not grow with n.
 *
 * @param model - A BG/NBD model.
 * @param t - Time, in the model's unit.
 * @param n - Number of purchases, an integer ≥ 0.
 * @returns P(X(t) = n).
 * @throws {@link @cx/model!CxValidationError} for negative t, a non-integer n, or parameters that are not finite and
 * positive.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
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
  checkBgNbd(model);
  checkNumber(t, 't', { min: 0 });
  checkNumber(n, 'n', { min: 0, integer: true });
  const { r, alpha, a, b } = model;
  if (t === 0) return n === 0 ? 1 : 0;
  const logP = Math.log(alpha / (alpha + t));
  const logQ = Math.log(t / (alpha + t));
  const nbdTerm = logGamma(r + n) - logGamma(r) - logGamma(n + 1) + r * logP + n * logQ;
  const first = Math.exp(logBeta(a, b + n) - logBeta(a, b) + nbdTerm);
  if (n === 0) return checkResult(first, 'BG/NBD', `P(X(${t}) = 0)`, model);
  // P(NBD ≥ n) = I_q(n, r): the negative-binomial tail without summing n terms.
  const tail = regularizedBeta(t / (alpha + t), n, r);
  const p = first + Math.exp(logBeta(a + 1, b + n - 1) - logBeta(a, b)) * tail;
  return checkResult(p, 'BG/NBD', `P(X(${t}) = ${n})`, model);
}
