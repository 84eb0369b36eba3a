import { CxValidationError, parseOptions } from '@cx/model';
import { z } from 'zod';
import { checkResult } from '../parameters.js';
import { checkTimeUnit, convertDuration, type TimeUnit, timeUnitOption } from '../time-unit.js';
import { type BgNbdModel, bgNbdConditionalExpectedPurchases } from './bg-nbd.js';
import { checkHistories, type RepeatPurchaseHistory } from './customers.js';
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
  /** Number of discounting periods in the horizon, a whole number from 1 to 10,000. */
  readonly periods: number;
  /** Length of one discounting period, in `periodUnit`. */
  readonly periodLength: number;
  /** Unit of `periodLength` (converted to the model's unit with fixed lengths, see {@link TimeUnit}). */
  readonly periodUnit: TimeUnit;
  /** Discount rate per period, ≥ 0 (e.g. 0.01 per month). */
  readonly discountRate: number;
}

const clvSchema = z.strictObject({
  spendPerPurchase: z.number({ error: 'Expected a finite value per purchase' }).min(0),
  periods: z
    .number()
    .int({ error: 'Expected a whole number of periods' })
    .min(1)
    .max(10_000, { error: 'Expected at most 10,000 periods' }),
  periodLength: z.number({ error: 'Expected a finite length' }).gt(0, { error: 'Expected a length > 0' }),
  periodUnit: timeUnitOption,
  discountRate: z.number({ error: 'Expected a finite rate' }).min(0),
});

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
 * @param model - A fitted transaction model (or its parameters with `kind` and `timeUnit`); its `timeUnit` says
 * what its times mean.
 * @param customer - The customer's history (x, tₓ, T) in the model's unit.
 * @param options - Spend per purchase, horizon, period length and unit, discount rate; all required.
 * @returns The value, expected purchases and a per-period breakdown.
 * @throws {@link @cx/model!CxOptionsError} for missing or invalid options.
 * @throws {@link @cx/model!CxValidationError} for a model of another kind, parameters that are not finite and
 * positive, or an invalid history.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range` at `['model']`) when the parameters, each in range, are
 * too extreme together for a finite result in double precision (a number of the result would be NaN or ±∞).
 * @throws {@link @cx/model!CxError} (`not_converged`) when the Gauss hypergeometric function ₂F₁ of the purchase model does
 * not converge to double precision within its term limit (extreme parameters); no approximate value is returned.
 * @example
 * ```ts
 * import { customerLifetimeValue } from '@cx/metrics';
 * const model = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, timeUnit: 'week' } as const;
 * const clv = customerLifetimeValue(
 *   model,
 *   { frequency: 2, recency: 30.43, T: 38.86 },
 *   { spendPerPurchase: 25, periods: 12, periodLength: 1, periodUnit: 'month', discountRate: 0.01 },
 * );
 * console.log(clv.expectedPurchases.toFixed(3)); // '1.563'
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function customerLifetimeValue(
  model:
    | Pick<BgNbdModel, 'kind' | 'r' | 'alpha' | 'a' | 'b' | 'timeUnit'>
    | Pick<ParetoNbdModel, 'kind' | 'r' | 'alpha' | 's' | 'beta' | 'timeUnit'>,
  customer: RepeatPurchaseHistory,
  options: CustomerLifetimeValueOptions,
): CustomerLifetimeValue {
  const o = parseOptions(clvSchema, options, 'customerLifetimeValue');
  const kind = (model as { kind?: unknown } | null)?.kind;
  if (kind !== 'bg-nbd' && kind !== 'pareto-nbd') {
    throw new CxValidationError([
      {
        path: ['model', 'kind'],
        code: 'invalid_value',
        message: `Expected a BG/NBD ('bg-nbd') or Pareto/NBD ('pareto-nbd') model, got ${JSON.stringify(kind)}`,
      },
    ]);
  }
  const modelUnit = checkTimeUnit(model.timeUnit, ['model', 'timeUnit']);
  checkHistories([customer]);
  const { spendPerPurchase, periods, discountRate } = o;
  const length = convertDuration(o.periodLength, o.periodUnit, modelUnit);
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
  return checkResult(
    { value, expectedPurchases: previous, periods: rows },
    model.kind === 'bg-nbd' ? 'BG/NBD' : 'Pareto/NBD',
    `lifetime value over ${periods} periods`,
    model,
  );
}
