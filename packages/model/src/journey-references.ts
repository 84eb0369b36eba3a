import type { ValidationIssue } from './errors/validation-error.js';
import { CxValidationError } from './errors/validation-error.js';
import { type Journey, journeySchema } from './journey.js';
import { validate } from './validate.js';

type Path = Array<string | number>;

function duplicates(
  items: ReadonlyArray<{ id: string }>,
  at: string,
  issues: ValidationIssue[],
): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else
      issues.push({
        path: [at, i, 'id'],
        message: `Duplicate id "${item.id}" (first used at /${at}/${first})`,
        code: 'duplicate_id',
      });
  });
  return new Set(seen.keys());
}

function ref(
  ids: Set<string>,
  value: string | undefined,
  kind: string,
  path: Path,
  issues: ValidationIssue[],
): void {
  if (value !== undefined && !ids.has(value)) {
    issues.push({
      path,
      message: `Unknown ${kind} "${value}": no ${kind} with this id in the journey`,
      code: 'dangling_reference',
    });
  }
}

/**
 * Lists the referential problems of a structurally valid journey: duplicate ids, and references to
 * stages, touchpoints, pain points, desired actions or opportunities that do not exist.
 *
 * @param journey - A journey that passed {@link journeySchema}.
 * @returns Every issue found, each with its path; empty when the journey is consistent.
 * @example
 * ```ts
 * import { journeyReferenceIssues, journeySchema } from '@cx/model';
 * const journey = journeySchema.parse({
 *   id: 'j', name: 'J', version: 1, stages: [{ id: 'purchase', labels: { en: 'Purchase' } }],
 *   steps: [{ id: 's1', stageId: 'use', name: 'Unbox' }],
 * });
 * console.log(journeyReferenceIssues(journey)[0]?.path); // ['steps', 0, 'stageId']
 * ```
 * @category Journey
 * @since 0.1.0
 */
export function journeyReferenceIssues(journey: Journey): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stages = duplicates(journey.stages, 'stages', issues);
  const touchpoints = duplicates(journey.touchpoints, 'touchpoints', issues);
  duplicates(journey.steps, 'steps', issues);
  duplicates(journey.momentsOfTruth, 'momentsOfTruth', issues);
  const painPoints = duplicates(journey.painPoints, 'painPoints', issues);
  const desired = duplicates(journey.desiredActions, 'desiredActions', issues);
  duplicates(journey.completedActions, 'completedActions', issues);
  const opportunities = duplicates(journey.opportunities, 'opportunities', issues);
  duplicates(journey.improvementActions, 'improvementActions', issues);

  for (const [i, t] of journey.touchpoints.entries())
    ref(stages, t.stageId, 'stage', ['touchpoints', i, 'stageId'], issues);
  for (const [i, s] of journey.steps.entries()) {
    ref(stages, s.stageId, 'stage', ['steps', i, 'stageId'], issues);
    for (const [j, t] of s.touchpointIds.entries())
      ref(touchpoints, t, 'touchpoint', ['steps', i, 'touchpointIds', j], issues);
  }
  for (const key of ['momentsOfTruth', 'painPoints', 'desiredActions'] as const) {
    for (const [i, item] of journey[key].entries()) {
      ref(stages, item.stageId, 'stage', [key, i, 'stageId'], issues);
      ref(touchpoints, item.touchpointId, 'touchpoint', [key, i, 'touchpointId'], issues);
    }
  }
  for (const [i, c] of journey.completedActions.entries()) {
    ref(desired, c.desiredActionId, 'desired action', ['completedActions', i, 'desiredActionId'], issues);
  }
  for (const [i, o] of journey.opportunities.entries()) {
    ref(stages, o.stageId, 'stage', ['opportunities', i, 'stageId'], issues);
    for (const [j, p] of o.painPointIds.entries())
      ref(painPoints, p, 'pain point', ['opportunities', i, 'painPointIds', j], issues);
  }
  for (const [i, a] of journey.improvementActions.entries()) {
    ref(stages, a.stageId, 'stage', ['improvementActions', i, 'stageId'], issues);
    ref(opportunities, a.opportunityId, 'opportunity', ['improvementActions', i, 'opportunityId'], issues);
    for (const [j, p] of a.painPointIds.entries()) {
      ref(painPoints, p, 'pain point', ['improvementActions', i, 'painPointIds', j], issues);
    }
  }
  return issues;
}

/**
 * Parses and fully checks a journey: structure ({@link journeySchema}) and references ({@link journeyReferenceIssues}).
 *
 * @param input - Untrusted journey data.
 * @returns The typed, consistent journey.
 * @throws {@link CxValidationError} listing every structural or referential issue with its path.
 * @example
 * ```ts
 * import { parseJourney, DEFAULT_STAGES } from '@cx/model';
 * const journey = parseJourney({
 *   id: 'shop', name: 'Online shop', version: 1, stages: [...DEFAULT_STAGES],
 *   touchpoints: [{ id: 'cart', name: 'Cart', channel: 'web', stageId: 'purchase' }],
 * });
 * console.log(journey.touchpoints[0]?.mediaType); // 'owned'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export function parseJourney(input: unknown): Journey {
  const journey = validate(journeySchema, input, { subject: 'Journey' });
  const issues = journeyReferenceIssues(journey);
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'Journey' });
  return journey;
}
