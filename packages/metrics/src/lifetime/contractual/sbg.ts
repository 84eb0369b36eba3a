import {
  CxFitError,
  CxLimitError,
  CxValidationError,
  DEFAULT_MAX_PERIODS,
  parseOptions,
  type ValidationIssue,
} from '@cx/model';
import { logBeta } from '@cx/stats';
import { z } from 'zod';
import { fitPositive } from '../fit.js';
import { hyp2f1 } from '../numeric/hyp2f1.js';
import { checkNumber, checkParameters, checkResult, maxIterationsOption } from '../parameters.js';

/**
 * A fitted shifted-beta-geometric (sBG) model of contract renewal: each customer churns at the end of a period
 * with a constant probability θ, and θ ~ Beta(α, β) across customers (Fader & Hardie 2007).
 *
 * @category Contractual retention
 * @since 0.1.0
 */
export interface SbgModel {
  /** α of the churn-probability beta distribution. */
  readonly alpha: number;
  /** β of the churn-probability beta distribution. */
  readonly beta: number;
  /** Maximized log-likelihood. */
  readonly logLikelihood: number;
  /** Customers at period 0 of the fitted cohort. */
  readonly cohortSize: number;
  /** Periods of data the fit used. */
  readonly periods: number;
}

/**
 * Options of {@link fitSbg}.
 *
 * @category Contractual retention
 * @since 0.1.0
 */
export interface FitSbgOptions {
  /** Starting values, each in [10⁻⁵, 10⁵]. Default α = β = 1. */
  readonly start?: { readonly alpha: number; readonly beta: number } | undefined;
  /** Optimizer iteration limit, 1 to 10,000,000. Default 20,000. */
  readonly maxIterations?: number | undefined;
}

const startValue = z
  .number({ error: 'Expected a finite starting value' })
  .min(1e-5, { error: 'Expected a starting value ≥ 1e-5' })
  .max(1e5, { error: 'Expected a starting value ≤ 1e5' });
const fitSchema = z.strictObject({
  start: z.strictObject({ alpha: startValue, beta: startValue }).default({ alpha: 1, beta: 1 }),
  maxIterations: maxIterationsOption,
});

/** Checks the parameters of an sBG model given to a prediction (internal). */
function checkSbg(model: unknown): void {
  checkParameters(model, [{ name: 'alpha' }, { name: 'beta' }], 'sBG');
}

/** ln P(T = t) = ln B(α + 1, β + t − 1) − ln B(α, β). */
const logChurnAt = (alpha: number, beta: number, t: number): number =>
  logBeta(alpha + 1, beta + t - 1) - logBeta(alpha, beta);
/** rₜ = (β + t − 1)/(α + β + t − 1) of checked parameters (internal). */
export const retentionRateOf = (alpha: number, beta: number, t: number): number =>
  (beta + t - 1) / (alpha + beta + t - 1);
/** ln S(t) = ln B(α, β + t) − ln B(α, β). */
const logSurvival = (alpha: number, beta: number, t: number): number =>
  logBeta(alpha, beta + t) - logBeta(alpha, beta);

/**
 * Fits the sBG model by maximum likelihood to a cohort's survivors: LL = Σₜ (nₜ₋₁ − nₜ) ln P(T = t) +
 * n_last ln S(last).
 *
 * @param survivors - Customers still active at the end of periods 0, 1, 2, …: a non-increasing list of
 * non-negative whole counts starting with the cohort size; at least three entries (two periods) for a fit.
 * @param options - Starting values and iteration limit.
 * @returns The fitted {@link SbgModel}.
 * @throws {@link @cx/model!CxOptionsError} for invalid options.
 * @throws {@link @cx/model!CxValidationError} for negative, fractional, non-finite or increasing counts, or too few.
 * @throws {@link @cx/model!CxFitError} (`not_identifiable`) with fewer than two periods, when nobody churned, or when
 * everybody churned in the first period; (`degenerate_fit`, `not_converged`) when the likelihood rises towards a boundary or the optimiser does not
 * converge.
 * @example
 * ```ts
 * import { fitSbg } from '@cx/metrics';
 * // Fader & Hardie (2007), "high end" customers, years 0–7
 * const model = fitSbg([1000, 869, 743, 653, 593, 551, 517, 491]);
 * console.log(model.alpha.toFixed(3), model.beta.toFixed(3)); // '0.668' '3.806'
 * ```
 * @category Contractual retention
 * @since 0.1.0
 */
