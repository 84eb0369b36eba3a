import { z } from 'zod';
import { CxOptionsError, type OptionIssue, type OptionIssueCode } from '../errors/options-error.js';
import { closestKey } from './closest-key.js';

/**
 * Extra knowledge {@link parseOptions} uses in its messages.
 *
 * @example
 * ```ts
 * import type { ParseOptionsConfig } from '@cx/model';
 * const config: ParseOptionsConfig = { renamed: { period: 'interval', confidence: 'level' } };
 * console.log(config.renamed?.period); // 'interval'
 * ```
 * @category Options
 * @since 0.2.0
 */
export interface ParseOptionsConfig {
  /** Keys the function used to take, by their new name: an old key is still an error, but the message names the new one. */
  readonly renamed?: Readonly<Record<string, string>>;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `a value of type ${typeof value}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The object schema reached by following `path` through wrappers, arrays and objects, if any (internal). */
function objectKeysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] | undefined {
  let current: unknown = schema;
  let i = 0;
  for (let guard = 0; guard < 64 && current !== undefined; guard++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (def === undefined) return undefined;
    const type = def.type as string;
    if (
      type === 'optional' ||
      type === 'default' ||
      type === 'nullable' ||
      type === 'prefault' ||
      type === 'readonly'
    ) {
      current = def.innerType;
      continue;
    }
    if (type === 'pipe') {
      current = def.in;
      continue;
    }
    if (type === 'object') {
      const shape = def.shape as Record<string, z.ZodType>;
      if (i === path.length) return Object.keys(shape);
      current = shape[String(path[i])];
      i++;
      continue;
    }
    if (type === 'array') {
      if (i === path.length) return undefined;
      current = def.element;
      i++;
      continue;
    }
    return undefined;
  }
  return undefined;
}

function isMissing(input: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(input, path.slice(0, -1));
  return (
    typeof parent === 'object' &&
    parent !== null &&
    !Object.hasOwn(parent, path[path.length - 1] as PropertyKey)
  );
}

function codeOf(issue: z.core.$ZodIssue, input: unknown): OptionIssueCode {
  // A required key that is absent, whatever zod calls it (`invalid_type` for most schemas, `invalid_value` for enums).
  if (issue.code !== 'custom' && isMissing(input, issue.path)) return 'missing_option';
  switch (issue.code) {
    case 'too_big':
    case 'too_small':
    case 'not_multiple_of':
      return 'out_of_range';
    case 'invalid_type':
      return 'invalid_type';
    case 'custom': {
      const code = (issue.params as { code?: OptionIssueCode } | undefined)?.code;
      return code ?? 'invalid_value';
    }
    default:
      return 'invalid_value';
  }
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const configSchema = z.strictObject({ renamed: z.record(z.string(), z.string()).optional() });
const EMPTY_CONFIG: ParseOptionsConfig = {};

const segment = (p: PropertyKey): string | number => (typeof p === 'symbol' ? String(p) : p);

/**
 * Checks an options object against a strict zod schema and returns the parsed options (with defaults applied).
 *
 * `undefined` stands for `{}`. `null`, arrays, class instances and primitives are `invalid_type`; an unknown key is
 * `unknown_option` with the closest known key as `suggestion` (or the new name of a renamed key); a number outside
 * its range is `out_of_range`. Every issue is reported at once, with paths from the options root.
 *
 * @typeParam S - The options schema; use `z.strictObject` so that unknown keys are rejected.
 * @param schema - The schema.
 * @param input - What the caller passed.
 * @param subject - The function or constructor, for the message (e.g. `cohortRetention`).
 * @param config - Renamed keys, for better messages.
 * @returns The parsed options.
 * @throws {@link CxOptionsError} when the options (or `config`) are wrong.
 * @example
 * ```ts
 * import { parseOptions, levelOption, CxOptionsError } from '@cx/model';
 * import { z } from 'zod';
 * const schema = z.strictObject({ level: levelOption });
 * console.log(parseOptions(schema, undefined, 'nps')); // { level: 0.95 }
 * try {
 *   parseOptions(schema, { levle: 0.9 }, 'nps');
 * } catch (error) {
 *   console.log(error instanceof CxOptionsError && error.issues[0]?.suggestion); // 'level'
 * }
 * ```
 * @category Options
 * @since 0.2.0
 */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  input: unknown,
  subject: string,
  config?: ParseOptionsConfig,
): z.output<S> {
  const { renamed } =
    config === undefined ? EMPTY_CONFIG : parseOptions(configSchema, config, 'parseOptions');
  const value = input === undefined ? {} : input;
  if (!isPlainObject(value)) {
    throw new CxOptionsError(subject, [
      { path: [], code: 'invalid_type', message: `Expected an options object, got ${describe(value)}` },
    ]);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: OptionIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(segment);
    if (issue.code === 'unrecognized_keys') {
      const known = objectKeysAt(schema, issue.path) ?? [];
      for (const key of issue.keys) {
        const isRenamed = path.length === 0 && renamed !== undefined && Object.hasOwn(renamed, key);
        const suggestion = isRenamed ? renamed?.[key] : closestKey(key, known);
        issues.push({
          path: [...path, key],
          code: 'unknown_option',
          message: isRenamed
            ? `Option "${key}" was renamed to "${suggestion}"`
            : `Unknown option "${key}"${known.length > 0 ? `; known options: ${known.join(', ')}` : ''}`,
          ...(suggestion === undefined ? {} : { suggestion }),
        });
      }
      continue;
    }
    const code = codeOf(issue, value);
    const got = valueAt(value, issue.path);
    const message =
      code === 'missing_option'
        ? `Missing required option: ${issue.message}`
        : `${issue.message}${code === 'invalid_type' || code === 'out_of_range' || code === 'invalid_value' ? `, got ${describe(got)}` : ''}`;
    issues.push({ path, code, message });
  }
  throw new CxOptionsError(subject, issues);
}
