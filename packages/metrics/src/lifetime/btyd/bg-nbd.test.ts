import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdnowSummary } from '../__fixtures__/cdnow.js';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
  fitBgNbd,
} from './bg-nbd.js';

// Fader, Hardie & Lee (2005), "'Counting Your Customers' the Easy Way", Marketing Science 24(2):275–284,
// Section 7: on the CDNOW sample (2,357 customers, weeks 1–39) r = 0.243, α = 4.414, a = 0.793, b = 2.426,
// LL = −9582.4. The same parameters are asserted by lifetimes tests/test_estimation.py
// (test_params_out_is_close_to_Hardie_paper).
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CUSTOMER_1 = { frequency: 2, recency: 30.43, T: 38.86 };

describe('fitBgNbd on CDNOW', () => {
  const model = fitBgNbd(cdnowSummary(), { timeUnit: 'week' });

  it('reproduces the published parameters and log-likelihood to 3 significant digits', () => {
    expect(model.r.toPrecision(3)).toBe('0.243');
    expect(model.alpha.toPrecision(3)).toBe('4.41');
    expect(model.a.toPrecision(3)).toBe('0.793');
    expect(model.b.toPrecision(3)).toBe('2.43');
    expect(model.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(model).toMatchObject({ kind: 'bg-nbd', timeUnit: 'week', n: 2357 });
  });

  it("matches Hardie's BG/NBD spreadsheet for E[X(t)] and E[Y(39) | 2, 30.43, 38.86]", () => {
    // lifetimes test_expectation_returns_same_value_Hardie_excel_sheet: t = 0.1429 … 78 weeks
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    for (const [i, t] of times.entries()) {
      expect(Math.abs(bgNbdExpectedPurchases(model, t) - expected[i]!)).toBeLessThan(1e-3);
    }
    // lifetimes test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet: 1.226
    expect(Math.abs(bgNbdConditionalExpectedPurchases(model, CUSTOMER_1, 39) - 1.226)).toBeLessThan(1e-3);
  });

  it('is invariant to the time unit: days instead of weeks scale α by 7 and leave r, a, b unchanged', () => {
    const days = cdnowSummary().map((c) => ({ ...c, recency: c.recency * 7, T: c.T * 7 }));
    const inDays = fitBgNbd(days, { timeUnit: 'day' });
    expect(inDays.alpha / model.alpha).toBeCloseTo(7, 3);
    expect(inDays.r).toBeCloseTo(model.r, 4);
    expect(inDays.a).toBeCloseTo(model.a, 4);
    expect(inDays.b).toBeCloseTo(model.b, 4);
    // The densities pick up a Jacobian: LL_days = LL_weeks − Σx · ln 7 (Σx = 2,457).
    expect(inDays.logLikelihood).toBeCloseTo(model.logLikelihood - 2457 * Math.log(7), 3);
  });

  it('P(alive) is 0.73 for customer 0001 and exactly 1 with no repeat purchase (model property)', () => {
    // Hand calculation with the published parameters: ln A3 = −8.449, ln A4 = −9.427 → [1 + e^(−0.978)]⁻¹ = 0.727
    expect(bgNbdProbabilityAlive(PUBLISHED, CUSTOMER_1)).toBeCloseTo(0.727, 3);
    expect(bgNbdProbabilityAlive(model, { frequency: 0, recency: 0, T: 38.86 })).toBe(1);
  });
});

describe('BG/NBD functions', () => {
  it('P(X(t) = n) sums to 1 and its mean is E[X(t)] (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.1, max: 3, noNaN: true }),
          alpha: fc.double({ min: 1, max: 20, noNaN: true }),
          a: fc.double({ min: 0.5, max: 3, noNaN: true }),
          b: fc.double({ min: 0.5, max: 5, noNaN: true }),
        }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        (p, t) => {
          fc.pre(Math.abs(p.a - 1) > 0.05);
          let total = 0;
          let mean = 0;
          // Sum until the probability left in the tail is below 1e-9 (a near 1 gives a heavy tail, so a fixed
          // cut-off such as n < 300 can leave more than the tolerance of the mean behind).
          for (let n = 0; n < 20_000 && 1 - total > 1e-9; n++) {
            const q = bgNbdProbabilityOfPurchases(p, t, n);
            expect(q).toBeGreaterThanOrEqual(0);
            total += q;
            mean += n * q;
          }
          expect(total).toBeCloseTo(1, 4);
          expect(Math.abs(mean - bgNbdExpectedPurchases(p, t))).toBeLessThan(2e-3);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('E[X(t)] is continuous across a + b = 1, where ₂F₁ has c = 0', () => {
    const at = (b: number) => bgNbdExpectedPurchases({ r: 0.1, alpha: 0.5, a: 0.5, b }, 0.5);
    expect(at(0.5)).toBeCloseTo((at(0.5 + 1e-3) + at(0.5 - 1e-3)) / 2, 6);
    const fresh = { frequency: 0, recency: 0, T: 1 };
    const cond = (b: number) =>
      bgNbdConditionalExpectedPurchases({ r: 0.1, alpha: 0.5, a: 0.5, b }, fresh, 2);
    expect(cond(0.5)).toBeCloseTo((cond(0.5 + 1e-3) + cond(0.5 - 1e-3)) / 2, 6);
  });

  it('stays in [0, 1] without overflow for extreme histories (lifetimes issue #332)', () => {
    const p = bgNbdProbabilityAlive(PUBLISHED, { frequency: 5000, recency: 1, T: 5000 });
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-100);
    expect(
      bgNbdConditionalExpectedPurchases(PUBLISHED, { frequency: 300, recency: 400, T: 400 }, 52),
    ).toBeGreaterThan(0);
  });

  it('conditional expectation of a fresh customer (x = 0, T → 0) equals E[X(t)]', () => {
    const fresh = { frequency: 0, recency: 0, T: 1e-12 };
    expect(bgNbdConditionalExpectedPurchases(PUBLISHED, fresh, 39)).toBeCloseTo(
      bgNbdExpectedPurchases(PUBLISHED, 39),
      8,
    );
  });

  it('rejects bad histories with positions, unknown units and bad t', () => {
    try {
      fitBgNbd(
        [
          { frequency: 1, recency: 5, T: 10 },
          { frequency: 1.5, recency: 5, T: 10 },
          { frequency: 2, recency: 12, T: 10 },
          { frequency: 0, recency: 3, T: 10 },
        ],
        { timeUnit: 'week' },
      );
      expect.unreachable();
    } catch (error) {
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        ['customers', 1, 'frequency'],
        ['customers', 2, 'T'],
        ['customers', 3, 'recency'],
      ]);
    }
    expect(() => fitBgNbd([CUSTOMER_1], { timeUnit: 'fortnight' as 'week' })).toThrow(CxOptionsError);
    expect(() => fitBgNbd([], { timeUnit: 'week' })).toThrow(CxValidationError);
    expect(() => bgNbdExpectedPurchases(PUBLISHED, -1)).toThrow(CxValidationError);
    expect(() => bgNbdProbabilityOfPurchases(PUBLISHED, 1, 1.5)).toThrow(CxValidationError);
  });

  it('throws CxFitError (not_converged) when the optimizer runs out of iterations', () => {
    expect(() => fitBgNbd(cdnowSummary().slice(0, 200), { timeUnit: 'week', maxIterations: 20 })).toThrow(
      expect.objectContaining({ name: 'CxFitError', code: 'not_converged', model: 'BG/NBD' }),
    );
  });
});
