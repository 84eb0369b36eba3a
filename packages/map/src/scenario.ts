import type { JourneyMap, JourneyMapInput, Scenario } from './format/document.js';
import { parseMap } from './parse.js';

/**
 * One scenario of a map that holds both the as-is and the to-be journey: the elements without a scenario plus
 * those of `scenario`, and the emotion curves of that scenario (a persona's scenario-free curve when it has no
 * curve of its own there). The result has no scenario tags left on curves, so it can be rendered, exported or
 * compared with `diffMaps(scenarioView(m, 'as-is'), scenarioView(m, 'to-be'))`.
 *
 * @param map - A map, parsed or built in code.
 * @param scenario - `as-is` or `to-be`.
 * @returns A valid map of that scenario.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @example
 * ```ts
 * import { scenarioView } from '@cx/map';
 * const map = {
 *   formatVersion: 2 as const,
 *   journey: {
 *     id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }],
 *     steps: [
 *       { id: 'call', stageId: 'use', name: 'Calls support', scenario: 'as-is' as const },
 *       { id: 'chat', stageId: 'use', name: 'Chats in the app', scenario: 'to-be' as const },
 *     ],
 *   },
 * };
 * console.log(scenarioView(map, 'to-be').journey.steps.map((s) => s.id)); // ['chat']
 * ```
 * @category Scenarios
 * @since 0.2.0
 */
export function scenarioView(map: JourneyMap | JourneyMapInput, scenario: Scenario): JourneyMap {
  const m = parseMap(map);
  const keep = <T extends { scenario?: Scenario | undefined }>(items: readonly T[]) =>
    items.filter((item) => item.scenario === undefined || item.scenario === scenario);
  const j = m.journey;
  const curves = m.emotionCurves.filter((c) => c.scenario === scenario);
  const withOwn = new Set(curves.map((c) => c.personaId));
  const fallback = m.emotionCurves.filter((c) => c.scenario === undefined && !withOwn.has(c.personaId));
  const order = new Map(m.personas.map((p, i) => [p.id, i]));
  const steps = new Set(keep(j.steps).map((s) => s.id));
  return parseMap({
    ...m,
    journey: {
      ...j,
      touchpoints: keep(j.touchpoints),
      steps: keep(j.steps),
      momentsOfTruth: keep(j.momentsOfTruth),
      painPoints: keep(j.painPoints),
    },
    emotionCurves: [...curves, ...fallback]
      .sort((a, b) => order.get(a.personaId)! - order.get(b.personaId)!)
      .map(({ scenario: _, ...curve }) => ({
        ...curve,
        points: curve.points.filter((p) => steps.has(p.stepId)),
      })),
    thoughts: keep(m.thoughts),
    blueprint: keep(m.blueprint),
  });
}
