import { CxValidationError, type ValidationIssue } from '@cx/model';
import { type SbgModel, sbgRetentionRate } from './sbg.js';

/**
 * Options of {@link retentionWhatIf}.
 *
 * @category Contractual retention
 * @since 0.1.0
 */
export interface RetentionWhatIfOptions {
  /** Rise of every period's retention rate, as a fraction (0.05 = +5 points); each rate is capped at 1. */
  readonly lift: number;
  /** Periods to project, an integer ≥ 1. */
  readonly periods: number;
  /** Customers at period 0. Default: the model's `cohortSize`. */
  readonly cohortSize?: number;
  /** Value (margin) of one customer for one period, received at the end of the period. Default 1. */
  readonly valuePerPeriod?: number;
  /** Discount rate per period, ≥ 0. Default 0. */
  readonly discountRate?: number;
}

/**
 * Result of {@link retentionWhatIf}.
 *
 * @category Contractual retention
 * @since 0.1.0
 */
export interface RetentionWhatIf {
  /** Expected survivors at the end of each period 1…periods, as fitted. */
  readonly baselineSurvivors: readonly number[];
  /** Expected survivors with the lifted retention rates. */
  readonly scenarioSurvivors: readonly number[];
  /** Additional customers at the end of the horizon. */
  readonly extraCustomers: number;
  /** Additional customer-periods over the horizon (Σ of the survivor differences). */
  readonly extraCustomerPeriods: number;
  /** Discounted value of the cohort over the horizon, as fitted. */
  readonly baselineValue: number;
  /** Discounted value with the lift. */
  readonly scenarioValue: number;
  /** scenarioValue − baselineValue: what the lift is worth. */
  readonly extraValue: number;
}

/**
 * What a rise in retention is worth, from a fitted sBG model: each period's retention rate rₜ = (β + t − 1)/
 * (α + β + t − 1) becomes min(1, rₜ + lift); survivors, customer-periods and discounted value Σₜ survivorsₜ ·
 * value/(1 + d)^t are compared over the horizon.
 *
 * @param model - A fitted sBG model.
 * @param options - Lift, horizon, cohort size, value per period and discount rate.
 * @returns Survivors per period with and without the lift, and the differences.
 * @throws {@link @cx/model!CxValidationError} for invalid options (with `['options', name]` paths).
 * @example
 * ```ts
 * import { fitSbg, retentionWhatIf } from '@cx/metrics';
 * const model = fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]);
 * const whatIf = retentionWhatIf(model, { lift: 0.05, periods: 5, valuePerPeriod: 100, discountRate: 0.1 });
 * console.log(Math.round(whatIf.extraCustomers), Math.round(whatIf.extraValue)); // 107 30213
 * ```
 * @category Contractual retention
 * @since 0.1.0
 */
export function retentionWhatIf(
  model: Pick<SbgModel, 'alpha' | 'beta' | 'cohortSize'>,
  options: RetentionWhatIfOptions,
): RetentionWhatIf {
  const { lift, periods } = options;
  const cohortSize = options.cohortSize ?? model.cohortSize;
  const valuePerPeriod = options.valuePerPeriod ?? 1;
  const discountRate = options.discountRate ?? 0;
  const issues: ValidationIssue[] = [];
  const check = (ok: boolean, name: string, message: string): void => {
    if (!ok) issues.push({ path: ['options', name], message, code: 'out_of_range' });
  };
  check(
    Number.isFinite(lift) && lift >= -1 && lift <= 1,
    'lift',
    `Expected a fraction in [−1, 1], got ${lift}`,
  );
  check(Number.isInteger(periods) && periods >= 1, 'periods', `Expected an integer ≥ 1, got ${periods}`);
  check(
    Number.isFinite(cohortSize) && cohortSize >= 0,
    'cohortSize',
    `Expected a count ≥ 0, got ${cohortSize}`,
  );
  check(Number.isFinite(valuePerPeriod), 'valuePerPeriod', `Expected a finite value, got ${valuePerPeriod}`);
  check(
    Number.isFinite(discountRate) && discountRate >= 0,
    'discountRate',
    `Expected a rate ≥ 0, got ${discountRate}`,
  );
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'retention what-if options' });
  const baselineSurvivors: number[] = [];
  const scenarioSurvivors: number[] = [];
  let base = cohortSize;
  let scenario = cohortSize;
  let baselineValue = 0;
  let scenarioValue = 0;
  for (let t = 1; t <= periods; t++) {
    const r = sbgRetentionRate(model, t);
    base *= r;
    scenario *= Math.min(1, Math.max(0, r + lift));
    baselineSurvivors.push(base);
    scenarioSurvivors.push(scenario);
    const discount = (1 + discountRate) ** t;
    baselineValue += (base * valuePerPeriod) / discount;
    scenarioValue += (scenario * valuePerPeriod) / discount;
  }
  return {
    baselineSurvivors,
    scenarioSurvivors,
    extraCustomers: scenario - base,
    extraCustomerPeriods: scenarioSurvivors.reduce((s, v, i) => s + v - baselineSurvivors[i]!, 0),
    baselineValue,
    scenarioValue,
    extraValue: scenarioValue - baselineValue,
  };
}
