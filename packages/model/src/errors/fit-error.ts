import { CxError, type CxErrorOptions } from './cx-error.js';

/**
 * Codes of a {@link CxFitError}:
 * - `not_identifiable`: the data cannot identify the model (e.g. no repeat purchases for BG/NBD);
 * - `not_converged`: the optimiser stopped before converging;
 * - `degenerate_fit`: the optimum lies on the boundary of the parameter space (a parameter tends to 0 or infinity),
 *   so the numbers would describe a limit, not a model.
 *
 * @example
 * ```ts
 * import type { FitErrorCode } from '@cx/model';
 * const code: FitErrorCode = 'not_identifiable';
 * console.log(code);
 * ```
 * @category Errors
 * @since 0.2.0
 */
export type FitErrorCode = 'not_identifiable' | 'not_converged' | 'degenerate_fit';

/**
 * Thrown when a model cannot be fitted to the data: it is not identified by it, the optimiser did not converge, or
 * the optimum is degenerate. A fit never returns such a result as if it were a model.
 *
 * @example
 * ```ts
 * import { CxFitError } from '@cx/model';
 * const error = new CxFitError('not_identifiable', 'BG/NBD needs at least one repeat purchase', { model: 'BG/NBD' });
 * console.log(error.code, error.model); // 'not_identifiable' 'BG/NBD'
 * ```
 * @category Errors
 * @since 0.2.0
 */
export class CxFitError extends CxError<FitErrorCode> {
  /** The model, e.g. `BG/NBD`. */
  readonly model: string;
  /** The parameters where the optimiser stopped, when it ran. */
  readonly parameters: Readonly<Record<string, number>> | null;

  /**
   * Creates a fit error.
   *
   * @param code - Why the fit failed.
   * @param message - What happened, in words.
   * @param fields - `model`, optional `parameters` and `cause`.
   */
  constructor(
    code: FitErrorCode,
    message: string,
    fields: {
      readonly model: string;
      readonly parameters?: Readonly<Record<string, number>>;
    } & CxErrorOptions,
  ) {
    super(code, message, fields);
    this.model = fields.model;
    this.parameters = fields.parameters ?? null;
  }
}
