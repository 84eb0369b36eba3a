/**
 * The whole of `@cx/metrics`: every export of its four areas. Each area is also a subpath of its own, for code that
 * needs one area and for readers who want to see the architecture —
 * `@cx/metrics/survey` (NPS, CSAT, CES and their statistics), `@cx/metrics/retention` (cohort retention, churn and the
 * columnar store), `@cx/metrics/lifetime` (survival, sBG, BTYD models, CLV) and `@cx/metrics/journey` (funnels,
 * paths, stage health). The root keeps re-exporting everything, so existing imports work unchanged and one import
 * gives the whole library; a name imported from the root and from its subpath is the same binding.
 *
 * @example
 * ```ts
 * import { funnel as fromRoot } from '@cx/metrics';
 * import { funnel } from '@cx/metrics/journey';
 * console.log(fromRoot === funnel); // true
 * ```
 * @module @cx/metrics
 */

// Public API: the areas' explicit export lists live in src/entries/ (one file per subpath); the root adds nothing.
export * from './entries/journey.js';
export * from './entries/lifetime.js';
export * from './entries/retention.js';
export * from './entries/survey.js';
