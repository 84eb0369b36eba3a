export type { Channel, CustomChannel, KnownChannel } from './channel.js';
export { channelSchema, isDigitalChannel, isKnownChannel, KNOWN_CHANNELS } from './channel.js';
export type { Consent } from './consent.js';
export { consentFlagSchema, consentSchema } from './consent.js';
export type { Account, Customer, CustomerInput, CustomerType } from './customer.js';
export { accountSchema, businessCustomerSchema, consumerCustomerSchema, customerSchema } from './customer.js';
export type { CustomerJourney, GroupJourneysOptions, Session } from './customer-journeys.js';
export { groupJourneys } from './customer-journeys.js';
export type { Emotion } from './emotion.js';
export { emotionSchema } from './emotion.js';
export type { CxErrorOptions, ValidationIssue } from './errors.js';
export { CxError, CxValidationError, formatIssuePath } from './errors.js';
export type { Feedback, Mention } from './feedback.js';
export {
  authorSchema,
  engagementSchema,
  feedbackSchema,
  feedbackSourceSchema,
  mentionSchema,
} from './feedback.js';
export type { Interaction, InteractionInput } from './interaction.js';
export { actorIdOf, interactionSchema } from './interaction.js';
export type {
  CompletedAction,
  DesiredAction,
  ImprovementAction,
  Journey,
  JourneyInput,
  JourneyStep,
  MomentOfTruth,
  Opportunity,
  PainPoint,
} from './journey.js';
export {
  completedActionSchema,
  desiredActionSchema,
  improvementActionSchema,
  journeySchema,
  journeyStepSchema,
  momentOfTruthSchema,
  opportunitySchema,
  painPointSchema,
  severitySchema,
} from './journey.js';
export { journeyReferenceIssues, parseJourney } from './journey-references.js';
export type { Id, JsonValue, Properties } from './json.js';
export {
  currencySchema,
  idSchema,
  jsonValueSchema,
  languageTagSchema,
  propertiesSchema,
  slugSchema,
} from './json.js';
export type { JsonSchemaDocument, ModelSchemaName } from './json-schema.js';
export { MODEL_SCHEMAS, modelJsonSchema } from './json-schema.js';
export type { Order, OrderInput } from './order.js';
export { orderItemSchema, orderSchema } from './order.js';
export type { EmpathyMap, Evidence, Persona, PersonaInput } from './persona.js';
export { empathyMapSchema, evidenceSchema, personaSchema } from './persona.js';
export type { DefaultStageId, Labels, Stage } from './stage.js';
export { DEFAULT_STAGE_IDS, DEFAULT_STAGES, defaultStageIndex, labelsSchema, stageSchema } from './stage.js';
export type { AssignStagesOptions, StageRule } from './stage-rules.js';
export { assignStages, stageRuleSchema } from './stage-rules.js';
export type { Subscription, SubscriptionInput } from './subscription.js';
export { amountChangeSchema, subscriptionSchema } from './subscription.js';
export type { Scale, SurveyResponse, SurveyResponseInput } from './survey.js';
export { STANDARD_SCALES, scaleSchema, surveyMetricSchema, surveyResponseSchema } from './survey.js';
export type { CalendarDate, Instant } from './time.js';
export { calendarDateSchema, instantSchema, instantToEpochMs, toInstant } from './time.js';
export type { Touchpoint } from './touchpoint.js';
export { mediaTypeSchema, touchpointSchema, visibilitySchema } from './touchpoint.js';
export type { ValidateOptions, ValidationResult } from './validate.js';
export { issuesFromZod, safeValidate, validate } from './validate.js';
