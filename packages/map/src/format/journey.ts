// The journey of a format-2 map: stages with goals and expectations, touchpoints, steps, moments of truth, pain
// points, desired and completed actions, opportunities and improvement actions. Defined here, not taken from
// @cx/model, so that the file format changes only with a new format version.
import { z } from 'zod';
import {
  channel,
  emotion,
  id,
  ids,
  labels,
  level3,
  level4,
  nonEmpty,
  scenario,
  slug,
  texts,
} from './primitives.js';
import { calendarDate, httpUrl } from './strings.js';

/** */
export const evidenceSchema = z
  .strictObject({
    kind: z.enum([
      'interview',
      'survey',
      'analytics',
      'support',
      'social',
      'session-recording',
      'review',
      'other',
    ]),
    description: nonEmpty(),
    url: httpUrl().optional(),
    date: calendarDate().optional(),
    n: z.number().int().nonnegative().optional(),
  })
  .meta({ id: 'Evidence' });

/** */
export const stageSchema = z
  .strictObject({
    id: slug(),
    labels: labels(),
    description: z.string().optional(),
    /** What the customer wants to achieve at this stage. */
    goals: texts(),
    /** What the customer expects from the brand at this stage. */
    expectations: texts(),
  })
  .meta({ id: 'Stage' });

/** */
export const touchpointSchema = z
  .strictObject({
    id: id(),
    name: nonEmpty(),
    channel: channel(),
    stageId: slug(),
    mediaType: z.enum(['owned', 'paid', 'earned']).default('owned'),
    visibility: z.enum(['frontstage', 'backstage']).default('frontstage'),
    owner: nonEmpty().optional(),
    description: z.string().optional(),
    scenario: scenario().optional(),
  })
  .meta({ id: 'Touchpoint' });

/** */
export const stepSchema = z
  .strictObject({
    id: id(),
    stageId: slug(),
    name: nonEmpty(),
    description: z.string().optional(),
    touchpointIds: ids(),
    expectedEmotion: emotion().optional(),
    scenario: scenario().optional(),
  })
  .meta({ id: 'Step' });

/** */
export const momentOfTruthSchema = z
  .strictObject({
    id: id(),
    name: nonEmpty(),
    stageId: slug(),
    stepId: id().optional(),
    touchpointId: id().optional(),
    kind: z.enum(['zero', 'first', 'second', 'ultimate']).optional(),
    description: z.string().optional(),
    scenario: scenario().optional(),
  })
  .meta({ id: 'MomentOfTruth' });

/** How often a pain point occurs. */
export const FREQUENCIES = ['rare', 'occasional', 'frequent', 'constant'] as const;

/** */
export const painPointSchema = z
  .strictObject({
    id: id(),
    description: nonEmpty(),
    severity: level4(),
    stageId: slug(),
    stepId: id().optional(),
    touchpointId: id().optional(),
    personaIds: ids(),
    frequency: z.enum(FREQUENCIES).optional(),
    businessImpact: level4().optional(),
    impactDescription: z.string().optional(),
    evidence: z.array(evidenceSchema).default([]),
    owner: nonEmpty().optional(),
    scenario: scenario().optional(),
  })
  .meta({ id: 'PainPoint' });

const interactionNames = () =>
  z.array(nonEmpty()).min(1, { message: 'Expected at least one interaction name' });

/** */
export const desiredActionSchema = z
  .strictObject({
    id: id(),
    stageId: slug(),
    touchpointId: id().optional(),
    name: nonEmpty(),
    interactionNames: interactionNames(),
  })
  .meta({ id: 'DesiredAction' });

/** */
export const completedActionSchema = z
  .strictObject({
    id: id(),
    desiredActionId: id(),
    name: nonEmpty(),
    interactionNames: interactionNames(),
  })
  .meta({ id: 'CompletedAction' });

/** */
export const opportunitySchema = z
  .strictObject({
    id: id(),
    description: nonEmpty(),
    stageId: slug().optional(),
    stepId: id().optional(),
    painPointIds: ids(),
    impact: level3().optional(),
    effort: level3().optional(),
    priority: level4().optional(),
    owner: nonEmpty().optional(),
  })
  .meta({ id: 'Opportunity' });

/** */
export const improvementActionSchema = z
  .strictObject({
    id: id(),
    title: nonEmpty(),
    owner: nonEmpty(),
    dueDate: calendarDate(),
    status: z.enum(['open', 'in-progress', 'done', 'dropped']).default('open'),
    stageId: slug().optional(),
    painPointIds: ids(),
    opportunityId: id().optional(),
  })
  .meta({ id: 'ImprovementAction' });

/** */
export const journeySchema = z
  .strictObject({
    id: id(),
    name: nonEmpty(),
    description: z.string().optional(),
    status: z.enum(['draft', 'active', 'archived']).default('draft'),
    version: z.number().int().positive(),
    lastReviewedAt: calendarDate().optional(),
    reviewEveryDays: z.number().int().positive().optional(),
    owner: nonEmpty().optional(),
    personaIds: ids(),
    stages: z.array(stageSchema).min(1, { message: 'Expected at least one stage' }),
    touchpoints: z.array(touchpointSchema).default([]),
    steps: z.array(stepSchema).default([]),
    momentsOfTruth: z.array(momentOfTruthSchema).default([]),
    painPoints: z.array(painPointSchema).default([]),
    desiredActions: z.array(desiredActionSchema).default([]),
    completedActions: z.array(completedActionSchema).default([]),
    opportunities: z.array(opportunitySchema).default([]),
    improvementActions: z.array(improvementActionSchema).default([]),
  })
  .meta({ id: 'Journey' });
