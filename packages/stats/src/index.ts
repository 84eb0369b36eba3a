// Public API of @cx/stats: explicit named re-exports only.
export type { ProportionDifference, ProportionDifferenceOptions } from './difference.js';
export { proportionDifference } from './difference.js';
export type { ConfidenceInterval, IntervalMethod } from './interval.js';
export { normalCdf, normalQuantile, zForLevel } from './normal.js';
export { exponentAbove, scaleByPowerOfTwo } from './power-of-two.js';
export type { Proportion, ProportionIntervalOptions, ProportionOptions } from './proportion.js';
export { clopperPearsonInterval, proportion, wilsonInterval } from './proportion.js';
export { betaQuantile, logBeta, logGamma, regularizedBeta } from './special.js';
export { studentTCdf, studentTQuantile } from './student-t.js';
