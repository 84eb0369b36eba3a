import { CxValidationError, type Interaction, type Journey } from '@cx/model';
import { type DurationStats, durationStats } from './duration-stats.js';
import { JourneyEvents } from './source.js';
import { stageResolver } from './stage-of.js';

/**
 * Options of {@link timeBetweenStages}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface TimeBetweenStagesOptions {
  /** Stage ids in journey order; default the journey's stages. */
  readonly stages?: readonly string[];
  /** A journey: its stage order, and its touchpoints' stages for interactions without `stageId`. */
  readonly journey?: Journey;
  /** Percentiles (0…100) to report. */
  readonly percentiles?: readonly number[];
}

/**
 * Time between two consecutive stages.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface StageGap {
  /** Earlier stage. */
  readonly from: string;
  /** Next stage. */
  readonly to: string;
  /** From an actor's first interaction in `from` to their first later interaction in `to`, over actors with both. */
  readonly duration: DurationStats;
}

/**
 * Time between consecutive stages of a journey: for each pair, from an actor's first interaction in the stage
 * to their first interaction in the next stage at or after it.
 *
 * @param interactions - Interactions in any order, or a {@link JourneyEvents} buffer.
 * @param options - Stage order (or a journey), percentiles.
 * @returns One entry per consecutive pair of stages.
 * @throws {@link @cx/model!CxValidationError} when neither stages nor a journey is given.
 * @example
 * ```ts
 * import { timeBetweenStages } from '@cx/metrics';
 * const e = (id: string, stageId: string, t: string) => ({ id, customerId: 'a', timestamp: t, name: 'x', channel: 'web' as const, stageId, properties: {} });
 * const [gap] = timeBetweenStages([e('1', 'search', '2026-01-01T10:00:00Z'), e('2', 'purchase', '2026-01-01T12:00:00Z')], { stages: ['search', 'purchase'] });
 * console.log(gap?.duration.median); // 7200000
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function timeBetweenStages(
  interactions: Iterable<Interaction> | JourneyEvents,
  options: TimeBetweenStagesOptions,
): StageGap[] {
  const stages = options.stages ?? options.journey?.stages.map((s) => s.id);
  if (stages === undefined || stages.length < 2) {
    throw new CxValidationError([
      { path: ['stages'], message: 'Expected at least two stages, or a journey', code: 'too_small' },
    ]);
  }
  const stageOf = stageResolver(options.journey);
  const gaps = stages.slice(1).map(() => [] as number[]);
  for (const [, list] of JourneyEvents.from(interactions).timed()) {
    const first = new Map<string, number>();
    for (const { t, i } of list) {
      const s = stageOf(i);
      if (s !== undefined && !first.has(s)) first.set(s, t);
    }
    for (let k = 1; k < stages.length; k++) {
      const a = first.get(stages[k - 1] as string);
      if (a === undefined) continue;
      const b = list.find((x) => x.t >= a && stageOf(x.i) === stages[k]);
      if (b !== undefined) gaps[k - 1]!.push(b.t - a);
    }
  }
  return gaps.map((g, k) => ({
    from: stages[k] as string,
    to: stages[k + 1] as string,
    duration: durationStats(g, options.percentiles),
  }));
}
