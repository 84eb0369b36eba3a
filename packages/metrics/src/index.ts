// Public API of @cx/metrics: explicit named re-exports only.
// Each section is owned by one area; keep edits inside your section.

// #region shared (statistics utilities used by several areas)
export type {
  CorrelationOptions,
  CorrelationResult,
  CorrelationSnapshot,
  CorrelationState,
} from './stats/correlation.js';
export { CorrelationAccumulator, pearsonCorrelation } from './stats/correlation.js';
export { effectiveNFromSums, kishEffectiveN } from './stats/effective-n.js';
export type { RandomSource } from './stats/random.js';
export { createRandom, sampleBinomial } from './stats/random.js';
// #endregion shared

// #region survey-metrics (NPS, CSAT, CES, intervals, breakdowns, trends, key drivers)
export type {
  BreakdownAccumulatorOptions,
  BreakdownGroup,
  BreakdownOptions,
  BreakdownSnapshot,
  ResolvedBreakdownOptions,
} from './survey/breakdown.js';
export { BreakdownAccumulator, breakdown } from './survey/breakdown.js';
export type { BreakdownKey, BreakdownKeyFunction } from './survey/breakdown-key.js';
export type { CesOptions } from './survey/ces.js';
export { ces } from './survey/ces.js';
export type { CesResult, CesSnapshot } from './survey/ces-accumulator.js';
export { CesAccumulator } from './survey/ces-accumulator.js';
export type { CesAccumulatorOptions, ResolvedCesOptions } from './survey/ces-options.js';
export type { MetricChange } from './survey/change.js';
export type { CsatOptions } from './survey/csat.js';
export { csat } from './survey/csat.js';
export type { CsatCounts, CsatResult, CsatSnapshot } from './survey/csat-accumulator.js';
export { CsatAccumulator } from './survey/csat-accumulator.js';
export type { CsatAccumulatorOptions, CsatPositive, ResolvedCsatOptions } from './survey/csat-options.js';
export type { ScoreInput } from './survey/input.js';
export type { KeyDriverRows, KeyDriverRowsOptions } from './survey/key-driver-rows.js';
export { keyDriverRows } from './survey/key-driver-rows.js';
export type { KeyDriver, KeyDriverOptions, KeyDriverRow, KeyDriverSnapshot } from './survey/key-drivers.js';
export { KeyDriverAccumulator, keyDrivers } from './survey/key-drivers.js';
export type { MeanEstimate } from './survey/mean.js';
export type {
  SurveyMetric,
  SurveyMetricAccumulator,
  SurveyMetricName,
  SurveyMetricResult,
  SurveyMetricSnapshot,
} from './survey/metric.js';
export { cesMetric, csatMetric, npsMetric } from './survey/metric.js';
export type { SurveyMetricSpec } from './survey/metric-spec.js';
export type { NpsOptions } from './survey/nps.js';
export { nps } from './survey/nps.js';
export type { NpsCounts, NpsResult, NpsSnapshot } from './survey/nps-accumulator.js';
export { NpsAccumulator } from './survey/nps-accumulator.js';
export type { NpsBenchmarkOptions, NpsBenchmarkTest } from './survey/nps-benchmark.js';
export { npsBenchmarkTest } from './survey/nps-benchmark.js';
export type { Alternative, CompareNpsOptions, NpsComparison } from './survey/nps-compare.js';
export { compareNps } from './survey/nps-compare.js';
export type {
  BootstrapOptions,
  NpsAccumulatorOptions,
  NpsIntervalMethod,
  ResolvedNpsOptions,
} from './survey/nps-options.js';
export type {
  NpsDifferencePlanOptions,
  NpsExpectedShares,
  NpsMarginPlanOptions,
} from './survey/nps-sample-size.js';
export { npsSampleSizeForDifference, npsSampleSizeForMargin } from './survey/nps-sample-size.js';
export type { TallyState } from './survey/tally.js';
export type {
  ResolvedTrendOptions,
  TrendBucket,
  TrendOptions,
  TrendSnapshot,
} from './survey/trend.js';
export { TrendAccumulator, trend } from './survey/trend.js';
// #endregion survey-metrics

// #region retention (columnar store, churn, revenue retention, cohort retention)
export { churnSeries } from './churn/churn-series.js';
export type { SubscriptionColumns } from './churn/columns.js';
export type { ChurnSums } from './churn/from-sums.js';
export { churnPeriodFromSums } from './churn/from-sums.js';
export type { ChurnSeriesOptions, PeriodChurnOptions } from './churn/options.js';
export { periodChurn } from './churn/period-churn.js';
export { prepareSubscriptions } from './churn/prepare.js';
export type { ReadSubscriptionCsvOptions, SubscriptionCsvField } from './churn/read-csv.js';
export { readSubscriptionColumnsCsv } from './churn/read-csv.js';
export type {
  ChurnMeasures,
  ChurnPeriod,
  ChurnPeriodOf,
  CustomerChurnPeriod,
  MidPeriodPolicy,
  RevenueRetention,
} from './churn/types.js';
export { buildInteractionColumns, buildInteractionColumnsAsync } from './columnar/build.js';
export type {
  InteractionCsvField,
  InteractionCsvStream,
  ReadInteractionCsvOptions,
} from './columnar/csv-stream.js';
export { streamInteractionCsv } from './columnar/csv-stream.js';
export type {
  BuildInteractionColumnsOptions,
  InteractionBatch,
  InteractionColumns,
} from './columnar/interaction-columns.js';
export { readInteractionColumnsCsv } from './columnar/read-csv.js';
export { CohortRetentionAccumulator } from './retention/accumulator.js';
export { cohortRetention } from './retention/cohort-retention.js';
export type { CohortCounts, CohortRetentionCounts } from './retention/from-counts.js';
export { cohortRetentionFromCounts } from './retention/from-counts.js';
export type { MatcherDictionaries } from './retention/matcher.js';
export type { RetentionAverage, RetentionCohort, RetentionMatrix } from './retention/matrix.js';
export type { CohortRetentionOptions, EventMatcher } from './retention/options.js';
export type { CohortRetentionSnapshot } from './retention/snapshot.js';
export type { InteractionDictionaries } from './retention/stream-batches.js';
// #endregion retention

