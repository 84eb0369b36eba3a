import { parseOptions } from '@cx/model';
import { z } from 'zod';
import { checkNumber, checkParameters, checkResult } from '../parameters.js';
import { retentionRateOf, type SbgModel } from './sbg.js';

/**
 * Options of {@link retentionWhatIf}.
 *
 * @category Contractual retention
 * @since 0.1.0
 */
export interface RetentionWhatIfOptions {
  /** Rise of every period's retention rate, a fraction in [−1, 1] (0.05 = +5 points); each rate stays in [0, 1]. */
  readonly lift: number;
  /** Periods to project, a whole number from 1 to 10,000. */
  readonly periods: number;
  /** Customers at period 0, finite and ≥ 0. Default: the model's `cohortSize`. */
  readonly cohortSize?: number | undefined;
  /** Value (margin) of one customer for one period, received at the end of the period. Default 1. */
  readonly valuePerPeriod?: number | undefined;
  /** Discount rate per period, ≥ 0. Default 0. */
  readonly discountRate?: number | undefined;
}

const whatIfSchema = z.strictObject({
  lift: z.number({ error: 'Expected a fraction such as 0.05' }).min(-1).max(1),
  periods: z
    .number()
    .int({ error: 'Expected a whole number of periods' })
    .min(1)
    .max(10_000, { error: 'Expected at most 10,000 periods' }),
  cohortSize: z.number().min(0).optional(),
  valuePerPeriod: z.number({ error: 'Expected a finite value' }).default(1),
  discountRate: z.number({ error: 'Expected a finite rate' }).min(0).default(0),
});

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
 * @throws {@link @cx/model!CxOptionsError} for missing or invalid options.
 * @throws {@link @cx/model!CxValidationError} for parameters out of range, or no finite cohort size (neither given
 * nor in the model).
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
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
  const o = parseOptions(whatIfSchema, options, 'retentionWhatIf');
  checkParameters(model, [{ name: 'alpha' }, { name: 'beta' }], 'sBG');
  const cohortSize = checkNumber(o.cohortSize ?? model.cohortSize, 'cohortSize', { min: 0 });
  const { lift, periods, valuePerPeriod, discountRate } = o;
  const { alpha, beta } = model;
  const baselineSurvivors: number[] = [];
  const scenarioSurvivors: number[] = [];
  let base = cohortSize;
  let scenario = cohortSize;
  let baselineValue = 0;
  let scenarioValue = 0;
  for (let t = 1; t <= periods; t++) {
    const r = retentionRateOf(alpha, beta, t);
    base *= r;
    scenario *= Math.min(1, Math.max(0, r + lift));
    baselineSurvivors.push(base);
    scenarioSurvivors.push(scenario);
    const discount = (1 + discountRate) ** t;
    baselineValue += (base * valuePerPeriod) / discount;
    scenarioValue += (scenario * valuePerPeriod) / discount;
  }
  return checkResult(
    {
      baselineSurvivors,
      scenarioSurvivors,
      extraCustomers: scenario - base,
      extraCustomerPeriods: scenarioSurvivors.reduce((s, v, i) => s + v - baselineSurvivors[i]!, 0),
      baselineValue,
      scenarioValue,
      extraValue: scenarioValue - baselineValue,
    },
    'sBG',
    `what-if over ${periods} periods`,
    model,
  );
}
