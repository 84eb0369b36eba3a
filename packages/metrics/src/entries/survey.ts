/**
 * Survey metrics: NPS, CSAT and CES with honest intervals, breakdowns, trends and key drivers, with the statistics
 * they share (correlation, Kish's effective n, random sources). Everything here is also exported by `@cx/metrics`.
 *
 * @example
 * ```ts
 * import { nps } from '@cx/metrics/survey';
 * console.log(nps([10, 9, 7, 3]).score); // 25
 * ```
 * @module survey
 */

// #region errors (the classes this area throws, from @cx/model: one class whichever package it is caught from)
export { CxError, CxLimitError, CxOptionsError, CxValidationError } from '@cx/model';
// #endregion errors

// #region shared (statistics utilities used by several areas)
export type {
  CorrelationOptions,
  CorrelationResult,
  CorrelationSnapshot,
  CorrelationState,
} from '../stats/correlation.js';
export { CorrelationAccumulator, pearsonCorrelation } from '../stats/correlation.js';
export { effectiveNFromSums, kishEffectiveN } from '../stats/effective-n.js';
export type { RandomSource } from '../stats/random.js';
export { createRandom, sampleBinomial } from '../stats/random.js';
// #endregion shared

// #region survey-metrics (NPS, CSAT, CES, intervals, breakdowns, trends, key drivers)
export type {
  BreakdownAccumulatorOptions,
  BreakdownGroup,
  BreakdownOptions,
  BreakdownSnapshot,
  ResolvedBreakdownOptions,
} from '../survey/breakdown.js';
export { BreakdownAccumulator, breakdown } from '../survey/breakdown.js';
export type { BreakdownKey, BreakdownKeyFunction } from '../survey/breakdown-key.js';
export type { CesOptions } from '../survey/ces.js';
export { ces } from '../survey/ces.js';
export type { CesResult, CesSnapshot } from '../survey/ces-accumulator.js';
export { CesAccumulator } from '../survey/ces-accumulator.js';
export type { CesAccumulatorOptions, ResolvedCesOptions } from '../survey/ces-options.js';
export type { MetricChange } from '../survey/change.js';
export type { CsatOptions } from '../survey/csat.js';
export { csat } from '../survey/csat.js';
export type { CsatCounts, CsatResult, CsatSnapshot } from '../survey/csat-accumulator.js';
export { CsatAccumulator } from '../survey/csat-accumulator.js';
export type { CsatAccumulatorOptions, CsatPositive, ResolvedCsatOptions } from '../survey/csat-options.js';
export type { ScoreInput } from '../survey/input.js';
export type { KeyDriverRows, KeyDriverRowsOptions } from '../survey/key-driver-rows.js';
export { keyDriverRows } from '../survey/key-driver-rows.js';
export type { KeyDriver, KeyDriverOptions, KeyDriverRow, KeyDriverSnapshot } from '../survey/key-drivers.js';
export { KeyDriverAccumulator, keyDrivers } from '../survey/key-drivers.js';
export type { MeanEstimate } from '../survey/mean.js';
export type {
  SurveyMetric,
  SurveyMetricAccumulator,
  SurveyMetricName,
  SurveyMetricResult,
  SurveyMetricSnapshot,
} from '../survey/metric.js';
export { cesMetric, csatMetric, npsMetric } from '../survey/metric.js';
export type { SurveyMetricSpec } from '../survey/metric-spec.js';
export type { NpsOptions } from '../survey/nps.js';
export { nps } from '../survey/nps.js';
export type { NpsCounts, NpsResult, NpsSnapshot } from '../survey/nps-accumulator.js';
export { NpsAccumulator } from '../survey/nps-accumulator.js';
export type { NpsBenchmarkOptions, NpsBenchmarkTest } from '../survey/nps-benchmark.js';
export { npsBenchmarkTest } from '../survey/nps-benchmark.js';
export type { Alternative, CompareNpsOptions, NpsComparison } from '../survey/nps-compare.js';
export { compareNps } from '../survey/nps-compare.js';
export type {
  BootstrapOptions,
  NpsAccumulatorOptions,
  NpsIntervalMethod,
  ResolvedNpsOptions,
} from '../survey/nps-options.js';
export type {
  NpsDifferencePlanOptions,
  NpsExpectedShares,
  NpsMarginPlanOptions,
} from '../survey/nps-sample-size.js';
export { npsSampleSizeForDifference, npsSampleSizeForMargin } from '../survey/nps-sample-size.js';
export type { TallyState } from '../survey/tally.js';
export type {
  ResolvedTrendOptions,
  TrendBucket,
  TrendOptions,
  TrendSnapshot,
} from '../survey/trend.js';
export { TrendAccumulator, trend } from '../survey/trend.js';
// #endregion survey-metrics
