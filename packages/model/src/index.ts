export type { Accumulator, AccumulatorSnapshot } from './accumulator.js';
export { assertSameOptions } from './accumulator.js';
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
export type { CxErrorOptions } from './errors/cx-error.js';
export { CxError } from './errors/cx-error.js';
export type { FitErrorCode } from './errors/fit-error.js';
export { CxFitError } from './errors/fit-error.js';
export type { IssuePath } from './errors/issue-path.js';
export { formatIssuePath } from './errors/issue-path.js';
export type { LimitCode, LimitLocation } from './errors/limit-error.js';
export { CxLimitError } from './errors/limit-error.js';
export type { OptionIssue, OptionIssueCode } from './errors/options-error.js';
export { CxOptionsError } from './errors/options-error.js';
export type { ValidationIssue, ValidationIssueCode } from './errors/validation-error.js';
export { CxValidationError } from './errors/validation-error.js';
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
  ID_PATTERN,
  idSchema,
  jsonValueSchema,
  languageTagSchema,
  MAX_JSON_DEPTH,
  propertiesSchema,
  SLUG_PATTERN,
  slugSchema,
} from './json.js';
export type { JsonSchemaDocument, ModelSchemaName } from './json-schema.js';
export { MODEL_SCHEMAS, modelJsonSchema } from './json-schema.js';
export type { ParseOptionsConfig } from './options/parse-options.js';
export { parseOptions } from './options/parse-options.js';
export type { Duration } from './options/schemas.js';
export {
  alternativeOption,
  durationSchema,
  durationToMs,
  intervalOption,
  levelOption,
  maxPeriodsOption,
  timeZoneOption,
  weekStartsOnOption,
} from './options/schemas.js';
export type { Order, OrderInput } from './order.js';
export { orderItemSchema, orderSchema } from './order.js';
export type { CompilePatternOptions, SafePattern } from './pattern/compile-pattern.js';
export { compilePattern } from './pattern/compile-pattern.js';
export { PATTERN_LIMITS } from './pattern/limits.js';
export { patternSchema } from './pattern/pattern-schema.js';
export type { EmpathyMap, Evidence, Persona, PersonaInput } from './persona.js';
export { empathyMapSchema, evidenceSchema, personaSchema } from './persona.js';
export type { DefaultStageId, Labels, Stage } from './stage.js';
export { DEFAULT_STAGE_IDS, DEFAULT_STAGES, defaultStageIndex, labelsSchema, stageSchema } from './stage.js';
export type { AssignStagesOptions, StageRule } from './stage-rules.js';
export { assignStages, stageRuleSchema } from './stage-rules.js';
export { boundedString, codePointLength, HTTP_URL_PATTERN, httpUrlString } from './strings.js';
export type { Subscription, SubscriptionInput } from './subscription.js';
export { amountChangeSchema, subscriptionSchema } from './subscription.js';
export type { Scale, SurveyResponse, SurveyResponseInput } from './survey.js';
export { STANDARD_SCALES, scaleSchema, surveyMetricSchema, surveyResponseSchema } from './survey.js';
export type { CalendarInterval, CalendarOptions, CalendarPeriod, WeekStartsOn } from './time/calendar.js';
export { Calendar, createCalendar } from './time/calendar.js';
export {
  DEFAULT_MAX_PERIODS,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
  MS_PER_WEEK,
} from './time/constants.js';
export type { InstantForm, InstantReader, ParseInstantOptions } from './time/instant.js';
export {
  createInstantReader,
  epochMsToInstant,
  instantIssue,
  instantToEpochMs,
  instantToEpochMsOrNaN,
  parseInstant,
} from './time/instant.js';
export type { CalendarDate, Instant } from './time/schemas.js';
export { calendarDateSchema, instantSchema, toInstant } from './time/schemas.js';
export type { Disambiguation } from './time/zone.js';
export { isTimeZone } from './time/zone.js';
export type { Touchpoint } from './touchpoint.js';
export { mediaTypeSchema, touchpointSchema, visibilitySchema } from './touchpoint.js';
export type { ValidateOptions, ValidationResult } from './validate.js';
export { issuesFromZod, safeValidate, validate } from './validate.js';
