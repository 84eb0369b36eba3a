import type { InteractionPredicate } from './predicate.js';

/**
 * One funnel step: a predicate, an optional label and an optional per-step conversion window.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface FunnelStep extends InteractionPredicate {
  /** Display label; defaults to the step's name(s) or `step N`. */
  readonly label?: string;
  /** Longest time from the previous step to this one, in ms (not allowed on the first step or with order `any`). */
  readonly windowMs?: number;
}

/**
 * An exclusion step: an interaction that, between two funnel steps, disqualifies the attempt.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface FunnelExclusion extends InteractionPredicate {
  /** Index of the step after which the exclusion starts to apply (default 0). */
  readonly fromStep?: number;
  /** Index of the step before which it stops applying (default: the last step). Must exceed `fromStep`. */
  readonly toStep?: number;
}

/**
 * Which step's value a breakdown uses for an attempt.
 *
 * - `first-touch`: the first defined value among the attempt's step events (Mixpanel "First Step Defined",
 *   PostHog `first_touch`);
 * - `last-touch`: the last defined value among them (Mixpanel "Last Step Defined", PostHog `last_touch`);
 * - `{ step: k }`: the value on the event that completed step `k` (`null` when absent or not reached).
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export type FunnelAttribution = 'first-touch' | 'last-touch' | { readonly step: number };

/**
 * Breakdown of a funnel by an interaction field or an event property.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface FunnelBreakdown {
  /** An interaction field to break down by. Give either `field` or `property`. */
  readonly field?: 'name' | 'channel' | 'touchpointId' | 'stageId';
  /** An event property to break down by (values are converted with `String`; objects are JSON-encoded). */
  readonly property?: string;
  /** Attribution of the value (default `first-touch`). */
  readonly attribution?: FunnelAttribution;
}

/**
 * Options of {@link funnel}: the steps and how attempts are counted.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface FunnelOptions {
  /** The ordered steps, 1 to 31. */
  readonly steps: readonly FunnelStep[];
  /** Conversion window from the first step, in ms; default 14 days (PostHog's default). Mixpanel uses 7 days. */
  readonly windowMs?: number;
  /**
   * `sequential` (default): steps in order, other interactions allowed in between; `strict`: each step must
   * be the actor's very next interaction; `any`: steps in any order (step k = k distinct steps completed).
   */
  readonly order?: 'sequential' | 'strict' | 'any';
  /**
   * `uniques` (default): an actor counts once, with their first attempt (once per breakdown value);
   * `totals`: every attempt counts; an actor re-enters after the previous attempt converted, timed out or
   * was excluded (Mixpanel "Totals").
   */
  readonly counting?: 'uniques' | 'totals';
  /** Exclusion steps. */
  readonly exclusions?: readonly FunnelExclusion[];
  /**
   * `remove` (default, PostHog): an excluded attempt is not counted at any step; `drop-off` (Mixpanel): it
   * counts up to the step reached and ends there.
   */
  readonly exclusionEffect?: 'remove' | 'drop-off';
  /** Breakdown by a field or property. */
  readonly breakdown?: FunnelBreakdown;
  /** Percentiles (0…100) of time to convert to report; default 25, 75, 90, 95. */
  readonly percentiles?: readonly number[];
  /**
   * `any` (default): input may come in any order; events are buffered per actor and sorted by time (ties by
   * id). `time-ordered`: input is promised in time order per actor; only per-actor funnel state is kept (memory
   * grows with actors, not events) and an out-of-order event throws.
   */
  readonly inputOrder?: 'any' | 'time-ordered';
}

/** Default conversion window: 14 days in ms. */
export const DEFAULT_FUNNEL_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;