export function fitSbg(survivors: readonly number[], options: FitSbgOptions = {}): SbgModel {
  const o = parseOptions(fitSchema, options, 'fitSbg');
  if (!Array.isArray(survivors)) {
    throw new CxValidationError([
      { path: ['survivors'], message: 'Expected a list of counts', code: 'invalid_type' },
    ]);
  }
  const issues: ValidationIssue[] = [];
  if (survivors.length < 2) {
    issues.push({
      path: ['survivors'],
      message: 'Expected at least two periods (0 and 1)',
      code: 'too_small',
    });
  }
  survivors.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 0) {
      issues.push({
        path: ['survivors', i],
        message: `Expected a whole count ≥ 0, got ${n}`,
        code: 'out_of_range',
      });
    } else if (i > 0 && n > (survivors[i - 1] as number)) {
      issues.push({
        path: ['survivors', i],
        message: `Survivors cannot increase: ${n} after ${survivors[i - 1]}`,
        code: 'not_monotone',
      });
    }
  });
  if (survivors[0] === 0) {
    issues.push({ path: ['survivors', 0], message: 'The cohort is empty', code: 'too_small' });
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'sBG survivors' });
  const last = survivors.length - 1;
  const first = survivors[0] as number;
  const why =
    last < 2
      ? `sBG has two parameters and one period gives one number (the first-period churn): it needs at least two periods, got ${last}`
      : survivors[last] === first
        ? `sBG needs churn: all ${first} customers stayed for ${last} periods, so the churn probability cannot be told from 0`
        : survivors[1] === 0
          ? `sBG needs renewals: all ${first} customers churned in the first period, so the churn probability cannot be told from 1`
          : undefined;
  if (why !== undefined) throw new CxFitError('not_identifiable', why, { model: 'sBG' });
  const fit = fitPositive({
    model: 'sBG',
    names: ['alpha', 'beta'],
    scales: [1, 1],
    start: [o.start.alpha, o.start.beta],
    maxIterations: o.maxIterations,
    negLogLikelihood: ([alpha = 1, beta = 1]) => {
      let ll = 0;
      for (let t = 1; t <= last; t++) {
        const lost = (survivors[t - 1] as number) - (survivors[t] as number);
        if (lost > 0) ll += lost * logChurnAt(alpha, beta, t);
      }
      const remaining = survivors[last] as number;
      if (remaining > 0) ll += remaining * logSurvival(alpha, beta, last);
      return -ll;
    },
  });
  const [alpha, beta] = fit.parameters as [number, number];
  return { alpha, beta, logLikelihood: fit.logLikelihood, cohortSize: first, periods: last };
}

/**
 * sBG survival S(t) = B(α, β + t)/B(α, β): share of the cohort still active after t periods.
 *
 * @param model - A fitted or given model (`alpha`, `beta`).
 * @param t - Periods, a finite number ≥ 0.
 * @returns S(t).
 * @throws {@link @cx/model!CxValidationError} when t or a parameter is out of range.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
 * @example
 * ```ts
 * import { sbgSurvival } from '@cx/metrics';
 * console.log(sbgSurvival({ alpha: 1, beta: 1 }, 3).toFixed(4)); // '0.2500' (= 1/(t + 1))
 * ```
 * @category Contractual retention
 * @since 0.1.0
 */
export function sbgSurvival(model: Pick<SbgModel, 'alpha' | 'beta'>, t: number): number {
  checkSbg(model);
  checkNumber(t, 't', { min: 0 });
  return checkResult(Math.exp(logSurvival(model.alpha, model.beta, t)), 'sBG', `survival at t = ${t}`, model);
}

/**
 * sBG retention rate of period t, rₜ = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1): it rises with t because
 * high-churn customers leave first.
 *
 * @param model - A fitted or given model.
 * @param t - Period, a finite number ≥ 1.
 * @returns rₜ.
 * @throws {@link @cx/model!CxValidationError} when t or a parameter is out of range.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
 * @example
 * ```ts
 * import { sbgRetentionRate } from '@cx/metrics';
 * console.log(sbgRetentionRate({ alpha: 1, beta: 1 }, 1)); // 0.5
 * ```
 * @category Contractual retention
 * @since 0.1.0
 */
export function sbgRetentionRate(model: Pick<SbgModel, 'alpha' | 'beta'>, t: number): number {
  checkSbg(model);
  checkNumber(t, 't', { min: 1 });
  return checkResult(retentionRateOf(model.alpha, model.beta, t), 'sBG', `retention rate at t = ${t}`, model);
}

