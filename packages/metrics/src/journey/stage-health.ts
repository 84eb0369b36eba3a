import {
  type Evidence,
  type Feedback,
  type Interaction,
  type Journey,
  parseOptions,
  type SurveyResponse,
} from '@cx/model';
import { z } from 'zod';
import { type DurationStats, durationStats } from './duration-stats.js';
import { percentilesOption } from './funnel-options.js';
import { checkJourney, checkVoice } from './journey-input.js';
import { ownValue } from './own.js';
import { JourneyEvents } from './source.js';
import { stageResolver } from './stage-of.js';

/**
 * Options of {@link stageHealth}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface StageHealthOptions {
  /** Survey responses, joined to a stage by `stageId` or by their touchpoint's stage. */
  readonly surveys?: readonly SurveyResponse[] | undefined;
  /** Free-text feedback, joined the same way; a `rating` at or below `negativeRatingMax` is negative. */
  readonly feedback?: readonly Feedback[] | undefined;
  /** Interaction names that are failed attempts (besides any interaction with property `success: false`). */
  readonly failureNames?: readonly string[] | undefined;
  /** Failed attempts per actor in a stage that count as "repeated", a whole number ≥ 1; default 2. */
  readonly repeatedFailureMin?: number | undefined;
  /** Channels that are support contacts; default `phone` and `chat`. */
  readonly supportChannels?: readonly string[] | undefined;
  /** Interaction names that are support contacts (e.g. `ticket_created`). */
  readonly supportNames?: readonly string[] | undefined;
  /** Survey responses whose score, scaled to 0…1 (1 best), is below this are negative; in 0…1, default 0.5. */
  readonly negativeScoreBelow?: number | undefined;
  /** Feedback ratings at or below this are negative; default 2 (of 5 stars). */
  readonly negativeRatingMax?: number | undefined;
  /** Percentiles (0…100) of dwell time; default 25, 75, 90, 95. */
  readonly percentiles?: readonly number[] | undefined;
}

const names = z.array(z.string().min(1, { error: 'Expected a non-empty name' }), {
  error: 'Expected a list of names',
});
const stageHealthSchema = z.strictObject({
  // Records, checked as data by checkVoice (a bad response is a CxValidationError naming it).
  surveys: z.array(z.unknown(), { error: 'Expected a list of survey responses' }).default([]),
  feedback: z.array(z.unknown(), { error: 'Expected a list of feedback items' }).default([]),
  failureNames: names.default([]),
  repeatedFailureMin: z.number().int({ error: 'Expected a whole number' }).min(1).default(2),
  supportChannels: names.default(['phone', 'chat']),
  supportNames: names.default([]),
  negativeScoreBelow: z.number().min(0).max(1).default(0.5),
  negativeRatingMax: z.number().default(2),
  percentiles: percentilesOption,
});

/**
 * Satisfaction measured at a stage.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface StageSatisfaction {
  /** Responses joined to the stage. */
  readonly n: number;
  /** Weighted mean score scaled to 0…1 with 1 best (direction-aware); `null` when `n` is 0. */
  readonly normalizedMean: number | null;
  /** Weighted mean raw score per survey metric (`nps`, `csat`, `ces`, `custom`); `null` when the weights are all 0. */
  readonly byMetric: Readonly<Record<string, { readonly n: number; readonly mean: number | null }>>;
}

/**
 * A pain-point signal at a stage, with evidence ready to attach to a journey pain point.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface PainSignal {
  /** What was observed. */
  readonly kind: 'repeated-failure' | 'support-contact' | 'negative-feedback';
  /** Actors showing it (for feedback: responses and feedback items). */
  readonly count: number;
  /** `count / reached` for interaction signals; `count / (responses + feedback)` for feedback; `null` when 0. */
  readonly share: number | null;
  /** The evidence, in the model's {@link @cx/model!Evidence} form. */
  readonly evidence: Evidence;
}

/**
 * Health of one stage.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface StageHealth {
  /** Stage id. */
  readonly stageId: string;
  /** English label. */
  readonly label: string;
  /** Actors with an interaction in the stage. */
  readonly reached: number;
  /** Of those, actors with an interaction in the next stage at or after their first in this one; `null` for the last stage. */
  readonly reachedNext: number | null;
  /** `reachedNext / reached`; `null` for the last stage or when nobody reached the stage. */
  readonly conversionToNext: number | null;
  /** From the first interaction in the stage to the first in any later stage, over actors who moved on. */
  readonly dwell: DurationStats;
  /** Satisfaction joined from surveys. */
  readonly satisfaction: StageSatisfaction;
  /** Pain-point signals (only those observed). */
  readonly signals: readonly PainSignal[];
}

