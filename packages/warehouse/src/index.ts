// Public API of @cx/warehouse: explicit named re-exports only.

// #region engines
export type { ChDbSettings } from './engine/chdb.js';
export { chdbEngine } from './engine/chdb.js';
export type { ClickHouseSettings } from './engine/clickhouse.js';
export { clickhouseEngine } from './engine/clickhouse.js';
export type { DuckDbSettings } from './engine/duckdb.js';
export { duckdbEngine } from './engine/duckdb.js';
export type { Engine, ResultRow, ResultValue } from './engine/engine.js';
export type { PostgresSettings } from './engine/postgres.js';
export { postgresEngine } from './engine/postgres.js';

// #endregion engines

export { WarehouseQuery } from './query.js';
// #region sql
export type { SqlCalendar } from './sql/calendar.js';
export type { CompiledSql, Dialect } from './sql/dialect.js';
export { toSql } from './sql/dialect.js';
export type { SqlInterpolation, SqlParam, SqlParamType, SqlPart, SqlValue } from './sql/fragment.js';
export { ident, SqlFragment, sql } from './sql/fragment.js';
// #endregion sql

// #region mapping
export type { FieldSource, InstantSource, TableName } from './mapping/column.js';
export type { FeedbackField, FeedbackTable } from './mapping/feedback.js';
export { feedbackTable } from './mapping/feedback.js';
export type { Ga4ViewOptions } from './mapping/ga4.js';
export { createGa4View, GA4_INTERACTIONS } from './mapping/ga4.js';
export type { InteractionField, InteractionTable } from './mapping/interactions.js';
export { interactionTable } from './mapping/interactions.js';
export type { SurveyResponseField, SurveyResponseTable } from './mapping/survey-responses.js';
export { surveyResponseTable } from './mapping/survey-responses.js';
// #endregion mapping

// #region survey
export type { SurveyBreakdownOptions } from './survey/breakdown-query.js';
export { surveyBreakdownQuery } from './survey/breakdown-query.js';
export { surveyMetricQuery } from './survey/metric-query.js';
export { surveyTrendQuery } from './survey/trend-query.js';
// #endregion survey

// #region retention
export { cohortRetentionQuery } from './retention/query.js';

// #endregion retention

export { loadedFeedbackTable, loadFeedback } from './load/feedback.js';
export type { FileFormat } from './load/files.js';
export { createFileView, writeParquet } from './load/files.js';
// #region loading
export {
  loadedInteractionTable,
  loadedSurveyResponseTable,
  loadInteractions,
  loadSurveyResponses,
} from './load/interactions.js';
export { loadedSubscriptionTable, loadSubscriptions } from './load/subscriptions.js';
export type { LoadColumn } from './load/table.js';
export { createTable, insertRows } from './load/table.js';

// #endregion loading

export { funnelQuery } from './journey/funnel.js';
export { topPathsQuery } from './journey/paths.js';
// #region journey
export type { MeasureMapOnOptions, MeasurementSources } from './map/measure-map-on.js';
export { measureMapOn } from './map/measure-map-on.js';
// #endregion journey

// #region churn
export { churnSeriesQuery } from './churn/query.js';
export type { SubscriptionTable } from './mapping/subscriptions.js';
export { subscriptionTable } from './mapping/subscriptions.js';
// #endregion churn

// #region lifetime
export type { TransactionTable } from './lifetime/rfm.js';
export { rfmSummaryQuery } from './lifetime/rfm.js';
export type { ActivitySources } from './orders/activity-churn.js';
export { activityChurnQuery } from './orders/activity-churn.js';
// #endregion lifetime
