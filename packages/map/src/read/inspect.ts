import { CxValidationError, type ValidationIssue } from '@cx/model';
import { limitError } from '../errors.js';
import type { MapReadLimits } from './limits.js';

type Path = Array<string | number>;
type Locate = (path: ReadonlyArray<string | number>) => { line: number; column: number } | undefined;

/**
 * Walks an untrusted document value once, without recursion, before any schema sees it: nesting deeper than
 * `maxDepth` or more than `maxNodes` values is a {@link @cx/model!CxLimitError}; a cycle (an object inside itself) or a
 * `__proto__` key is a {@link @cx/model!CxValidationError} (zod would silently drop such a key from a record).
 * Objects shared by several parents are walked once per parent, so `maxNodes` also bounds shared-reference
 * blow-ups.
 *
 * @internal
 */
export function inspectDocument(
  value: unknown,
  limits: Required<MapReadLimits>,
  subject: string,
  locate: Locate = () => undefined,
): void {
  // Each frame: the value, its depth, and the index of its parent frame (to rebuild paths only on error).
  const values: unknown[] = [value];
  const depths: number[] = [typeof value === 'object' && value !== null ? 1 : 0];
  const parents: number[] = [-1];
  const keys: Array<string | number> = [''];
  const onPath = new Set<object>();
  // Pending: frame indices still to visit; a negative entry -(i+1) marks the exit of frame i.
  const pending: number[] = [0];
  let nodes = 0;
  const pathOf = (frame: number): Path => {
    const path: Path = [];
    for (let f = frame; f > 0; f = parents[f]!) path.push(keys[f]!);
    return path.reverse();
  };
  const issues: ValidationIssue[] = [];
  const limit = (frame: number, name: 'maxDepth' | 'maxNodes', actual: number, what: string): never => {
    const path = pathOf(frame);
    throw limitError({
      limit: name,
      max: limits[name],
      actual,
      subject,
      what,
      path,
      ...locate(path),
    });
  };
  while (pending.length > 0) {
    const entry = pending.pop()!;
    if (entry < 0) {
      onPath.delete(values[-entry - 1] as object);
      continue;
    }
    const current = values[entry];
    if (++nodes > limits.maxNodes)
      limit(entry, 'maxNodes', nodes, `a document of more than ${limits.maxNodes} values`);
    if (typeof current !== 'object' || current === null) continue;
    const depth = depths[entry]!;
    if (depth > limits.maxDepth) limit(entry, 'maxDepth', depth, `nesting ${depth} levels deep`);
    if (onPath.has(current)) {
      issues.push({
        path: pathOf(entry),
        code: 'cyclic_value',
        message: 'Expected a tree: this object contains itself',
      });
      continue;
    }
    onPath.add(current);
    pending.push(-entry - 1);
    const push = (child: unknown, key: string | number) => {
      values.push(child);
      depths.push(depth + 1);
      parents.push(entry);
      keys.push(key);
      pending.push(values.length - 1);
    };
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) push(current[i], i);
    } else {
      const own = Object.keys(current);
      for (let i = own.length - 1; i >= 0; i--) {
        const key = own[i]!;
        if (key === '__proto__') {
          issues.push({
            path: [...pathOf(entry), key],
            code: 'unexpected_key',
            message: 'The key "__proto__" is not allowed anywhere in a map document',
          });
          continue;
        }
        push((current as Record<string, unknown>)[key], key);
      }
    }
  }
  if (issues.length > 0)
    throw new CxValidationError(
      issues.map((issue) => ({ ...issue, ...locate(issue.path) })),
      { subject },
    );
}
