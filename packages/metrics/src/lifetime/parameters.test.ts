// Issue 13: predictions reject parameters that are not finite or out of range with a typed error, never NaN.
import { CxLimitError, CxValidationError } from '@cx/model';
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
import { paretoNbdExpectedPurchases, paretoNbdProbabilityAlive } from './btyd/pareto-nbd.js';
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
