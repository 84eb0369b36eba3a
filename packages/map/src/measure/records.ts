import { CxValidationError, instantToEpochMs, type ValidationIssue } from '@cx/model';
import type { MetricScope } from '../format/metric-definition.js';

/** A record with its time (epoch ms) and where it came from in the data. @internal */
export interface Timed<T> {
  readonly record: T;
  readonly ms: number;
}

/**
 * Reads the time field of each record with the one instant grammar of `@cx/model`, sorted by time. A record whose
 * time is missing or malformed is an issue naming `collection/index/field`; nothing is guessed or skipped.
 *
 * @internal
 */
export function timed<T extends object>(
  records: readonly T[] | undefined,
  collection: string,
  field: keyof T & string,
): Array<Timed<T>> {
  if (records === undefined) return [];
  const issues: ValidationIssue[] = [];
  const out: Array<Timed<T>> = [];
  records.forEach((record, i) => {
    const value = (record as Record<string, unknown>)[field];
    try {
      if (typeof value !== 'string') throw new TypeError();
      out.push({ record, ms: instantToEpochMs(value) });
    } catch {
      if (issues.length < 100)
        issues.push({
          path: [collection, i, field],
          code: 'invalid_instant',
          message: `Expected a UTC instant such as 2026-01-01T00:00:00Z, got ${JSON.stringify(value)?.slice(0, 60)}`,
        });
    }
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'measurement data' });
  return out.sort((a, b) => a.ms - b.ms);
}

/** The records of a sorted list with `from ≤ ms < to` (binary search). @internal */
export function between<T>(sorted: ReadonlyArray<Timed<T>>, from: number, to: number): T[] {
  return timedBetween(sorted, from, to).map((t) => t.record);
}

/** The timed records of a sorted list with `from ≤ ms < to` (binary search). @internal */
export function timedBetween<T>(
  sorted: ReadonlyArray<Timed<T>>,
  from: number,
  to: number,
): ReadonlyArray<Timed<T>> {
  const first = (t: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.ms < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return sorted.slice(first(from), first(to));
}

/** Whether a record lies in a scope (its stage or its touchpoint). @internal */
export function inScope(
  record: { readonly stageId?: string | undefined; readonly touchpointId?: string | undefined },
  scope: MetricScope,
): boolean {
  return scope.stageId !== undefined
    ? record.stageId === scope.stageId
    : record.touchpointId === scope.touchpointId;
}
