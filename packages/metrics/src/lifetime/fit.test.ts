// Issue 13: a fit that cannot identify its model throws CxFitError instead of returning limit values as a model.
import { CxFitError, CxOptionsError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './btyd/bg-nbd.js';
import { fitGammaGamma } from './btyd/gamma-gamma.js';
import { fitParetoNbd } from './btyd/pareto-nbd.js';
import { fitSbg } from './contractual/sbg.js';
import { fitPositive, SEARCH_RANGE } from './fit.js';

function fitError(fn: () => unknown): CxFitError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CxFitError);
    return error as CxFitError;
  }
  throw new Error('expected a CxFitError');
}

// 40 customers, none of whom bought again: the BG/NBD likelihood is −r Σ ln(1 + T/α), which rises as r → 0 (the fit
// used to return r = 1e-23, α = 6e15).
const oneTimeBuyers = Array.from({ length: 40 }, (_, i) => ({ frequency: 0, recency: 0, T: 20 + (i % 7) }));
// Every repeat buyer bought last at the end of the period: no evidence of dropout.
const neverDropped = Array.from({ length: 50 }, (_, i) => ({ frequency: 1 + (i % 5), recency: 30, T: 30 }));

describe('fits that cannot identify the model', () => {
  it('BG/NBD and Pareto/NBD without a repeat purchase: not_identifiable', () => {
    expect(fitError(() => fitBgNbd(oneTimeBuyers, { timeUnit: 'week' }))).toMatchObject({
      code: 'not_identifiable',
      model: 'BG/NBD',
      parameters: null,
    });
    expect(fitError(() => fitParetoNbd(oneTimeBuyers, { timeUnit: 'week' })).code).toBe('not_identifiable');
  });

  it('BG/NBD without evidence of dropout: degenerate_fit, with where the search stopped', () => {
    const error = fitError(() => fitBgNbd(neverDropped, { timeUnit: 'week' }));
    expect(error.code).toBe('degenerate_fit');
    expect(error.message).toMatch(/→ (0|∞)/);
    const stopped = Object.values(error.parameters ?? {});
    expect(stopped.some((v) => v > 1e5 * 1 || v < 1e-5 * 30)).toBe(true);
  });

  it('Gamma-Gamma on five customers: the likelihood rises towards p → ∞ (degenerate_fit)', () => {
    const few = [
      { frequency: 2, monetaryValue: 22.35 },
      { frequency: 1, monetaryValue: 11.77 },
      { frequency: 7, monetaryValue: 73.74 },
      { frequency: 1, monetaryValue: 11.77 },
      { frequency: 3, monetaryValue: 18.0 },
    ];
    const error = fitError(() => fitGammaGamma(few));
    expect(error).toMatchObject({ code: 'degenerate_fit', model: 'Gamma-Gamma' });
    expect(error.message).toContain('p → ∞');
    expect(fitError(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }])).code).toBe('not_identifiable');
  });

  it('sBG: one period, no churn, or everybody gone after the first period are not identifiable', () => {
    expect(fitError(() => fitSbg([1000, 999])).code).toBe('not_identifiable');
    expect(fitError(() => fitSbg([1000, 1000, 1000])).code).toBe('not_identifiable');
    expect(fitError(() => fitSbg([1000, 0, 0])).code).toBe('not_identifiable');
    // Churn in the first period only: θ is either 0 or 0.1 for everyone, a beta of vanishing shape.
    expect(fitError(() => fitSbg([1000, 900, 900, 900, 900]))).toMatchObject({
      code: 'degenerate_fit',
      model: 'sBG',
    });
  });

  it('fitBgNbd without options is a CxOptionsError naming timeUnit, not a TypeError', () => {
    const customers = [{ frequency: 2, recency: 30.43, T: 38.86 }];
    for (const options of [undefined, {}, null]) {
      try {
        fitBgNbd(customers, options as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CxOptionsError);
        expect((error as CxOptionsError).issues[0]?.path).toEqual(options === null ? [] : ['timeUnit']);
      }
    }
  });
});

describe('fitPositive', () => {
  it('finds an interior optimum exactly as an unbounded search would (hand: minimum of Σ (ln x − ln c)²)', () => {
    const target = [0.3, 7, 2000];
    const fit = fitPositive({
      model: 'test',
      names: ['a', 'b', 'c'],
      scales: [1, 1, 1000],
      maxIterations: 20_000,
      negLogLikelihood: (p) =>
        p.reduce((s, v, i) => s + (Math.log(v) - Math.log(target[i] as number)) ** 2, 0),
    });
    for (const [i, v] of fit.parameters.entries()) expect(v).toBeCloseTo(target[i] as number, 4);
  });

  it('calls an optimum at the edge of the searched range degenerate, naming the parameter and the direction', () => {
    // The objective keeps falling as b grows: sup at b → ∞.
    const error = fitError(() =>
      fitPositive({
        model: 'test',
        names: ['a', 'b'],
        scales: [1, 1],
        maxIterations: 20_000,
        negLogLikelihood: ([a = 1, b = 1]) => (Math.log(a) - 1) ** 2 + 1 / b,
      }),
    );
    expect(error).toMatchObject({ code: 'degenerate_fit', model: 'test' });
    expect(error.message).toContain('b → ∞');
    expect(Math.log(error.parameters?.b as number)).toBeCloseTo(SEARCH_RANGE, 6);
  });
});