const scaled = (r: SurveyResponse): number => {
  const x = (r.score - r.scale.min) / (r.scale.max - r.scale.min);
  return r.scale.direction === 'lower-is-better' ? 1 - x : x;
};

/**
 * Stage health for a designed journey: per stage, who reached it, conversion to the next stage, dwell time,
 * satisfaction joined from survey responses, and pain-point signals (repeated failed attempts, support
 * contacts, negative feedback) as evidence.
 *
 * @param interactions - Interactions in any order, or a {@link JourneyEvents} buffer.
 * @param journey - The designed journey (parsed form); its stage order and touchpoint stages are used.
 * @param options - Surveys, feedback, what counts as failure, support and negative.
 * @returns One entry per journey stage, in journey order.
 * @throws {@link @cx/model!CxOptionsError} for invalid options (an unknown key, `repeatedFailureMin: 0` …).
 * @throws {@link @cx/model!CxValidationError} for a journey, survey response or feedback item that is not one, or
 * an interaction without actor or valid timestamp, naming it.
 * @example
 * ```ts
 * import { stageHealth } from '@cx/metrics';
 * import { journeySchema } from '@cx/model';
 * const journey = journeySchema.parse({ id: 'j', name: 'J', version: 1, stages: [{ id: 'search', labels: { en: 'Search' } }, { id: 'purchase', labels: { en: 'Purchase' } }] });
 * const e = (id: string, customerId: string, stageId: string, t: string) => ({ id, customerId, timestamp: t, name: 'x', channel: 'web' as const, stageId, properties: {} });
 * const [search] = stageHealth([e('1', 'a', 'search', '2026-01-01T10:00:00Z'), e('2', 'a', 'purchase', '2026-01-01T11:00:00Z'), e('3', 'b', 'search', '2026-01-01T10:00:00Z')], journey);
 * console.log(search?.reached, search?.conversionToNext); // 2 0.5
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function stageHealth(
  interactions: Iterable<Interaction> | JourneyEvents,
  journey: Journey,
  options: StageHealthOptions = {},
): StageHealth[] {
  const o = parseOptions(stageHealthSchema, options, 'stageHealth');
  checkJourney(journey);
  const voice = checkVoice(o.surveys, o.feedback);
  const stageOf = stageResolver(journey);
  const ids = journey.stages.map((s) => s.id);
  const index = new Map(ids.map((id, k) => [id, k]));
  const failures = new Set(o.failureNames);
  const supportChannels = new Set(o.supportChannels);
  const supportNames = new Set(o.supportNames);
  const repeatedMin = o.repeatedFailureMin;
  const m = ids.length;
  const reached = new Array<number>(m).fill(0);
  const reachedNext = new Array<number>(m).fill(0);
  const dwell = ids.map(() => [] as number[]);
  const failing = new Array<number>(m).fill(0);
  const failOccurrences = new Array<number>(m).fill(0);
  const support = new Array<number>(m).fill(0);
  const supportOccurrences = new Array<number>(m).fill(0);
  for (const [, list] of JourneyEvents.from(interactions).timed()) {
    const first = new Array<number>(m).fill(Number.NaN);
    const fails = new Array<number>(m).fill(0);
    const contacts = new Array<number>(m).fill(0);
    const stagesSeen: Array<{ k: number; t: number }> = [];
    for (const { t, i } of list) {
      const stage = stageOf(i);
      const k = stage === undefined ? undefined : index.get(stage);
      if (k === undefined) continue;
      if (Number.isNaN(first[k] as number)) first[k] = t;
      stagesSeen.push({ k, t });
      if (failures.has(i.name) || ownValue(i.properties, 'success') === false) fails[k]!++;
      if (supportChannels.has(i.channel) || supportNames.has(i.name)) contacts[k]!++;
    }
    for (let k = 0; k < m; k++) {
      const t0 = first[k] as number;
      if (Number.isNaN(t0)) continue;
      reached[k]!++;
      if (k + 1 < m && stagesSeen.some((x) => x.k === k + 1 && x.t >= t0)) reachedNext[k]!++;
      const later = stagesSeen.find((x) => x.k > k && x.t >= t0);
      if (later !== undefined) dwell[k]!.push(later.t - t0);
      if ((fails[k] as number) >= repeatedMin) failing[k]!++;
      failOccurrences[k]! += fails[k] as number;
      if ((contacts[k] as number) > 0) support[k]!++;
      supportOccurrences[k]! += contacts[k] as number;
    }
  }
  const touchpointStage = new Map(journey.touchpoints.map((t) => [t.id, t.stageId]));
  const stageIndexOf = (
    stageId: string | undefined,
    touchpointId: string | undefined,
  ): number | undefined => {
    const stage = stageId ?? (touchpointId === undefined ? undefined : touchpointStage.get(touchpointId));
    return stage === undefined ? undefined : index.get(stage);
  };
  const surveysAt = ids.map(() => [] as SurveyResponse[]);
  for (const r of voice.surveys) {
    const k = stageIndexOf(r.stageId, r.touchpointId);
    if (k !== undefined) surveysAt[k]!.push(r);
  }
  const feedbackAt = ids.map(() => [] as Feedback[]);
  for (const f of voice.feedback) {
    const k = stageIndexOf(f.stageId, f.touchpointId);
    if (k !== undefined) feedbackAt[k]!.push(f);
  }
  const negativeBelow = o.negativeScoreBelow;
  const negativeRating = o.negativeRatingMax;
  return journey.stages.map((stage, k): StageHealth => {
    const n = reached[k] as number;
    const responses = surveysAt[k] as SurveyResponse[];
    // Weights are scaled by the largest so that sums of weights such as 1e200 do not overflow.
    const top = responses.reduce((m, r) => Math.max(m, r.weight), 0);
    let wsum = 0;
    let wx = 0;
    const metric = new Map<string, { n: number; w: number; sum: number }>();
    for (const r of responses) {
      const w = top === 0 ? 0 : r.weight / top;
      wsum += w;
      wx += w * scaled(r);
      let acc = metric.get(r.metric);
      if (acc === undefined) metric.set(r.metric, (acc = { n: 0, w: 0, sum: 0 }));
      acc.n++;
      acc.w += w;
      acc.sum += w * r.score;
    }
    const signals: PainSignal[] = [];
    const share = (c: number, d: number) => (d === 0 ? null : c / d);
    if ((failing[k] as number) > 0) {
      signals.push({
        kind: 'repeated-failure',
        count: failing[k] as number,
        share: share(failing[k] as number, n),
        evidence: {
          kind: 'analytics',
          description: `${failing[k]} of ${n} customers had ${repeatedMin}+ failed attempts at ${stage.labels.en} (${failOccurrences[k]} failures in all)`,
          n: failing[k] as number,
        },
      });
    }
    if ((support[k] as number) > 0) {
      signals.push({
        kind: 'support-contact',
        count: support[k] as number,
        share: share(support[k] as number, n),
        evidence: {
          kind: 'support',
          description: `${support[k]} of ${n} customers contacted support at ${stage.labels.en} (${supportOccurrences[k]} contacts)`,
          n: support[k] as number,
        },
      });
    }
    const fb = feedbackAt[k] as Feedback[];
    const negative =
      responses.filter((r) => scaled(r) < negativeBelow).length +
      fb.filter((f) => f.rating !== undefined && f.rating <= negativeRating).length;
    if (negative > 0) {
      signals.push({
        kind: 'negative-feedback',
        count: negative,
        share: share(negative, responses.length + fb.length),
        evidence: {
          kind: 'survey',
          description: `${negative} negative of ${responses.length + fb.length} responses and feedback items at ${stage.labels.en}`,
          n: negative,
        },
      });
    }
    return {
      stageId: stage.id,
      label: stage.labels.en,
      reached: n,
      reachedNext: k + 1 < m ? (reachedNext[k] as number) : null,
      conversionToNext: k + 1 < m ? share(reachedNext[k] as number, n) : null,
      dwell: durationStats(dwell[k] as number[], o.percentiles),
      satisfaction: {
        n: responses.length,
        normalizedMean: wsum === 0 ? null : wx / wsum,
        byMetric: Object.fromEntries(
          [...metric].map(([key, v]) => [key, { n: v.n, mean: v.w === 0 ? null : v.sum / v.w }]),
        ),
      },
      signals,
    };
  });
}
