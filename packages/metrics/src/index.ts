// Public API of @cx/metrics: explicit named re-exports only.
// Each section is owned by one area; keep edits inside your section.

// #region shared (statistics utilities used by several areas)
export { normalCdf, normalQuantile, zForConfidence } from './stats/normal.js';
// #endregion shared

// #region survey-metrics (NPS, CSAT, CES, intervals, breakdowns, trends, key drivers)
// #endregion survey-metrics

// #region retention (columnar store, churn, revenue retention, cohort retention)
// #endregion retention

// #region lifetime (survival, sBG, RFM, BG/NBD, Pareto/NBD, Gamma-Gamma, CLV)
// #endregion lifetime

// #region journey (funnels, paths, stage health, omnichannel)
// #endregion journey
