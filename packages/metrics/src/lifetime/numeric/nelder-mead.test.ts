import { CxFitError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { minimizeNelderMead } from './nelder-mead.js';

describe('minimizeNelderMead', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const rosenbrock = ([x = 0, y = 0]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const result = minimizeNelderMead(rosenbrock, [-1.2, 1]);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.value).toBeLessThan(1e-12);
  });

  it('finds the minimum of a 4-dimensional quadratic', () => {
    const target = [0.3, -2, 5, 1e-3];
    const f = (x: readonly number[]) => x.reduce((s, v, i) => s + (i + 1) * (v - target[i]!) ** 2, 0);
    const result = minimizeNelderMead(f, [0, 0, 0, 0]);
    for (const [i, v] of result.x.entries()) expect(v).toBeCloseTo(target[i]!, 6);
  });

  it('throws CxFitError (not_converged) with the last parameters when it runs out of iterations', () => {
    const rosenbrock = ([x = 0, y = 0]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    try {
      minimizeNelderMead(rosenbrock, [-1.2, 1], {
        maxIterations: 10,
        names: ['x', 'y'],
        model: 'Rosenbrock',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxFitError);
      const e = error as CxFitError;
      expect(e.code).toBe('not_converged');
      expect(e.model).toBe('Rosenbrock');
      expect(e.message).toContain('10 iterations');
      expect(Object.keys(e.parameters ?? {})).toEqual(['x', 'y']);
    }
  });

  it('throws when the objective is nowhere finite', () => {
    expect(() => minimizeNelderMead(() => Number.NaN, [0, 0], { maxIterations: 100 })).toThrow(CxFitError);
  });
});
