import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdnowSummary } from '../__fixtures__/cdnow.js';
import {
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
} from './pareto-nbd.js';

// Fader, Hardie & Lee (2005), Marketing Science 24(2), Section 7: Pareto/NBD on the CDNOW sample:
// r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0 (also lifetimes tests/test_estimation.py,
// TestParetoNBDFitter.test_params_out_is_close_to_Hardie_paper).
const PUBLISHED = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe('fitParetoNbd on CDNOW', () => {
  it('reproduces the published parameters and log-likelihood to 3 significant digits', () => {
    const model = fitParetoNbd(cdnowSummary(), { timeUnit: 'week' });
    expect(model.r.toPrecision(3)).toBe('0.553');
    expect(model.alpha.toPrecision(3)).toBe('10.6');
    expect(model.s.toPrecision(3)).toBe('0.606');
    expect(model.beta.toPrecision(3)).toBe('11.7');
    expect(model.logLikelihood).toBeCloseTo(-9595.0, 1);
  }, 60_000);
});

describe('Pareto/NBD functions', () => {
  it('the likelihood is the same on both branches of A₀ where α = β (continuity)', () => {
    // At α = β the ₂F₁ argument is 0 and A₀ = (α + tₓ)^−(r+s+x) − (α + T)^−(r+s+x).
    const p = { r: 0.5, alpha: 10, s: 0.6, beta: 10 };
    const x = 3;
    const tx = 20;
    const T = 38;
    const rsx = p.r + p.s + x;
    const a0 = (p.alpha + tx) ** -rsx - (p.alpha + T) ** -rsx;
    const direct =
      Math.log(Math.exp(-(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T)) + (p.s / rsx) * a0) +
      // ln Γ(3.5) − ln Γ(0.5) = ln(2.5 · 1.5 · 0.5)
      Math.log(2.5 * 1.5 * 0.5) +
      p.r * Math.log(p.alpha) +
      p.s * Math.log(p.beta);
    expect(paretoNbdLogLikelihood(p, x, tx, T)).toBeCloseTo(direct, 10);
    const nearA = paretoNbdLogLikelihood({ ...p, alpha: 10 + 1e-7 }, x, tx, T);
    const nearB = paretoNbdLogLikelihood({ ...p, beta: 10 + 1e-7 }, x, tx, T);
    expect(nearA).toBeCloseTo(direct, 5);
    expect(nearB).toBeCloseTo(direct, 5);
  });

  it('P(alive) is in [0, 1], decreasing in T for a fixed last purchase (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 80, noNaN: true }),
        (x, tx0, gap) => {
          const tx = x === 0 ? 0 : tx0;
          const p1 = paretoNbdProbabilityAlive(PUBLISHED, { frequency: x, recency: tx, T: tx + gap });
          const p2 = paretoNbdProbabilityAlive(PUBLISHED, { frequency: x, recency: tx, T: tx + gap + 10 });
          expect(p1).toBeGreaterThanOrEqual(0);
          expect(p1).toBeLessThanOrEqual(1);
          expect(p2).toBeLessThanOrEqual(p1 + 1e-12);
        },
      ),
    );
  });

  it('survives the overflow case of lifetimes test_overflow_error', () => {
    // lifetimes: params (10.465, 7.98565181e-03, 3.0516, 2.820), x = 400/500, tx = 5/1/4, T = 6/37/37
    const p = { r: 10.465, alpha: 7.98565181e-3, s: 3.0516, beta: 2.82 };
    for (const [x, tx, T] of [
      [400, 5, 6],
      [500, 1, 37],
      [500, 4, 37],
    ] as const) {
      const ll = paretoNbdLogLikelihood(p, x, tx, T);
      expect(Number.isFinite(ll)).toBe(true);
      const alive = paretoNbdProbabilityAlive(p, { frequency: x, recency: tx, T });
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
    }
  });

  it('E[X(t)] has the s → 1 limit rβ/α · ln((β + t)/β), and conditional expectation = E[X(t)] for a new customer', () => {
    const p = { r: 0.5, alpha: 10, s: 1, beta: 12 };
    expect(paretoNbdExpectedPurchases(p, 39)).toBeCloseTo(((0.5 * 12) / 10) * Math.log(51 / 12), 12);
    expect(paretoNbdExpectedPurchases({ ...p, s: 1 + 1e-7 }, 39)).toBeCloseTo(
      paretoNbdExpectedPurchases(p, 39),
      6,
    );
    const fresh = { frequency: 0, recency: 0, T: 1e-12 };
    expect(paretoNbdConditionalExpectedPurchases(PUBLISHED, fresh, 39)).toBeCloseTo(
      paretoNbdExpectedPurchases(PUBLISHED, 39),
      8,
    );
  });

  it('rejects bad input', () => {
    expect(() => fitParetoNbd([{ frequency: -1, recency: 0, T: 1 }], { timeUnit: 'week' })).toThrow(
      CxValidationError,
    );
    expect(() => paretoNbdExpectedPurchases(PUBLISHED, Number.NaN)).toThrow(CxValidationError);
  });
});
