import { CxValidationError, type Interaction } from '@cx/model';
import type { DurationStats } from './duration-stats.js';
import { funnel } from './funnel.js';
import { type InteractionPredicate, predicateIssues } from './predicate.js';
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
  /** Time allowed to finish, in ms; default 14 days. */
  readonly windowMs?: number;
  /**
   * `totals` (default): every start counts (a new one after the previous finished or timed out), as carts do;
   * `uniques`: each actor once, with their first start.
   */
  readonly counting?: 'uniques' | 'totals';
}

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
 * @throws {@link @cx/model!CxValidationError} for a bad predicate (path `start` or `finish`) or a negative window.
 * @example
 * ```ts
 * import { abandonment } from '@cx/metrics';
 * const e = (id: string, customerId: string, name: string, t: string) => ({ id, customerId, timestamp: t, name, channel: 'web' as const, properties: {} });
 * const r = abandonment(
 *   [e('1', 'a', 'add_to_cart', '2026-01-01T10:00:00Z'), e('2', 'a', 'purchase', '2026-01-01T10:10:00Z'), e('3', 'b', 'add_to_cart', '2026-01-01T11:00:00Z')],
 *   { start: { name: 'add_to_cart' }, finish: { name: 'purchase' }, windowMs: 86_400_000 },
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
  const issues = [
    ...predicateIssues(options.start, ['start']),
    ...predicateIssues(options.finish, ['finish']),
  ];
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'abandonment options' });
  const r = funnel(allInteractions(interactions), {
    steps: [options.start, options.finish],
    counting: options.counting ?? 'totals',
    ...(options.windowMs === undefined ? {} : { windowMs: options.windowMs }),
  });
  return {
    started: r.entered,
    finished: r.converted,
    abandoned: r.entered - r.converted,
    abandonmentRate: r.entered === 0 ? null : (r.entered - r.converted) / r.entered,
    timeToFinish: (r.steps[1] as { timeFromPrevious: DurationStats }).timeFromPrevious,
  };
}
