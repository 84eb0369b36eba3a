import { CxOptionsError } from '@cx/model';
import type { JourneyMap, JourneyMapInput, Scenario } from './format/document.js';
import type { ReadonlyDeep } from './format/readonly-deep.js';
import { parseMap } from './parse.js';

/**
 * One scenario of a map that holds both the as-is and the to-be journey: the elements without a scenario plus
 * those of `scenario`; each persona's curve is the scenario-free curve with the points of the scenario's own curve
 * replacing those at the same step (and adding its steps). The result has no scenario tags left on curves, so it can be rendered, exported or
 * compared with `diffMaps(scenarioView(m, 'as-is'), scenarioView(m, 'to-be'))`. References from shared elements to
 * elements of the other scenario (an opportunity's as-is pain point, a step's to-be touchpoint) are left out of the
 * view; KPIs and measurements of the other scenario's touchpoints are left out too.
 *
 * @param map - A map, parsed or built in code.
 * @param scenario - `as-is` or `to-be`.
 * @returns A valid map of that scenario.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @throws {@link @cx/model!CxOptionsError} when `scenario` is neither `as-is` nor `to-be`.
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
export function scenarioView(
  map: JourneyMap | ReadonlyDeep<JourneyMapInput>,
  scenario: Scenario,
): JourneyMap {
  if (scenario !== 'as-is' && scenario !== 'to-be')
    throw new CxOptionsError('scenarioView', [
      {
        path: ['scenario'],
        code: 'invalid_value',
        message: `Expected 'as-is' or 'to-be', got ${JSON.stringify(scenario)?.slice(0, 40)}`,
      },
    ]);
  const m = parseMap(map);
  const keep = <T extends { scenario?: Scenario | undefined }>(items: readonly T[]) =>
    items.filter((item) => item.scenario === undefined || item.scenario === scenario);
  const j = m.journey;
  const steps = keep(j.steps);
  const touchpoints = keep(j.touchpoints);
  const painPoints = keep(j.painPoints);
  const stepIds = new Set(steps.map((s) => s.id));
  const touchpointIds = new Set(touchpoints.map((t) => t.id));
  const painPointIds = new Set(painPoints.map((p) => p.id));
  // References to elements of the other scenario are left out of the view (the elements themselves stay).
  const step = <T extends { stepId?: string | undefined }>(item: T): T => {
    if (item.stepId === undefined || stepIds.has(item.stepId)) return item;
    const { stepId: _, ...rest } = item;
    return rest as T;
  };
  const touchpoint = <T extends { touchpointId?: string | undefined }>(item: T): T => {
    if (item.touchpointId === undefined || touchpointIds.has(item.touchpointId)) return item;
    const { touchpointId: _, ...rest } = item;
    return rest as T;
  };
  // A persona's curve in the view: the scenario-free curve, with the points of the scenario's curve replacing
  // those at the same step and adding the scenario's own steps.
  const stepOrder = new Map(j.steps.map((x, i) => [x.id, i]));
  const curves = new Map<string, Map<string, JourneyMap['emotionCurves'][number]['points'][number]>>();
  for (const pass of [undefined, scenario] as const)
    for (const c of m.emotionCurves) {
      if (c.scenario !== pass) continue;
      const points = curves.get(c.personaId) ?? new Map();
      for (const p of c.points) if (stepIds.has(p.stepId)) points.set(p.stepId, p);
      curves.set(c.personaId, points);
    }
  const order = new Map(m.personas.map((p, i) => [p.id, i]));
  const kpis = m.kpis.filter(
    (k) =>
      (k.touchpointId === undefined || touchpointIds.has(k.touchpointId)) &&
      !(
        k.definition !== undefined &&
        Object.hasOwn(k.definition, 'scope') &&
        'scope' in k.definition &&
        k.definition.scope.touchpointId !== undefined &&
        !touchpointIds.has(k.definition.scope.touchpointId)
      ),
  );
  const kpiIds = new Set(kpis.map((k) => k.id));
  return parseMap({
    ...m,
    journey: {
      ...j,
      touchpoints,
      steps: steps.map((s) => ({ ...s, touchpointIds: s.touchpointIds.filter((t) => touchpointIds.has(t)) })),
      momentsOfTruth: keep(j.momentsOfTruth).map((x) => touchpoint(step(x))),
      painPoints: painPoints.map((x) => touchpoint(step(x))),
      desiredActions: j.desiredActions.map(touchpoint),
      opportunities: j.opportunities.map((o) => ({
        ...step(o),
        painPointIds: o.painPointIds.filter((p) => painPointIds.has(p)),
      })),
      improvementActions: j.improvementActions.map((a) => ({
        ...a,
        painPointIds: a.painPointIds.filter((p) => painPointIds.has(p)),
      })),
    },
    emotionCurves: [...curves]
      .sort(([a], [b]) => order.get(a)! - order.get(b)!)
      .map(([personaId, points]) => ({
        personaId,
        points: [...points.values()].sort((a, b) => stepOrder.get(a.stepId)! - stepOrder.get(b.stepId)!),
      })),
    thoughts: keep(m.thoughts).filter((t) => stepIds.has(t.stepId)),
    blueprint: keep(m.blueprint).map((b) => touchpoint(step(b))),
    kpis,
    measurements: m.measurements.filter(
      (x) =>
        (x.kpiId === undefined || kpiIds.has(x.kpiId)) &&
        (x.touchpointId === undefined || touchpointIds.has(x.touchpointId)),
    ),
  });
}
