// Public API of @cx/map: explicit named re-exports only.

// #region document
export type {
  BlueprintAction,
  EmotionCurve,
  JourneyMap,
  JourneyMapInput,
  Kpi,
  Lane,
  LaneKind,
  MapJourney,
  MapOpportunity,
  MapPainPoint,
  MapPersona,
  MapStage,
  MapStep,
  Measurement,
  MeasurementInput,
  Scenario,
  Thought,
} from './format/document.js';
export { DEFAULT_LANES, MAP_FORMAT_VERSION, mapDocumentSchema } from './format/document.js';
export type { MapJsonValue } from './format/json-value.js';
export type {
  MetricDefinition,
  MetricDefinitionInput,
  MetricScope,
} from './format/metric-definition.js';
export { metricDefinitionSchema } from './format/metric-definition.js';
export {
  blueprintActionSchema,
  emotionCurveSchema,
  kpiSchema,
  LANE_KINDS,
  laneSchema,
  METRIC_KINDS,
  measurementSchema,
  thoughtSchema,
} from './format/parts.js';
export type { Labels as MapLabels } from './format/primitives.js';
export type { ReadonlyDeep } from './format/readonly-deep.js';
export type { JourneyMapV1 } from './format/v1.js';
export { mapV1Schema } from './format/v1.js';
export { MAP_SCHEMA_ID, mapJsonSchema } from './json-schema.js';

// #endregion document

export { CxError, CxLimitError, CxOptionsError, CxValidationError } from '@cx/model';
// #region parsing, validation, migration
export type { LocatedIssue } from './issues.js';
export type { MapMigration, MigrationResult } from './migrate/index.js';
export { MAP_MIGRATIONS, migrateMapDocument } from './migrate/index.js';
export type { JourneyMapV0 } from './migrate/v0.js';
export { mapV0Schema } from './migrate/v0.js';
export type { ParseMapOptions } from './parse.js';
export { parseMap, parseMapJson, parseMapYaml } from './parse.js';
export type { MapReadLimits } from './read/limits.js';
export type { TextPosition } from './read/position.js';
export { mapRuleIssues } from './rules.js';

// #endregion parsing, validation, migration

export { formatChangelog } from './changelog.js';
// #region serialization, comparison, review
export type { DiffCollection, MapChange } from './diff.js';
export { DIFF_COLLECTIONS, diffMaps } from './diff.js';
export type { ReviewFinding, ReviewFindingKind, ReviewMapOptions } from './review.js';
export { reviewMap } from './review.js';
export { scenarioView } from './scenario.js';
export { canonicalMap, serializeMap, serializeMapYaml } from './serialize.js';
// #endregion serialization, comparison, review

// #region conversion (lossy forms)
export type { ToCsvOptions } from './csv/export.js';
export { toCsv } from './csv/export.js';
export type { FromCsvOptions } from './csv/import.js';
export { fromCsv } from './csv/import.js';
export type { Conversion, MapLoss, MapLossCode } from './losses.js';
export { toMarkdownTable } from './markdown.js';
export type { ToMermaidOptions } from './mermaid/export.js';
export { toMermaid } from './mermaid/export.js';
export type { FromMermaidOptions } from './mermaid/import.js';
export { fromMermaid } from './mermaid/import.js';
// #endregion conversion

// #region rendering
export { PERSONA_COLOURS } from './render/emotions.js';
export type { RenderHtmlOptions } from './render/html.js';
export { renderHtml } from './render/html.js';
export type { RenderSvgOptions } from './render/options.js';
export { renderSvg } from './render/svg.js';
// #endregion rendering

// #region measurements
export type { AttachMeasurementsOptions } from './measure/attach.js';
export { attachMeasurements } from './measure/attach.js';
export type { KpiStatistic } from './measure/kpi-value.js';
export type { MeasurementData } from './measure/measure-map.js';
export { measureMap } from './measure/measure-map.js';
export type { MeasureMapOptions } from './measure/options.js';
export type { MeasurementPlan, PlannedWindow } from './measure/plan.js';
export { assembleMeasurements, measurementReach, planMeasurements } from './measure/plan.js';
// #endregion measurements
