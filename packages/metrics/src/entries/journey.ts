/**
 * Journey analytics: funnels (with their accumulator and the columnar fast path), paths and transitions, stage
 * health, time between stages, desired actions, abandonment and the omnichannel view. Everything here is also
 * exported by `@cx/metrics`.
 *
 * @example
 * ```ts
 * import { funnel } from '@cx/metrics/journey';
 * const e = (id: string, name: string, t: string) => ({ id, customerId: 'c1', timestamp: t, name, channel: 'web' as const, properties: {} });
 * const r = funnel([e('1', 'view', '2026-01-01T10:00:00Z'), e('2', 'buy', '2026-01-01T10:05:00Z')], {
 *   steps: [{ name: 'view' }, { name: 'buy' }],
 *   window: { hours: 1 },
 * });
 * console.log(r.conversionRate); // 1
 * ```
 * @module journey
 */

// #region errors (the classes this area throws, from @cx/model: one class whichever package it is caught from)
export { CxError, CxOptionsError, CxValidationError } from '@cx/model';
// #endregion errors

// The columnar store is shared with the retention area: the fast paths funnelColumns and topPathsColumns read it.
export { buildInteractionColumns, buildInteractionColumnsAsync } from '../columnar/build.js';
export type { BuildInteractionColumnsOptions, InteractionColumns } from '../columnar/interaction-columns.js';
// #region journey (funnels, paths, stage health, omnichannel)
export type { AbandonmentOptions, AbandonmentResult } from '../journey/abandonment.js';
export { abandonment } from '../journey/abandonment.js';
export type {
  DesiredActionGroup,
  DesiredActionResult,
  DesiredActionsOptions,
  DesiredActionsReport,
} from '../journey/desired-actions.js';
export { desiredActions } from '../journey/desired-actions.js';
export type { DurationStats } from '../journey/duration-stats.js';
export { funnel, funnelAsync } from '../journey/funnel.js';
export { FunnelAccumulator } from '../journey/funnel-accumulator.js';
export { funnelColumns } from '../journey/funnel-columns.js';
export type {
  FunnelAttribution,
  FunnelBreakdown,
  FunnelExclusion,
  FunnelOptions,
  FunnelStep,
} from '../journey/funnel-options.js';
export { MAX_FUNNEL_STEPS } from '../journey/funnel-options.js';
export type { FunnelBreakdownResult, FunnelResult, FunnelStepResult } from '../journey/funnel-result.js';
export type { FunnelSnapshot, FunnelSnapshotState, FunnelTallyState } from '../journey/funnel-snapshot.js';
export type { JourneyCsvOptions, JourneyCsvResult } from '../journey/journey-csv.js';
export { journeyCsv } from '../journey/journey-csv.js';
export type {
  ChannelShare,
  ChannelSwitch,
  OmnichannelOptions,
  OmnichannelResult,
  StageChannelMix,
} from '../journey/omnichannel.js';
export { omnichannel } from '../journey/omnichannel.js';
export type {
  PathCount,
  PathNodeField,
  PathsAroundOptions,
  TopPathsOptions,
  TopPathsResult,
} from '../journey/paths.js';
export { pathsAround, topPaths } from '../journey/paths.js';
export type { TopPathsColumnsOptions } from '../journey/paths-columns.js';
export { topPathsColumns } from '../journey/paths-columns.js';
export type { InteractionPredicate, PropertyCondition } from '../journey/predicate.js';
export type { InteractionSource, TimedInteraction } from '../journey/source.js';
export { JourneyEvents } from '../journey/source.js';
export type {
  PainSignal,
  StageHealth,
  StageHealthOptions,
  StageSatisfaction,
} from '../journey/stage-health.js';
export { stageHealth } from '../journey/stage-health.js';
export type { StageProgress } from '../journey/stage-progress.js';
export { stageProgress } from '../journey/stage-progress.js';
export type { StageGap, TimeBetweenStagesOptions } from '../journey/stage-timing.js';
export { timeBetweenStages } from '../journey/stage-timing.js';
export type {
  PathTransitionsOptions,
  PathTransitionsResult,
  SankeyNode,
  WeightedEdge,
} from '../journey/transitions.js';
export { pathTransitions } from '../journey/transitions.js';
// #endregion journey
