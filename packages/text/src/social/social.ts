import type { Mention } from '@cx/model';
import {
  type Accumulator,
  type AccumulatorSnapshot,
  assertSameOptions,
  CxValidationError,
  levelOption,
  parseOptions,
} from '@cx/model';
import { type Proportion, proportion } from '@cx/stats';
import { z } from 'zod';
import {
  checkObservation,
  SentimentAccumulator,
  type SentimentAccumulatorSnapshot,
  type SentimentObservation,
  type SentimentSummary,
} from '../sentiment/accumulator.js';
import { type AnalyzeSentimentOptions, analyzeSentiment } from '../sentiment/score.js';
import { normalizeText } from '../text/normalize.js';
import {
  calendarOf,
  type TimeBucket,
  type TimeSeriesOptions,
  timeSeries,
  timeSeriesShape,
} from '../time/series.js';

/**
 * An engagement count of a {@link @cx/model!Mention} that counts as an interaction.
 *
 * @category Social
 * @since 0.1.0
 */
export type InteractionKind = 'likes' | 'shares' | 'comments' | 'clicks';

/**
 * Options of {@link SocialAccumulator}.
 *
 * @category Social
 * @since 0.1.0
 */
export interface SocialAccumulatorOptions {
  /** Brands competing for share of voice (case-insensitive); default: every brand seen. */
  readonly brands?: readonly string[];
  /** Engagement counts that make up interactions (default likes, shares and comments). */
  readonly interactions?: readonly InteractionKind[];
  /** Hashtags and accounts to report even when never seen (without `#` / `@`). */
  readonly track?: { readonly hashtags?: readonly string[]; readonly accounts?: readonly string[] };
  /** Most hashtags and accounts listed (default 20; tracked ones are always listed). */
  readonly top?: number;
  /** Confidence level of the intervals, strictly between 0 and 1 (default 0.95). */
  readonly level?: number;
  /** Options for scoring mentions added without a sentiment (not part of the snapshot). */
  readonly sentiment?: AnalyzeSentimentOptions;
}

/**
 * An engagement rate with the numbers behind it.
 *
 * @category Social
 * @since 0.1.0
 */
export interface EngagementRate {
  /** Posts with a known, positive denominator (reach or author followers). */
  readonly posts: number;
  /** Interactions on those posts. */
  readonly interactions: number;
  /** Sum of the denominators of those posts. */
  readonly denominator: number;
  /** Pooled rate: `Σ interactions / Σ denominator`, or `null` without posts. */
  readonly rate: number | null;
  /** Mean of the per-post rates `interactions / denominator`, or `null` without posts. */
  readonly meanRate: number | null;
  /** Posts left out for a missing or zero denominator. */
  readonly excluded: number;
}

/**
 * A counted hashtag or account.
 *
 * @category Social
 * @since 0.1.0
 */
export interface TagCount {
  /** Hashtag or handle in lower case, without `#` or `@`. */
  readonly tag: string;
  /** Number of mentions that use it. */
  readonly mentions: number;
}

/**
 * Share of voice of one brand.
 *
 * @category Social
 * @since 0.1.0
 */
export interface BrandShare {
  /** The brand, as first written. */
  readonly brand: string;
  /** Mentions of the brand. */
  readonly mentions: number;
  /** Mentions of the brand over mentions of all tracked brands, with a Wilson interval. */
  readonly shareOfVoice: Proportion;
}

/**
 * Social-monitoring summary of a set of mentions.
 *
 * @category Social
 * @since 0.1.0
 */
