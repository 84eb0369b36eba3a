import { type Duration, durationSchema } from '@cx/model';
import { z } from 'zod';
import { DEFAULT_PERCENTILES } from './duration-stats.js';
import { conditionRequired, hasCondition, type InteractionPredicate, predicateShape } from './predicate.js';

/**
 * One funnel step: a predicate, an optional label and an optional window from the previous step.
 *
 * @example
 * ```ts
 * import type { FunnelStep } from '@cx/metrics';
 * const step: FunnelStep = { name: 'purchase', label: 'Bought', window: { hours: 1 } };
 * console.log(step.window); // { hours: 1 }
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export interface FunnelStep extends InteractionPredicate {
  /** Display label; defaults to the step's name(s) or `step N`. */
  readonly label?: string | undefined;
  /** Longest time from the previous step to this one (not allowed on the first step or with order `any`). */
  readonly window?: Duration | undefined;
}

/**
 * An exclusion step: an interaction that, between two funnel steps, disqualifies the attempt. A funnel may have any
 * number of exclusions.
 *
 * @example
 * ```ts
 * import type { FunnelExclusion } from '@cx/metrics';
 * const noRefund: FunnelExclusion = { name: 'refund_request', fromStep: 1 };
 * console.log(noRefund.fromStep); // 1
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export interface FunnelExclusion extends InteractionPredicate {
  /** Index of the step after which the exclusion starts to apply (default 0). */
  readonly fromStep?: number | undefined;
  /** Index of the step before which it stops applying (default: the last step). Must exceed `fromStep`. */
  readonly toStep?: number | undefined;
}

/**
 * Which step's value a breakdown uses for an attempt.
 *
 * - `first-touch`: the first defined value among the attempt's step events (Mixpanel "First Step Defined",
 *   PostHog `first_touch`);
 * - `last-touch`: the last defined value among them (Mixpanel "Last Step Defined", PostHog `last_touch`);
 * - `{ step: k }`: the value on the event that completed step `k` (`null` when absent or not reached).
 *
 * @example
 * ```ts
 * import type { FunnelAttribution } from '@cx/metrics';
 * const attribution: FunnelAttribution = { step: 2 };
 * console.log(attribution);
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export type FunnelAttribution = 'first-touch' | 'last-touch' | { readonly step: number };

/**
 * Breakdown of a funnel by an interaction field or an event property (exactly one of them).
 *
 * @example
 * ```ts
 * import type { FunnelBreakdown } from '@cx/metrics';
 * const byDevice: FunnelBreakdown = { property: 'device', attribution: 'last-touch' };
 * console.log(byDevice.property); // 'device'
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export interface FunnelBreakdown {
  /** An interaction field to break down by. Give either `field` or `property`. */
  readonly field?: 'name' | 'channel' | 'touchpointId' | 'stageId' | undefined;
  /**
   * An event property to break down by (the interaction's own property; values are converted with `String`, objects
   * are JSON-encoded).
   */
  readonly property?: string | undefined;
  /** Attribution of the value (default `first-touch`). */
  readonly attribution?: FunnelAttribution | undefined;
}

/**
 * Options of {@link funnel}, {@link FunnelAccumulator} and {@link funnelColumns}: the steps and how attempts are
 * counted.
 *
 * @example
 * ```ts
 * import type { FunnelOptions } from '@cx/metrics';
 * const options: FunnelOptions = {
 *   steps: [{ name: 'view_item' }, { name: 'add_to_cart' }, { name: 'purchase' }],
 *   window: { days: 7 },
 *   exclusions: [{ name: 'refund_request', fromStep: 1 }],
 * };
 * console.log(options.steps.length); // 3
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export interface FunnelOptions {
  /** The ordered steps, 1 to {@link MAX_FUNNEL_STEPS}. */
  readonly steps: readonly FunnelStep[];
  /** Conversion window from the first step; default `{ days: 14 }` (PostHog's default; Mixpanel uses 7 days). */
  readonly window?: Duration | undefined;
  /**
   * `sequential` (default): steps in order, other interactions allowed in between; `strict`: each step must
   * be the actor's very next interaction; `any`: steps in any order (step k = k distinct steps completed).
   */
  readonly order?: 'sequential' | 'strict' | 'any' | undefined;
  /**
   * `uniques` (default): an actor counts once, with their first attempt (once per breakdown value);
   * `totals`: every attempt counts; an actor re-enters after the previous attempt converted, timed out or
   * was excluded (Mixpanel "Totals").
   */
  readonly counting?: 'uniques' | 'totals' | undefined;
  /** Exclusion steps, as many as needed. */
  readonly exclusions?: readonly FunnelExclusion[] | undefined;
  /**
   * `remove` (default, PostHog): an excluded attempt is not counted at any step; `drop-off` (Mixpanel): it
   * counts up to the step reached and ends there.
   */
  readonly exclusionEffect?: 'remove' | 'drop-off' | undefined;
  /** Breakdown by a field or property. */
  readonly breakdown?: FunnelBreakdown | undefined;
  /** Percentiles (0…100) of time to convert to report; default 25, 75, 90, 95. */
  readonly percentiles?: readonly number[] | undefined;
  /**
   * `any` (default): input may come in any order; events are buffered per actor and sorted by time (ties by
   * id). `time-ordered`: input is promised in time order per actor; only per-actor funnel state is kept (memory
   * grows with actors, not events) and an out-of-order event throws.
   */
  readonly inputOrder?: 'any' | 'time-ordered' | undefined;
}

