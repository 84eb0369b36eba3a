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
 * Maximises a likelihood over positive parameters (internal): Nelder–Mead on log-parameters, each kept within
 * {@link SEARCH_RANGE} of its scale (every point the method tries is projected into that box).
 *
 * **Degeneracy test.** A maximum-likelihood fit is degenerate when its optimum lies on the boundary of the parameter
 * space: the likelihood keeps rising as a parameter tends to 0 or ∞ (BG/NBD on data without repeat purchases: r → 0,
 * α → ∞; Pareto/NBD without dropout evidence: s → 0; Gamma-Gamma on few customers: p → ∞). Because the search is
 * bounded, such a fit stops at the edge of the range; a parameter within a factor of 10 of the edge (10⁵ to 10⁶ times
 * its scale, or 10⁻⁶ to 10⁻⁵ of it) is reported as `degenerate_fit` instead of being returned as a model. The test is
 * made on the optimiser's result whether or not it converged: a search that runs out of iterations while drifting to
 * the edge is degenerate too, not merely slow.
 *
 * @returns The parameters on their natural scale and the maximised log-likelihood.
 * @throws `CxFitError` (`not_converged`) when the optimiser does not converge, (`degenerate_fit`) on the boundary.
 */
export function fitPositive(problem: FitProblem): FitSolution {
  const { model, names, scales } = problem;
  const centre = scales.map(Math.log);
  const natural = (x: readonly number[]): Record<string, number> =>
    Object.fromEntries(names.map((name, i) => [name, Math.exp(x[i] as number)]));
  const objective = (x: readonly number[]): number => problem.negLogLikelihood(x.map(Math.exp));
  const start = (problem.start ?? scales).map(Math.log);
  const degenerate = (x: readonly number[], cause?: unknown): CxFitError | undefined => {
    const edge = x.findIndex((v, i) => Math.abs(v - (centre[i] as number)) > SEARCH_RANGE - EDGE);
    if (edge < 0) return undefined;
    const name = names[edge] as string;
    const value = Math.exp(x[edge] as number);
    const towards = (x[edge] as number) > (centre[edge] as number) ? '∞' : '0';
    return new CxFitError(
      'degenerate_fit',
      `The ${model} fit is degenerate: the likelihood keeps rising as ${name} → ${towards} (the search reached ${name} = ${value.toPrecision(3)}, ${towards === '∞' ? 'over 10⁵ times' : 'under 10⁻⁵ of'} its scale ${(scales[edge] as number).toPrecision(3)}), so the data do not identify the model`,
      { model, parameters: natural(x), ...(cause === undefined ? {} : { cause }) },
    );
  };
  let result: ReturnType<typeof minimizeNelderMead>;
  try {
    result = minimizeNelderMead(objective, start, {
      names,
      model,
      maxIterations: problem.maxIterations,
      parameters: natural,
      lower: centre.map((c) => c - SEARCH_RANGE),
      upper: centre.map((c) => c + SEARCH_RANGE),
    });
  } catch (error) {
    // A search that ran out of iterations while drifting to the edge is degenerate, not merely slow.
    const stopped = error instanceof CxFitError ? error.parameters : null;
    const at = stopped === null ? undefined : names.map((n) => Math.log(stopped[n] as number));
    throw (at === undefined ? undefined : degenerate(at, error)) ?? error;
  }
  const found = degenerate(result.x);
  if (found !== undefined) throw found;
  return { parameters: result.x.map(Math.exp), logLikelihood: -result.value };
}
