/**
 * Lifetimes: Kaplan–Meier survival and the log-rank test, the sBG model of contract renewals, the RFM summary,
 * BG/NBD, Pareto/NBD, Gamma-Gamma and discounted customer lifetime value. Everything here is also exported by
 * `@cx/metrics`.
 *
 * @example
 * ```ts
 * import { fitSbg, sbgProject } from '@cx/metrics/lifetime';
 * const model = fitSbg([1000, 869, 743, 653, 593, 551, 517, 491]);
 * console.log(sbgProject(model, 8).at(-1)?.survivors.toFixed(0)); // '460'
 * ```
 * @module lifetime
 */

// #region errors (the classes this area throws, from @cx/model: one class whichever package it is caught from)
export { CxError, CxFitError, CxLimitError, CxOptionsError, CxValidationError } from '@cx/model';
// #endregion errors

// #region lifetime (survival, sBG, RFM, BG/NBD, Pareto/NBD, Gamma-Gamma, CLV)
export type {
  BgNbdModel,
  FitBgNbdOptions,
} from '../lifetime/btyd/bg-nbd.js';
export {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
  fitBgNbd,
} from '../lifetime/btyd/bg-nbd.js';
export type {
  CustomerLifetimeValue,
  CustomerLifetimeValueOptions,
  CustomerLifetimeValuePeriod,
} from '../lifetime/btyd/clv.js';
export { customerLifetimeValue } from '../lifetime/btyd/clv.js';
export type { RepeatPurchaseHistory } from '../lifetime/btyd/customers.js';
export type { FitGammaGammaOptions, GammaGammaModel, SpendHistory } from '../lifetime/btyd/gamma-gamma.js';
export { fitGammaGamma, gammaGammaExpectedSpend } from '../lifetime/btyd/gamma-gamma.js';
export type { FitParetoNbdOptions, ParetoNbdModel } from '../lifetime/btyd/pareto-nbd.js';
export {
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
} from '../lifetime/btyd/pareto-nbd.js';
export type { RfmCustomer, RfmSummary, RfmSummaryOptions, Transaction } from '../lifetime/btyd/rfm.js';
export { rfmSummary } from '../lifetime/btyd/rfm.js';
export type { FitSbgOptions, SbgModel, SbgProjectionRow } from '../lifetime/contractual/sbg.js';
export {
  fitSbg,
  sbgDiscountedResidualLifetime,
  sbgProject,
  sbgRetentionRate,
  sbgSurvival,
} from '../lifetime/contractual/sbg.js';
export type { RetentionWhatIf, RetentionWhatIfOptions } from '../lifetime/contractual/what-if.js';
export { retentionWhatIf } from '../lifetime/contractual/what-if.js';
export type {
  KaplanMeierOptions,
  KaplanMeierResult,
  KaplanMeierStep,
  MedianSurvival,
  SurvivalIntervalMethod,
} from '../lifetime/survival/kaplan-meier.js';
export { kaplanMeier, survivalAt } from '../lifetime/survival/kaplan-meier.js';
export type { LogRankGroup, LogRankResult } from '../lifetime/survival/log-rank.js';
export { logRankTest } from '../lifetime/survival/log-rank.js';
export type { GroupedSurvivalObservation, SurvivalObservation } from '../lifetime/survival/observations.js';
export type { TimeUnit } from '../lifetime/time-unit.js';
export { convertDuration, TIME_UNIT_DAYS } from '../lifetime/time-unit.js';
// #endregion lifetime

// Orders as the transactions rfmSummary reads (part of the orders region of the retention entry).
export type { PurchaseOptions } from '../orders/purchases.js';
export { ordersToTransactions } from '../orders/to-transactions.js';
