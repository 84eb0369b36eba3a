import type { Interaction, Journey } from '@cx/model';

/**
 * Stage of an interaction: its `stageId`, else the stage of its touchpoint in the journey (internal).
 *
 * @param journey - Optional journey whose touchpoints map to stages.
 * @returns A function giving an interaction's stage id or `undefined`.
 */
export function stageResolver(journey?: Journey): (i: Interaction) => string | undefined {
  const byTouchpoint = new Map((journey?.touchpoints ?? []).map((t) => [t.id, t.stageId]));
  return (i) => i.stageId ?? (i.touchpointId === undefined ? undefined : byTouchpoint.get(i.touchpointId));
}
