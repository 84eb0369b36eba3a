import { type Interaction, type Journey, parseOptions } from '@cx/model';
import { z } from 'zod';
import { JourneyEvents } from './source.js';
import { stageResolver } from './stage-of.js';

/**
 * How far along a designed journey people got, for one stage (see {@link stageProgress}).
 *
 * @example
 * ```ts
 * import type { StageProgress } from '@cx/metrics';
 * const row: StageProgress = { stageId: 'buy', label: 'Buy', reached: 40, stoppedHere: 10, continued: 30, continuationRate: 0.75 };
 * console.log(row.continued === row.reached - row.stoppedHere); // true
 * ```
 * @category Journey analytics
 * @since 0.2.0
 */
export interface StageProgress {
  /** Stage id. */
  readonly stageId: string;
  /** English label. */
  readonly label: string;
  /** People whose furthest stage (in journey order) is this stage or a later one: never more than the stage before. */
  readonly reached: number;
  /** People whose furthest stage is this one. */
  readonly stoppedHere: number;
  /** People who got further: `reached` of the next stage; `null` for the last stage. */
  readonly continued: number | null;
  /** `continued / reached`, 0–1; `null` for the last stage or when nobody reached the stage. */
  readonly continuationRate: number | null;
}

const optionsSchema = z.strictObject({});

/**
 * How far along a designed journey people got: for each stage, how many reached it — had an interaction in it or
 * in any later stage, so the count never goes up from one stage to the next — how many stopped there, and the
 * share that went further. The order is the journey's stage order, not the order in time: someone whose furthest
 * stage is "purchase" reached "search" too, even without a search event (for example a returning customer who
 * bought straight from an e-mail). Interactions without a stage (their own `stageId` or their touchpoint's)
 * do not count; people are customers or, without a customer id, anonymous visitors.
 *
 * Where {@link stageHealth} counts who was *seen* in each stage (a number that can rise again at a later stage),
 * `stageProgress` counts who *got that far*: the numbers to print as a journey funnel.
 *
 * @param interactions - Interactions in any order, or a {@link JourneyEvents} buffer.
 * @param journey - The designed journey (parsed form): its stage order and the stages of its touchpoints.
 * @param options - None yet; an unknown key is an error.
 * @returns One entry per journey stage, in journey order.
 * @throws {@link @cx/model!CxValidationError} for an interaction without actor or valid timestamp.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option.
 * @example
 * ```ts
 * import { stageProgress } from '@cx/metrics';
 * import { journeySchema } from '@cx/model';
 * const journey = journeySchema.parse({ id: 'j', name: 'J', version: 1, stages: [
 *   { id: 'search', labels: { en: 'Search' } }, { id: 'buy', labels: { en: 'Buy' } }, { id: 'use', labels: { en: 'Use' } }] });
 * const e = (id: string, customerId: string, stageId: string) =>
 *   ({ id, customerId, timestamp: '2026-01-01T10:00:00Z', name: 'x', channel: 'web' as const, stageId, properties: {} });
 * const rows = stageProgress([e('1', 'a', 'search'), e('2', 'a', 'buy'), e('3', 'b', 'buy'), e('4', 'c', 'search')], journey);
 * console.log(rows.map((r) => [r.stageId, r.reached, r.stoppedHere, r.continuationRate]));
 * // [ [ 'search', 3, 1, 0.6666666666666666 ], [ 'buy', 2, 2, 0 ], [ 'use', 0, 0, null ] ]
 * ```
 * @category Journey analytics
 * @since 0.2.0
 */
export function stageProgress(
  interactions: Iterable<Interaction> | JourneyEvents,
  journey: Journey,
  options?: Record<string, never>,
): StageProgress[] {
  parseOptions(optionsSchema, options, 'stageProgress');
  const stageOf = stageResolver(journey);
  const index = new Map(journey.stages.map((s, k) => [s.id, k]));
  const stopped = new Array<number>(journey.stages.length).fill(0);
  for (const [, list] of JourneyEvents.from(interactions).timed()) {
    let furthest = -1;
    for (const { i } of list) {
      const stage = stageOf(i);
      const k = stage === undefined ? undefined : index.get(stage);
      if (k !== undefined && k > furthest) furthest = k;
    }
    if (furthest >= 0) stopped[furthest] = (stopped[furthest] as number) + 1;
  }
  // reached[k] = Σ_{j ≥ k} stopped[j]: a suffix sum, so monotone by construction.
  const reached = new Array<number>(stopped.length).fill(0);
  for (let k = stopped.length - 1, sum = 0; k >= 0; k--) reached[k] = sum += stopped[k] as number;
  return journey.stages.map((stage, k) => {
    const here = reached[k] as number;
    const next = k + 1 < reached.length ? (reached[k + 1] as number) : null;
    return {
      stageId: stage.id,
      label: stage.labels.en,
      reached: here,
      stoppedHere: stopped[k] as number,
      continued: next,
      continuationRate: next === null || here === 0 ? null : next / here,
    };
  });
}