export interface SocialSummary {
  /** Number of mentions (volume). */
  readonly mentions: number;
  /** Share of voice per tracked brand, by decreasing mentions. */
  readonly brands: readonly BrandShare[];
  /** Mentions without a brand or of a brand not tracked (outside the share-of-voice denominator). */
  readonly untrackedMentions: number;
  /** Mentions per platform, by decreasing count. */
  readonly platforms: readonly { readonly platform: string; readonly mentions: number }[];
  /** Hashtags (from the `hashtags` field and `#tags` in the text), by decreasing use. */
  readonly hashtags: readonly TagCount[];
  /** Accounts mentioned (from the `mentions` field and `@handles` in the text), by decreasing use. */
  readonly accounts: readonly TagCount[];
  /** Total interactions over all mentions. */
  readonly interactions: number;
  /** Engagement rate by reach: interactions per person reached. */
  readonly engagementByReach: EngagementRate;
  /** Engagement rate by followers: interactions per follower of the author. */
  readonly engagementByFollowers: EngagementRate;
  /** Sentiment of the mentions. */
  readonly sentiment: SentimentSummary;
}

/**
 * The sums behind an engagement rate, as kept by {@link SocialAccumulator} (part of its snapshot).
 *
 * @category Social
 * @since 0.2.0
 */
export interface EngagementState {
  /** Posts with a positive denominator. */
  readonly posts: number;
  /** Interactions on those posts. */
  readonly interactions: number;
  /** Sum of their denominators. */
  readonly denominator: number;
  /** Sum of their per-post rates. */
  readonly rateSum: number;
  /** Posts without a positive denominator. */
  readonly excluded: number;
}

interface RateState {
  posts: number;
  interactions: number;
  denominator: number;
  rateSum: number;
  excluded: number;
}