// #region lifetime (survival, sBG, RFM, BG/NBD, Pareto/NBD, Gamma-Gamma, CLV)
export type {
  BgNbdModel,
  FitBgNbdOptions,
} from './lifetime/btyd/bg-nbd.js';
export {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
  fitBgNbd,
} from './lifetime/btyd/bg-nbd.js';
export type {
  CustomerLifetimeValue,
  CustomerLifetimeValueOptions,
  CustomerLifetimeValuePeriod,
} from './lifetime/btyd/clv.js';
export { customerLifetimeValue } from './lifetime/btyd/clv.js';
export type { RepeatPurchaseHistory } from './lifetime/btyd/customers.js';
export type { FitGammaGammaOptions, GammaGammaModel, SpendHistory } from './lifetime/btyd/gamma-gamma.js';
export { fitGammaGamma, gammaGammaExpectedSpend } from './lifetime/btyd/gamma-gamma.js';
export type { FitParetoNbdOptions, ParetoNbdModel } from './lifetime/btyd/pareto-nbd.js';
export {
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
} from './lifetime/btyd/pareto-nbd.js';
export type { RfmCustomer, RfmSummary, RfmSummaryOptions, Transaction } from './lifetime/btyd/rfm.js';
export { rfmSummary } from './lifetime/btyd/rfm.js';
export type { FitSbgOptions, SbgModel, SbgProjectionRow } from './lifetime/contractual/sbg.js';
export {
  fitSbg,
  sbgDiscountedResidualLifetime,
  sbgProject,
  sbgRetentionRate,
  sbgSurvival,
} from './lifetime/contractual/sbg.js';
export type { RetentionWhatIf, RetentionWhatIfOptions } from './lifetime/contractual/what-if.js';
export { retentionWhatIf } from './lifetime/contractual/what-if.js';
export { CxConvergenceError } from './lifetime/errors.js';
export type {
  KaplanMeierOptions,
  KaplanMeierResult,
  KaplanMeierStep,
  MedianSurvival,
  SurvivalIntervalMethod,
} from './lifetime/survival/kaplan-meier.js';
export { kaplanMeier, survivalAt } from './lifetime/survival/kaplan-meier.js';
export type { LogRankGroup, LogRankResult } from './lifetime/survival/log-rank.js';
export { logRankTest } from './lifetime/survival/log-rank.js';
export type { GroupedSurvivalObservation, SurvivalObservation } from './lifetime/survival/observations.js';
export type { TimeUnit } from './lifetime/time-unit.js';
export { convertDuration, TIME_UNIT_DAYS } from './lifetime/time-unit.js';
// #endregion lifetime

// #region journey (funnels, paths, stage health, omnichannel)
export type { AbandonmentOptions, AbandonmentResult } from './journey/abandonment.js';
export { abandonment } from './journey/abandonment.js';
export type {
  DesiredActionGroup,
  DesiredActionResult,
  DesiredActionsOptions,
  DesiredActionsReport,
} from './journey/desired-actions.js';
export { desiredActions } from './journey/desired-actions.js';
export type { DurationStats } from './journey/duration-stats.js';
export { FunnelAccumulator, funnel, funnelAsync } from './journey/funnel.js';
export { funnelColumns } from './journey/funnel-columns.js';
export type {
  FunnelAttribution,
  FunnelBreakdown,
  FunnelExclusion,
  FunnelOptions,
  FunnelStep,
} from './journey/funnel-options.js';
export type { FunnelBreakdownResult, FunnelResult, FunnelStepResult } from './journey/funnel-result.js';
export type {
  ChannelShare,
  ChannelSwitch,
  OmnichannelOptions,
  OmnichannelResult,
  StageChannelMix,
} from './journey/omnichannel.js';
export { omnichannel } from './journey/omnichannel.js';
export type {
  PathCount,
  PathNodeField,
  PathsAroundOptions,
  TopPathsOptions,
  TopPathsResult,
} from './journey/paths.js';
export { pathsAround, topPaths } from './journey/paths.js';
export type { TopPathsColumnsOptions } from './journey/paths-columns.js';
export { topPathsColumns } from './journey/paths-columns.js';
export type { InteractionPredicate, PropertyCondition } from './journey/predicate.js';
export type { InteractionSource, TimedInteraction } from './journey/source.js';
export { JourneyEvents } from './journey/source.js';
export type {
  PainSignal,
  StageHealth,
  StageHealthOptions,
  StageSatisfaction,
} from './journey/stage-health.js';
export { stageHealth } from './journey/stage-health.js';
export type { StageGap, TimeBetweenStagesOptions } from './journey/stage-timing.js';
export { timeBetweenStages } from './journey/stage-timing.js';
export type {
  PathTransitionsOptions,
  PathTransitionsResult,
  SankeyNode,
  WeightedEdge,
} from './journey/transitions.js';
export { pathTransitions } from './journey/transitions.js';
// #endregion journey
