import { parseOptions } from '@cx/model';
import { logGamma } from '@cx/stats';
import { z } from 'zod';
import { fitPositive } from '../fit.js';
import { logHyp2f1Unchecked } from '../numeric/hyp2f1.js';
import { logAddExp, logSubExp } from '../numeric/log-space.js';
import { checkNumber, checkParameters, checkResult, maxIterationsOption } from '../parameters.js';
import { type TimeUnit, timeUnitOption } from '../time-unit.js';
import {
  checkHistories,
  groupHistories,
  type RepeatPurchaseHistory,
  requireRepeatPurchases,
} from './customers.js';

/**
 * A Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): while alive a customer buys as a Poisson process
 * with rate λ ~ Gamma(r, α); the lifetime is exponential with rate μ ~ Gamma(s, β).
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface ParetoNbdModel {
  /** Discriminator. */
  readonly kind: 'pareto-nbd';
  /** Shape of the purchase-rate gamma. */
  readonly r: number;
  /** Scale of the purchase-rate gamma. */
  readonly alpha: number;
  /** Shape of the dropout-rate gamma. */
  readonly s: number;
  /** Scale of the dropout-rate gamma. */
  readonly beta: number;
  /** Unit of recency, T and every t passed to the model. */
  readonly timeUnit: TimeUnit;
  /** Maximized log-likelihood. */
  readonly logLikelihood: number;
  /** Customers in the fit. */
  readonly n: number;
}

/**
 * Options of {@link fitParetoNbd}.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface FitParetoNbdOptions {
  /** Unit of recency and T in the input. Required. */
  readonly timeUnit: TimeUnit;
  /** Optimizer iteration limit, 1 to 10,000,000. Default 20,000. */
  readonly maxIterations?: number | undefined;
}

type Params = Pick<ParetoNbdModel, 'r' | 'alpha' | 's' | 'beta'>;

const fitSchema = z.strictObject({ timeUnit: timeUnitOption, maxIterations: maxIterationsOption });

/** Checks the parameters of a Pareto/NBD model given to a prediction (internal). */
function checkParetoNbd(model: unknown): void {
  checkParameters(model, [{ name: 'r' }, { name: 'alpha' }, { name: 's' }, { name: 'beta' }], 'Pareto/NBD');
}

/** ln A₀ (Fader & Hardie note 008), branching on α ≥ β so the ₂F₁ argument lies in [0, 1). */
function logA0(p: Params, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  const [max, diff, b] = alpha >= beta ? [alpha, alpha - beta, s + 1] : [beta, beta - alpha, r + x];
  const at = (t: number): number =>
    logHyp2f1Unchecked(rsx, b, rsx + 1, diff / (max + t)) - rsx * Math.log(max + t);
  return logSubExp(at(tx), at(T));
}

/** ln L(r, α, s, β | x, tₓ, T) of one customer, in log space. */
export function paretoNbdLogLikelihood(p: Params, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const head = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const dead = Math.log(s) - Math.log(r + s + x) + logA0(p, x, tx, T);
  return head + logAddExp(alive, dead);
}