const HASHTAG = /(?<![\p{L}\p{N}_&])#([\p{L}\p{M}\p{N}_]+)/gu;
const HANDLE = /(?<![\p{L}\p{N}_.])@([\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*)/gu;

function canonicalTag(tag: string): string {
  return normalizeText(tag).replace(/^[#@]/u, '').toLowerCase();
}

/**
 * Mergeable social-monitoring accumulator over {@link @cx/model!Mention} records: volume, share of
 * voice, platforms, hashtags, accounts, engagement rates and sentiment.
 *
 * Engagement definitions: interactions = the sum of the chosen engagement counts (default likes + shares
 * + comments). Rate by reach = Σ interactions / Σ reach over posts with a reach above zero; rate by
 * followers = Σ interactions / Σ author followers over posts whose author's follower count is above zero.
 * Both also come as the mean of per-post rates.
 *
 * @example
 * ```ts
 * import { SocialAccumulator } from '@cx/text';
 * const social = new SocialAccumulator().add({
 *   id: 'm1', text: 'Love the new app! #acme', source: 'social', platform: 'x', brand: 'acme',
 *   createdAt: '2026-03-03T08:00:00Z', hashtags: [], mentions: [], properties: {},
 *   engagement: { likes: 8, shares: 1, comments: 1, clicks: 0, reach: 500 },
 * });
 * const s = social.result();
 * console.log(s.mentions, s.hashtags, s.engagementByReach.rate); // 1 [{ tag: 'acme', mentions: 1 }] 0.02
 * ```
 * @category Social
 * @since 0.1.0
 */
export class SocialAccumulator implements Accumulator<Mention, SocialSummary, SocialAccumulatorSnapshot> {
  readonly #options: SocialOptionsJson;
  readonly #sentimentOptions: AnalyzeSentimentOptions | undefined;
  readonly #kinds: readonly InteractionKind[];
  readonly #tracked: Map<string, string> | undefined;
  #mentions = 0;
  #interactions = 0;
  #untracked = 0;
  readonly #brands = new Map<string, { name: string; mentions: number }>();
  readonly #platforms = new Map<string, number>();
  readonly #hashtags = new Map<string, number>();
  readonly #accounts = new Map<string, number>();
  readonly #reach: RateState = { posts: 0, interactions: 0, denominator: 0, rateSum: 0, excluded: 0 };
  readonly #followers: RateState = { posts: 0, interactions: 0, denominator: 0, rateSum: 0, excluded: 0 };
  #sentiment: SentimentAccumulator;

  /**
   * Creates an empty accumulator.
   *
   * @param options - Brands, interaction kinds, tracked tags, confidence level and sentiment options.
   * @throws {@link @cx/model!CxOptionsError} for an unknown option (`confidence` is now `level`), `null`, an
   * unknown interaction kind or a level outside (0, 1).
   */
  constructor(options?: SocialAccumulatorOptions) {
    const { sentiment, ...json } = parseOptions(socialOptionsSchema, options, 'SocialAccumulator', RENAMED);
    this.#options = json;
    this.#sentimentOptions = sentiment as AnalyzeSentimentOptions | undefined;
    this.#kinds = json.interactions;
    this.#tracked =
      json.brands === undefined ? undefined : new Map(json.brands.map((b) => [b.toLowerCase(), b]));
    this.#sentiment = new SentimentAccumulator({ level: json.level });
  }

  /**
   * Adds one mention.
   *
   * @param mention - A parsed mention.
   * @param sentiment - Its sentiment; scored with {@link analyzeSentiment} when absent.
   * @param path - Issue path to report on bad input (default `[]`).
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} for negative or non-integer engagement counts, a malformed
   * language tag or a malformed sentiment; nothing is counted then.
   */
  add(mention: Mention, sentiment?: SentimentObservation, path: ReadonlyArray<string | number> = []): this {
    const engagement = mention.engagement;
    let interactions = 0;
    for (const kind of this.#kinds) {
      const value = engagement[kind];
      if (!(Number.isInteger(value) && value >= 0)) {
        throw new CxValidationError([
          {
            path: [...path, 'engagement', kind],
            message: `Expected a non-negative whole number, got ${value}`,
            code: 'out_of_range',
          },
        ]);
      }
      interactions += value;
    }
    // Everything that can fail is done before anything is counted: a rejected mention leaves no trace.
    const observed =
      sentiment ??
      analyzeSentiment(mention.text, {
        ...this.#sentimentOptions,
        language: mention.language ?? this.#sentimentOptions?.language,
      });
    checkObservation(observed, [...path, 'sentiment']);
    this.#mentions++;
    this.#interactions += interactions;
    const brandKey = mention.brand?.toLowerCase();
    if (brandKey !== undefined && (this.#tracked === undefined || this.#tracked.has(brandKey))) {
      const entry = this.#brands.get(brandKey) ?? {
        name: this.#tracked?.get(brandKey) ?? (mention.brand as string),
        mentions: 0,
      };
      entry.mentions++;
      this.#brands.set(brandKey, entry);
    } else {
      this.#untracked++;
    }
    this.#platforms.set(mention.platform, (this.#platforms.get(mention.platform) ?? 0) + 1);
    const text = normalizeText(mention.text);
    const tags = new Set([
      ...mention.hashtags.map(canonicalTag),
      ...[...text.matchAll(HASHTAG)].map((m) => canonicalTag(m[1] as string)),
    ]);
    for (const tag of tags) if (tag !== '') this.#hashtags.set(tag, (this.#hashtags.get(tag) ?? 0) + 1);
    const handles = new Set([
      ...mention.mentions.map(canonicalTag),
      ...[...text.matchAll(HANDLE)].map((m) => canonicalTag(m[1] as string)),
    ]);
    for (const handle of handles)
      if (handle !== '') this.#accounts.set(handle, (this.#accounts.get(handle) ?? 0) + 1);
    addRate(this.#reach, interactions, engagement.reach);
    addRate(this.#followers, interactions, mention.author?.followers);
    this.#sentiment.add(observed, [...path, 'sentiment']);
    return this;
  }

  /**
   * Adds the counts of another accumulator (left unchanged); the result equals adding all mentions here.
   *
   * @param other - Another accumulator made with the same options.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxOptionsError} (`options_mismatch`) when the options differ.
   */
  merge(other: SocialAccumulator): this {
    assertSameOptions('SocialAccumulator', this.#options, other.#options);
    this.#mentions += other.#mentions;
    this.#interactions += other.#interactions;
    this.#untracked += other.#untracked;
    for (const [key, entry] of other.#brands) {
      const mine = this.#brands.get(key);
      if (mine === undefined) this.#brands.set(key, { ...entry });
      else mine.mentions += entry.mentions;
    }
    for (const [target, source] of [
      [this.#platforms, other.#platforms],
      [this.#hashtags, other.#hashtags],
      [this.#accounts, other.#accounts],
    ] as const) {
      for (const [k, n] of source) target.set(k, (target.get(k) ?? 0) + n);
    }
    for (const [mine, theirs] of [
      [this.#reach, other.#reach],
      [this.#followers, other.#followers],
    ] as const) {
      mine.posts += theirs.posts;
      mine.interactions += theirs.interactions;
      mine.denominator += theirs.denominator;
      mine.rateSum += theirs.rateSum;
      mine.excluded += theirs.excluded;
    }
    this.#sentiment.merge(other.#sentiment);
    return this;
  }

  /**
   * Computes the summary of everything added so far.
   *
   * @returns The summary; with no mentions every rate and share is `null`.
   */
  result(): SocialSummary {
    const level = this.#options.level;
    const tracked = [...this.#brands.values()].reduce((sum, b) => sum + b.mentions, 0);
    const brandEntries = new Map(this.#brands);
    for (const [key, name] of this.#tracked ?? [])
      if (!brandEntries.has(key)) brandEntries.set(key, { name, mentions: 0 });
    const brands = [...brandEntries.values()]
      .map((b) => ({
        brand: b.name,
        mentions: b.mentions,
        shareOfVoice: proportion(b.mentions, tracked, { level }),
      }))
      .sort((a, b) => b.mentions - a.mentions || compare(a.brand, b.brand));
    const top = this.#options.top;
    return {
      mentions: this.#mentions,
      brands,
      untrackedMentions: this.#untracked,
      platforms: [...this.#platforms]
        .map(([platform, mentions]) => ({ platform, mentions }))
        .sort((a, b) => b.mentions - a.mentions || compare(a.platform, b.platform)),
      hashtags: tagList(this.#hashtags, this.#options.track?.hashtags ?? [], top),
      accounts: tagList(this.#accounts, this.#options.track?.accounts ?? [], top),
      interactions: this.#interactions,
      engagementByReach: rate(this.#reach),
      engagementByFollowers: rate(this.#followers),
      sentiment: this.#sentiment.result(),
    };
  }

  /**
   * The state as plain JSON (the sentiment options, which may hold compiled lexicons, are not part of it).
   *
   * @returns A snapshot that {@link SocialAccumulator.restore} reads back.
   */
  snapshot(): SocialAccumulatorSnapshot {
    const entries = (map: ReadonlyMap<string, number>) => [...map].sort((a, b) => compare(a[0], b[0]));
    return {
      kind: 'SocialAccumulator',
      version: 1,
      options: structuredClone(this.#options),
      state: {
        mentions: this.#mentions,
        interactions: this.#interactions,
        untracked: this.#untracked,
        brands: [...this.#brands]
          .sort((a, b) => compare(a[0], b[0]))
          .map(([key, b]) => [key, b.name, b.mentions]),
        platforms: entries(this.#platforms),
        hashtags: entries(this.#hashtags),
        accounts: entries(this.#accounts),
        reach: { ...this.#reach },
        followers: { ...this.#followers },
        sentiment: this.#sentiment.snapshot(),
      },
    };
  }

  /**
   * Rebuilds an accumulator from a snapshot, checking it whole.
   *
   * @param snapshot - A snapshot (e.g. parsed from JSON).
   * @param sentiment - Options for scoring mentions added later without a sentiment.
   * @returns The accumulator.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) for a malformed snapshot.
   */
  static restore(snapshot: unknown, sentiment?: AnalyzeSentimentOptions): SocialAccumulator {
    const parsed = socialSnapshotSchema.safeParse(snapshot);
    if (!parsed.success) {
      throw new CxValidationError(
        parsed.error.issues.map((i) => ({
          path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          message: i.message,
          code: 'invalid_snapshot' as const,
        })),
        { subject: 'SocialAccumulator snapshot' },
      );
    }
    const { options, state } = parsed.data;
    // JSON round trip drops absent optional keys (exactOptionalPropertyTypes).
    const json = JSON.parse(JSON.stringify(options)) as SocialAccumulatorOptions;
    const out = new SocialAccumulator({ ...json, ...(sentiment === undefined ? {} : { sentiment }) });
    out.#mentions = state.mentions;
    out.#interactions = state.interactions;
    out.#untracked = state.untracked;
    for (const [key, name, mentions] of state.brands) out.#brands.set(key, { name, mentions });
    for (const [k, n] of state.platforms) out.#platforms.set(k, n);
    for (const [k, n] of state.hashtags) out.#hashtags.set(k, n);
    for (const [k, n] of state.accounts) out.#accounts.set(k, n);
    Object.assign(out.#reach, state.reach);
    Object.assign(out.#followers, state.followers);
    out.#sentiment = SentimentAccumulator.restore(state.sentiment);
    return out;
  }
}

const RENAMED = { renamed: { confidence: 'level' } };
const kindSchema = z.enum(['likes', 'shares', 'comments', 'clicks'], {
  error: 'Expected likes, shares, comments or clicks',
});
const socialOptionsSchema = z.strictObject({
  brands: z.array(z.string().min(1)).optional(),
  interactions: z.array(kindSchema).min(1).default(['likes', 'shares', 'comments']),
  track: z
    .strictObject({ hashtags: z.array(z.string()).optional(), accounts: z.array(z.string()).optional() })
    .optional(),
  top: z.number().int().min(0).max(100_000).default(20),
  level: levelOption,
  sentiment: z
    .custom<AnalyzeSentimentOptions>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
      error: 'Expected an options object of analyzeSentiment',
    })
    .optional(),
});
/**
 * The options of a {@link SocialAccumulator} as kept in its snapshot (all but the sentiment options).
 *
 * @category Social
 * @since 0.2.0
 */
export interface SocialOptionsJson {
  /** Brands competing for share of voice. */
  readonly brands?: readonly string[] | undefined;
  /** Engagement counts that make up interactions. */
  readonly interactions: readonly InteractionKind[];
  /** Hashtags and accounts always reported. */
  readonly track?:
    | { readonly hashtags?: readonly string[] | undefined; readonly accounts?: readonly string[] | undefined }
    | undefined;
  /** Most hashtags and accounts listed. */
  readonly top: number;
  /** Confidence level of the intervals. */
  readonly level: number;
}

const count = z.number().int().nonnegative();
const rateSchema = z.strictObject({
  posts: count,
  interactions: count,
  denominator: z.number().nonnegative().finite(),
  rateSum: z.number().nonnegative().finite(),
  excluded: count,
});
const socialSnapshotSchema = z.strictObject({
  kind: z.literal('SocialAccumulator'),
  version: z.literal(1),
  options: socialOptionsSchema.omit({ sentiment: true }),
  state: z.strictObject({
    mentions: count,
    interactions: count,
    untracked: count,
    brands: z.array(z.tuple([z.string(), z.string(), count])),
    platforms: z.array(z.tuple([z.string(), count])),
    hashtags: z.array(z.tuple([z.string(), count])),
    accounts: z.array(z.tuple([z.string(), count])),
    reach: rateSchema,
    followers: rateSchema,
    sentiment: z.unknown(),
  }),
});

/**
 * The JSON form of a {@link SocialAccumulator} ({@link SocialAccumulator.snapshot}).
 *
 * @category Social
 * @since 0.2.0
 */
export type SocialAccumulatorSnapshot = AccumulatorSnapshot<
  'SocialAccumulator',
  SocialOptionsJson,
  {
    readonly mentions: number;
    readonly interactions: number;
    readonly untracked: number;
    readonly brands: readonly (readonly [string, string, number])[];
    readonly platforms: readonly (readonly [string, number])[];
    readonly hashtags: readonly (readonly [string, number])[];
    readonly accounts: readonly (readonly [string, number])[];
    readonly reach: EngagementState;
    readonly followers: EngagementState;
    readonly sentiment: SentimentAccumulatorSnapshot;
  }
>;

function addRate(state: RateState, interactions: number, denominator: number | undefined): void {
  if (denominator === undefined || !(denominator > 0)) {
    state.excluded++;
    return;
  }
  state.posts++;
  state.interactions += interactions;
  state.denominator += denominator;
  state.rateSum += interactions / denominator;
}

function rate(state: RateState): EngagementRate {
  return {
    posts: state.posts,
    interactions: state.interactions,
    denominator: state.denominator,
    rate: state.posts === 0 ? null : state.interactions / state.denominator,
    meanRate: state.posts === 0 ? null : state.rateSum / state.posts,
    excluded: state.excluded,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function tagList(counts: ReadonlyMap<string, number>, tracked: readonly string[], top: number): TagCount[] {
  const all = [...counts]
    .map(([tag, mentions]) => ({ tag, mentions }))
    .sort((a, b) => b.mentions - a.mentions || compare(a.tag, b.tag));
  const keep = new Set(tracked.map(canonicalTag));
  const listed = all.filter((t, i) => i < top || keep.has(t.tag));
  for (const tag of keep) if (!counts.has(tag)) listed.push({ tag, mentions: 0 });
  return listed;
}

/**
 * One calendar bucket of {@link socialOverTime}.
 *
 * @category Social
 * @since 0.1.0
 */
export interface SocialBucket extends TimeBucket {
  /** Summary of the mentions created in the bucket. */
  readonly summary: SocialSummary;
}

/**
 * Options of {@link socialOverTime}.
 *
 * @category Social
 * @since 0.1.0
 */
export interface SocialOverTimeOptions extends TimeSeriesOptions, SocialAccumulatorOptions {}

/**
 * Mention volume, share of voice, engagement and sentiment per calendar day, week or month.
 *
 * @param mentions - Parsed mentions, placed in buckets by `createdAt`.
 * @param options - Interval, IANA time zone and aggregator options.
 * @returns Buckets in time order (empty buckets between the first and last included by default).
 * @throws {@link @cx/model!CxOptionsError} for an unknown option, time zone or interval.
 * @throws {@link @cx/model!CxValidationError} for a mention with a malformed `createdAt` (path
 * `[index, 'createdAt']`).
 * @throws {@link @cx/model!CxLimitError} when the mentions span more than `maxPeriods` buckets.
 * @example
 * ```ts
 * import { socialOverTime } from '@cx/text';
 * const base = { source: 'social', platform: 'x', hashtags: [], mentions: [], properties: {}, engagement: { likes: 0, shares: 0, comments: 0, clicks: 0 } } as const;
 * const weeks = socialOverTime(
 *   [
 *     { ...base, id: '1', text: 'Great shop', createdAt: '2026-03-02T10:00:00Z' },
 *     { ...base, id: '2', text: 'Slow delivery', createdAt: '2026-03-16T10:00:00Z' },
 *   ],
 *   { interval: 'week', timeZone: 'Europe/Warsaw' },
 * );
 * console.log(weeks.map((w) => [w.period, w.summary.mentions])); // [['2026-03-02', 1], ['2026-03-09', 0], ['2026-03-16', 1]]
 * ```
 * @category Social
 * @since 0.1.0
 */
export function socialOverTime(mentions: readonly Mention[], options: SocialOverTimeOptions): SocialBucket[] {
  const o = parseOptions(socialOverTimeSchema, options, 'socialOverTime', RENAMED);
  const { interval, timeZone, weekStartsOn, fillGaps, maxPeriods, ...accumulatorOptions } = o;
  return timeSeries(
    mentions,
    (m) => m.createdAt,
    (i) => [i, 'createdAt'],
    { calendar: calendarOf({ interval, timeZone, weekStartsOn }), fillGaps, maxPeriods },
    () => new SocialAccumulator(accumulatorOptions as SocialAccumulatorOptions),
    (accumulator, mention, index) => accumulator.add(mention, undefined, [index]),
    (accumulator) => accumulator.result(),
  ).map(({ value, ...bucket }) => ({ ...bucket, summary: value }));
}

const socialOverTimeSchema = z.strictObject({ ...socialOptionsSchema.shape, ...timeSeriesShape });
