// Issue 13: predictions reject parameters that are not finite or out of range with a typed error, never NaN.
import { CxError, CxLimitError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
} from './btyd/bg-nbd.js';
import { customerLifetimeValue } from './btyd/clv.js';
import { gammaGammaExpectedSpend } from './btyd/gamma-gamma.js';
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
} from './btyd/pareto-nbd.js';
import {
  sbgDiscountedResidualLifetime,
  sbgProject,
  sbgRetentionRate,
  sbgSurvival,
} from './contractual/sbg.js';
import { retentionWhatIf } from './contractual/what-if.js';
import { kaplanMeier, survivalAt } from './survival/kaplan-meier.js';
import { convertDuration } from './time-unit.js';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PARETO = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const customer = { frequency: 2, recency: 30.43, T: 38.86 };

function issue(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CxValidationError);
    return (error as CxValidationError).issues[0];
  }
  throw new Error('expected a CxValidationError');
}

describe('checked model parameters', () => {
  it('BG/NBD rejects r = −1, NaN, Infinity and a missing parameter', () => {
    expect(issue(() => bgNbdExpectedPurchases({ ...BG, r: -1 }, 39))).toMatchObject({
      path: ['model', 'r'],
      code: 'out_of_range',
    });
    expect(issue(() => bgNbdExpectedPurchases({ ...BG, r: Number.NaN }, 39))?.path).toEqual(['model', 'r']);
    expect(
      issue(() => bgNbdProbabilityAlive({ ...BG, alpha: Number.POSITIVE_INFINITY }, customer))?.path,
    ).toEqual(['model', 'alpha']);
    expect(issue(() => bgNbdProbabilityOfPurchases({ ...BG, a: 0 }, 39, 2))?.path).toEqual(['model', 'a']);
    const { b: _, ...noB } = BG;
    expect(issue(() => bgNbdConditionalExpectedPurchases(noB as never, customer, 39))).toMatchObject({
      path: ['model', 'b'],
      code: 'invalid_type',
    });
  });

  it('Pareto/NBD, Gamma-Gamma and sBG do the same', () => {
    expect(issue(() => paretoNbdExpectedPurchases({ ...PARETO, s: -1 }, 39))?.path).toEqual(['model', 's']);
    expect(issue(() => paretoNbdProbabilityAlive({ ...PARETO, beta: Number.NaN }, customer))?.path).toEqual([
      'model',
      'beta',
    ]);
    expect(
      issue(() =>
        gammaGammaExpectedSpend({ p: Number.NaN, q: 3, gamma: 1 }, { frequency: 1, monetaryValue: 5 }),
      )?.path,
    ).toEqual(['model', 'p']);
    expect(issue(() => sbgSurvival({ alpha: -1, beta: 1 }, 3))?.path).toEqual(['model', 'alpha']);
    expect(issue(() => sbgRetentionRate({ alpha: 1, beta: Number.NaN }, 3))?.path).toEqual(['model', 'beta']);
    expect(issue(() => sbgDiscountedResidualLifetime({ alpha: 1, beta: 1 }, 0, Number.NaN))?.path).toEqual([
      'discountRate',
    ]);
    expect(
      issue(() => retentionWhatIf({ alpha: 1, beta: 0, cohortSize: 10 }, { lift: 0.1, periods: 2 }))?.path,
    ).toEqual(['model', 'beta']);
    expect(
      issue(() =>
        customerLifetimeValue({ ...BG, kind: 'bg-nbd', timeUnit: 'week', r: -1 }, customer, {
          spendPerPurchase: 1,
          periods: 2,
          periodLength: 1,
          periodUnit: 'week',
          discountRate: 0,
        }),
      )?.path,
    ).toEqual(['model', 'r']);
  });

  it('BG/NBD at a = 1 (a removable 0/0) gives the limit, not NaN; hand check: between a = 0.999 and 1.001', () => {
    const at = (a: number) => bgNbdExpectedPurchases({ ...BG, a }, 39);
    const mid = at(1);
    expect(Number.isFinite(mid)).toBe(true);
    expect(mid).toBeLessThan(at(0.999));
    expect(mid).toBeGreaterThan(at(1.001));
    expect(Number.isFinite(bgNbdConditionalExpectedPurchases({ ...BG, a: 1 }, customer, 39))).toBe(true);
  });

  it('P(X(t) = n) takes constant work in n and sums to 1 (property over parameters)', () => {
    // A sum over n terms would not finish for n = 10¹²; the incomplete beta gives the tail at once.
    expect(bgNbdProbabilityOfPurchases(BG, 39, 1e12)).toBeLessThan(1e-6);
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 0.3, max: 5, noNaN: true }),
        fc.double({ min: 0.3, max: 5, noNaN: true }),
        (r, alpha, a, b) => {
          let total = 0;
          for (let n = 0; n < 400; n++) total += bgNbdProbabilityOfPurchases({ r, alpha, a, b }, 2, n);
          expect(total).toBeCloseTo(1, 4);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('checked numbers', () => {
  it('survivalAt(km, NaN) is a typed error, not 0.5', () => {
    const km = kaplanMeier([
      { time: 2, event: true },
      { time: 5, event: false },
    ]);
    expect(issue(() => survivalAt(km, Number.NaN))).toMatchObject({ path: ['time'], code: 'out_of_range' });
    expect(survivalAt(km, 3)).toBe(0.5);
  });

  it('sbgProject never returns NaN survivors: a model without a cohort size needs one, and periods are bounded', () => {
    expect(issue(() => sbgProject({ alpha: 1, beta: 1 } as never, 3))).toMatchObject({
      path: ['cohortSize'],
    });
    expect(() => sbgProject({ alpha: 1, beta: 1, cohortSize: 100 }, 1e9)).toThrow(CxLimitError);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (alpha, beta, periods, cohortSize) => {
          for (const row of sbgProject({ alpha, beta, cohortSize }, periods)) {
            expect(Number.isFinite(row.survivors) && Number.isFinite(row.retention)).toBe(true);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('convertDuration rejects a value that is not finite', () => {
    expect(issue(() => convertDuration(Number.NaN, 'week', 'day'))?.path).toEqual(['value']);
  });
});

describe('parameters that are each in range but too extreme together', () => {
  // Found by probing every prediction over parameters 1e-300 … 1e300: these gave NaN or ±Infinity.
  it('a prediction that is not a finite number is a typed error naming the parameters, not NaN or -Infinity', () => {
    // The ratio (a + b − 1)/(a − 1) times a bracket that rounds to −∞: was -Infinity.
    expect(
      issue(() => bgNbdExpectedPurchases({ r: 1e-300, alpha: 1e-6, a: 1e300, b: 1e300 }, 39)),
    ).toMatchObject({
      path: ['model'],
      code: 'out_of_range',
      message: expect.stringContaining('r = 1e-300'),
    });
    // r β / α = 1e-300 · 1e-300 / 1e-300 times a lifetime factor of 0/0: was NaN.
    expect(
      issue(() => paretoNbdExpectedPurchases({ r: 1e-300, alpha: 1e-300, s: 1e-300, beta: 1e-300 }, 1e9)),
    ).toMatchObject({ path: ['model'], code: 'out_of_range' });
    // ₂F₁ with α ≈ 0 and β = 1e300 overflows: was Infinity.
    expect(
      issue(() => sbgDiscountedResidualLifetime({ alpha: 1e-300, beta: 1e300 }, 5, 0.1))?.message,
    ).toContain('sBG discounted residual lifetime after 5 renewals is Infinity');
  });

  it('every prediction gives finite numbers or a typed error, over parameters from 1e-300 to 1e300 (property)', () => {
    const magnitude = fc.integer({ min: -300, max: 300 }).map((e) => 10 ** e);
    const history = { frequency: 2, recency: 30, T: 39 };
    const finite = (v: unknown): boolean =>
      typeof v === 'number' ? Number.isFinite(v) : Object.values(v as object).every(finite);
    fc.assert(
      fc.property(
        magnitude,
        magnitude,
        magnitude,
        magnitude,
        fc.constantFrom(1, 39, 1e6),
        (r, alpha, a, b, t) => {
          const calls = [
            () => bgNbdExpectedPurchases({ r, alpha, a, b }, t),
            () => bgNbdConditionalExpectedPurchases({ r, alpha, a, b }, history, t),
            () => bgNbdProbabilityAlive({ r, alpha, a, b }, history),
            () => bgNbdProbabilityOfPurchases({ r, alpha, a, b }, t, 2),
            () => paretoNbdExpectedPurchases({ r, alpha, s: a, beta: b }, t),
            () => paretoNbdConditionalExpectedPurchases({ r, alpha, s: a, beta: b }, history, t),
            () =>
              gammaGammaExpectedSpend({ p: r, q: alpha + 1, gamma: a }, { frequency: 2, monetaryValue: b }),
            () => sbgSurvival({ alpha: a, beta: b }, t),
            () => sbgRetentionRate({ alpha: a, beta: b }, t),
            () => sbgDiscountedResidualLifetime({ alpha: a, beta: b }, 5, 0.1),
            () => sbgProject({ alpha: a, beta: b, cohortSize: r }, 12),
          ];
          for (const call of calls) {
            try {
              expect(finite(call())).toBe(true);
            } catch (error) {
              expect(error).toBeInstanceOf(CxError);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});
