import { z } from 'zod';
import { emotionSchema } from './emotion.js';
import { idSchema, slugSchema } from './json.js';
import { evidenceSchema } from './persona.js';
import { stageSchema } from './stage.js';
import { calendarDateSchema } from './time/schemas.js';
import { touchpointSchema } from './touchpoint.js';

/**
 * Schema of a step of the designed journey: what the customer does at one stage, and how they should feel.
 *
 * @example
 * ```ts
 * import { journeyStepSchema } from '@cx/model';
 * const step = journeyStepSchema.parse({ id: 'pay', stageId: 'purchase', name: 'Pays by BLIK', expectedEmotion: 1 });
 * console.log(step.touchpointIds); // []
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const journeyStepSchema = z
  .strictObject({
    id: idSchema,
    stageId: slugSchema,
    name: z.string().min(1),
    description: z.string().optional(),
    touchpointIds: z.array(idSchema).default([]),
    expectedEmotion: emotionSchema.optional(),
  })
  .meta({ id: 'JourneyStep' });

/**
 * Schema of a moment of truth: a moment at which the customer forms a lasting opinion.
 *
 * @example
 * ```ts
 * import { momentOfTruthSchema } from '@cx/model';
 * console.log(momentOfTruthSchema.parse({ id: 'm1', name: 'First unboxing', stageId: 'use', kind: 'second' }).kind);
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const momentOfTruthSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    stageId: slugSchema,
    touchpointId: idSchema.optional(),
    kind: z.enum(['zero', 'first', 'second', 'ultimate']).optional(),
    description: z.string().optional(),
  })
  .meta({ id: 'MomentOfTruth', description: 'ZMOT (zero), FMOT (first), SMOT (second) or UMOT (ultimate).' });

/**
 * Severity of a pain point.
 *
 * @example
 * ```ts
 * import { severitySchema } from '@cx/model';
 * console.log(severitySchema.options); // ['low', 'medium', 'high', 'critical']
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const severitySchema = z.enum(['low', 'medium', 'high', 'critical']).meta({ id: 'Severity' });

/**
 * Schema of a pain point: a known problem at a stage or touchpoint, with the evidence for it.
 *
 * @example
 * ```ts
 * import { painPointSchema } from '@cx/model';
 * const p = painPointSchema.parse({
 *   id: 'pp1', description: 'Shipping cost shown only at the last step', severity: 'high', stageId: 'purchase',
 *   evidence: [{ kind: 'analytics', description: '38% leave at the shipping step' }],
 * });
 * console.log(p.severity); // 'high'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const painPointSchema = z
  .strictObject({
    id: idSchema,
    description: z.string().min(1),
    severity: severitySchema,
    stageId: slugSchema,
    touchpointId: idSchema.optional(),
    evidence: z.array(evidenceSchema).default([]),
    owner: z.string().min(1).optional(),
  })
  .meta({ id: 'PainPoint' });

/**
 * Schema of a desired action: what the journey wants the customer to do at a stage, and the
 * interaction names that show the customer attempted it.
 *
 * @example
 * ```ts
 * import { desiredActionSchema } from '@cx/model';
 * const a = desiredActionSchema.parse({ id: 'da1', stageId: 'purchase', name: 'Complete checkout', interactionNames: ['begin_checkout'] });
 * console.log(a.interactionNames); // ['begin_checkout']
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const desiredActionSchema = z
  .strictObject({
    id: idSchema,
    stageId: slugSchema,
    touchpointId: idSchema.optional(),
    name: z.string().min(1),
    interactionNames: z
      .array(z.string().min(1))
      .min(1, { message: 'Expected at least one interaction name' }),
  })
  .meta({ id: 'DesiredAction' });

/**
 * Schema of a completed action: the interaction names that show a desired action was completed.
 *
 * @example
 * ```ts
 * import { completedActionSchema } from '@cx/model';
 * const c = completedActionSchema.parse({ id: 'ca1', desiredActionId: 'da1', name: 'Order placed', interactionNames: ['purchase'] });
 * console.log(c.desiredActionId); // 'da1'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const completedActionSchema = z
  .strictObject({
    id: idSchema,
    desiredActionId: idSchema,
    name: z.string().min(1),
    interactionNames: z
      .array(z.string().min(1))
      .min(1, { message: 'Expected at least one interaction name' }),
  })
  .meta({ id: 'CompletedAction' });

/**
 * Schema of an opportunity: an idea for a better experience, optionally tied to pain points.
 *
 * @example
 * ```ts
 * import { opportunitySchema } from '@cx/model';
 * console.log(opportunitySchema.parse({ id: 'o1', description: 'Show shipping cost on the product page' }).painPointIds); // []
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const opportunitySchema = z
  .strictObject({
    id: idSchema,
    description: z.string().min(1),
    stageId: slugSchema.optional(),
    painPointIds: z.array(idSchema).default([]),
  })
  .meta({ id: 'Opportunity' });

/**
 * Schema of an improvement action: who will fix what, by when.
 *
 * @example
 * ```ts
 * import { improvementActionSchema } from '@cx/model';
 * const a = improvementActionSchema.parse({ id: 'ia1', title: 'Show shipping early', owner: 'Checkout team', dueDate: '2026-06-30' });
 * console.log(a.status); // 'open'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const improvementActionSchema = z
  .strictObject({
    id: idSchema,
    title: z.string().min(1),
    owner: z.string().min(1),
    dueDate: calendarDateSchema,
    status: z.enum(['open', 'in-progress', 'done', 'dropped']).default('open'),
    stageId: slugSchema.optional(),
    painPointIds: z.array(idSchema).default([]),
    opportunityId: idSchema.optional(),
  })
  .meta({ id: 'ImprovementAction' });

/**
 * Schema of a designed journey: stages in order, touchpoints, steps with expected emotions, moments of
 * truth, pain points, desired and completed actions, opportunities and improvement actions.
 *
 * This schema checks structure. Cross-references (a step naming a stage that exists, unique ids …) are
 * checked by {@link journeyReferenceIssues} and by {@link parseJourney}, which runs both.
 *
 * @example
 * ```ts
 * import { journeySchema, DEFAULT_STAGES } from '@cx/model';
 * const journey = journeySchema.parse({ id: 'shop', name: 'Online shop', version: 1, stages: [...DEFAULT_STAGES] });
 * console.log(journey.status, journey.stages.length); // 'draft' 10
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const journeySchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    description: z.string().optional(),
    status: z.enum(['draft', 'active', 'archived']).default('draft'),
    version: z.number().int().positive(),
    lastReviewedAt: calendarDateSchema.optional(),
    reviewEveryDays: z.number().int().positive().optional(),
    owner: z.string().min(1).optional(),
    personaIds: z.array(idSchema).default([]),
    stages: z.array(stageSchema).min(1, { message: 'Expected at least one stage' }),
    touchpoints: z.array(touchpointSchema).default([]),
    steps: z.array(journeyStepSchema).default([]),
    momentsOfTruth: z.array(momentOfTruthSchema).default([]),
    painPoints: z.array(painPointSchema).default([]),
    desiredActions: z.array(desiredActionSchema).default([]),
    completedActions: z.array(completedActionSchema).default([]),
    opportunities: z.array(opportunitySchema).default([]),
    improvementActions: z.array(improvementActionSchema).default([]),
  })
  .meta({ id: 'Journey', description: 'A designed customer journey.' });

/**
 * A designed journey (parsed form).
 *
 * @example
 * ```ts
 * import { parseJourney, DEFAULT_STAGES, type Journey } from '@cx/model';
 * const journey: Journey = parseJourney({ id: 'shop', name: 'Online shop', version: 1, stages: [...DEFAULT_STAGES] });
 * console.log(journey.painPoints); // []
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type Journey = z.infer<typeof journeySchema>;

/**
 * A designed journey as accepted on input.
 *
 * @example
 * ```ts
 * import { parseJourney, type JourneyInput } from '@cx/model';
 * const draft: JourneyInput = { id: 'j', name: 'Support', version: 1, stages: [{ id: 'use', labels: { en: 'Use', pl: 'Użytkowanie' } }] };
 * console.log(parseJourney(draft).status); // 'draft'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type JourneyInput = z.input<typeof journeySchema>;

/**
 * A journey step.
 *
 * @example
 * ```ts
 * import type { JourneyStep } from '@cx/model';
 * const step: JourneyStep = { id: 's1', stageId: 'purchase', name: 'Pays by BLIK', touchpointIds: ['checkout'], expectedEmotion: 1 };
 * console.log(step.expectedEmotion); // 1
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type JourneyStep = z.infer<typeof journeyStepSchema>;
/**
 * A moment of truth.
 *
 * @example
 * ```ts
 * import type { MomentOfTruth } from '@cx/model';
 * const unboxing: MomentOfTruth = { id: 'm1', name: 'First unboxing', stageId: 'use', kind: 'second' };
 * console.log(unboxing.kind); // 'second'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type MomentOfTruth = z.infer<typeof momentOfTruthSchema>;
/**
 * A pain point.
 *
 * @example
 * ```ts
 * import type { PainPoint } from '@cx/model';
 * const pain: PainPoint = { id: 'pp1', description: 'Hidden shipping cost', severity: 'high', stageId: 'purchase', evidence: [] };
 * console.log(pain.severity); // 'high'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type PainPoint = z.infer<typeof painPointSchema>;
/**
 * A desired action.
 *
 * @example
 * ```ts
 * import type { DesiredAction } from '@cx/model';
 * const wanted: DesiredAction = { id: 'da1', stageId: 'purchase', name: 'Complete checkout', interactionNames: ['begin_checkout'] };
 * console.log(wanted.stageId); // 'purchase'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type DesiredAction = z.infer<typeof desiredActionSchema>;
/**
 * A completed action.
 *
 * @example
 * ```ts
 * import type { CompletedAction } from '@cx/model';
 * const done: CompletedAction = { id: 'ca1', desiredActionId: 'da1', name: 'Order placed', interactionNames: ['purchase'] };
 * console.log(done.interactionNames); // ['purchase']
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type CompletedAction = z.infer<typeof completedActionSchema>;
/**
 * An opportunity.
 *
 * @example
 * ```ts
 * import type { Opportunity } from '@cx/model';
 * const idea: Opportunity = { id: 'o1', description: 'Delivery date on the product page', painPointIds: ['pp1'] };
 * console.log(idea.painPointIds.length); // 1
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type Opportunity = z.infer<typeof opportunitySchema>;
/**
 * An improvement action.
 *
 * @example
 * ```ts
 * import type { ImprovementAction } from '@cx/model';
 * const fix: ImprovementAction = { id: 'ia1', title: 'Show shipping cost early', owner: 'Checkout team', dueDate: '2026-06-30', status: 'open', painPointIds: [] };
 * console.log(fix.owner, fix.dueDate);
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type ImprovementAction = z.infer<typeof improvementActionSchema>;
