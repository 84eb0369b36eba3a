import { levelOption, type Scale, STANDARD_SCALES } from '@cx/model';
import { z } from 'zod';
import { checkScoreList, scaleOption, scaleOptionDefault, scoreListOption } from './scale.js';

/**
 * Which scores count as satisfied: the best one (`top-box`), the best two (`top-2-box`, default), an explicit list
 * of scores, every score at least a threshold (`{ atLeast }`, on a higher-is-better scale) or at most one
 * (`{ atMost }`, on a lower-is-better scale).
 *
 * @example
 * ```ts
 * import { csat, type CsatPositive } from '@cx/metrics';
 * const positive: CsatPositive = { atLeast: 4 };
 * console.log(csat([5, 4, 2, 3], { positive }).score); // 0.5
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export type CsatPositive =
  | 'top-box'
  | 'top-2-box'
  | readonly number[]
  | { readonly atLeast: number }
  | { readonly atMost: number };

/**
 * Options of {@link CsatAccumulator} and {@link csatMetric}: how responses are classified and counted, and the
 * confidence level of the intervals.
 *
 * @example
 * ```ts
 * import { CsatAccumulator, type CsatAccumulatorOptions } from '@cx/metrics';
 * const options: CsatAccumulatorOptions = { neutral: [3], denominator: 'exclude-neutral' };
 * console.log(new CsatAccumulator(options).add(5).add(3).add(1).result().score); // 0.5
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export interface CsatAccumulatorOptions {
  /** Scale of raw scores; default 1–5. Responses must carry this scale. */
  readonly scale?: Scale | undefined;
  /** The satisfied set; default `top-2-box` (4–5 on 1–5). */
  readonly positive?: CsatPositive | undefined;
  /** Scores treated as neutral (e.g. `[3]` on 1–5); default none: every other score is unsatisfied. */
  readonly neutral?: readonly number[] | undefined;
  /**
   * `all` (default): satisfied / all responses (SoGoSurvey, Simplesat: 7 positive, 1 neutral, 2 negative ⇒ 0.7).
   * `exclude-neutral`: satisfied / (satisfied + unsatisfied), e.g. Zendesk-style good / (good + bad).
   */
  readonly denominator?: 'all' | 'exclude-neutral' | undefined;
  /** Confidence level of the Wilson and t intervals, strictly between 0 and 1; default 0.95. */
  readonly level?: number | undefined;
}

const positiveOption = z.union(
  [
    z.enum(['top-box', 'top-2-box']),
    scoreListOption,
    z.strictObject({ atLeast: z.number() }),
    z.strictObject({ atMost: z.number() }),
  ],
  { error: 'Expected "top-box", "top-2-box", a list of scores, { atLeast: score } or { atMost: score }' },
);

/** The fields of the CSAT accumulator's options; `scale` optional here, for `csat`, which takes it from responses. */
export const csatShape = {
  scale: scaleOption.optional(),
  positive: positiveOption.default('top-2-box'),
  neutral: scoreListOption.optional(),
  denominator: z
    .enum(['all', 'exclude-neutral'], { error: 'Expected "all" or "exclude-neutral"' })
    .default('all'),
  level: levelOption,
};

type CsatShapeOutput = {
  readonly scale: Scale;
  readonly positive: z.output<typeof positiveOption>;
  readonly neutral?: readonly number[] | undefined;
};

function threshold(
  positive: { readonly atLeast: number } | { readonly atMost: number },
  scale: Scale,
  ctx: z.RefinementCtx,
): void {
  const atLeast = Object.hasOwn(positive, 'atLeast');
  const value = atLeast ? (positive as { atLeast: number }).atLeast : (positive as { atMost: number }).atMost;
  const key = atLeast ? 'atLeast' : 'atMost';
  if (!(value >= scale.min && value <= scale.max)) {
    ctx.addIssue({
      code: 'custom',
      path: ['positive', key],
      message: `Expected a threshold on the scale ${scale.min}…${scale.max}, got ${value}`,
      params: { code: 'out_of_range' },
    });
  }
  const higher = scale.direction === 'higher-is-better';
  if (atLeast !== higher) {
    ctx.addIssue({
      code: 'custom',
      path: ['positive', key],
      message: `On a ${scale.direction} scale the satisfied end is the ${higher ? 'high' : 'low'} one: use { ${higher ? 'atLeast' : 'atMost'} }`,
      params: { code: 'conflicting_options' },
    });
  }
}

