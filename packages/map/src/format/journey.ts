// The journey of a format-2 map, built from @cx/model's journey schemas: each map schema is the model's (its
// fields, optionality, defaults, enumerations and order) with two kinds of explicit differences.
//
// 1. The map's grammars. The map publishes a JSON Schema that must accept exactly what the parser accepts
//    (schema-agreement.test.ts), so its strings are checked by patterns and code-point lengths only (no JSON Schema
//    `format`; the model's `format: date` / `format: uri` are read differently by validators, and zod counts UTF-16
//    units where JSON Schema's maxLength counts code points); its URLs are http(s) only (a map is rendered as HTML);
//    its free-form records refuse `__proto__`; and its enumerations are inlined in the published schema (no $defs
//    named by the model). Those fields are overridden below with the grammars of ./primitives.ts and ./strings.ts;
//    every enumeration takes its values from the model's schema, so the vocabularies cannot drift.
// 2. The map's own concepts (format 2): scenarios (as-is / to-be), steps tied to moments of truth, pain points and
//    opportunities, stage goals and expectations, pain-point frequency and business impact, opportunity impact,
//    effort and priority. They are added with `withFields`, at the place the map's canonical key order gives them
//    (the serializer writes keys in schema order, so that order is part of the file format).
import {
  mediaTypeSchema,
  completedActionSchema as modelCompletedAction,
  desiredActionSchema as modelDesiredAction,
  evidenceSchema as modelEvidence,
  improvementActionSchema as modelImprovementAction,
  journeySchema as modelJourney,
  momentOfTruthSchema as modelMomentOfTruth,
  opportunitySchema as modelOpportunity,
  painPointSchema as modelPainPoint,
  stageSchema as modelStage,
  journeyStepSchema as modelStep,
  touchpointSchema as modelTouchpoint,
  severitySchema,
  visibilitySchema,
} from '@cx/model';
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

/**
 * A strict object with the fields of `base` (overridden by `fields` where given) and the new fields of `fields`,
 * in the order `order` names them: the map's canonical key order.
 *
 * @internal
 */
export function withFields<Base extends z.ZodRawShape, Fields extends z.ZodRawShape>(
  base: z.ZodObject<Base>,
  fields: Fields,
  order: ReadonlyArray<keyof Base | keyof Fields>,
) {
  const all: Record<string, z.core.$ZodType> = { ...base.shape, ...fields };
  const missing = Object.keys(all).filter((key) => !order.includes(key));
  if (missing.length > 0 || order.length !== Object.keys(all).length)
    throw new Error(`map format: the key order does not list ${missing.join(', ') || 'each key once'}`);
  const shape: Record<string, z.core.$ZodType> = {};
  for (const key of order) shape[key as string] = all[key as string] as z.core.$ZodType;
  return z.strictObject(shape as unknown as Omit<Base, keyof Fields> & Fields);
}

/** */
export const evidenceSchema = modelEvidence
  .extend({ description: nonEmpty(), url: httpUrl().optional(), date: calendarDate().optional() })
  .meta({ id: 'Evidence' });

/** */
export const stageSchema = modelStage
  .extend({
    id: slug(),
    labels: labels(),
    /** What the customer wants to achieve at this stage. */
    goals: texts(),
    /** What the customer expects from the brand at this stage. */
    expectations: texts(),
  })
  .meta({ id: 'Stage' });

/** */
export const touchpointSchema = modelTouchpoint
  .extend({
    id: id(),
    name: nonEmpty(),
    channel: channel(),
    stageId: slug(),
    mediaType: z.enum(mediaTypeSchema.options).default('owned'),
    visibility: z.enum(visibilitySchema.options).default('frontstage'),
    owner: nonEmpty().optional(),
    scenario: scenario().optional(),
  })
  .meta({ id: 'Touchpoint' });

/** */
export const stepSchema = modelStep
  .extend({
    id: id(),
    stageId: slug(),
    name: nonEmpty(),
    touchpointIds: ids(),
    expectedEmotion: emotion().optional(),
    scenario: scenario().optional(),
  })
  .meta({ id: 'Step' });

/** */
export const momentOfTruthSchema = withFields(
  modelMomentOfTruth,
  {
    id: id(),
    name: nonEmpty(),
    stageId: slug(),
    stepId: id().optional(),
    touchpointId: id().optional(),
    scenario: scenario().optional(),
  },
  ['id', 'name', 'stageId', 'stepId', 'touchpointId', 'kind', 'description', 'scenario'],
).meta({ id: 'MomentOfTruth' });

/** How often a pain point occurs. */
export const FREQUENCIES = ['rare', 'occasional', 'frequent', 'constant'] as const;

/** */
export const painPointSchema = withFields(
  modelPainPoint,
  {
    id: id(),
    description: nonEmpty(),
    severity: z.enum(severitySchema.options),
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
  },
  [
    'id',
    'description',
    'severity',
    'stageId',
    'stepId',
    'touchpointId',
    'personaIds',
    'frequency',
    'businessImpact',
    'impactDescription',
    'evidence',
    'owner',
    'scenario',
  ],
).meta({ id: 'PainPoint' });

const interactionNames = () =>
  z.array(nonEmpty()).min(1, { message: 'Expected at least one interaction name' });

/** */
export const desiredActionSchema = modelDesiredAction
  .extend({
    id: id(),
    stageId: slug(),
    touchpointId: id().optional(),
    name: nonEmpty(),
    interactionNames: interactionNames(),
  })
  .meta({ id: 'DesiredAction' });

/** */
export const completedActionSchema = modelCompletedAction
  .extend({ id: id(), desiredActionId: id(), name: nonEmpty(), interactionNames: interactionNames() })
  .meta({ id: 'CompletedAction' });

/** */
export const opportunitySchema = withFields(
  modelOpportunity,
  {
    id: id(),
    description: nonEmpty(),
    stageId: slug().optional(),
    stepId: id().optional(),
    painPointIds: ids(),
    impact: level3().optional(),
    effort: level3().optional(),
    priority: level4().optional(),
    owner: nonEmpty().optional(),
  },
  ['id', 'description', 'stageId', 'stepId', 'painPointIds', 'impact', 'effort', 'priority', 'owner'],
).meta({ id: 'Opportunity' });

/** */
export const improvementActionSchema = modelImprovementAction
  .extend({
    id: id(),
    title: nonEmpty(),
    owner: nonEmpty(),
    dueDate: calendarDate(),
    stageId: slug().optional(),
    painPointIds: ids(),
    opportunityId: id().optional(),
  })
  .meta({ id: 'ImprovementAction' });

/** */
export const journeySchema = modelJourney
  .extend({
    id: id(),
    name: nonEmpty(),
    lastReviewedAt: calendarDate().optional(),
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
