import { CxFitError } from '@cx/model';
import { minimizeNelderMead } from './numeric/nelder-mead.js';

/**
 * How far, on the log scale, the optimiser searches each parameter from its natural scale: a factor of 10⁶ either
 * way (internal). Shapes have scale 1; scales (α, β of BG/NBD and Pareto/NBD; γ of Gamma-Gamma) the data's own (the
 * mean T, the mean spend).
 */
export const SEARCH_RANGE = Math.log(1e6);

/** An optimum within this distance (a factor of 10) of the search range's edge is on the boundary (internal). */
const EDGE = Math.log(10);

/** What a maximum-likelihood fit needs (internal). */
export interface FitProblem {
  /** The model, e.g. `BG/NBD`. */
  readonly model: string;
  /** Parameter names on their natural scale, e.g. `['r', 'alpha', 'a', 'b']`. */
  readonly names: readonly string[];
  /** Natural scale of each parameter (positive): the centre of its search range. */
  readonly scales: readonly number[];
  /** Starting point on the natural scale (default: the scales). */
  readonly start?: readonly number[];
  /** Negative log-likelihood of parameters on the natural scale. */
  readonly negLogLikelihood: (parameters: readonly number[]) => number;
  /** Iteration limit of the optimiser. */
  readonly maxIterations: number;
}

/** A fitted parameter vector (internal). */
export interface FitSolution {
  readonly parameters: readonly number[];
  readonly logLikelihood: number;
}

/**
 * Maximises a likelihood over positive parameters (internal): Nelder–Mead on log-parameters, each searched within
 * {@link SEARCH_RANGE} of its scale.
 *
 * **Degeneracy test.** A maximum-likelihood fit is degenerate when its optimum lies on the boundary of the parameter
 * space: the likelihood keeps rising as a parameter tends to 0 or ∞ (BG/NBD on data without repeat purchases: r → 0,
 * α → ∞; Pareto/NBD without dropout evidence: s → 0; Gamma-Gamma on few customers: p → ∞). Because the search is
 * bounded, such a fit stops at the edge of the range; a parameter within a factor of 10 of the edge (10⁵ to 10⁶ times
 * its scale, or 10⁻⁶ to 10⁻⁵ of it) is reported as `degenerate_fit` instead of being returned as a model.
 *
 * @returns The parameters on their natural scale and the maximised log-likelihood.
 * @throws `CxFitError` (`not_converged`) when the optimiser does not converge, (`degenerate_fit`) on the boundary.
 */
export function fitPositive(problem: FitProblem): FitSolution {
  const { model, names, scales } = problem;
  const centre = scales.map(Math.log);
  const natural = (x: readonly number[]): Record<string, number> =>
    Object.fromEntries(names.map((name, i) => [name, Math.exp(x[i] as number)]));
  const objective = (x: readonly number[]): number => {
    for (let i = 0; i < x.length; i++)
      if (Math.abs((x[i] as number) - (centre[i] as number)) > SEARCH_RANGE) return Number.POSITIVE_INFINITY;
    return problem.negLogLikelihood(x.map(Math.exp));
  };
  const start = (problem.start ?? scales).map(Math.log);
  const result = minimizeNelderMead(objective, start, {
    names,
    model,
    maxIterations: problem.maxIterations,
    parameters: natural,
  });
  const parameters = result.x.map(Math.exp);
  const edge = result.x.findIndex((x, i) => Math.abs(x - (centre[i] as number)) > SEARCH_RANGE - EDGE);
  if (edge >= 0) {
    const name = names[edge] as string;
    const towards = (result.x[edge] as number) > (centre[edge] as number) ? '∞' : '0';
    throw new CxFitError(
      'degenerate_fit',
      `The ${model} fit is degenerate: the likelihood keeps rising as ${name} → ${towards} (it stopped at ${name} = ${(parameters[edge] as number).toPrecision(3)}, ${towards === '∞' ? 'over 10⁵ times' : 'under 10⁻⁵ of'} its scale ${(scales[edge] as number).toPrecision(3)}), so the data do not identify the model`,
      { model, parameters: natural(result.x) },
    );
  }
  return { parameters, logLikelihood: -result.value };
}
