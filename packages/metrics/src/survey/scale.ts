import { type Scale, STANDARD_SCALES, scaleSchema, type ValidationIssue } from '@cx/model';
import { z } from 'zod';

/**
 * Largest magnitude of a scale bound: 10⁹. Sums of squared scores then stay far from overflow for any number of
 * responses; survey scales are 0–10, 1–5, 0–100.
 */
export const MAX_SCALE_MAGNITUDE = 1e9;

/** Why a scale cannot be used, or `null` (internal). */
function scaleProblem(s: Scale): string | null {
  if (!(Math.abs(s.min) <= MAX_SCALE_MAGNITUDE && Math.abs(s.max) <= MAX_SCALE_MAGNITUDE))
    return `Expected scale bounds within ±${MAX_SCALE_MAGNITUDE}, got ${s.min}…${s.max}`;
  return null;
}

/**
 * A scale given as an option: `scaleSchema` of `@cx/model` (min < max, direction, integrality) with bounds within
 * ±10⁹.
 */
export const scaleOption = scaleSchema.superRefine((s, ctx) => {
  const problem = scaleProblem(s);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'out_of_range' } });
});

/** A scale option defaulting to a standard scale (a fresh copy each time). */
export function scaleOptionDefault(scale: Scale) {
  return scaleOption.default(() => ({ ...scale }));
}

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

/** Issues of a scale read from data (a response's own scale). */
export function dataScaleIssues(scale: unknown, path: ReadonlyArray<string | number>): ValidationIssue[] {
  const parsed = scaleSchema.safeParse(scale);
  const problem = parsed.success
    ? scaleProblem(parsed.data)
    : 'Expected a scale { min, max, direction, integral }';
  return problem === null ? [] : [{ path, message: problem, code: 'invalid_scale' }];
}

/** The NPS scale, 0–10 integral. */
export const NPS_SCALE: Scale = STANDARD_SCALES.nps;

/** A list of scores given as an option (e.g. CSAT's `neutral`), each checked against the scale by the caller. */
export const scoreListOption = z.array(z.number()).min(1).max(1000);

/**
 * Adds an `out_of_range` issue for each score of a list that is not on the scale (for options such as `neutral`).
 *
 * @param scores - The listed scores.
 * @param scale - The scale.
 * @param key - The option's name.
 * @param ctx - zod's refinement context.
 */
export function checkScoreList(
  scores: readonly number[] | undefined,
  scale: Scale,
  key: string,
  ctx: z.RefinementCtx,
): void {
  scores?.forEach((s, i) => {
    const problem = scoreProblem(s, scale);
    if (problem !== null)
      ctx.addIssue({ code: 'custom', path: [key, i], message: problem, params: { code: 'out_of_range' } });
  });
}
