import { type Duration, durationSchema, type Interaction, type Journey, parseOptions } from '@cx/model';
import { z } from 'zod';
import type { DurationStats } from './duration-stats.js';
import { FunnelAccumulator } from './funnel-accumulator.js';
import { FUNNEL_RENAMED } from './funnel-options.js';
import { checkJourney } from './journey-input.js';
import { allInteractions, type JourneyEvents } from './source.js';

/**
 * Options of {@link desiredActions}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface DesiredActionsOptions {
  /** Time allowed from the attempt to the completion, e.g. `{ days: 7 }`; default `{ days: 14 }`. */
  readonly window?: Duration | undefined;
}

const desiredActionsSchema = z.strictObject({ window: durationSchema.default({ days: 14 }) });

/**
 * Attempts and completions of one desired action of a journey.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface DesiredActionResult {
  /** The desired action's id. */
  readonly desiredActionId: string;
  /** Its name. */
  readonly name: string;
  /** Its stage. */
  readonly stageId: string;
  /** Its touchpoint, when the journey names one (attempts then count only at that touchpoint). */
  readonly touchpointId: string | null;
  /** Actors who attempted it (did one of its interaction names). */
  readonly attempted: number;
  /** Of those, actors who then completed it within the window; `null` when the journey defines no completed action for it. */
  readonly completed: number | null;
  /** `completed / attempted`; `null` when undefined or nobody attempted. */
  readonly completionRate: number | null;
  /** Time from attempt to completion; `null` when no completed action is defined. */
  readonly timeToComplete: DurationStats | null;
}

/**
 * Attempts and completions summed over the desired actions of a stage or touchpoint.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface DesiredActionGroup {
  /** Stage or touchpoint id (`null`: actions without a touchpoint). */
  readonly id: string | null;
  /** Sum of attempts over the group's actions that define a completion. */
  readonly attempted: number;
  /** Sum of completions over them. */
  readonly completed: number;
  /** `completed / attempted`; `null` when 0. */
  readonly completionRate: number | null;
}

/**
 * Result of {@link desiredActions}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface DesiredActionsReport {
  /** One entry per desired action, in journey order. */
  readonly actions: readonly DesiredActionResult[];
  /** Sums per stage, in journey stage order (stages with no desired action are omitted). */
  readonly byStage: readonly DesiredActionGroup[];
  /** Sums per touchpoint. */
  readonly byTouchpoint: readonly DesiredActionGroup[];
}

function group(
  results: readonly DesiredActionResult[],
  key: (r: DesiredActionResult) => string | null,
): DesiredActionGroup[] {
  const groups = new Map<string | null, { attempted: number; completed: number }>();
  for (const r of results) {
    const g = groups.get(key(r)) ?? { attempted: 0, completed: 0 };
    if (r.completed !== null) {
      g.attempted += r.attempted;
      g.completed += r.completed;
    }
    groups.set(key(r), g);
  }
  return [...groups].map(([id, g]) => ({
    id,
    ...g,
    completionRate: g.attempted === 0 ? null : g.completed / g.attempted,
  }));
}

/**
 * Desired versus completed actions per stage and touchpoint, as a journey defines them: a desired action is
 * attempted when an actor does one of its `interactionNames` (at its touchpoint, if set), and completed when
 * they then do one of the `interactionNames` of a completed action pointing at it, within the window.
 *
 * @param interactions - Interactions in any order, or a {@link JourneyEvents} buffer.
 * @param journey - A designed journey (parsed form) with `desiredActions` and `completedActions`.
 * @param options - Window.
 * @returns Per action, per stage and per touchpoint results.
 * @throws {@link @cx/model!CxOptionsError} for invalid options (a window that is not a duration …).
 * @throws {@link @cx/model!CxValidationError} for a journey that is not one, or interactions without actor or
 * timestamp.
 * @example
 * ```ts
 * import { desiredActions } from '@cx/metrics';
 * import { DEFAULT_STAGES, journeySchema } from '@cx/model';
 * const journey = journeySchema.parse({
 *   id: 'shop', name: 'Shop', version: 1, stages: [...DEFAULT_STAGES],
 *   desiredActions: [{ id: 'checkout', stageId: 'purchase', name: 'Check out', interactionNames: ['begin_checkout'] }],
 *   completedActions: [{ id: 'paid', desiredActionId: 'checkout', name: 'Paid', interactionNames: ['purchase'] }],
 * });
 * const e = (id: string, customerId: string, name: string, t: string) => ({ id, customerId, timestamp: t, name, channel: 'web' as const, properties: {} });
 * const report = desiredActions([e('1', 'a', 'begin_checkout', '2026-01-01T10:00:00Z'), e('2', 'a', 'purchase', '2026-01-01T10:05:00Z'), e('3', 'b', 'begin_checkout', '2026-01-01T10:00:00Z')], journey);
 * console.log(report.actions[0]?.completionRate); // 0.5
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function desiredActions(
  interactions: Iterable<Interaction> | JourneyEvents,
  journey: Journey,
  options: DesiredActionsOptions = {},
): DesiredActionsReport {
  const { window } = parseOptions(desiredActionsSchema, options, 'desiredActions', {
    renamed: FUNNEL_RENAMED,
  });
  checkJourney(journey);
  const accumulators = journey.desiredActions.map((action) => {
    const completion = journey.completedActions
      .filter((c) => c.desiredActionId === action.id)
      .flatMap((c) => c.interactionNames);
    const attempt = {
      name: action.interactionNames,
      ...(action.touchpointId === undefined ? {} : { touchpointId: action.touchpointId }),
    };
    return new FunnelAccumulator({
      steps: completion.length === 0 ? [attempt] : [attempt, { name: completion }],
      window,
    });
  });
  for (const interaction of allInteractions(interactions))
    for (const acc of accumulators) acc.add(interaction);
  const actions = journey.desiredActions.map((action, k): DesiredActionResult => {
    const r = (accumulators[k] as FunnelAccumulator).result();
    const defined = r.steps.length === 2;
    return {
      desiredActionId: action.id,
      name: action.name,
      stageId: action.stageId,
      touchpointId: action.touchpointId ?? null,
      attempted: r.entered,
      completed: defined ? r.converted : null,
      completionRate: defined ? r.conversionRate : null,
      timeToComplete: defined ? (r.steps[1]?.timeFromPrevious ?? null) : null,
    };
  });
  const stageOrder = new Map(journey.stages.map((s, i) => [s.id, i]));
  return {
    actions,
    byStage: group(actions, (r) => r.stageId).sort(
      (a, b) => (stageOrder.get(a.id as string) ?? 1e9) - (stageOrder.get(b.id as string) ?? 1e9),
    ),
    byTouchpoint: group(actions, (r) => r.touchpointId),
  };
}
