import { z } from 'zod';
import { customerSchema } from './customer.js';
import { feedbackSchema, mentionSchema } from './feedback.js';
import { interactionSchema } from './interaction.js';
import { journeySchema } from './journey.js';
import { orderSchema } from './order.js';
import { personaSchema } from './persona.js';
import { stageSchema } from './stage.js';
import { stageRuleSchema } from './stage-rules.js';
import { subscriptionSchema } from './subscription.js';
import { surveyResponseSchema } from './survey.js';
import { touchpointSchema } from './touchpoint.js';

/**
 * The model's document schemas by name, as published in JSON Schema form.
 *
 * @example
 * ```ts
 * import { MODEL_SCHEMAS } from '@cx/model';
 * console.log(Object.keys(MODEL_SCHEMAS).includes('Journey')); // true
 * ```
 * @category JSON Schema
 * @since 0.1.0
 */
export const MODEL_SCHEMAS = Object.freeze({
  Customer: customerSchema,
  Persona: personaSchema,
  Stage: stageSchema,
  Touchpoint: touchpointSchema,
  Journey: journeySchema,
  Interaction: interactionSchema,
  SurveyResponse: surveyResponseSchema,
  Order: orderSchema,
  Subscription: subscriptionSchema,
  Feedback: feedbackSchema,
  Mention: mentionSchema,
  StageRule: stageRuleSchema,
});

/**
 * Name of a published model schema.
 *
 * @example
 * ```ts
 * import { MODEL_SCHEMAS, type ModelSchemaName } from '@cx/model';
 * const names = Object.keys(MODEL_SCHEMAS) as ModelSchemaName[];
 * console.log(names.includes('Interaction')); // true
 * ```
 * @category JSON Schema
 * @since 0.1.0
 */
export type ModelSchemaName = keyof typeof MODEL_SCHEMAS;

/**
 * A JSON Schema document (draft 2020-12).
 *
 * @example
 * ```ts
 * import { modelJsonSchema, type JsonSchemaDocument } from '@cx/model';
 * const schema: JsonSchemaDocument = modelJsonSchema('Order');
 * console.log(schema.title); // 'Order'
 * ```
 * @category JSON Schema
 * @since 0.1.0
 */
export type JsonSchemaDocument = Record<string, unknown>;

/**
 * The JSON Schema (draft 2020-12) of a model document, describing its accepted input form.
 *
 * Fields with defaults are optional, as on input. A few cross-field rules cannot be said in JSON Schema
 * (a survey score lying on its own scale, `endedAt` not before `startedAt`, journey references);
 * the library checks them and the schema's description names them.
 *
 * @param name - A {@link ModelSchemaName}.
 * @returns A standalone JSON Schema with `$id` `https://cx-platform.dev/schemas/<name>.json`.
 * @example
 * ```ts
 * import { modelJsonSchema } from '@cx/model';
 * const schema = modelJsonSchema('Interaction');
 * console.log(schema.$schema); // 'https://json-schema.org/draft/2020-12/schema'
 * ```
 * @category JSON Schema
 * @since 0.1.0
 */
export function modelJsonSchema(name: ModelSchemaName): JsonSchemaDocument {
  const schema = z.toJSONSchema(MODEL_SCHEMAS[name], {
    io: 'input',
    unrepresentable: 'throw',
    target: 'draft-2020-12',
  });
  return { ...schema, $id: `https://cx-platform.dev/schemas/${name}.json`, title: name };
}
