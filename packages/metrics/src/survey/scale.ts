import { type Scale, STANDARD_SCALES, type ValidationIssue } from '@cx/model';

/** Whether two scales are the same (range, direction and integrality). */
export function sameScale(a: Scale, b: Scale): boolean {
  return a.min === b.min && a.max === b.max && a.direction === b.direction && a.integral === b.integral;
}

/** Readable form of a scale, e.g. `1–5 (lower-is-better)`. */
export function describeScale(s: Scale): string {
  return `${s.min}–${s.max} (${s.direction}${s.integral ? '' : ', continuous'})`;
}

/** Why a score does not fit a scale, or `null` when it does. */
export function scoreProblem(score: unknown, scale: Scale): string | null {
  if (typeof score !== 'number' || Number.isNaN(score)) return `Expected a number, got ${String(score)}`;
  if (score < scale.min || score > scale.max) {
    return `Expected a score on the scale ${scale.min}…${scale.max}, got ${score}`;
  }
  if (scale.integral && !Number.isInteger(score)) {
    return `Expected a whole number on an integral scale, got ${score}`;
  }
  return null;
}

/** Issue for a weight that is not positive and finite, or `null`. */
export function weightIssue(weight: unknown, path: ReadonlyArray<string | number>): ValidationIssue | null {
  if (typeof weight === 'number' && weight > 0 && Number.isFinite(weight)) return null;
  return {
    path,
    message: `Expected a positive finite weight, got ${String(weight)}`,
    code: 'invalid_weight',
  };
}

/** Checks a scale supplied as an option. */
export function scaleIssues(scale: Scale, path: ReadonlyArray<string | number>): ValidationIssue[] {
  const ok =
    Number.isFinite(scale.min) &&
    Number.isFinite(scale.max) &&
    scale.max > scale.min &&
    (scale.direction === 'higher-is-better' || scale.direction === 'lower-is-better');
  return ok
    ? []
    : [
        {
          path,
          message: `Expected a finite scale with max > min, got ${JSON.stringify(scale)}`,
          code: 'invalid_scale',
        },
      ];
}

export const NPS_SCALE: Scale = STANDARD_SCALES.nps;

/** Canonical JSON-able form of a scale (independent of property order). */
export function scaleKey(s: Scale): readonly [number, number, string, boolean] {
  return [s.min, s.max, s.direction, s.integral];
}