/**
 * Fits the Pareto/NBD model by maximum likelihood (Nelder–Mead on log-parameters; ₂F₁ in log space).
 *
 * A fit that cannot identify the model throws instead of returning limit values as a model: without any repeat
 * purchase (`not_identifiable`), or when the likelihood keeps rising towards a parameter of 0 or ∞, as without
 * evidence of dropout (`degenerate_fit`).
 *
 * @param customers - Repeat-purchase histories (x, tₓ, T).
 * @param options - The time unit of the histories (required); iteration limit.
 * @returns The fitted {@link ParetoNbdModel}.
 * @throws {@link @cx/model!CxOptionsError} for missing or invalid options.
 * @throws {@link @cx/model!CxValidationError} for invalid histories.
 * @throws {@link @cx/model!CxFitError} (`not_identifiable`, `degenerate_fit`, `not_converged`) when the data do not
 * identify the model or the optimiser does not converge.
 * @example
 * ```ts
 * import { fitParetoNbd } from '@cx/metrics';
 * const model = fitParetoNbd(
 *   [
 *     { frequency: 2, recency: 30.43, T: 38.86 },
 *     { frequency: 1, recency: 1.71, T: 38.86 },
 *     { frequency: 0, recency: 0, T: 38.86 },
 *     { frequency: 7, recency: 29.43, T: 38.86 },
 *   ],
 *   { timeUnit: 'week' },
 * );
 * console.log(model.kind); // 'pareto-nbd'
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function fitParetoNbd(
  customers: readonly RepeatPurchaseHistory[],
  options: FitParetoNbdOptions,
): ParetoNbdModel {
  const { timeUnit, maxIterations } = parseOptions(fitSchema, options, 'fitParetoNbd');
  checkHistories(customers);
  requireRepeatPurchases(customers, 'Pareto/NBD');
  const groups = groupHistories(customers);
  const meanT = customers.reduce((s, c) => s + c.T, 0) / customers.length;
  const fit = fitPositive({
    model: 'Pareto/NBD',
    names: ['r', 'alpha', 's', 'beta'],
    scales: [1, meanT, 1, meanT],
    maxIterations,
    negLogLikelihood: ([r = 1, alpha = 1, s = 1, beta = 1]) => {
      const p = { r, alpha, s, beta };
      let ll = 0;
      for (const g of groups) ll += g.count * paretoNbdLogLikelihood(p, g.x, g.tx, g.T);
      return -ll;
    },
  });
  const [r, alpha, s, beta] = fit.parameters as [number, number, number, number];
  return {
    kind: 'pareto-nbd',
    r,
    alpha,
    s,
    beta,
    timeUnit,
    logLikelihood: fit.logLikelihood,
    n: customers.length,
  };
}

/**
 * Pareto/NBD probability that a customer with history (x, tₓ, T) is alive at T:
 * [1 + s/(r + s + x) · (α + T)^{r+x} (β + T)^s A₀]⁻¹, in log space.
 *
 * @param model - A Pareto/NBD model.
 * @param customer - The customer's history, in the model's time unit.
 * @returns P(alive) in [0, 1].
 * @throws {@link @cx/model!CxValidationError} for an invalid history or parameters that are not finite and positive.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
 * @throws {@link @cx/model!CxError} (`not_converged`) when the Gauss hypergeometric function ₂F₁ in the formula does not
 * converge to double precision within its term limit (extreme parameters); no approximate value is returned.
 * @example
 * ```ts
 * import { paretoNbdProbabilityAlive } from '@cx/metrics';
 * const model = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 * console.log(paretoNbdProbabilityAlive(model, { frequency: 0, recency: 0, T: 38.86 }).toFixed(3)); // '0.295'
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function paretoNbdProbabilityAlive(
  model: Pick<ParetoNbdModel, 'r' | 'alpha' | 's' | 'beta'>,
  customer: RepeatPurchaseHistory,
): number {
  checkParetoNbd(model);
  checkHistories([customer]);
  const { r, alpha, s, beta } = model;
  const { frequency: x, recency: tx, T } = customer;
  const logOdds =
    Math.log(s) -
    Math.log(r + s + x) +
    (r + x) * Math.log(alpha + T) +
    s * Math.log(beta + T) +
    logA0(model, x, tx, T);
  const p = logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
  return checkResult(p, 'Pareto/NBD', 'probability alive', model);
}

/** (β/(β + t))^{s−1} bracket as (1 − ratio)/(s − 1), with its s → 1 limit ln((β + t)/β). */
function lifetimeFactor(s: number, beta: number, t: number): number {
  const logRatio = Math.log(beta) - Math.log(beta + t);
  if (Math.abs(s - 1) < 1e-9) return -logRatio;
  return -Math.expm1((s - 1) * logRatio) / (s - 1);
}

/**
 * Pareto/NBD expected purchases of a new customer in (0, t]: rβ/(α(s − 1)) · [1 − (β/(β + t))^{s−1}].
 *
 * @param model - A Pareto/NBD model.
 * @param t - Time, in the model's unit.
 * @returns E[X(t)].
 * @throws {@link @cx/model!CxValidationError} when t is negative or not finite, or a parameter is not finite and
 * positive.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
 * @example
 * ```ts
 * import { paretoNbdExpectedPurchases } from '@cx/metrics';
 * const model = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 * console.log(paretoNbdExpectedPurchases(model, 39).toFixed(3)); // '1.213'
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function paretoNbdExpectedPurchases(
  model: Pick<ParetoNbdModel, 'r' | 'alpha' | 's' | 'beta'>,
  t: number,
): number {
  checkParetoNbd(model);
  checkNumber(t, 't', { min: 0 });
  const { r, alpha, s, beta } = model;
  const expected = ((r * beta) / alpha) * lifetimeFactor(s, beta, t);
  return checkResult(expected, 'Pareto/NBD', `expected purchases at t = ${t}`, model);
}

/**
 * Pareto/NBD expected purchases in (T, T + t] of a customer with history (x, tₓ, T):
 * P(alive) · (r + x)(β + T)/((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^{s−1}].
 *
 * @param model - A Pareto/NBD model.
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
 * import { paretoNbdConditionalExpectedPurchases } from '@cx/metrics';
 * const model = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 * const customer = { frequency: 2, recency: 30.43, T: 38.86 };
 * console.log(paretoNbdConditionalExpectedPurchases(model, customer, 39).toFixed(3)); // '1.455'
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function paretoNbdConditionalExpectedPurchases(
  model: Pick<ParetoNbdModel, 'r' | 'alpha' | 's' | 'beta'>,
  customer: RepeatPurchaseHistory,
  t: number,
): number {
  checkNumber(t, 't', { min: 0 });
  const pAlive = paretoNbdProbabilityAlive(model, customer);
  const { r, alpha, s, beta } = model;
  const { frequency: x, T } = customer;
  const expected = pAlive * ((r + x) / (alpha + T)) * (beta + T) * lifetimeFactor(s, beta + T, t);
  return checkResult(expected, 'Pareto/NBD', `conditional expected purchases at t = ${t}`, model);
}
