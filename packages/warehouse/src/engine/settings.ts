import { CxValidationError } from '@cx/model';
import type { z } from 'zod';

/**
 * Validates connection settings with a strict schema (internal). Messages name the setting and the expected
 * form, never the value given, so that a password in a wrong place is not echoed.
 *
 * @throws {@link CxValidationError} with paths from the settings root.
 */
export function parseSettings<S extends z.ZodType>(schema: S, input: unknown, fn: string): z.infer<S> {
  const value = input === undefined ? {} : input;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new CxValidationError(
    result.error.issues.map((issue) => ({
      path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message:
        issue.code === 'unrecognized_keys'
          ? `Unknown setting(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} of ${fn}`
          : `Invalid setting of ${fn}: expected ${issue.code === 'invalid_type' ? issue.expected : 'a valid value'}`,
      code: issue.code === 'unrecognized_keys' ? 'unknown_option' : 'invalid_value',
    })),
    { subject: `${fn} settings` },
  );
}
