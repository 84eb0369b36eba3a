import type { ValidationIssue, ValidationIssueCode } from '@cx/model';
import type { JourneyMap, Scenario } from './format/document.js';
import { instantKey } from './format/strings.js';

type Path = Array<string | number>;
interface Known {
  readonly stageId?: string;
  readonly scenario?: Scenario | undefined;
}

/** Collects issues; keeps the id tables of one map. */
class Checker {
  readonly issues: ValidationIssue[] = [];

  /** Ids of a list, reporting repeats; maps each id to its item. */
  table<T extends { id: string }>(items: readonly T[], at: Path): Map<string, T> {
    const seen = new Map<string, T>();
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const f = first.get(item.id);
      if (f === undefined) {
        first.set(item.id, i);
        seen.set(item.id, item);
      } else
        this.issues.push({
          path: [...at, i, 'id'],
          message: `Duplicate id "${item.id}" (first used at /${[...at, f].join('/')})`,
          code: 'duplicate_id',
        });
    });
    return seen;
  }

  /** A reference to an item of `table`; returns the item when it exists. */
  ref<T>(table: ReadonlyMap<string, T>, value: string | undefined, kind: string, path: Path): T | undefined {
    if (value === undefined) return undefined;
    const item = table.get(value);
    if (item === undefined)
      this.issues.push({
        path,
        message: `Unknown ${kind} "${value}": no ${kind} with this id in the map`,
        code: 'dangling_reference',
      });
    return item;
  }

  /** A reference that must also lie in `stageId` and fit `scenario`. */
  placed(
    table: ReadonlyMap<string, Known>,
    value: string | undefined,
    kind: string,
    path: Path,
    owner: { stageId?: string | undefined; scenario?: Scenario | undefined },
  ): void {
    const item = this.ref(table, value, kind, path);
    if (item === undefined) return;
    if (owner.stageId !== undefined && item.stageId !== undefined && item.stageId !== owner.stageId)
      this.issues.push({
        path,
        message: `The ${kind} "${value}" is in stage "${item.stageId}", not in "${owner.stageId}"`,
        code: 'incompatible',
      });
    if (owner.scenario !== undefined && item.scenario !== undefined && item.scenario !== owner.scenario)
      this.issues.push({
        path,
        message: `The ${kind} "${value}" belongs to the ${item.scenario} scenario; this ${owner.scenario} element cannot refer to it`,
        code: 'incompatible',
      });
  }

  add(path: Path, code: ValidationIssueCode, message: string): void {
    this.issues.push({ path, code, message });
  }
}

const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  nps: [-100, 100],
  conversion: [0, 1],
  'drop-off': [0, 1],
  'sentiment-share': [0, 1],
};

/**
 * Lists what a structurally valid map breaks beyond its JSON Schema: duplicate ids, references to stages, steps,
 * touchpoints, personas, pain points, desired actions, opportunities or KPIs that do not exist, a step of another
 * stage (`stage_mismatch`), an as-is element pointing at a to-be one (`scenario_mismatch`), and inconsistent
 * measurements and metric definitions.
 *
 * @param map - A map that passed {@link mapDocumentSchema}.
 * @returns Every issue with its path; empty when the map is consistent.
 * @example
 * ```ts
 * import { mapDocumentSchema, mapRuleIssues } from '@cx/map';
 * const map = mapDocumentSchema.parse({
 *   formatVersion: 2,
 *   journey: { id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 *   emotionCurves: [{ personaId: 'ghost', points: [] }],
 * });
 * console.log(mapRuleIssues(map)[0]?.path); // ['emotionCurves', 0, 'personaId']
 * ```
 * @category Validation
 * @since 0.2.0
 */
