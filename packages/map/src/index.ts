// Public API of @cx/map: explicit named re-exports only.

export { formatChangelog } from './changelog.js';
export type { FromCsvOptions, FromCsvResult } from './csv.js';
export { fromCsv, toCsv } from './csv.js';
export type { DiffCollection, MapChange } from './diff.js';
export { DIFF_COLLECTIONS, diffMaps } from './diff.js';
export type {
  EmotionCurve,
  JourneyMap,
  JourneyMapInput,
  Kpi,
  Lane,
  LaneKind,
  Measurement,
  MeasurementInput,
  MetricKind,
  Thought,
} from './document.js';
export {
  DEFAULT_LANES,
  emotionCurveSchema,
  kpiSchema,
  LANE_KINDS,
  laneSchema,
  MAP_FORMAT_VERSION,
  METRIC_KINDS,
  mapDocumentSchema,
  measurementSchema,
  thoughtSchema,
} from './document.js';
export type { RenderHtmlOptions } from './html.js';
export { renderHtml } from './html.js';
export type { LocatedIssue } from './issues.js';
export { MAP_SCHEMA_ID, mapJsonSchema } from './json-schema.js';
export type { TextPosition } from './json-text.js';
export type { ExportLoss, ExportResult } from './losses.js';
export { toMarkdownTable } from './markdown.js';
export type { AttachMeasurementsOptions } from './measurements.js';
export { attachMeasurements } from './measurements.js';
export type { ToMermaidOptions } from './mermaid-export.js';
export { toMermaid } from './mermaid-export.js';
export type { FromMermaidOptions } from './mermaid-import.js';
export { fromMermaid } from './mermaid-import.js';
export type { JourneyMapV0, MapMigration, MigrationResult } from './migrate.js';
export { MAP_MIGRATIONS, mapV0Schema, migrateMapDocument } from './migrate.js';
export { parseMap, parseMapJson, parseMapYaml } from './parse.js';
export { mapReferenceIssues } from './references.js';
export type { ReviewFinding, ReviewFindingKind, ReviewMapOptions } from './review.js';
export { reviewMap } from './review.js';
export { canonicalMap, serializeMap, serializeMapYaml } from './serialize.js';
export type { RenderSvgOptions } from './svg.js';
export { PERSONA_COLOURS, renderSvg } from './svg.js';
