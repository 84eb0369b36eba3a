import type { Interaction } from '@cx/model';
import { FunnelAccumulator } from './funnel-accumulator.js';
import type { FunnelOptions } from './funnel-options.js';
import { resolveFunnel } from './funnel-resolve.js';
import type { FunnelResult } from './funnel-result.js';
import { allInteractions, type InteractionSource, type JourneyEvents } from './source.js';

/**
 * Computes a funnel over interactions: per step count, conversion from the first and the previous step,
 * drop-off and time to convert.
 *
 * Semantics follow PostHog and Mixpanel (see docs/journey-analytics.md): the conversion window starts at an
 * attempt's first step and is not reset by a repeated first step; an attempt ends when it converts, times out,
 * is excluded or (order `strict`) is broken.
 *
 * @param interactions - Interactions in any order, or a {@link JourneyEvents} buffer.
 * @param options - Steps, window, order, counting, exclusions, breakdown; see {@link FunnelOptions}.
 * @returns The funnel result.
 * @throws {@link @cx/model!CxOptionsError} for invalid options: an unknown key (`windowMs` names its new name,
 * `window`), an empty step list, a window given as a bare number, an exclusion outside the steps …
 * @throws {@link @cx/model!CxValidationError} for an interaction without actor or whose timestamp is not an
 * instant, with its position.
 * @example
 * ```ts
 * import { funnel } from '@cx/metrics';
 * const e = (id: string, customerId: string, name: string, t: string) => ({ id, customerId, timestamp: t, name, channel: 'web' as const, properties: {} });
 * const result = funnel(
 *   [e('1', 'a', 'view', '2026-01-01T10:00:00Z'), e('2', 'a', 'buy', '2026-01-02T10:00:00Z'), e('3', 'b', 'view', '2026-01-01T10:00:00Z')],
 *   { steps: [{ name: 'view' }, { name: 'buy' }], window: { days: 7 } },
 * );
 * console.log(result.steps.map((s) => s.count), result.conversionRate); // [2, 1] 0.5
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function funnel(
  interactions: Iterable<Interaction> | JourneyEvents,
  options: FunnelOptions,
): FunnelResult {
  resolveFunnel(options, 'funnel');
  return new FunnelAccumulator(options).addAll(allInteractions(interactions)).result();
}

/**
 * Computes a funnel over a stream of interactions (or of chunks of them); see {@link funnel}.
 *
 * With `inputOrder: 'time-ordered'` the stream is processed keeping only per-actor state.
 *
 * @param source - An async or sync iterable of interactions or arrays of interactions.
 * @param options - See {@link FunnelOptions}.
 * @returns The funnel result.
 * @throws {@link @cx/model!CxOptionsError} for invalid options, before the stream is read.
 * @throws {@link @cx/model!CxValidationError} as {@link funnel}.
 * @example
 * ```ts
 * import { funnelAsync } from '@cx/metrics';
 * async function* stream() {
 *   yield { id: '1', customerId: 'a', timestamp: '2026-01-01T10:00:00Z', name: 'view', channel: 'web' as const, properties: {} };
 * }
 * const result = await funnelAsync(stream(), { steps: [{ name: 'view' }, { name: 'buy' }] });
 * console.log(result.entered, result.converted); // 1 0
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export async function funnelAsync(source: InteractionSource, options: FunnelOptions): Promise<FunnelResult> {
  resolveFunnel(options, 'funnelAsync');
  const acc = new FunnelAccumulator(options);
  for await (const item of source) {
    if (Array.isArray(item)) acc.addAll(item as readonly Interaction[]);
    else acc.add(item as Interaction);
  }
  return acc.result();
}