/**
 * Most steps a funnel may have: the steps an event matches are kept in one 32-bit word per event, which keeps the
 * kernel fast. Exclusions have no such limit.
 *
 * @example
 * ```ts
 * import { MAX_FUNNEL_STEPS } from '@cx/metrics';
 * console.log(MAX_FUNNEL_STEPS); // 31
 * ```
 * @category Journey analytics
 * @since 0.2.0
 */
export const MAX_FUNNEL_STEPS = 31;

/** Default conversion window (internal). */
const DEFAULT_WINDOW = { days: 14 } as const;

/** Keys renamed since 0.1.0, for the messages of parseOptions (internal). */
export const FUNNEL_RENAMED: Readonly<Record<string, string>> = { windowMs: 'window' };

const stepSchema = z
  .strictObject({
    ...predicateShape,
    label: z.string().min(1, { error: 'Expected a non-empty label' }).optional(),
    window: durationSchema.optional(),
  })
  .refine(hasCondition, conditionRequired);

const exclusionSchema = z
  .strictObject({
    ...predicateShape,
    fromStep: z.number().int({ error: 'Expected a step index' }).min(0).optional(),
    toStep: z.number().int({ error: 'Expected a step index' }).min(1).optional(),
  })
  .refine(hasCondition, conditionRequired);

const attributionSchema = z.union(
  [
    z.enum(['first-touch', 'last-touch']),
    z.strictObject({ step: z.number().int({ error: 'Expected a step index' }).min(0) }),
  ],
  { error: 'Expected "first-touch", "last-touch" or { step: k }' },
);

const breakdownSchema = z
  .strictObject({
    field: z
      .enum(['name', 'channel', 'touchpointId', 'stageId'], {
        error: 'Expected "name", "channel", "touchpointId" or "stageId"',
      })
      .optional(),
    property: z.string().min(1, { error: 'Expected a property name' }).optional(),
    attribution: attributionSchema.default('first-touch'),
  })
  .refine((b) => (b.field === undefined) !== (b.property === undefined), {
    error: 'Expected exactly one of field or property',
    params: { code: 'conflicting_options' },
  });

/** Percentiles of durations to report (internal). */
export const percentilesOption = z
  .array(z.number().min(0).max(100), { error: 'Expected a list of percentiles in 0…100' })
  .default([...DEFAULT_PERCENTILES]);

/** The schema of {@link FunnelOptions} (internal): strict, with defaults and the cross-field rules. */
export const funnelOptionsSchema = z
  .strictObject({
    steps: z
      .array(stepSchema, { error: 'Expected a list of steps' })
      .min(1, { error: 'Expected at least one step' })
      .max(MAX_FUNNEL_STEPS, { error: `Expected at most ${MAX_FUNNEL_STEPS} steps` }),
    window: durationSchema.default(DEFAULT_WINDOW),
    order: z
      .enum(['sequential', 'strict', 'any'], { error: 'Expected "sequential", "strict" or "any"' })
      .default('sequential'),
    counting: z.enum(['uniques', 'totals'], { error: 'Expected "uniques" or "totals"' }).default('uniques'),
    exclusions: z.array(exclusionSchema, { error: 'Expected a list of exclusions' }).default([]),
    exclusionEffect: z
      .enum(['remove', 'drop-off'], { error: 'Expected "remove" or "drop-off"' })
      .default('remove'),
    breakdown: breakdownSchema.optional(),
    percentiles: percentilesOption,
    inputOrder: z.enum(['any', 'time-ordered'], { error: 'Expected "any" or "time-ordered"' }).default('any'),
  })
  .superRefine((o, ctx) => {
    const n = o.steps.length;
    o.steps.forEach((step, k) => {
      if (step.window !== undefined && (k === 0 || o.order === 'any')) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', k, 'window'],
          message: 'A step window runs from the previous step: not on the first step nor with order "any"',
          params: { code: 'conflicting_options' },
        });
      }
    });
    o.exclusions.forEach((x, j) => {
      const from = x.fromStep ?? 0;
      const to = x.toStep ?? n - 1;
      if (from > n - 2) {
        ctx.addIssue({
          code: 'custom',
          path: n < 2 ? ['exclusions', j] : ['exclusions', j, 'fromStep'],
          message:
            n < 2
              ? 'An exclusion applies between two steps: the funnel needs at least two'
              : `Expected a step index in 0…${n - 2}, got ${from}`,
          params: { code: 'out_of_range' },
        });
      } else if (to <= from || to > n - 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['exclusions', j, 'toStep'],
          message: `Expected a step index in ${from + 1}…${n - 1}, got ${to}`,
          params: { code: 'out_of_range' },
        });
      }
    });
    const a = o.breakdown?.attribution;
    if (typeof a === 'object' && a.step >= n) {
      ctx.addIssue({
        code: 'custom',
        path: ['breakdown', 'attribution', 'step'],
        message: `Expected a step index in 0…${n - 1}, got ${a.step}`,
        params: { code: 'out_of_range' },
      });
    }
  });

/** Funnel options with defaults applied (internal). */
export type ParsedFunnelOptions = z.output<typeof funnelOptionsSchema>;
