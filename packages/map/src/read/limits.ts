import { z } from 'zod';
import { limitError } from '../errors.js';

/**
 * Work bounds of the map readers. Every reader stops with a {@link @cx/model!CxLimitError} as soon as one is exceeded.
 *
 * @category Parsing
 * @since 0.2.0
 */
export interface MapReadLimits {
  /** Longest text accepted, in UTF-16 code units; default 16,777,216 (16 Mi). */
  readonly maxLength?: number;
  /** Deepest nesting of objects and arrays (the document itself is depth 1); default 64. */
  readonly maxDepth?: number;
  /** Most values (objects, arrays, strings, numbers, booleans, nulls) in a document; default 2,000,000. */
  readonly maxNodes?: number;
  /** Most YAML alias references (`*name`) in a document; default 100. */
  readonly maxAliases?: number;
}

/** @internal */
export const DEFAULT_LIMITS: Required<MapReadLimits> = Object.freeze({
  maxLength: 16 * 1024 * 1024,
  maxDepth: 64,
  maxNodes: 2_000_000,
  maxAliases: 100,
});

const count = (max: number) => z.number().int().min(0).max(max);

/** @internal */
export const limitsSchema = z
  .strictObject({
    maxLength: count(2 ** 30).optional(),
    maxDepth: count(10_000).optional(),
    maxNodes: count(2 ** 31).optional(),
    maxAliases: count(1_000_000).optional(),
  })
  .optional();

/** Fills in the defaults. @internal */
export function resolveLimits(
  limits: { readonly [K in keyof MapReadLimits]?: number | undefined } | undefined,
): Required<MapReadLimits> {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(out) as Array<keyof MapReadLimits>) {
    const value = limits?.[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Refuses a text longer than `maxLength` before any parser sees it (JSON and YAML alike). @internal */
export function checkLength(text: string, limits: Required<MapReadLimits>, subject: string): void {
  if (text.length > limits.maxLength)
    throw limitError({
      limit: 'maxLength',
      max: limits.maxLength,
      actual: text.length,
      subject,
      what: `a text of ${text.length} characters`,
    });
}