export function mapRuleIssues(map: JourneyMap): ValidationIssue[] {
  const c = new Checker();
  const j = map.journey;
  const J = (...rest: Path): Path => ['journey', ...rest];
  const stages = c.table(j.stages, J('stages'));
  const stageIndex = new Map(j.stages.map((s, i) => [s.id, i]));
  const touchpoints = c.table(j.touchpoints, J('touchpoints'));
  const steps = c.table(j.steps, J('steps'));
  c.table(j.momentsOfTruth, J('momentsOfTruth'));
  const painPoints = c.table(j.painPoints, J('painPoints'));
  const desired = c.table(j.desiredActions, J('desiredActions'));
  c.table(j.completedActions, J('completedActions'));
  const opportunities = c.table(j.opportunities, J('opportunities'));
  c.table(j.improvementActions, J('improvementActions'));
  const personas = c.table(map.personas, ['personas']);
  c.table(
    map.scenarios.map((s) => ({ ...s })),
    ['scenarios'],
  );
  c.table(map.thoughts, ['thoughts']);
  c.table(map.blueprint, ['blueprint']);
  const kpis = c.table(map.kpis, ['kpis']);
  c.table(map.measurements, ['measurements']);
  c.table(map.lanes, ['lanes']);

  j.personaIds.forEach((p, i) => {
    c.ref(personas, p, 'persona', J('personaIds', i));
  });
  j.touchpoints.forEach((t, i) => {
    c.ref(stages, t.stageId, 'stage', J('touchpoints', i, 'stageId'));
  });
  j.steps.forEach((s, i) => {
    c.ref(stages, s.stageId, 'stage', J('steps', i, 'stageId'));
    s.touchpointIds.forEach((t, k) => {
      c.placed(touchpoints, t, 'touchpoint', J('steps', i, 'touchpointIds', k), { scenario: s.scenario });
    });
  });
  const located = (
    key: 'momentsOfTruth' | 'painPoints',
    item: {
      stageId: string;
      stepId?: string | undefined;
      touchpointId?: string | undefined;
      scenario?: Scenario | undefined;
    },
    i: number,
  ) => {
    c.ref(stages, item.stageId, 'stage', J(key, i, 'stageId'));
    c.placed(steps, item.stepId, 'step', J(key, i, 'stepId'), item);
    c.placed(touchpoints, item.touchpointId, 'touchpoint', J(key, i, 'touchpointId'), {
      scenario: item.scenario,
    });
  };
  j.momentsOfTruth.forEach((m, i) => {
    located('momentsOfTruth', m, i);
  });
  j.painPoints.forEach((p, i) => {
    located('painPoints', p, i);
    p.personaIds.forEach((id, k) => {
      c.ref(personas, id, 'persona', J('painPoints', i, 'personaIds', k));
    });
  });
  j.desiredActions.forEach((d, i) => {
    c.ref(stages, d.stageId, 'stage', J('desiredActions', i, 'stageId'));
    c.ref(touchpoints, d.touchpointId, 'touchpoint', J('desiredActions', i, 'touchpointId'));
  });
  j.completedActions.forEach((a, i) => {
    c.ref(desired, a.desiredActionId, 'desired action', J('completedActions', i, 'desiredActionId'));
  });
  j.opportunities.forEach((o, i) => {
    c.ref(stages, o.stageId, 'stage', J('opportunities', i, 'stageId'));
    c.placed(steps, o.stepId, 'step', J('opportunities', i, 'stepId'), { stageId: o.stageId });
    o.painPointIds.forEach((p, k) => {
      c.ref(painPoints, p, 'pain point', J('opportunities', i, 'painPointIds', k));
    });
  });
  j.improvementActions.forEach((a, i) => {
    c.ref(stages, a.stageId, 'stage', J('improvementActions', i, 'stageId'));
    c.ref(opportunities, a.opportunityId, 'opportunity', J('improvementActions', i, 'opportunityId'));
    a.painPointIds.forEach((p, k) => {
      c.ref(painPoints, p, 'pain point', J('improvementActions', i, 'painPointIds', k));
    });
  });

  const curves = new Map<string, number>();
  map.emotionCurves.forEach((curve, i) => {
    c.ref(personas, curve.personaId, 'persona', ['emotionCurves', i, 'personaId']);
    const key = `${curve.scenario ?? ''}\u0000${curve.personaId}`;
    const first = curves.get(key);
    if (first !== undefined)
      c.add(
        ['emotionCurves', i, 'personaId'],
        'duplicate_id',
        `Persona "${curve.personaId}" already has a${curve.scenario ? ` ${curve.scenario}` : 'n'} emotion curve (at /emotionCurves/${first})`,
      );
    else curves.set(key, i);
    const seen = new Map<string, number>();
    curve.points.forEach((point, k) => {
      const path: Path = ['emotionCurves', i, 'points', k, 'stepId'];
      const repeat = seen.get(point.stepId);
      if (repeat !== undefined)
        c.add(
          path,
          'duplicate_id',
          `Step "${point.stepId}" already has a point on this curve (point ${repeat})`,
        );
      else seen.set(point.stepId, k);
      c.placed(steps, point.stepId, 'step', path, { scenario: curve.scenario });
    });
  });
  map.thoughts.forEach((t, i) => {
    c.placed(steps, t.stepId, 'step', ['thoughts', i, 'stepId'], t);
    c.ref(personas, t.personaId, 'persona', ['thoughts', i, 'personaId']);
  });
  map.blueprint.forEach((b, i) => {
    c.ref(stages, b.stageId, 'stage', ['blueprint', i, 'stageId']);
    c.placed(steps, b.stepId, 'step', ['blueprint', i, 'stepId'], b);
    c.placed(touchpoints, b.touchpointId, 'touchpoint', ['blueprint', i, 'touchpointId'], {
      scenario: b.scenario,
    });
  });

  map.kpis.forEach((k, i) => {
    c.ref(stages, k.stageId, 'stage', ['kpis', i, 'stageId']);
    c.ref(touchpoints, k.touchpointId, 'touchpoint', ['kpis', i, 'touchpointId']);
    const d = k.definition;
    if (d === undefined) return;
    const at = (...rest: Path): Path => ['kpis', i, 'definition', ...rest];
    if (k.metric !== undefined && k.metric !== d.kind)
      c.add(
        ['kpis', i, 'metric'],
        'incompatible',
        `The KPI's metric "${k.metric}" differs from its definition's kind "${d.kind}"`,
      );
    if (Object.hasOwn(d, 'scope') && 'scope' in d) {
      c.ref(stages, d.scope.stageId, 'stage', at('scope', 'stageId'));
      c.ref(touchpoints, d.scope.touchpointId, 'touchpoint', at('scope', 'touchpointId'));
    }
    if (d.kind === 'conversion') c.ref(desired, d.desiredActionId, 'desired action', at('desiredActionId'));
    if (d.kind === 'drop-off') {
      const from = c.ref(stages, d.fromStageId, 'stage', at('fromStageId'));
      const to = c.ref(stages, d.toStageId, 'stage', at('toStageId'));
      if (from && to && stageIndex.get(from.id)! >= stageIndex.get(to.id)!)
        c.add(
          at('toStageId'),
          'invalid_value',
          `Expected stage "${to.id}" to come after "${from.id}" in the journey`,
        );
    }
  });

  map.measurements.forEach((m, i) => {
    const at = (...rest: Path): Path => ['measurements', i, ...rest];
    c.ref(stages, m.stageId, 'stage', at('stageId'));
    c.ref(touchpoints, m.touchpointId, 'touchpoint', at('touchpointId'));
    c.ref(kpis, m.kpiId, 'KPI', at('kpiId'));
    // A volume is a count, and a count of nothing is 0; every other metric has no value without data.
    if (m.metric === 'volume' && m.value === null)
      c.add(at('value'), 'invalid_value', 'Expected a count: a volume is never null');
    if (m.metric !== 'volume' && m.n === 0 && m.value !== null)
      c.add(at('value'), 'invalid_value', 'Expected null: there is no value without data (n is 0)');
    if (m.metric !== 'volume' && m.n > 0 && m.value === null)
      c.add(at('value'), 'invalid_value', `Expected a number: n is ${m.n}`);
    const range = Object.hasOwn(RANGES, m.metric) ? RANGES[m.metric] : undefined;
    if (range && m.value !== null && (m.value < range[0] || m.value > range[1]))
      c.add(
        at('value'),
        'out_of_range',
        `Expected ${m.metric} between ${range[0]} and ${range[1]}, got ${m.value}`,
      );
    if (m.metric === 'volume' && m.value !== null && (!Number.isInteger(m.value) || m.value < 0))
      c.add(at('value'), 'invalid_value', 'Expected a volume to be a non-negative integer');
    if (instantKey(m.window.from) > instantKey(m.window.to))
      c.add(at('window', 'to'), 'invalid_value', 'Expected the window to end at or after its start');
    if (m.confidenceInterval && m.confidenceInterval.lower > m.confidenceInterval.upper)
      c.add(
        at('confidenceInterval', 'upper'),
        'invalid_value',
        'Expected the upper bound at or above the lower bound',
      );
    if (m.stageId === undefined && m.touchpointId === undefined && m.kpiId === undefined)
      c.add(at(), 'missing_field', 'Expected at least one of stageId, touchpointId or kpiId');
  });

  map.lanes.forEach((lane, i) => {
    if (lane.cells !== undefined && lane.kind !== 'notes')
      c.add(
        ['lanes', i, 'cells'],
        'unexpected_cells',
        `Expected cells only on a notes lane, not on a ${lane.kind} lane`,
      );
    lane.cells?.forEach((cell, k) => {
      c.ref(stages, cell.stageId, 'stage', ['lanes', i, 'cells', k, 'stageId']);
    });
  });
  return c.issues;
}
