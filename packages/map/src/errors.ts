import { CxLimitError, type IssuePath } from '@cx/model';
import type { MapReadLimits } from './read/limits.js';

const CODES = {
  maxLength: 'too_long',
  maxDepth: 'too_deep',
  maxNodes: 'too_large',
  maxAliases: 'too_many_items',
} as const;

/**
 * The {@link @cx/model!CxLimitError} of a reader: which of the {@link MapReadLimits} was exceeded, by how much, and
 * where (the path, and the line and column for text). Built here, once.
 *
 * @internal
 */
export function limitError(details: {
  readonly limit: keyof MapReadLimits;
  readonly max: number;
  readonly actual: number;
  readonly subject: string;
  readonly what: string;
  readonly path?: IssuePath;
  readonly line?: number;
  readonly column?: number;
  readonly cause?: unknown;
}): CxLimitError {
  const where = details.line === undefined ? '' : ` at line ${details.line}, column ${details.column ?? 1}`;
  return new CxLimitError(
    CODES[details.limit],
    `${details.subject}: ${details.what}${where} exceeds limits.${details.limit}`,
    {
      limit: details.max,
      actual: details.actual,
      ...(details.path === undefined ? {} : { path: details.path }),
      ...(details.cause === undefined ? {} : { cause: details.cause }),
    },
  );
}
