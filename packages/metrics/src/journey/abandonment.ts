import { type Duration, durationSchema, type Interaction, parseOptions } from '@cx/model';
import { z } from 'zod';
import type { DurationStats } from './duration-stats.js';
import { FunnelAccumulator } from './funnel-accumulator.js';
import { FUNNEL_RENAMED } from './funnel-options.js';
import { type InteractionPredicate, predicateSchema } from './predicate.js';
import { allInteractions, type JourneyEvents } from './source.js';

/**
 * Options of {@link abandonment}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface AbandonmentOptions {
  /** What starts the process, e.g. `{ name: 'add_to_cart' }`. */
  readonly start: InteractionPredicate;
  /** What finishes it, e.g. `{ name: 'purchase' }`. */
  readonly finish: InteractionPredicate;
  /** Time allowed to finish, e.g. `{ hours: 24 }`; default `{ days: 14 }`. */
  readonly window?: Duration | undefined;
  /**
   * `totals` (default): every start counts (a new one after the previous finished or timed out), as carts do;
   * `uniques`: each actor once, with their first start.
   */
  readonly counting?: 'uniques' | 'totals' | undefined;
}

const abandonmentSchema = z.strictObject({
  start: predicateSchema,
  finish: predicateSchema,
  window: durationSchema.default({ days: 14 }),
  counting: z.enum(['uniques', 'totals'], { error: 'Expected "uniques" or "totals"' }).default('totals'),
});

/**
 * Result of {@link abandonment}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface AbandonmentResult {
  /** Starts (or actors who started). */
  readonly started: number;
  /** Of those, finished within the window. */
  readonly finished: number;
  /** `started - finished`. */
  readonly abandoned: number;
  /** `abandoned / started`; `null` when nothing started. */
  readonly abandonmentRate: number | null;
  /** Time from start to finish over finished ones. */
  readonly timeToFinish: DurationStats;
}

/**
 * "Started but not finished" rate, e.g. cart abandonment: added to cart without a purchase within the window.
 *
 * It is a two-step funnel (sequential, window from the start; a repeated start inside the window does not
 * begin a new cart).
 *
 * @param interactions - Interactions in any order, or a {@link JourneyEvents} buffer.
 * @param options - Start and finish predicates, window, counting.
 * @returns Started, finished, abandoned and the rate.
 * @throws {@link @cx/model!CxOptionsError} for a bad predicate (path `start` or `finish`), a window that is not a
 * duration (`windowMs` names its new name, `window`) or another invalid option.
 * @throws {@link @cx/model!CxValidationError} for interactions without actor or timestamp.
 * @example
 * ```ts
 * import { abandonment } from '@cx/metrics';
 * const e = (id: string, customerId: string, name: string, t: string) => ({ id, customerId, timestamp: t, name, channel: 'web' as const, properties: {} });
 * const r = abandonment(
 *   [e('1', 'a', 'add_to_cart', '2026-01-01T10:00:00Z'), e('2', 'a', 'purchase', '2026-01-01T10:10:00Z'), e('3', 'b', 'add_to_cart', '2026-01-01T11:00:00Z')],
 *   { start: { name: 'add_to_cart' }, finish: { name: 'purchase' }, window: { days: 1 } },
 * );
 * console.log(r.abandonmentRate); // 0.5
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function abandonment(
  interactions: Iterable<Interaction> | JourneyEvents,
  options: AbandonmentOptions,
): AbandonmentResult {
  const o = parseOptions(abandonmentSchema, options, 'abandonment', { renamed: FUNNEL_RENAMED });
  const r = new FunnelAccumulator({ steps: [o.start, o.finish], counting: o.counting, window: o.window })
    .addAll(allInteractions(interactions))
    .result();
  return {
    started: r.entered,
    finished: r.converted,
    abandoned: r.entered - r.converted,
    abandonmentRate: r.entered === 0 ? null : (r.entered - r.converted) / r.entered,
    timeToFinish: (r.steps[1] as { timeFromPrevious: DurationStats }).timeFromPrevious,
  };
}
