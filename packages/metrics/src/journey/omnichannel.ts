import { type Channel, type Interaction, isDigitalChannel, type Journey, parseOptions } from '@cx/model';
import { z } from 'zod';
import { checkJourney } from './journey-input.js';
import { JourneyEvents } from './source.js';
import { stageResolver } from './stage-of.js';

/**
 * Options of {@link omnichannel}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface OmnichannelOptions {
  /** A journey: stage order for the mix, and touchpoint stages for interactions without `stageId`. */
  readonly journey?: Journey | undefined;
}

// The journey is data: checked by the model's schema (checkJourney) once the options are known to be well formed.
const omnichannelSchema = z.strictObject({ journey: z.unknown().optional() });

/**
 * Use of one channel at one stage.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface ChannelShare {
  /** The channel. */
  readonly channel: string;
  /** Interactions on it at the stage. */
  readonly interactions: number;
  /** Actors who used it at the stage. */
  readonly actors: number;
  /** `interactions / all interactions at the stage`. */
  readonly share: number;
}

/**
 * Channel mix of one stage.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface StageChannelMix {
  /** Stage id. */
  readonly stageId: string;
  /** Interactions at the stage. */
  readonly interactions: number;
  /** Actors at the stage. */
  readonly actors: number;
  /** Channels, most interactions first. */
  readonly channels: readonly ChannelShare[];
}

/**
 * A kind of stage-to-stage move with the channels on each side.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface ChannelSwitch {
  /** Stage left. */
  readonly fromStage: string;
  /** Stage entered. */
  readonly toStage: string;
  /** Channel of the last interaction in `fromStage`. */
  readonly fromChannel: string;
  /** Channel of the first interaction in `toStage`. */
  readonly toChannel: string;
  /** How many such moves. */
  readonly count: number;
}

/**
 * Result of {@link omnichannel}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface OmnichannelResult {
  /** Channel mix per stage (journey order when a journey is given, else by stage id). */
  readonly mix: readonly StageChannelMix[];
  /** Stage-to-stage moves by channel pair, most frequent first. */
  readonly moves: readonly ChannelSwitch[];
  /** All stage-to-stage moves. */
  readonly totalMoves: number;
  /** Moves whose channel changed. */
  readonly switches: number;
  /** `switches / totalMoves`; `null` when there were no moves. */
  readonly switchRate: number | null;
  /** Moves from a digital channel to a non-digital one (e.g. researched online, bought in store). */
  readonly digitalToPhysical: number;
  /** Moves from a non-digital channel to a digital one. */
  readonly physicalToDigital: number;
}

/**
 * Omnichannel view: channel mix per stage, and channel switches between stages (e.g. researched on the web,
 * then bought in a physical store). A move is a change of stage between consecutive staged interactions of an
 * actor; its channels are those of the last interaction before and the first after.
 *
 * @param interactions - Interactions in any order, or a {@link JourneyEvents} buffer.
 * @param options - Optional journey.
 * @returns Mix, moves and switch counts.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option or `null` options.
 * @throws {@link @cx/model!CxValidationError} for a journey that is not one, or interactions without actor or
 * valid timestamp.
 * @example
 * ```ts
 * import { omnichannel } from '@cx/metrics';
 * const e = (id: string, stageId: string, channel: 'web' | 'physical-store', t: string) => ({ id, customerId: 'a', timestamp: t, name: 'x', channel, stageId, properties: {} });
 * const r = omnichannel([e('1', 'consideration', 'web', '2026-01-01T10:00:00Z'), e('2', 'purchase', 'physical-store', '2026-01-02T10:00:00Z')]);
 * console.log(r.digitalToPhysical, r.switchRate); // 1 1
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function omnichannel(
  interactions: Iterable<Interaction> | JourneyEvents,
  options: OmnichannelOptions = {},
): OmnichannelResult {
  const o = parseOptions(omnichannelSchema, options, 'omnichannel');
  const journey = o.journey === undefined ? undefined : checkJourney(o.journey, ['journey']);
  const stageOf = stageResolver(journey);
  const mix = new Map<
    string,
    { interactions: number; actors: number; channels: Map<string, { i: number; a: number }> }
  >();
  const moves = new Map<string, ChannelSwitch>();
  let total = 0;
  let switches = 0;
  let d2p = 0;
  let p2d = 0;
  for (const [, list] of JourneyEvents.from(interactions).actors()) {
    const seenStage = new Set<string>();
    const seenPair = new Set<string>();
    let prev: Interaction | undefined;
    let prevStage: string | undefined;
    for (const i of list) {
      const stage = stageOf(i);
      if (stage === undefined) continue;
      let m = mix.get(stage);
      if (m === undefined) mix.set(stage, (m = { interactions: 0, actors: 0, channels: new Map() }));
      m.interactions++;
      if (!seenStage.has(stage)) m.actors++;
      seenStage.add(stage);
      const c = m.channels.get(i.channel) ?? { i: 0, a: 0 };
      c.i++;
      if (!seenPair.has(`${stage}\u0000${i.channel}`)) c.a++;
      seenPair.add(`${stage}\u0000${i.channel}`);
      m.channels.set(i.channel, c);
      if (prev !== undefined && prevStage !== undefined && prevStage !== stage) {
        total++;
        const key = JSON.stringify([prevStage, stage, prev.channel, i.channel]);
        const move = moves.get(key);
        moves.set(key, {
          fromStage: prevStage,
          toStage: stage,
          fromChannel: prev.channel,
          toChannel: i.channel,
          count: (move?.count ?? 0) + 1,
        });
        if (prev.channel !== i.channel) {
          switches++;
          const a = isDigitalChannel(prev.channel as Channel);
          const b = isDigitalChannel(i.channel as Channel);
          if (a && !b) d2p++;
          if (!a && b) p2d++;
        }
      }
      prev = i;
      prevStage = stage;
    }
  }
  const order = new Map((journey?.stages ?? []).map((s, k) => [s.id, k]));
  const stageIds = [...mix.keys()].sort(
    (a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return {
    mix: stageIds.map((stageId) => {
      const m = mix.get(stageId) as {
        interactions: number;
        actors: number;
        channels: Map<string, { i: number; a: number }>;
      };
      return {
        stageId,
        interactions: m.interactions,
        actors: m.actors,
        channels: [...m.channels]
          .map(([channel, c]) => ({ channel, interactions: c.i, actors: c.a, share: c.i / m.interactions }))
          .sort((x, y) => y.interactions - x.interactions || (x.channel < y.channel ? -1 : 1)),
      };
    }),
    moves: [...moves.values()].sort(
      (a, b) =>
        b.count - a.count ||
        [a.fromStage, a.toStage, a.fromChannel, a.toChannel]
          .join()
          .localeCompare([b.fromStage, b.toStage, b.fromChannel, b.toChannel].join()),
    ),
    totalMoves: total,
    switches,
    switchRate: total === 0 ? null : switches / total,
    digitalToPhysical: d2p,
    physicalToDigital: p2d,
  };
}
