/**
 * A path from the root of a checked value (a document, a record, an options object) to one of its parts.
 *
 * @example
 * ```ts
 * import { formatIssuePath, type IssuePath } from '@cx/model';
 * const path: IssuePath = ['stages', 2, 'id'];
 * console.log(formatIssuePath(path)); // '/stages/2/id'
 * ```
 * @category Errors
 * @since 0.2.0
 */
export type IssuePath = ReadonlyArray<string | number>;

/**
 * Formats an issue path as a JSON-pointer-like string, e.g. `/stages/2/id` (the root is `/`).
 *
 * @param path - Issue path.
 * @returns The path joined with `/`, each segment escaped as in RFC 6901.
 * @example
 * ```ts
 * import { formatIssuePath } from '@cx/model';
 * console.log(formatIssuePath(['stages', 2, 'id'])); // '/stages/2/id'
 * ```
 * @category Errors
 * @since 0.1.0
 */
export function formatIssuePath(path: IssuePath): string {
  if (path.length === 0) return '/';
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Lists at most `shown` issue lines, then how many more there were (internal). */
export function issueLines<T>(issues: readonly T[], line: (issue: T) => string, shown = 20): string {
  const lines = issues.slice(0, shown).map((issue) => `\n  ${line(issue)}`);
  const more = issues.length > shown ? `\n  … and ${issues.length - shown} more` : '';
  return lines.join('') + more;
}
