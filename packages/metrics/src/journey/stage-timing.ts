import { CxOptionsError, type Interaction, type Journey, parseOptions } from '@cx/model';
import { z } from 'zod';
import { type DurationStats, durationStats } from './duration-stats.js';
import { percentilesOption } from './funnel-options.js';
import { checkJourney } from './journey-input.js';
import { JourneyEvents } from './source.js';
import { stageResolver } from './stage-of.js';

/**
 * Options of {@link timeBetweenStages}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface TimeBetweenStagesOptions {
  /** Stage ids in journey order, at least two; default the journey's stages. */
  readonly stages?: readonly string[] | undefined;
  /** A journey: its stage order, and its touchpoints' stages for interactions without `stageId`. */
  readonly journey?: Journey | undefined;
  /** Percentiles (0…100) to report; default 25, 75, 90, 95. */
  readonly percentiles?: readonly number[] | undefined;
}

const timeBetweenStagesSchema = z
  .strictObject({
    stages: z
      .array(z.string().min(1, { error: 'Expected a stage id' }), { error: 'Expected a list of stage ids' })
      .min(2, { error: 'Expected at least two stages' })
      .optional(),
    // The journey is data, checked by the model's schema once the options are well formed.
    journey: z.unknown().optional(),
    percentiles: percentilesOption,
  })
  .refine((o) => o.stages !== undefined || o.journey !== undefined, {
    error: 'Expected stages or a journey',
    path: ['stages'],
    params: { code: 'missing_option' },
  });

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
 * @throws {@link @cx/model!CxOptionsError} when neither stages nor a journey is given, fewer than two stages are, or
 * another option is invalid.
 * @throws {@link @cx/model!CxValidationError} for a journey that is not one, or interactions without actor or
 * valid timestamp.
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
  const o = parseOptions(timeBetweenStagesSchema, options, 'timeBetweenStages');
  const journey = o.journey === undefined ? undefined : checkJourney(o.journey, ['journey']);
  const stages = o.stages ?? (journey as Journey).stages.map((s) => s.id);
  if (stages.length < 2) {
    throw new CxOptionsError('timeBetweenStages', [
      {
        path: ['journey'],
        message: 'The journey has fewer than two stages; give stages',
        code: 'invalid_value',
      },
    ]);
  }
  const stageOf = stageResolver(journey);
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
    duration: durationStats(g, o.percentiles),
  }));
}
