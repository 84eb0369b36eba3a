import { CxValidationError, type ValidationIssue } from '@cx/model';
import { logBeta } from '@cx/stats';
import { hyp2f1 } from '../numeric/hyp2f1.js';
import { minimizeNelderMead } from '../numeric/nelder-mead.js';

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
  /** Starting values. Default α = β = 1. */
  readonly start?: { readonly alpha: number; readonly beta: number };
  /** Optimizer iteration limit. Default 20,000. */
  readonly maxIterations?: number;
}

/** ln P(T = t) = ln B(α + 1, β + t − 1) − ln B(α, β). */
const logChurnAt = (alpha: number, beta: number, t: number): number =>
  logBeta(alpha + 1, beta + t - 1) - logBeta(alpha, beta);
/** ln S(t) = ln B(α, β + t) − ln B(α, β). */
const logSurvival = (alpha: number, beta: number, t: number): number =>
  logBeta(alpha, beta + t) - logBeta(alpha, beta);

/**
 * Fits the sBG model by maximum likelihood to a cohort's survivors: LL = Σₜ (nₜ₋₁ − nₜ) ln P(T = t) +
 * n_last ln S(last).
 *
 * @param survivors - Customers still active at the end of periods 0, 1, 2, …: a non-increasing list of
 * non-negative counts starting with the cohort size, at least two entries.
 * @param options - Starting values and iteration limit.
 * @returns The fitted {@link SbgModel}.
 * @throws {@link @cx/model!CxValidationError} for negative, non-finite or increasing counts, or too few.
 * @throws {@link CxConvergenceError} when the fit does not converge.
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
  const issues: ValidationIssue[] = [];
  if (survivors.length < 2) {
    issues.push({
      path: ['survivors'],
      message: 'Expected at least two periods (0 and 1)',
      code: 'too_small',
    });
  }
  survivors.forEach((n, i) => {
    if (!Number.isFinite(n) || n < 0) {
      issues.push({
        path: ['survivors', i],
        message: `Expected a count ≥ 0, got ${n}`,
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
  const negLL = ([la = 0, lb = 0]: readonly number[]): number => {
    const alpha = Math.exp(la);
    const beta = Math.exp(lb);
    let ll = 0;
    for (let t = 1; t <= last; t++) {
      const lost = (survivors[t - 1] as number) - (survivors[t] as number);
      if (lost > 0) ll += lost * logChurnAt(alpha, beta, t);
    }
    const remaining = survivors[last] as number;
    if (remaining > 0) ll += remaining * logSurvival(alpha, beta, last);
    return -ll;
  };
  const start = options.start ?? { alpha: 1, beta: 1 };
  const result = minimizeNelderMead(negLL, [Math.log(start.alpha), Math.log(start.beta)], {
    names: ['log alpha', 'log beta'],
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
  });
  return {
    alpha: Math.exp(result.x[0] as number),
    beta: Math.exp(result.x[1] as number),
    logLikelihood: -result.value,
    cohortSize: survivors[0] as number,
    periods: last,
  };
}

/**
 * sBG survival S(t) = B(α, β + t)/B(α, β): share of the cohort still active after t periods.
 *
 * @param model - A fitted or given model (`alpha`, `beta`).
 * @param t - Periods, ≥ 0.
 * @returns S(t).
 * @example
 * ```ts
 * import { sbgSurvival } from '@cx/metrics';
 * console.log(sbgSurvival({ alpha: 1, beta: 1 }, 3).toFixed(4)); // '0.2500' (= 1/(t + 1))
 * ```
 * @category Contractual retention
 * @since 0.1.0
 */
export function sbgSurvival(model: Pick<SbgModel, 'alpha' | 'beta'>, t: number): number {
  return Math.exp(logSurvival(model.alpha, model.beta, t));
}

/**
 * sBG retention rate of period t, rₜ = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1): it rises with t because
 * high-churn customers leave first.
 *
 * @param model - A fitted or given model.
 * @param t - Period, ≥ 1.
 * @returns rₜ.
 * @example
 * ```ts
 * import { sbgRetentionRate } from '@cx/metrics';
 * console.log(sbgRetentionRate({ alpha: 1, beta: 1 }, 1)); // 0.5
 * ```
 * @category Contractual retention
 * @since 0.1.0
 */
export function sbgRetentionRate(model: Pick<SbgModel, 'alpha' | 'beta'>, t: number): number {
  return (model.beta + t - 1) / (model.alpha + model.beta + t - 1);
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
 * @param periods - Last period to project, ≥ 0.
 * @param cohortSize - Cohort size to scale survival by. Default `model.cohortSize`.
 * @returns One row per period.
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
  const rows: SbgProjectionRow[] = [];
  let survival = 1;
  for (let t = 0; t <= periods; t++) {
    const retention = t === 0 ? 1 : sbgRetentionRate(model, t);
    survival *= retention;
    rows.push({ period: t, survival, retention, survivors: cohortSize * survival });
  }
  return rows;
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
 * @throws {@link @cx/model!CxValidationError} when d ≤ 0 or n < 0.
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
  const issues: ValidationIssue[] = [];
  if (!(discountRate > 0)) {
    issues.push({
      path: ['discountRate'],
      message: `Expected d > 0, got ${discountRate}`,
      code: 'out_of_range',
    });
  }
  if (!(renewals >= 0)) {
    issues.push({ path: ['renewals'], message: `Expected n ≥ 0, got ${renewals}`, code: 'out_of_range' });
  }
  if (issues.length > 0) throw new CxValidationError(issues);
  const { alpha, beta } = model;
  const n = renewals;
  return (
    ((beta + n) / (alpha + beta + n)) * hyp2f1(1, beta + n + 1, alpha + beta + n + 1, 1 / (1 + discountRate))
  );
}
