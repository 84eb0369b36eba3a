// Public API of @cx/metrics: explicit named re-exports only.
// Each section is owned by one area; keep edits inside your section.

// #region shared (statistics utilities used by several areas)
export { effectiveNFromSums, kishEffectiveN } from './stats/effective-n.js';
export type { ConfidenceInterval, IntervalMethod } from './stats/interval.js';
export { normalCdf, normalQuantile, zForConfidence } from './stats/normal.js';
export type { ProportionIntervalOptions } from './stats/proportion.js';
export { clopperPearsonInterval, wilsonInterval } from './stats/proportion.js';
export type { RandomSource } from './stats/random.js';
export { createRandom, sampleBinomial } from './stats/random.js';
export { betaQuantile, logBeta, logGamma, regularizedBeta } from './stats/special.js';
export { studentTCdf, studentTQuantile } from './stats/student-t.js';
// #endregion shared

// #region survey-metrics (NPS, CSAT, CES, intervals, breakdowns, trends, key drivers)
export type { BootstrapOptions } from './survey/bootstrap.js';
export type { ScoreInput } from './survey/input.js';
export type { MeanEstimate } from './survey/mean.js';
export type { NpsOptions } from './survey/nps.js';
export { nps } from './survey/nps.js';
export type {
  NpsClassificationOptions,
  NpsCounts,
  NpsIntervalMethod,
  NpsIntervalOptions,
  NpsResult,
} from './survey/nps-accumulator.js';
export { NpsAccumulator } from './survey/nps-accumulator.js';
export type {
  CompareNpsOptions,
  NpsBenchmarkOptions,
  NpsBenchmarkTest,
  NpsComparison,
} from './survey/nps-compare.js';
export { compareNps, npsBenchmarkTest } from './survey/nps-compare.js';
export type {
  NpsDifferencePlanOptions,
  NpsExpectedShares,
  NpsMarginPlanOptions,
} from './survey/nps-sample-size.js';
export { npsSampleSizeForDifference, npsSampleSizeForMargin } from './survey/nps-sample-size.js';
// #endregion survey-metrics

// #region retention (columnar store, churn, revenue retention, cohort retention)
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
// #endregion retention

// #region lifetime (survival, sBG, RFM, BG/NBD, Pareto/NBD, Gamma-Gamma, CLV)
// #endregion lifetime

// #region journey (funnels, paths, stage health, omnichannel)
// #endregion journey
