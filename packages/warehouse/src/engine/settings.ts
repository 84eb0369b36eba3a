import { CxOptionsError, type OptionIssue, parseOptions } from '@cx/model';
import type { z } from 'zod';

/**
 * Validates settings or a mapping with a strict schema (internal). Unlike `parseOptions`, messages name the
 * setting and the expected form but never the value given, so that a password put in a wrong place is not echoed.
 *
 * @throws {@link CxOptionsError} with paths from the settings root.
 */
export function parseSettings<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.infer<S> {
  const value = input === undefined ? {} : input;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CxOptionsError(subject, [
      {
        path: [],
        code: 'invalid_type',
        message: `Expected a settings object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
      },
    ]);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // The model's parser names the closest known key of a typo; it sees the settings with secrets replaced.
  const redacted: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(redacted)) if (/password|secret|token/i.test(key)) redacted[key] = '***';
  try {
    parseOptions(schema, redacted, subject);
  } catch (error) {
    if (error instanceof CxOptionsError) throw error;
  }
  const issues: OptionIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        issues.push({
          path: [...path, key],
          code: 'unknown_option',
          message: `Unknown setting ${JSON.stringify(key)} of ${subject}`,
        });
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      issues.push({
        path,
        code: 'missing_option',
        message: `Missing required setting of ${subject}: expected ${issue.expected}`,
      });
    } else {
      issues.push({
        path,
        code: issue.code === 'invalid_type' ? 'invalid_type' : 'invalid_value',
        message: `Invalid setting of ${subject}: expected ${issue.code === 'invalid_type' ? issue.expected : 'a valid value'}`,
      });
    }
  }
  throw new CxOptionsError(subject, issues);
}

/** A mapping or option problem found after the schema check (internal). */
export function optionsError(
  subject: string,
  path: ReadonlyArray<string | number>,
  message: string,
  code: OptionIssue['code'] = 'invalid_value',
): CxOptionsError {
  return new CxOptionsError(subject, [{ path: [...path], code, message }]);
}
