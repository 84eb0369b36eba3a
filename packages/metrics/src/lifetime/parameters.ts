import { CxValidationError, type ValidationIssue } from '@cx/model';
import { z } from 'zod';

/** A rule a model parameter must meet (internal). */
export interface ParameterRule {
  readonly name: string;
  /** Strict lower bound; default 0. */
  readonly above?: number;
  /** Why, when the bound is not 0 (e.g. `for a finite mean`). */
  readonly why?: string;
}

/**
 * Checks the parameters of a model passed to a prediction (internal): each must be a finite number above its bound
 * (0 unless stated), so that r = −1, NaN or Infinity is a typed error instead of a NaN prediction.
 *
 * @param model - The model as given.
 * @param rules - The parameters and their bounds.
 * @param subject - The model's name, e.g. `BG/NBD`.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range`, `invalid_type`) with paths `['model', name]`.
 */
export function checkParameters(model: unknown, rules: readonly ParameterRule[], subject: string): void {
  if (typeof model !== 'object' || model === null) {
    throw new CxValidationError(
      [
        {
          path: ['model'],
          code: 'invalid_type',
          message: `Expected a ${subject} model (an object of parameters)`,
        },
      ],
      { subject: `${subject} model` },
    );
  }
  const issues: ValidationIssue[] = [];
  for (const rule of rules) {
    const value = Object.hasOwn(model, rule.name) ? (model as Record<string, unknown>)[rule.name] : undefined;
    const above = rule.above ?? 0;
    if (typeof value !== 'number' || !Number.isFinite(value) || !(value > above)) {
      issues.push({
        path: ['model', rule.name],
        code: typeof value === 'number' ? 'out_of_range' : 'invalid_type',
        message: `Expected ${rule.name} to be a finite number > ${above}${rule.why === undefined ? '' : ` ${rule.why}`}, got ${String(value)}`,
      });
    }
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: `${subject} model` });
}

/**
 * Checks a number argument (internal): finite, and at least `min` (or above `min` when `strict`).
 *
 * @throws {@link @cx/model!CxValidationError} (`out_of_range`) at `[name]`.
 */
export function checkNumber(
  value: unknown,
  name: string,
  rule: { readonly min: number; readonly strict?: boolean; readonly integer?: boolean },
): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule.strict === true ? value > rule.min : value >= rule.min) &&
    (rule.integer !== true || Number.isInteger(value));
  if (!ok) {
    throw new CxValidationError([
      {
        path: [name],
        code: typeof value === 'number' ? 'out_of_range' : 'invalid_type',
        message: `Expected ${name} to be a finite ${rule.integer === true ? 'whole number' : 'number'} ${rule.strict === true ? '>' : '≥'} ${rule.min}, got ${String(value)}`,
      },
    ]);
  }
  return value as number;
}

/** The optimiser's iteration limit, an option of every fit (internal). */
export const maxIterationsOption = z
  .number()
  .int({ error: 'Expected a whole number of iterations' })
  .min(1, { error: 'Expected at least 1 iteration' })
  .max(10_000_000, { error: 'Expected at most 10,000,000 iterations' })
  .default(20_000);

/** Every number in a result: the value itself, or the numbers of its arrays and plain objects (internal). */
function firstNonFinite(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const bad = firstNonFinite(item);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) return firstNonFinite(Object.values(value));
  return undefined;
}

/**
 * Checks what a prediction computed (internal): every number of it finite. Parameters that are each finite and in
 * range can still be too extreme together for double precision (r = 1e300 with α = 1e-6, a horizon of 1e9): the
 * prediction then throws instead of returning NaN or ±Infinity.
 *
 * @param value - The prediction (a number, or rows and objects of numbers).
 * @param subject - The model's name, e.g. `BG/NBD`.
 * @param what - What was predicted, e.g. `expected purchases at t = 39`.
 * @param model - The model's parameters, named in the message.
 * @returns `value`, unchanged.
 * @throws {@link @cx/model!CxValidationError} (`out_of_range`, path `['model']`) when a number is not finite.
 */
export function checkResult<T>(value: T, subject: string, what: string, model: object): T {
  const bad = firstNonFinite(value);
  if (bad === undefined) return value;
  const parameters = Object.entries(model)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => `${k} = ${String(v)}`)
    .join(', ');
  throw new CxValidationError(
    [
      {
        path: ['model'],
        code: 'out_of_range',
        message: `The ${subject} ${what} is ${String(bad)} for ${parameters}: the parameters (or the time) are too extreme to compute in double precision`,
      },
    ],
    { subject: `${subject} model` },
  );
}
