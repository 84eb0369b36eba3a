import { CxFitError, CxValidationError, parseOptions, type ValidationIssue } from '@cx/model';
import { logGamma } from '@cx/stats';
import { z } from 'zod';
import { fitPositive } from '../fit.js';
import { checkParameters, checkResult, maxIterationsOption } from '../parameters.js';

/**
 * Spend history of one customer for the Gamma-Gamma model.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface SpendHistory {
  /** x: repeat purchases. */
  readonly frequency: number;
  /** m̄: mean value of those purchases (> 0 when x > 0). */
  readonly monetaryValue: number;
}

/**
 * A Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Hardie note 025): each transaction value
 * is Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of the purchase process.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface GammaGammaModel {
  /** Discriminator. */
  readonly kind: 'gamma-gamma';
  /** Shape p of a transaction's value. */
  readonly p: number;
  /** Shape q of the customers' ν. */
  readonly q: number;
  /** Scale γ (lifetimes calls it v) of the customers' ν. */
  readonly gamma: number;
  /** Maximized log-likelihood. */
  readonly logLikelihood: number;
  /** Customers in the fit (those with x > 0). */
  readonly n: number;
  /** Customers left out because x = 0 (their mean spend is undefined). */
  readonly excluded: number;
}

/**
 * Options of {@link fitGammaGamma}.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface FitGammaGammaOptions {
  /** Optimizer iteration limit, 1 to 10,000,000. Default 20,000. */
  readonly maxIterations?: number | undefined;
}

const fitSchema = z.strictObject({ maxIterations: maxIterationsOption });

