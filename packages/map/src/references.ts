import { journeyReferenceIssues, type ValidationIssue } from '@cx/model';
import type { JourneyMap } from './document.js';

type Path = Array<string | number>;

function ids(items: ReadonlyArray<{ id: string }>, at: Path, issues: ValidationIssue[]): Set<string> {
  return unique(
    items.map((item) => item.id),
    at,
    'id',
    issues,
  );
}

function unique(values: readonly string[], at: Path, field: string, issues: ValidationIssue[]): Set<string> {
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else
      issues.push({
        path: [...at, i, field],
        message: `Duplicate ${field} "${value}" (first used at /${[...at, first].join('/')})`,
        code: 'duplicate_id',
      });
  });
  return new Set(seen.keys());
}

function ref(
  set: Set<string>,
  value: string | undefined,
  kind: string,
  path: Path,
  issues: ValidationIssue[],
) {
  if (value !== undefined && !set.has(value))
    issues.push({
      path,
      message: `Unknown ${kind} "${value}": no ${kind} with this id in the map`,
      code: 'dangling_reference',
    });
}

/**
 * Lists the referential problems of a structurally valid map: the journey's own (prefixed `journey`), duplicate
 * ids, and personas, steps, stages, touchpoints or KPIs named but not defined.
 *
 * @param map - A map that passed {@link mapDocumentSchema}.
 * @returns Every issue with its path; empty when the map is consistent.
 * @example
 * ```ts
 * import { mapDocumentSchema, mapReferenceIssues } from '@cx/map';
 * const map = mapDocumentSchema.parse({
 *   formatVersion: 1,
 *   journey: { id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 *   emotionCurves: [{ personaId: 'ghost', points: [] }],
 * });
 * console.log(mapReferenceIssues(map)[0]?.path); // ['emotionCurves', 0, 'personaId']
 * ```
 * @category Validation
 * @since 0.1.0
 */
export function mapReferenceIssues(map: JourneyMap): ValidationIssue[] {
  const issues: ValidationIssue[] = journeyReferenceIssues(map.journey).map((issue) => ({
    ...issue,
    path: ['journey', ...issue.path],
  }));
  const j = map.journey;
  const stages = new Set(j.stages.map((s) => s.id));
  const steps = new Set(j.steps.map((s) => s.id));
  const touchpoints = new Set(j.touchpoints.map((t) => t.id));
  const personas = ids(map.personas, ['personas'], issues);
  j.personaIds.forEach((p, i) => {
    ref(personas, p, 'persona', ['journey', 'personaIds', i], issues);
  });
  unique(
    map.emotionCurves.map((c) => c.personaId),
    ['emotionCurves'],
    'personaId',
    issues,
  );
  map.emotionCurves.forEach((curve, i) => {
    ref(personas, curve.personaId, 'persona', ['emotionCurves', i, 'personaId'], issues);
    unique(
      curve.points.map((p) => p.stepId),
      ['emotionCurves', i, 'points'],
      'stepId',
      issues,
    );
    curve.points.forEach((point, k) => {
      ref(steps, point.stepId, 'step', ['emotionCurves', i, 'points', k, 'stepId'], issues);
    });
  });
  ids(map.thoughts, ['thoughts'], issues);
  map.thoughts.forEach((t, i) => {
    ref(steps, t.stepId, 'step', ['thoughts', i, 'stepId'], issues);
    ref(personas, t.personaId, 'persona', ['thoughts', i, 'personaId'], issues);
  });
  const kpis = ids(map.kpis, ['kpis'], issues);
  map.kpis.forEach((k, i) => {
    ref(stages, k.stageId, 'stage', ['kpis', i, 'stageId'], issues);
    ref(touchpoints, k.touchpointId, 'touchpoint', ['kpis', i, 'touchpointId'], issues);
  });
  ids(map.measurements, ['measurements'], issues);
  map.measurements.forEach((m, i) => {
    ref(stages, m.stageId, 'stage', ['measurements', i, 'stageId'], issues);
    ref(touchpoints, m.touchpointId, 'touchpoint', ['measurements', i, 'touchpointId'], issues);
    ref(kpis, m.kpiId, 'KPI', ['measurements', i, 'kpiId'], issues);
  });
  ids(map.lanes, ['lanes'], issues);
  map.lanes.forEach((lane, i) => {
    if (lane.cells !== undefined && lane.kind !== 'notes')
      issues.push({
        path: ['lanes', i, 'cells'],
        message: `Expected cells only on a notes lane, not on a ${lane.kind} lane`,
        code: 'unexpected_cells',
      });
    lane.cells?.forEach((cell, k) => {
      ref(stages, cell.stageId, 'stage', ['lanes', i, 'cells', k, 'stageId'], issues);
    });
  });
  return issues;
}
