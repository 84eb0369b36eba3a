import { CxError, type CxErrorOptions } from '@cx/model';

/**
 * Thrown when a maximum-likelihood fit does not converge: the optimizer ran out of iterations, or the
 * likelihood was not finite at the best point found. Carries the state reached so the caller can decide
 * (different start values, more iterations, more data), instead of receiving silent garbage.
 *
 * @example
 * ```ts
 * import { CxConvergenceError } from '@cx/metrics';
 * const error = new CxConvergenceError('BG/NBD fit did not converge', {
 *   iterations: 5000,
 *   parameters: { r: 0.2, alpha: 4, a: 0.8, b: 2.4 },
 *   objective: 9582.5,
 * });
 * console.log(error.code, error.iterations); // 'convergence_failed' 5000
 * ```
 * @category Errors
 * @since 0.1.0
 */
export class CxConvergenceError extends CxError {
  /** Iterations the optimizer performed before giving up. */
  readonly iterations: number;
  /** Parameters at the best point found (on the model's natural scale). */
  readonly parameters: Readonly<Record<string, number>>;
  /** Objective (negative log-likelihood) at that point; may be non-finite. */
  readonly objective: number;

  /**
   * Creates a convergence error.
   *
   * @param message - What did not converge, and why.
   * @param details - Iterations, last parameters and objective value; optional `cause`.
   */
  constructor(
    message: string,
    details: {
      readonly iterations: number;
      readonly parameters: Readonly<Record<string, number>>;
      readonly objective: number;
    } & CxErrorOptions,
  ) {
    super('convergence_failed', message, details.cause === undefined ? {} : { cause: details.cause });
    this.iterations = details.iterations;
    this.parameters = details.parameters;
    this.objective = details.objective;
  }
}
