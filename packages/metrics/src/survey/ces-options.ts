import { levelOption, type Scale, STANDARD_SCALES } from '@cx/model';
import { z } from 'zod';
import { checkScoreList, scaleOption, scaleOptionDefault, scoreListOption } from './scale.js';

/**
 * Options of {@link CesAccumulator} and {@link cesMetric}: how responses are read and the confidence level of the
 * intervals.
 *
 * @example
 * ```ts
 * import { CesAccumulator, type CesAccumulatorOptions } from '@cx/metrics';
 * const options: CesAccumulatorOptions = { lowEffort: [6, 7], level: 0.9 };
 * console.log(new CesAccumulator(options).add(7).add(5).result().lowEffort.value); // 0.5
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export interface CesAccumulatorOptions {
  /**
   * Scale of raw scores; default CES 2.0 (1–7 agreement, higher is easier). Use `STANDARD_SCALES.cesLegacy`
   * (1–5 effort, lower is easier) for the older question. Responses must carry this scale.
   */
  readonly scale?: Scale | undefined;
  /**
   * Scores that count as low effort. Default: the easy side of the scale's midpoint, by the scale's direction
   * (5–7 on CES 2.0 = "at least somewhat agree"; 1–2 on legacy 1–5; 1–3 on a 1–7 effort scale).
   */
  readonly lowEffort?: readonly number[] | undefined;
  /** Confidence level of the t and Wilson intervals, strictly between 0 and 1; default 0.95. */
  readonly level?: number | undefined;
}

/** The fields of the CES accumulator's options; `scale` optional here, for `ces`, which takes it from responses. */
export const cesShape = {
  scale: scaleOption.optional(),
  lowEffort: scoreListOption.optional(),
  level: levelOption,
};

/** The cross-field rule: the low-effort scores lie on the scale. */
export function checkCesOptions(
  o: { readonly scale: Scale; readonly lowEffort?: readonly number[] | undefined },
  ctx: z.RefinementCtx,
): void {
  checkScoreList(o.lowEffort, o.scale, 'lowEffort', ctx);
}

/** Strict schema of {@link CesAccumulatorOptions} (scale defaults to CES 2.0, 1–7). */
export const cesAccumulatorOptionsSchema = z
  .strictObject({ ...cesShape, scale: scaleOptionDefault(STANDARD_SCALES.ces) })
  .superRefine(checkCesOptions);

/**
 * The options of a {@link CesAccumulator} with every default filled in, as its `options` and snapshots hold them.
 *
 * @example
 * ```ts
 * import { CesAccumulator, type ResolvedCesOptions } from '@cx/metrics';
 * const options: ResolvedCesOptions = new CesAccumulator().options;
 * console.log(options.scale.max, options.lowEffort); // 7 undefined
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export interface ResolvedCesOptions {
  /** Scale of the scores. */
  readonly scale: Scale;
  /** The low-effort scores, when given (else the easy side of the midpoint). */
  readonly lowEffort?: readonly number[] | undefined;
  /** Confidence level of the intervals. */
  readonly level: number;
}

/** Sorts and de-duplicates the low-effort list, so that equal sets give equal options. */
export function normalizeCesOptions(o: ResolvedCesOptions): ResolvedCesOptions {
  return o.lowEffort === undefined ? o : { ...o, lowEffort: [...new Set(o.lowEffort)].sort((a, b) => a - b) };
}

/** The predicate "this score is low effort" of resolved options. */
export function lowEffortBy(o: ResolvedCesOptions): (score: number) => boolean {
  if (o.lowEffort !== undefined) {
    const set = new Set(o.lowEffort);
    return (s) => set.has(s);
  }
  const mid = (o.scale.min + o.scale.max) / 2;
  return o.scale.direction === 'higher-is-better' ? (s) => s > mid : (s) => s < mid;
}
