import { levelOption, type Scale } from '@cx/model';
import { z } from 'zod';
import { NPS_SCALE, scaleOptionDefault } from './scale.js';

/**
 * Interval method for NPS: `adjusted-wald` (default; Rocks 2016, MeasuringU), `wald`, or a seeded `bootstrap`.
 *
 * @example
 * ```ts
 * import { nps, type NpsIntervalMethod } from '@cx/metrics';
 * const method: NpsIntervalMethod = 'wald';
 * console.log(nps([10, 9, 3], { method }).interval?.method); // 'wald'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export type NpsIntervalMethod = 'adjusted-wald' | 'wald' | 'bootstrap';

/**
 * Options of the seeded bootstrap interval (`method: 'bootstrap'`).
 *
 * @example
 * ```ts
 * import { nps, type BootstrapOptions } from '@cx/metrics';
 * const bootstrap: BootstrapOptions = { resamples: 1000, seed: 7 };
 * console.log(nps([10, 9, 8, 3], { method: 'bootstrap', bootstrap }).interval?.method); // 'bootstrap'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface BootstrapOptions {
  /** Number of resamples, a whole number from 2 to 1,000,000; default 2000 (MeasuringU recommends ≥ 1000). */
  readonly resamples?: number | undefined;
  /** Seed of the generator, a whole number from 0 to 2³² − 1; default 1. The same seed gives the same interval. */
  readonly seed?: number | undefined;
}

/**
 * Options of {@link NpsAccumulator} and {@link npsMetric}: how scores are classified and how the interval is
 * computed. Fixed when the accumulator is created, so that merged and restored accumulators agree.
 *
 * @example
 * ```ts
 * import { NpsAccumulator, type NpsAccumulatorOptions } from '@cx/metrics';
 * const options: NpsAccumulatorOptions = { level: 0.9, method: 'wald' };
 * console.log(new NpsAccumulator(options).add(10).add(3).result().interval?.level); // 0.9
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export interface NpsAccumulatorOptions {
  /** Scale of the scores; default 0–10 integral. Responses must carry this scale. */
  readonly scale?: Scale | undefined;
  /** Lowest promoter score, on the scale; default 9. */
  readonly promoterMin?: number | undefined;
  /** Highest detractor score, on the scale and below `promoterMin`; default 6. Scores between are passives. */
  readonly detractorMax?: number | undefined;
  /** Confidence level of the interval, strictly between 0 and 1; default 0.95. */
  readonly level?: number | undefined;
  /** Interval method; default `adjusted-wald`. */
  readonly method?: NpsIntervalMethod | undefined;
  /** Resamples and seed; only with `method: 'bootstrap'` (default `{ resamples: 2000, seed: 1 }`). */
  readonly bootstrap?: BootstrapOptions | undefined;
}

/** A seed of `createRandom`: a whole number from 0 to 2³² − 1. */
export const seedOption = z
  .number()
  .int({ error: 'Expected a whole-number seed' })
  .min(0, { error: 'Expected a seed from 0 to 4294967295' })
  .max(2 ** 32 - 1, { error: 'Expected a seed from 0 to 4294967295' });

const bootstrapSchema = z.strictObject({
  resamples: z.number().int().min(2).max(1_000_000).default(2000),
  seed: seedOption.default(1),
});

/** The fields of the NPS accumulator's options (shared with `nps`, which adds `weights`). */
export const npsAccumulatorShape = {
  scale: scaleOptionDefault(NPS_SCALE),
  promoterMin: z.number().default(9),
  detractorMax: z.number().default(6),
  level: levelOption,
  method: z
    .enum(['adjusted-wald', 'wald', 'bootstrap'], {
      error: 'Expected "adjusted-wald", "wald" or "bootstrap"',
    })
    .default('adjusted-wald'),
  bootstrap: bootstrapSchema.optional(),
};

type NpsShapeOutput = {
  readonly scale: Scale;
  readonly promoterMin: number;
  readonly detractorMax: number;
  readonly method: string;
  readonly bootstrap?: unknown;
};

/** The cross-field rules of the NPS options: cut points on the scale and in order, bootstrap only with its method. */
export function checkNpsOptions(o: NpsShapeOutput, ctx: z.RefinementCtx): void {
  const { scale, promoterMin, detractorMax } = o;
  if (!(promoterMin > scale.min && promoterMin <= scale.max)) {
    ctx.addIssue({
      code: 'custom',
      path: ['promoterMin'],
      message: `Expected promoterMin above the scale's minimum and at most its maximum (${scale.min}…${scale.max}), got ${promoterMin}`,
      params: { code: 'out_of_range' },
    });
  }
  if (!(detractorMax >= scale.min && detractorMax < scale.max)) {
    ctx.addIssue({
      code: 'custom',
      path: ['detractorMax'],
      message: `Expected detractorMax at least the scale's minimum and below its maximum (${scale.min}…${scale.max}), got ${detractorMax}`,
      params: { code: 'out_of_range' },
    });
  }
  if (!(detractorMax < promoterMin)) {
    ctx.addIssue({
      code: 'custom',
      path: ['promoterMin'],
      message: `Expected promoterMin (${promoterMin}) greater than detractorMax (${detractorMax})`,
      params: { code: 'conflicting_options' },
    });
  }
  if (o.bootstrap !== undefined && o.method !== 'bootstrap') {
    ctx.addIssue({
      code: 'custom',
      path: ['bootstrap'],
      message: `Bootstrap options apply only to method "bootstrap", not "${o.method}"`,
      params: { code: 'conflicting_options' },
    });
  }
}

/** Strict schema of {@link NpsAccumulatorOptions}. */
export const npsAccumulatorOptionsSchema = z.strictObject(npsAccumulatorShape).superRefine(checkNpsOptions);

/**
 * The options of an {@link NpsAccumulator} with every default filled in, as its `options` and snapshots hold them.
 *
 * @example
 * ```ts
 * import { NpsAccumulator, type ResolvedNpsOptions } from '@cx/metrics';
 * const options: ResolvedNpsOptions = new NpsAccumulator({ method: 'bootstrap' }).options;
 * console.log(options.promoterMin, options.bootstrap); // 9 { resamples: 2000, seed: 1 }
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export interface ResolvedNpsOptions {
  /** Scale of the scores. */
  readonly scale: Scale;
  /** Lowest promoter score. */
  readonly promoterMin: number;
  /** Highest detractor score. */
  readonly detractorMax: number;
  /** Confidence level of the interval. */
  readonly level: number;
  /** Interval method. */
  readonly method: NpsIntervalMethod;
  /** Resamples and seed, present exactly when the method is `bootstrap`. */
  readonly bootstrap?: { readonly resamples: number; readonly seed: number } | undefined;
}

/** Keys renamed since 0.1: `confidence` → `level`, the interval method `interval` → `method`. */
export const NPS_RENAMED = { confidence: 'level', interval: 'method' } as const;

/** Fills the bootstrap defaults when the method is `bootstrap`, so the resolved options say what was used. */
export function resolveNpsOptions(o: ResolvedNpsOptions): ResolvedNpsOptions {
  if (o.method !== 'bootstrap' || o.bootstrap !== undefined) return o;
  return { ...o, bootstrap: { resamples: 2000, seed: 1 } };
}
