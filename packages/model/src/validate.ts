import { z } from 'zod';
import {
  CxValidationError,
  type ValidationIssue,
  type ValidationIssueCode,
} from './errors/validation-error.js';
import { parseOptions } from './options/parse-options.js';

/**
 * Result of {@link safeValidate}: the typed value, or the error that {@link validate} would throw.
 *
 * @example
 * ```ts
 * import { safeValidate, instantSchema, type ValidationResult } from '@cx/model';
 * const result: ValidationResult<string> = safeValidate(instantSchema, 'yesterday');
 * console.log(result.success); // false
 * ```
 * @category Validation
 * @since 0.1.0
 */
export type ValidationResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: CxValidationError };

/**
 * Options of {@link validate} and {@link safeValidate}.
 *
 * @example
 * ```ts
 * import { validate, channelSchema, type ValidateOptions } from '@cx/model';
 * const options: ValidateOptions = { subject: 'Channel', at: ['rows', 7] };
 * console.log(validate(channelSchema, 'email', options)); // 'email'
 * ```
 * @category Validation
 * @since 0.1.0
 */
export interface ValidateOptions {
  /** Name of what is validated, used in the error message (e.g. `Interaction`). */
  readonly subject?: string;
  /** Path prefix prepended to every issue path, e.g. `[42]` for the 43rd record of a file. */
  readonly at?: ReadonlyArray<string | number>;
}

const validateOptionsSchema = z.strictObject({
  subject: z.string().min(1).max(200).optional(),
  at: z.array(z.union([z.string(), z.number().int().min(0)])).optional(),
});

/**
 * Converts zod issues into {@link ValidationIssue}s.
 *
 * @param issues - zod's issue list.
 * @param at - Optional path prefix.
 * @returns Issues with paths and readable messages.
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { issuesFromZod } from '@cx/model';
 * const result = z.object({ n: z.number() }).safeParse({ n: 'x' });
 * if (!result.success) console.log(issuesFromZod(result.error.issues)[0]?.path); // ['n']
 * ```
 * @category Validation
 * @since 0.1.0
 */
export function issuesFromZod(
  issues: readonly z.core.$ZodIssue[],
  at: ReadonlyArray<string | number> = [],
): ValidationIssue[] {
  return issues.map((issue) => {
    // A custom check names its code in `params.code` (e.g. `invalid_instant`, `cyclic_value`).
    const own =
      issue.code === 'custom'
        ? (issue.params as { code?: ValidationIssueCode } | undefined)?.code
        : undefined;
    return {
      path: [...at, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      message: issue.message,
      code: own ?? (issue.code as ValidationIssueCode),
    };
  });
}

/**
 * Validates a value against a schema and returns the typed value, or a result carrying the error.
 *
 * @param schema - Any zod schema, e.g. {@link interactionSchema}.
 * @param value - Untrusted input.
 * @param options - Subject name and path prefix for messages.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * ```ts
 * import { safeValidate, channelSchema } from '@cx/model';
 * const result = safeValidate(channelSchema, 'fax');
 * console.log(result.success); // false
 * ```
 * @category Validation
 * @since 0.1.0
 */
export function safeValidate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options?: ValidateOptions,
): ValidationResult<z.output<S>> {
  const o = parseOptions(validateOptionsSchema, options, 'safeValidate');
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  const error = new CxValidationError(issuesFromZod(result.error.issues, o.at), {
    cause: result.error,
    ...(o.subject === undefined ? {} : { subject: o.subject }),
  });
  return { success: false, error };
}

/**
 * Validates a value against a schema and returns the typed value.
 *
 * @param schema - Any zod schema, e.g. {@link customerSchema}.
 * @param value - Untrusted input.
 * @param options - Subject name and path prefix for messages.
 * @returns The parsed, typed value.
 * @throws {@link CxValidationError} listing every issue with its path.
 * @throws {@link CxOptionsError} for an unknown or malformed option.
 * @example
 * ```ts
 * import { validate, channelSchema } from '@cx/model';
 * const channel = validate(channelSchema, 'web');
 * console.log(channel); // 'web'
 * ```
 * @category Validation
 * @since 0.1.0
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options?: ValidateOptions,
): z.output<S> {
  const result = safeValidate(schema, value, options);
  if (!result.success) throw result.error;
  return result.data;
}
