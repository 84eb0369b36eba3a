import { CxValidationError, type ValidationIssue } from '@cx/model';
import { checkTimeUnit, convertDuration, type TimeUnit } from '../time-unit.js';
import { type BgNbdModel, bgNbdConditionalExpectedPurchases } from './bg-nbd.js';
import type { RepeatPurchaseHistory } from './customers.js';
import { type ParetoNbdModel, paretoNbdConditionalExpectedPurchases } from './pareto-nbd.js';

/**
 * Options of {@link customerLifetimeValue}. Every unit is explicit: no "30 days per month" assumption.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface CustomerLifetimeValueOptions {
  /** Expected value (margin) per purchase, e.g. from {@link gammaGammaExpectedSpend}. */
  readonly spendPerPurchase: number;
  /** Number of discounting periods in the horizon, an integer ≥ 1. */
  readonly periods: number;
  /** Length of one discounting period, in `periodUnit`. */
  readonly periodLength: number;
  /** Unit of `periodLength` (converted to the model's unit with fixed lengths, see {@link TimeUnit}). */
  readonly periodUnit: TimeUnit;
  /** Discount rate per period, ≥ 0 (e.g. 0.01 per month). */
  readonly discountRate: number;
}

/**
 * One period of {@link customerLifetimeValue}.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface CustomerLifetimeValuePeriod {
  /** Period i (1-based). */
  readonly period: number;
  /** Expected purchases in period i. */
  readonly expectedPurchases: number;
  /** Their value discounted to today: purchases × spend / (1 + d)^i. */
  readonly discountedValue: number;
}

/**
 * Result of {@link customerLifetimeValue}.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface CustomerLifetimeValue {
  /** Discounted residual value over the horizon. */
  readonly value: number;
  /** Expected purchases over the horizon. */
  readonly expectedPurchases: number;
  /** Per-period breakdown. */
  readonly periods: readonly CustomerLifetimeValuePeriod[];
}

/**
 * Discounted residual customer lifetime value from a fitted BG/NBD or Pareto/NBD model: Σᵢ (E[Y(iL)] −
 * E[Y((i − 1)L)]) · spend / (1 + d)^i over i = 1…periods, where L is the period length in the model's time
 * unit and purchases in period i are discounted at its end.
 *
 * @param model - A fitted transaction model; its `timeUnit` says what its times mean.
 * @param customer - The customer's history (x, tₓ, T) in the model's unit.
 * @param options - Spend per purchase, horizon, period length and unit, discount rate.
 * @returns The value, expected purchases and a per-period breakdown.
 * @throws {@link @cx/model!CxValidationError} for invalid options (with `['options', name]` paths) or history.
 * @example
 * ```ts
 * import { customerLifetimeValue } from '@cx/metrics';
 * const model = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, timeUnit: 'week' } as const;
 * const clv = customerLifetimeValue(
 *   { ...model, logLikelihood: Number.NaN, n: 0 },
 *   { frequency: 2, recency: 30.43, T: 38.86 },
 *   { spendPerPurchase: 25, periods: 12, periodLength: 1, periodUnit: 'month', discountRate: 0.01 },
 * );
 * console.log(clv.expectedPurchases.toFixed(3)); // '1.563'
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function customerLifetimeValue(
  model: BgNbdModel | ParetoNbdModel,
  customer: RepeatPurchaseHistory,
  options: CustomerLifetimeValueOptions,
): CustomerLifetimeValue {
  const issues: ValidationIssue[] = [];
  const { spendPerPurchase, periods, periodLength, discountRate } = options;
  if (!Number.isFinite(spendPerPurchase) || spendPerPurchase < 0) {
    issues.push({
      path: ['options', 'spendPerPurchase'],
      message: 'Expected a finite value ≥ 0',
      code: 'out_of_range',
    });
  }
  if (!Number.isInteger(periods) || periods < 1) {
    issues.push({ path: ['options', 'periods'], message: 'Expected an integer ≥ 1', code: 'out_of_range' });
  }
  if (!(periodLength > 0) || !Number.isFinite(periodLength)) {
    issues.push({
      path: ['options', 'periodLength'],
      message: 'Expected a finite length > 0',
      code: 'out_of_range',
    });
  }
  if (!(discountRate >= 0) || !Number.isFinite(discountRate)) {
    issues.push({
      path: ['options', 'discountRate'],
      message: 'Expected a finite rate ≥ 0',
      code: 'out_of_range',
    });
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'CLV options' });
  const periodUnit = checkTimeUnit(options.periodUnit, ['options', 'periodUnit']);
  const modelUnit = checkTimeUnit(model.timeUnit, ['model', 'timeUnit']);
  const length = convertDuration(periodLength, periodUnit, modelUnit);
  const expected = (t: number): number =>
    model.kind === 'bg-nbd'
      ? bgNbdConditionalExpectedPurchases(model, customer, t)
      : paretoNbdConditionalExpectedPurchases(model, customer, t);
  const rows: CustomerLifetimeValuePeriod[] = [];
  let previous = 0;
  let value = 0;
  for (let i = 1; i <= periods; i++) {
    const cumulative = expected(i * length);
    const purchases = cumulative - previous;
    const discountedValue = (purchases * spendPerPurchase) / (1 + discountRate) ** i;
    rows.push({ period: i, expectedPurchases: purchases, discountedValue });
    value += discountedValue;
    previous = cumulative;
  }
  return { value, expectedPurchases: previous, periods: rows };
}
