import { alternativeOption, CxOptionsError, levelOption, parseOptions } from '@cx/model';
import { normalQuantile } from '@cx/stats';
import { z } from 'zod';
import { trinomialVariance } from './nps-accumulator.js';
import type { Alternative } from './nps-compare.js';

/**
 * Expected promoter and detractor shares, each 0–1 (0.5, not 50), used for planning.
 *
 * @example
 * ```ts
 * import { npsSampleSizeForMargin, type NpsExpectedShares } from '@cx/metrics';
 * const expected: NpsExpectedShares = { promoters: 0.5, detractors: 0.2 };
 * console.log(npsSampleSizeForMargin({ margin: 5, expected })); // 935
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsExpectedShares {
  /** Share of promoters, 0–1. */
  readonly promoters: number;
  /** Share of detractors, 0–1; promoters + detractors ≤ 1. */
  readonly detractors: number;
}

/**
 * Options of {@link npsSampleSizeForMargin}.
 *
 * @example
 * ```ts
 * import type { NpsMarginPlanOptions } from '@cx/metrics';
 * const plan: NpsMarginPlanOptions = { margin: 5, level: 0.9 };
 * console.log(plan.margin); // 5
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsMarginPlanOptions {
  /** Target margin of error (half-width of the interval) in NPS points, 1…200: `5` means ±5 points. */
  readonly margin: number;
  /** Confidence level, strictly between 0 and 1; default 0.95. */
  readonly level?: number | undefined;
  /** Expected shares; default the worst case 50 % promoters / 50 % detractors (variance 1). */
  readonly expected?: NpsExpectedShares | undefined;
}

/**
 * Options of {@link npsSampleSizeForDifference}.
 *
 * @example
 * ```ts
 * import type { NpsDifferencePlanOptions } from '@cx/metrics';
 * const plan: NpsDifferencePlanOptions = { difference: 10, level: 0.95, power: 0.9, alternative: 'greater' };
 * console.log(plan.power); // 0.9
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface NpsDifferencePlanOptions {
  /** Smallest difference worth detecting, in NPS points, 1…200: `10` means 10 points. */
  readonly difference: number;
  /** Confidence level of the test, strictly between 0 and 1 (α = 1 − level); default 0.95. */
  readonly level?: number | undefined;
  /** Power 1 − β, strictly between 0 and 1; default 0.8. */
  readonly power?: number | undefined;
  /** `two-sided` (default), or a one-sided test (`greater` or `less`: the same size). */
  readonly alternative?: Alternative | undefined;
  /** Expected shares in each group (one object for both); default the worst case (variance 1 each). */
  readonly expected?: NpsExpectedShares | readonly [NpsExpectedShares, NpsExpectedShares] | undefined;
}

const share = z
  .number()
  .min(0, { error: 'Expected a share from 0 to 1' })
  .max(1, { error: 'Expected a share from 0 to 1 (0.5, not 50)' });
const sharesSchema = z
  .strictObject({ promoters: share, detractors: share })
  .refine((s) => s.promoters + s.detractors <= 1, {
    error: 'Expected promoters + detractors ≤ 1',
    path: ['detractors'],
  });

/** NPS points: at least 1, so that a proportion typed by mistake (0.05 for 5 points) is caught. */
function pointsOption(name: string, example: number) {
  const hint = `Expected ${name} in NPS points, from 1 to 200 (${example} means ${example} points). NPS points are 100 × a difference of shares, so a value below 1 such as ${example / 100} is most likely a proportion: write ${example}`;
  return z
    .number({ error: `Expected ${name} in NPS points, a number from 1 to 200` })
    .min(1, { error: hint })
    .max(200, { error: `Expected ${name} in NPS points, at most 200 (the width of the −100…100 scale)` });
}

const marginSchema = z.strictObject({
  margin: pointsOption('a margin', 5),
  level: levelOption,
  expected: sharesSchema.optional(),
});

const differenceSchema = z.strictObject({
  difference: pointsOption('a difference', 10),
  level: levelOption,
  power: z
    .number()
    .gt(0, { error: 'Expected a power strictly between 0 and 1 (0.8, not 80)' })
    .lt(1, { error: 'Expected a power strictly between 0 and 1 (0.8, not 80)' })
    .default(0.8),
  alternative: alternativeOption,
  expected: z.union([sharesSchema, z.tuple([sharesSchema, sharesSchema])]).optional(),
});

