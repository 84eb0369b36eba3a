import { type DurationStats, durationStats } from './duration-stats.js';
import type { FunnelAggregate, Tally } from './funnel-kernel.js';
import type { ResolvedFunnel } from './funnel-resolve.js';

/**
 * Result of one funnel step.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface FunnelStepResult {
  /** Step index from 0. */
  readonly index: number;
  /** Step label. */
  readonly label: string;
  /** Actors (uniques) or attempts (totals) that reached this step. */
  readonly count: number;
  /** `count / count of step 0`; `null` when nobody entered. */
  readonly conversionFromStart: number | null;
  /** `count / count of the previous step` (1 for step 0 when anyone entered); `null` when the previous count is 0. */
  readonly conversionFromPrevious: number | null;
  /** Reached the previous step but not this one (0 for step 0). */
  readonly dropOff: number;
  /** `dropOff / count of the previous step`; `null` for step 0 or when the previous count is 0. */
  readonly dropOffRate: number | null;
  /** Time from the previous step to this one, over those who reached it (empty for step 0). */
  readonly timeFromPrevious: DurationStats;
  /** Time from step 0 to this one, over those who reached it (empty for step 0). */
  readonly timeFromStart: DurationStats;
}

/**
 * Funnel result of one breakdown value.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface FunnelBreakdownResult {
  /** The breakdown value; `null` for attempts without one. */
  readonly value: string | null;
  /** Entered the funnel (step 0 count). */
  readonly entered: number;
  /** Reached the last step. */
  readonly converted: number;
  /** `converted / entered`; `null` when 0 entered. */
  readonly conversionRate: number | null;
  /** Per-step results. */
  readonly steps: readonly FunnelStepResult[];
}

/**
 * Result of {@link funnel}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface FunnelResult {
  /** What is counted: actors (`uniques`) or attempts (`totals`). */
  readonly counting: 'uniques' | 'totals';
  /** Entered the funnel (step 0 count). */
  readonly entered: number;
  /** Reached the last step. */
  readonly converted: number;
  /** `converted / entered`; `null` when 0 entered. */
  readonly conversionRate: number | null;
  /**
   * Removed by exclusion steps (with `exclusionEffect: 'remove'`): attempts (totals) or actors whose every
   * attempt was excluded (uniques). Reported so that nothing is dropped silently.
   */
  readonly excluded: number;
  /** Per-step results. */
  readonly steps: readonly FunnelStepResult[];
  /** Per breakdown value, most entries first (present only with a breakdown). */
  readonly breakdown?: readonly FunnelBreakdownResult[];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function stepsOf(f: ResolvedFunnel, tally: Tally): FunnelStepResult[] {
  const first = tally.counts[0] as number;
  return tally.counts.map((count, index) => {
    const previous = index === 0 ? first : (tally.counts[index - 1] as number);
    const dropOff = index === 0 ? 0 : previous - count;
    return {
      index,
      label: f.labels[index] as string,
      count,
      conversionFromStart: ratio(count, first),
      conversionFromPrevious: ratio(count, previous),
      dropOff,
      dropOffRate: index === 0 ? null : ratio(dropOff, previous),
      timeFromPrevious: durationStats(tally.fromPrevious[index] as number[], f.percentiles),
      timeFromStart: durationStats(tally.fromStart[index] as number[], f.percentiles),
    };
  });
}

/** Turns an aggregate into the public result (internal). */
export function funnelResultOf(f: ResolvedFunnel, agg: FunnelAggregate): FunnelResult {
  const entered = agg.overall.counts[0] as number;
  const converted = agg.overall.counts[f.n - 1] as number;
  const base = {
    counting: f.totals ? ('totals' as const) : ('uniques' as const),
    entered,
    converted,
    conversionRate: ratio(converted, entered),
    excluded: agg.excluded,
    steps: stepsOf(f, agg.overall),
  };
  if (f.attribution === undefined) return base;
  const breakdown = [...agg.segments]
    .map(([value, tally]): FunnelBreakdownResult => {
      const e = tally.counts[0] as number;
      const c = tally.counts[f.n - 1] as number;
      return { value, entered: e, converted: c, conversionRate: ratio(c, e), steps: stepsOf(f, tally) };
    })
    .sort(
      (a, b) =>
        b.entered - a.entered ||
        (a.value === b.value ? 0 : a.value === null ? 1 : b.value === null ? -1 : a.value < b.value ? -1 : 1),
    );
  return { ...base, breakdown };
}