/**
 * One projected period of {@link sbgProject}.
 *
 * @category Contractual retention
 * @since 0.1.0
 */
export interface SbgProjectionRow {
  /** Period t (0 is the start). */
  readonly period: number;
  /** S(t). */
  readonly survival: number;
  /** rₜ (1 for period 0). */
  readonly retention: number;
  /** cohortSize × S(t). */
  readonly survivors: number;
}

/**
 * Projects survival, retention and survivors for periods 0…`periods`.
 *
 * @param model - A fitted model (its `cohortSize` is used unless `cohortSize` is given).
 * @param periods - Last period to project, a whole number from 0 to {@link @cx/model!DEFAULT_MAX_PERIODS}.
 * @param cohortSize - Cohort size to scale survival by, finite and ≥ 0. Default `model.cohortSize`.
 * @returns One row per period; never NaN.
 * @throws {@link @cx/model!CxValidationError} for parameters out of range, or no finite cohort size (neither given
 * nor in the model).
 * @throws {@link @cx/model!CxLimitError} (`too_many_periods`) beyond the bound.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
 * @example
 * ```ts
 * import { sbgProject } from '@cx/metrics';
 * const rows = sbgProject({ alpha: 1, beta: 1, cohortSize: 100 }, 2);
 * console.log(rows.map((r) => r.survivors)); // [100, 50, 33.33333333333333]
 * ```
 * @category Contractual retention
 * @since 0.1.0
 */
export function sbgProject(
  model: Pick<SbgModel, 'alpha' | 'beta' | 'cohortSize'>,
  periods: number,
  cohortSize: number = model.cohortSize,
): SbgProjectionRow[] {
  checkSbg(model);
  checkNumber(periods, 'periods', { min: 0, integer: true });
  checkNumber(cohortSize, 'cohortSize', { min: 0 });
  if (periods > DEFAULT_MAX_PERIODS) {
    throw new CxLimitError('too_many_periods', `An sBG projection of ${periods} periods`, {
      limit: DEFAULT_MAX_PERIODS,
      actual: periods,
      path: ['periods'],
    });
  }
  const { alpha, beta } = model;
  const rows: SbgProjectionRow[] = [];
  let survival = 1;
  for (let t = 0; t <= periods; t++) {
    const retention = t === 0 ? 1 : retentionRateOf(alpha, beta, t);
    survival *= retention;
    rows.push({ period: t, survival, retention, survivors: cohortSize * survival });
  }
  return checkResult(rows, 'sBG', `projection over ${periods} periods`, model);
}

/**
 * Discounted expected residual lifetime (DERL) of a customer who has renewed `renewals` times (Fader & Hardie
 * 2010, "Customer-Base Valuation in a Contractual Setting"): Σ_{t > n} S(t)/S(n) · (1 + d)^−(t − n − 1) =
 * (β + n)/(α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; 1/(1 + d)). Multiply by the margin per period for the
 * residual lifetime value.
 *
 * @param model - A fitted or given model.
 * @param renewals - Renewals so far, n ≥ 0.
 * @param discountRate - Discount rate per period, d > 0.
 * @returns DERL in periods.
 * @throws {@link @cx/model!CxValidationError} when d ≤ 0, n < 0, either is not finite, or a parameter is out of
 * range.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
 * @throws {@link @cx/model!CxError} (`not_converged`) when the Gauss hypergeometric function ₂F₁ in the formula does not
 * converge to double precision within its term limit (extreme parameters); no approximate value is returned.
 * @example
 * ```ts
 * import { sbgDiscountedResidualLifetime } from '@cx/metrics';
 * console.log(sbgDiscountedResidualLifetime({ alpha: 1, beta: 1 }, 0, 0.1).toFixed(4)); // '1.8015'
 * ```
 * @category Contractual retention
 * @since 0.1.0
 */
export function sbgDiscountedResidualLifetime(
  model: Pick<SbgModel, 'alpha' | 'beta'>,
  renewals: number,
  discountRate: number,
): number {
  checkSbg(model);
  checkNumber(renewals, 'renewals', { min: 0 });
  checkNumber(discountRate, 'discountRate', { min: 0, strict: true });
  const { alpha, beta } = model;
  const n = renewals;
  const derl =
    ((beta + n) / (alpha + beta + n)) * hyp2f1(1, beta + n + 1, alpha + beta + n + 1, 1 / (1 + discountRate));
  return checkResult(derl, 'sBG', `discounted residual lifetime after ${n} renewals`, model);
}