const varianceOf = (s: NpsExpectedShares | undefined): number =>
  s === undefined ? 1 : trinomialVariance(s.promoters, s.detractors);

/**
 * Responses needed for an NPS margin of error, by inverting the adjusted-Wald interval (MeasuringU, "Sample Size
 * Estimation for NPS Confidence Intervals"): n = z²·Var/m² − 3 with Var = p + d − (p − d)² on the −1…1 scale.
 *
 * @param options - Target `margin` in NPS points (required), `level` and expected shares.
 * @returns The number of responses (rounded up, at least 1).
 * @throws {@link @cx/model!CxOptionsError} for a margin outside 1…200 points (a proportion such as 0.05 is named as
 *   one), a level outside (0, 1), impossible shares, or an unknown or renamed key (`confidence` → `level`).
 * @example
 * ```ts
 * import { npsSampleSizeForMargin } from '@cx/metrics';
 * console.log(npsSampleSizeForMargin({ margin: 5, expected: { promoters: 0.5, detractors: 0.2 } })); // 935
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function npsSampleSizeForMargin(options: NpsMarginPlanOptions): number {
  const o = parseOptions(marginSchema, options, 'npsSampleSizeForMargin', {
    renamed: { confidence: 'level' },
  });
  const z = normalQuantile(1 - (1 - o.level) / 2);
  const m = o.margin / 100;
  return Math.max(1, Math.ceil((z * z * varianceOf(o.expected)) / (m * m) - 3));
}

/**
 * Responses needed per group to detect an NPS difference (MeasuringU, "Sample Sizes for Comparing Net Promoter
 * Scores"): n = (Var₁ + Var₂)(z_α + z_β)²/d² − 3, with z_α two- or one-sided at α = 1 − level and z_β = Φ⁻¹(power).
 *
 * @param options - `difference` in NPS points (required), `level`, `power`, `alternative` and expected shares.
 * @returns Responses per group (rounded up, at least 1).
 * @throws {@link @cx/model!CxOptionsError} for a difference outside 1…200 points (`{ difference: 0.1 }` is named as
 *   a proportion), a level or power outside (0, 1), impossible shares, or an unknown or renamed key (`alpha` →
 *   `level` = 1 − α, `sides` → `alternative`).
 * @example
 * ```ts
 * import { npsSampleSizeForDifference } from '@cx/metrics';
 * console.log(npsSampleSizeForDifference({ difference: 10 })); // 1567
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function npsSampleSizeForDifference(options: NpsDifferencePlanOptions): number {
  const o = parseDifferencePlan(options);
  const zAlpha = normalQuantile(o.alternative === 'two-sided' ? 1 - (1 - o.level) / 2 : o.level);
  const zBeta = normalQuantile(o.power);
  const [e1, e2] = Array.isArray(o.expected) ? o.expected : [o.expected, o.expected];
  const d = o.difference / 100;
  return Math.max(1, Math.ceil(((varianceOf(e1) + varianceOf(e2)) * (zAlpha + zBeta) ** 2) / (d * d) - 3));
}

const SUBJECT = 'npsSampleSizeForDifference';

/** Parses the plan; `alpha` is named with its conversion, since `level` is 1 − α, not α renamed. */
function parseDifferencePlan(options: NpsDifferencePlanOptions): z.output<typeof differenceSchema> {
  try {
    return parseOptions(differenceSchema, options, SUBJECT, {
      renamed: { sides: 'alternative', confidence: 'level' },
    });
  } catch (error) {
    if (
      !(error instanceof CxOptionsError) ||
      !error.issues.some((i) => i.path.length === 1 && i.path[0] === 'alpha')
    )
      throw error;
    const issues = error.issues.map((i) =>
      i.path.length === 1 && i.path[0] === 'alpha'
        ? {
            ...i,
            suggestion: 'level',
            message:
              'Option "alpha" was replaced by "level", the confidence level 1 − α: alpha 0.05 is level 0.95',
          }
        : i,
    );
    throw new CxOptionsError(SUBJECT, issues, { cause: error });
  }
}
