// The one place where @cx/map checks the options of its public functions. When @cx/model's parseOptions lands,
// this file becomes a thin call to it.
import { CxValidationError, type ValidationIssue } from '@cx/model';
import { z } from 'zod';

/** Edit distance of two short strings (option names). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(
        Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)),
      );
    previous = row;
  }
  return previous[b.length]!;
}

/** The known key closest to `key`, when it is close enough to be a typo. @internal */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** The object schema at `path` inside `schema` (through optional, default and nullable wrappers), if any. */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodObject | undefined {
  let current: z.ZodType | undefined = schema;
  const unwrap = () => {
    while (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable
    )
      current = current.unwrap() as z.ZodType;
  };
  for (const key of path) {
    unwrap();
    if (!(current instanceof z.ZodObject) || typeof key !== 'string' || !Object.hasOwn(current.shape, key))
      return undefined;
    current = current.shape[key] as z.ZodType;
  }
  unwrap();
  return current instanceof z.ZodObject ? current : undefined;
}

function unknownKeyIssue(
  key: string,
  known: readonly string[],
  path: ReadonlyArray<string | number>,
): ValidationIssue {
  const suggestion = closestKey(key, known);
  return {
    path: [...path, key],
    code: 'unknown_option',
    message: `Unknown option "${key}"${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`} Known options: ${known.join(', ')}`,
  };
}

function codeOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return 'invalid_type';
  if (issue.code === 'too_big' || issue.code === 'too_small') return 'out_of_range';
  return 'invalid_value';
}

/**
 * Checks the options object of a public function: `undefined` means `{}`; `null`, arrays and primitives, unknown
 * keys (with the closest known key named) and invalid values are a {@link CxValidationError} whose issue paths
 * start at the options root.
 *
 * @internal
 */
export function checkOptions<S extends z.ZodObject>(
  schema: S,
  input: unknown,
  functionName: string,
): z.output<S> {
  const subject = `options of ${functionName}`;
  const value = input === undefined ? {} : input;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CxValidationError(
      [
        {
          path: [],
          code: 'invalid_type',
          message: `Expected an options object or undefined, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
        },
      ],
      { subject },
    );
  const known = Object.keys(schema.shape);
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(value))
    if (!Object.hasOwn(schema.shape, key)) issues.push(unknownKeyIssue(key, known, []));
  if (issues.length > 0) throw new CxValidationError(issues, { subject });
  const result = schema.safeParse(value);
  if (!result.success)
    throw new CxValidationError(
      result.error.issues.flatMap((issue): ValidationIssue[] => {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        if (issue.code === 'unrecognized_keys') {
          const nested = Object.keys(objectAt(schema, issue.path)?.shape ?? {});
          return issue.keys.map((key) => unknownKeyIssue(key, nested, path));
        }
        return [{ path, code: codeOf(issue), message: issue.message }];
      }),
      { subject, cause: result.error },
    );
  return result.data;
}

/** A finite number in [min, max]. @internal */
export const finite = (min: number, max: number) =>
  z
    .number({ error: 'Expected a number' })
    .min(min, { message: `Expected at least ${min}` })
    .max(max, { message: `Expected at most ${max}` });