/** The cross-field rules: the satisfied and neutral sets lie on the scale and do not overlap. */
export function checkCsatOptions(o: CsatShapeOutput, ctx: z.RefinementCtx): void {
  const { scale, positive } = o;
  let isPositive: (s: number) => boolean = () => false;
  if (positive === 'top-box' || positive === 'top-2-box') {
    if (!scale.integral) {
      ctx.addIssue({
        code: 'custom',
        path: ['positive'],
        message: 'On a continuous scale give the satisfied set explicitly, e.g. { atLeast: 4 }',
        params: { code: 'conflicting_options' },
      });
    }
    isPositive = satisfiedBy(o);
  } else if (Array.isArray(positive)) {
    checkScoreList(positive, scale, 'positive', ctx);
    isPositive = satisfiedBy(o);
  } else {
    threshold(positive as { atLeast: number } | { atMost: number }, scale, ctx);
  }
  checkScoreList(o.neutral, scale, 'neutral', ctx);
  o.neutral?.forEach((s, i) => {
    if (isPositive(s)) {
      ctx.addIssue({
        code: 'custom',
        path: ['neutral', i],
        message: `Score ${s} cannot be both satisfied and neutral`,
        params: { code: 'conflicting_options' },
      });
    }
  });
}

/** The predicate "this score is satisfied" of resolved options. */
export function satisfiedBy(o: {
  readonly scale: Scale;
  readonly positive: CsatPositive;
}): (s: number) => boolean {
  const { scale, positive } = o;
  if (positive === 'top-box' || positive === 'top-2-box') {
    const best = scale.direction === 'higher-is-better' ? scale.max : scale.min;
    const step = scale.direction === 'higher-is-better' ? -1 : 1;
    const set = new Set(positive === 'top-box' ? [best] : [best, best + step]);
    return (s) => set.has(s);
  }
  if (Array.isArray(positive)) {
    const set = new Set(positive as readonly number[]);
    return (s) => set.has(s);
  }
  if (Object.hasOwn(positive, 'atLeast')) {
    const t = (positive as { atLeast: number }).atLeast;
    return (s) => s >= t;
  }
  const t = (positive as { atMost: number }).atMost;
  return (s) => s <= t;
}

/** Strict schema of {@link CsatAccumulatorOptions} (scale defaults to 1–5). */
export const csatAccumulatorOptionsSchema = z
  .strictObject({ ...csatShape, scale: scaleOptionDefault(STANDARD_SCALES.csat) })
  .superRefine(checkCsatOptions);

/**
 * The options of a {@link CsatAccumulator} with every default filled in (listed scores sorted), as its `options` and
 * snapshots hold them.
 *
 * @example
 * ```ts
 * import { CsatAccumulator, type ResolvedCsatOptions } from '@cx/metrics';
 * const options: ResolvedCsatOptions = new CsatAccumulator({ positive: [5, 4] }).options;
 * console.log(options.positive, options.denominator); // [4, 5] 'all'
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export interface ResolvedCsatOptions {
  /** Scale of the scores. */
  readonly scale: Scale;
  /** The satisfied set. */
  readonly positive: CsatPositive;
  /** The neutral scores, if any. */
  readonly neutral?: readonly number[] | undefined;
  /** What the share is taken of. */
  readonly denominator: 'all' | 'exclude-neutral';
  /** Confidence level of the intervals. */
  readonly level: number;
}

const sortedUnique = (xs: readonly number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);

/** Sorts and de-duplicates the listed scores, so that equal sets give equal options (for merging). */
export function normalizeCsatOptions(o: ResolvedCsatOptions): ResolvedCsatOptions {
  const positive = Array.isArray(o.positive) ? sortedUnique(o.positive) : o.positive;
  return o.neutral === undefined ? { ...o, positive } : { ...o, positive, neutral: sortedUnique(o.neutral) };
}
