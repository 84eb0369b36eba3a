import { CxError } from '@cx/model';

/**
 * The error of a numeric series or continued fraction that did not converge (internal): a `CxError` with code
 * `not_converged`, naming the function and its arguments. Fits report their own failures as `CxFitError`.
 *
 * @param what - The series, e.g. `Gauss 2F1 series`.
 * @param terms - How many terms were summed.
 * @param args - The arguments, for the message.
 * @returns The error to throw.
 */
export function notConverged(
  what: string,
  terms: number,
  args: Readonly<Record<string, number>>,
): CxError<'not_converged'> {
  const shown = Object.entries(args)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  return new CxError('not_converged', `${what} did not converge in ${terms} terms (${shown})`);
}