/**
 * Fits the Gamma-Gamma spend model by maximum likelihood on customers with at least one repeat purchase
 * (x = 0 rows are counted in `excluded`). Assumes spend is independent of purchase frequency: check the
 * correlation of x and m̄ before use.
 *
 * @param customers - Frequency and mean repeat-purchase value per customer (e.g. {@link rfmSummary} rows).
 * @param options - Iteration limit.
 * @returns The fitted {@link GammaGammaModel}.
 * @throws {@link @cx/model!CxOptionsError} for invalid options.
 * @throws {@link @cx/model!CxValidationError} for a negative or fractional frequency, or a non-positive mean
 * value with x > 0.
 * @throws {@link @cx/model!CxFitError} (`not_identifiable`) when no customer has a repeat purchase;
 * (`degenerate_fit`, `not_converged`) when the likelihood rises towards a boundary or the optimiser does not converge.
 * @example
 * ```ts
 * import { fitGammaGamma } from '@cx/metrics';
 * import { CxFitError } from '@cx/model';
 * // Five customers cannot pin down three parameters: the likelihood keeps rising towards p → ∞,
 * // and the fit says so instead of returning garbage. On CDNOW (946 repeat buyers) it converges.
 * try {
 *   fitGammaGamma([
 *     { frequency: 2, monetaryValue: 22.35 },
 *     { frequency: 1, monetaryValue: 11.77 },
 *     { frequency: 7, monetaryValue: 73.74 },
 *     { frequency: 1, monetaryValue: 11.77 },
 *     { frequency: 3, monetaryValue: 18.0 },
 *   ]);
 * } catch (error) {
 *   console.log(error instanceof CxFitError); // true
 * }
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function fitGammaGamma(
  customers: readonly SpendHistory[],
  options: FitGammaGammaOptions = {},
): GammaGammaModel {
  const { maxIterations } = parseOptions(fitSchema, options, 'fitGammaGamma');
  if (!Array.isArray(customers)) {
    throw new CxValidationError([
      { path: ['customers'], message: 'Expected a list of spend histories', code: 'invalid_type' },
    ]);
  }
  const issues: ValidationIssue[] = [];
  customers.forEach((c, i) => {
    if (typeof c !== 'object' || c === null) {
      issues.push({
        path: ['customers', i],
        message: 'Expected { frequency, monetaryValue }',
        code: 'invalid_type',
      });
    } else if (!Number.isInteger(c.frequency) || c.frequency < 0) {
      issues.push({
        path: ['customers', i, 'frequency'],
        message: `Expected an integer ≥ 0, got ${c.frequency}`,
        code: 'out_of_range',
      });
    } else if (c.frequency > 0 && !(c.monetaryValue > 0 && Number.isFinite(c.monetaryValue))) {
      issues.push({
        path: ['customers', i, 'monetaryValue'],
        message: `Expected a mean value > 0 for a customer with repeat purchases, got ${c.monetaryValue}`,
        code: 'out_of_range',
      });
    }
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'spend histories' });
  const used = customers.filter((c) => c.frequency > 0);
  if (used.length === 0) {
    throw new CxFitError(
      'not_identifiable',
      `Gamma-Gamma needs customers with repeat purchases: none of the ${customers.length} has one, so no mean spend is observed`,
      { model: 'Gamma-Gamma' },
    );
  }
  const negLL = ([p = 1, q = 1, g = 1]: readonly number[]): number => {
    let ll = 0;
    for (const { frequency: x, monetaryValue: m } of used) {
      ll +=
        logGamma(p * x + q) -
        logGamma(p * x) -
        logGamma(q) +
        q * Math.log(g) +
        (p * x - 1) * Math.log(m) +
        p * x * Math.log(x) -
        (p * x + q) * Math.log(x * m + g);
    }
    return -ll;
  };
  const mean = used.reduce((s, c) => s + c.monetaryValue, 0) / used.length;
  const fit = fitPositive({
    model: 'Gamma-Gamma',
    names: ['p', 'q', 'gamma'],
    scales: [1, 1, mean],
    maxIterations,
    negLogLikelihood: negLL,
  });
  const [p, q, gamma] = fit.parameters as [number, number, number];
  return {
    kind: 'gamma-gamma',
    p,
    q,
    gamma,
    logLikelihood: fit.logLikelihood,
    n: used.length,
    excluded: customers.length - used.length,
  };
}

/**
 * Expected mean transaction value of a customer, E[M | x, m̄] = p(γ + x·m̄)/(p·x + q − 1): a weighted average of
 * the population mean pγ/(q − 1) and the customer's own mean. For x = 0 it is the population mean.
 *
 * @param model - A Gamma-Gamma model (q > 1 for a finite mean).
 * @param customer - The customer's frequency and mean value.
 * @returns Expected value per transaction.
 * @throws {@link @cx/model!CxValidationError} when a parameter is not finite and positive, q ≤ 1 (infinite mean), or
 * the history is invalid.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
 * @example
 * ```ts
 * import { gammaGammaExpectedSpend } from '@cx/metrics';
 * const model = { p: 6.25, q: 3.74, gamma: 15.44 };
 * console.log(gammaGammaExpectedSpend(model, { frequency: 0, monetaryValue: 0 }).toFixed(2)); // '35.22'
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function gammaGammaExpectedSpend(
  model: Pick<GammaGammaModel, 'p' | 'q' | 'gamma'>,
  customer: SpendHistory,
): number {
  checkParameters(
    model,
    [{ name: 'p' }, { name: 'q', above: 1, why: 'for a finite mean' }, { name: 'gamma' }],
    'Gamma-Gamma',
  );
  const issues: ValidationIssue[] = [];
  if (!Number.isInteger(customer?.frequency) || customer.frequency < 0) {
    issues.push({
      path: ['customer', 'frequency'],
      message: `Expected an integer ≥ 0, got ${String(customer?.frequency)}`,
      code: 'out_of_range',
    });
  } else if (
    customer.frequency > 0 &&
    !(customer.monetaryValue > 0 && Number.isFinite(customer.monetaryValue))
  ) {
    issues.push({
      path: ['customer', 'monetaryValue'],
      message: `Expected a finite mean value > 0, got ${String(customer.monetaryValue)}`,
      code: 'out_of_range',
    });
  }
  if (issues.length > 0) throw new CxValidationError(issues);
  const { p, q, gamma } = model;
  const x = customer.frequency;
  const spend = (p * (gamma + x * customer.monetaryValue)) / (p * x + q - 1);
  return checkResult(spend, 'Gamma-Gamma', 'expected spend', model);
}
