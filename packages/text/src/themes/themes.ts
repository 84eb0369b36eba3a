import {
  type Accumulator,
  type AccumulatorSnapshot,
  assertSameOptions,
  CxValidationError,
  levelOption,
  parseOptions,
} from '@cx/model';
import { type Proportion, type ProportionDifference, proportion, proportionDifference } from '@cx/stats';
import { z } from 'zod';
import type { CxTopic } from '../aspects/topic-lexicon.js';
import { themeTopics } from '../aspects/topics.js';
import { detectLanguage, resolveLanguageTag, type SupportedLanguage } from '../language.js';
import { isBlankText } from '../text/normalize.js';
import {
  TermCounts,
  type TermCountsJson,
  type ThemeExample,
  termCountsFromJson,
  termCountsToJson,
} from './counts.js';
import { logOddsRatio } from './log-odds.js';
import { extractTerms } from './terms.js';

export type { ThemeExample } from './counts.js';

/**
 * A document for theme analysis: an open answer, review, ticket or post.
 *
 * @category Themes
 * @since 0.1.0
 */
export interface ThemeDocument {
  /** Identifier, used for example quotes. */
  readonly id: string;
  /** The text. */
  readonly text: string;
  /** BCP 47 tag; detected when absent. */
  readonly language?: string | undefined;
}

/**
 * A document with the group it belongs to: what {@link ThemeAccumulator.add} takes.
 *
 * @example
 * ```ts
 * import { ThemeAccumulator, type ThemeInput } from '@cx/text';
 * const input: ThemeInput = { id: 'n1', text: 'Courier late again', language: 'en', side: 'target' };
 * console.log(new ThemeAccumulator().add(input).snapshot().state.target.documents); // 1
 * ```
 * @category Themes
 * @since 0.3.0
 */
export interface ThemeInput extends ThemeDocument {
  /** `target` (e.g. negative feedback) or `reference` (e.g. positive feedback). */
  readonly side: ThemeSide;
}

/**
 * A term (word or two-word phrase) that distinguishes the target group from the reference group.
 *
 * @category Themes
 * @since 0.1.0
 */
export interface Theme {
  /** The most frequent surface form, e.g. `kuriera` or `nie działa`. */
  readonly term: string;
  /** Counting key: the stems of the words, Polish without diacritics (`kurier`, `nie dzial`). */
  readonly key: string;
  /** Number of words: 1 or 2. */
  readonly words: number;
  /** Occurrences in the target group. */
  readonly targetCount: number;
  /** Occurrences in the reference group. */
  readonly referenceCount: number;
  /** Target documents containing the term. */
  readonly targetDocuments: number;
  /** Reference documents containing the term. */
  readonly referenceDocuments: number;
  /** Log-odds ratio δ (target versus reference). */
  readonly delta: number;
  /** Variance of δ. */
  readonly variance: number;
  /** z-score of δ; the ranking statistic. */
  readonly z: number;
  /** Example quotes from the group the term is distinctive of (shortest first). */
  readonly examples: readonly ThemeExample[];
  /** Share of target documents containing the term, with its Wilson interval (the theme's uncertainty). */
  readonly targetShare: Proportion;
  /** Share of reference documents containing the term, with its Wilson interval. */
  readonly referenceShare: Proportion;
  /**
   * `targetShare − referenceShare` with Newcombe's hybrid score interval at the chosen level: how much more
   * often (or less often) target texts use the term, with its uncertainty.
   */
  readonly difference: ProportionDifference;
  /** Ids of every document containing the term, per group, sorted. */
  readonly documentIds: { readonly target: readonly string[]; readonly reference: readonly string[] };
  /** The customer-experience topics the term names (`kurier` → delivery), possibly none. */
  readonly topics: readonly CxTopic[];
  /** Single words merged into this phrase because (almost) every text using them uses the phrase. */
  readonly merged: readonly string[];
}

/**
 * Options of {@link ThemeAccumulator}.
 *
 * @category Themes
 * @since 0.1.0
 */
export interface ThemeAccumulatorOptions {
  /** Longest phrase counted: 1 (words) or 2 (words and two-word phrases, the default). */
  readonly maxNgram?: 1 | 2;
  /** Example quotes kept per theme and group (default 3). */
  readonly examples?: number;
  /** Extra stop words, lower case (e.g. the brand name). */
  readonly stopWords?: Iterable<string>;
  /** Language for documents whose language is absent and cannot be detected (default: none, not analysed). */
  readonly fallbackLanguage?: SupportedLanguage;
}

/**
 * Options of {@link ThemeAccumulator.result} and {@link distinctiveThemes}.
 *
 * @category Themes
 * @since 0.1.0
 */
export interface ThemeResultOptions {
  /**
   * Prior: `pooled` (default) uses both groups' counts as the informative Dirichlet prior
   * (`α_w = priorScale × (y_t + y_r)`); a map gives background counts from another corpus.
   */
  readonly prior?: 'pooled' | ReadonlyMap<string, number>;
  /** Multiplier of the prior counts (default 0.1, see docs/voice-of-customer.md). Smaller values shrink less. */
  readonly priorScale?: number;
  /** Least |z| for a theme to be reported (default 0: z only ranks). */
  readonly minZ?: number;
  /**
   * Report only terms whose difference in document shares has an interval (at `level`) that excludes 0
   * (default `true`). Not corrected for the many terms compared: read the list as a ranking.
   */
  readonly requireDifference?: boolean;
  /** Least total occurrences (both groups) for a term to be considered (default 2). */
  readonly minCount?: number;
  /** Most themes reported per side (default 20). */
  readonly limit?: number;
  /** Least documents of its own side containing a theme (default 2). */
  readonly minDocuments?: number;
  /** Confidence level of the document shares' Wilson intervals, in (0, 1) (default 0.95). */
  readonly level?: number;
}

/**
 * Themes that distinguish two groups of documents.
 *
 * @category Themes
 * @since 0.1.0
 */
export interface ThemeReport {
  /** Themes of the target group, by decreasing z. */
  readonly target: readonly Theme[];
  /** Themes of the reference group, by increasing z (most negative first). */
  readonly reference: readonly Theme[];
  /** Documents analysed in the target group. */
  readonly targetDocuments: number;
  /** Documents analysed in the reference group. */
  readonly referenceDocuments: number;
  /** Documents not analysed (blank, or language unknown/unsupported), by group. */
  readonly unanalysed: { readonly target: number; readonly reference: number };
}

/**
 * Which side of a theme comparison a document belongs to.
 *
 * @category Themes
 * @since 0.1.0
 */
export type ThemeSide = 'target' | 'reference';

const PRIOR_FLOOR = 0.01;

/**
 * Mergeable collector of theme counts for two groups of documents (e.g. negative versus positive
 * feedback), ranked by weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn
 * 2008). Tokenising is language-aware (`Intl.Segmenter`, English and Polish stop words, light stemming).
 *
 * @example
 * ```ts
 * import { ThemeAccumulator } from '@cx/text';
 * const themes = new ThemeAccumulator()
 *   .add({ id: 'n1', text: 'Kurier spóźnił się dwa dni', side: 'target' })
 *   .add({ id: 'n2', text: 'Kurier znowu spóźniony, paczka mokra', side: 'target' })
 *   .add({ id: 'p1', text: 'Paczka szybko, świetna obsługa', side: 'reference' })
 *   .add({ id: 'p2', text: 'Świetna obsługa i szybka dostawa', side: 'reference' })
 *   .result({ minZ: 0 });
 * console.log(themes.target[0]?.term, themes.reference[0]?.term); // 'kurier' 'obsługa'
 * ```
 * @category Themes
 * @since 0.1.0
 */
export class ThemeAccumulator implements Accumulator<ThemeInput, ThemeReport, ThemeAccumulatorSnapshot> {
  readonly #options: ThemeOptionsJson;
  readonly #stopWords: ReadonlySet<string>;
  #counts: Record<ThemeSide, TermCounts>;
  readonly #unanalysed: Record<ThemeSide, number> = { target: 0, reference: 0 };

  /**
   * Creates an empty accumulator.
   *
   * @param options - N-gram length, examples, stop words and fallback language.
   * @throws {@link @cx/model!CxOptionsError} for an unknown option, `null`, a bad `maxNgram` or `examples`.
   */
  constructor(options?: ThemeAccumulatorOptions) {
    const o = parseOptions(themeOptionsSchema, options, 'ThemeAccumulator');
    const stopWords = [...new Set([...(o.stopWords ?? [])].map((w) => w.toLowerCase()))].sort();
    this.#options = {
      maxNgram: o.maxNgram,
      examples: o.examples,
      stopWords,
      ...(o.fallbackLanguage === undefined ? {} : { fallbackLanguage: o.fallbackLanguage }),
    };
    this.#stopWords = new Set(stopWords);
    this.#counts = { target: new TermCounts(o.examples), reference: new TermCounts(o.examples) };
  }

  /**
   * Adds a document to its group; it is checked before anything is counted.
   *
   * @param input - The document with its `side`: `target` (e.g. negative feedback) or `reference` (e.g. positive).
   * @param path - Issue path to report on bad input (default `[]`).
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} for an unknown or missing side (path `[…path, 'side']`) or a
   * malformed language tag (path `[…path, 'language']`).
   */
  add(input: ThemeInput, path: ReadonlyArray<string | number> = []): this {
    const side = (input as { side?: unknown }).side;
    if (!Array.isArray(path)) {
      // The 0.2 form `add(document, side)`, e.g. from plain JavaScript: say so rather than read 'target' as a path.
      throw new CxValidationError([
        {
          path: ['side'],
          message: `Expected the side inside the input ({ id, text, side: 'target' }), got a second argument ${JSON.stringify(path)} (add(document, side) is add({ ...document, side }) since 0.3)`,
          code: 'invalid_enum_value',
        },
      ]);
    }
    if (side !== 'target' && side !== 'reference') {
      throw new CxValidationError([
        {
          path: [...path, 'side'],
          message: `Expected side target or reference, got ${JSON.stringify(side)}`,
          code: 'invalid_enum_value',
        },
      ]);
    }
    const document = input;
    const language = documentLanguage(document, this.#options.fallbackLanguage, [...path, 'language']);
    if (language === undefined) {
      this.#unanalysed[side]++;
      return this;
    }
    const terms = extractTerms(document.text, language, this.#options.maxNgram, this.#stopWords);
    this.#counts[side].addDocument(document.id, document.text, terms);
    return this;
  }

  /**
   * Adds the counts of another accumulator (left unchanged); the result equals adding all documents here.
   *
   * @param other - Another accumulator with the same options.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxOptionsError} (`options_mismatch`) when the options differ.
   */
  merge(other: ThemeAccumulator): this {
    assertSameOptions('ThemeAccumulator', this.#options, other.#options);
    for (const side of ['target', 'reference'] as const) {
      this.#counts[side].merge(other.#counts[side]);
      this.#unanalysed[side] += other.#unanalysed[side];
    }
    return this;
  }

  /**
   * Ranks the terms by the z-score of their log-odds ratio.
   *
   * @param options - Prior, thresholds and limit.
   * @returns Themes of each side, with counts and example quotes.
   * @throws {@link @cx/model!CxValidationError} for a non-positive `priorScale` or negative thresholds.
   */
  result(options?: ThemeResultOptions): ThemeReport {
    const o = parseOptions(themeResultSchema, options, 'ThemeAccumulator.result');
    return rankThemes(this.#counts.target, this.#counts.reference, o as ThemeResultOptions, {
      target: this.#unanalysed.target,
      reference: this.#unanalysed.reference,
    });
  }

  /**
   * The state as plain JSON: per group, every term's counts, surface forms, examples and document ids.
   *
   * @returns A snapshot that {@link ThemeAccumulator.restore} reads back.
   */
  snapshot(): ThemeAccumulatorSnapshot {
    return {
      kind: 'ThemeAccumulator',
      version: 1,
      options: structuredClone(this.#options),
      state: {
        target: termCountsToJson(this.#counts.target),
        reference: termCountsToJson(this.#counts.reference),
        unanalysed: { ...this.#unanalysed },
      },
    };
  }

  /**
   * Rebuilds an accumulator from a snapshot, checking it whole.
   *
   * @param snapshot - A snapshot (e.g. parsed from JSON).
   * @returns The accumulator.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) for a malformed snapshot.
   */
  static restore(snapshot: unknown): ThemeAccumulator {
    const parsed = themeSnapshotSchema.safeParse(snapshot);
    if (!parsed.success) {
      throw new CxValidationError(
        parsed.error.issues.map((i) => ({
          path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          message: i.message,
          code: 'invalid_snapshot' as const,
        })),
        { subject: 'ThemeAccumulator snapshot' },
      );
    }
    const { options, state } = parsed.data;
    const out = new ThemeAccumulator(JSON.parse(JSON.stringify(options)) as ThemeAccumulatorOptions);
    out.#counts = {
      target: termCountsFromJson(state.target, options.examples),
      reference: termCountsFromJson(state.reference, options.examples),
    };
    out.#unanalysed.target = state.unanalysed.target;
    out.#unanalysed.reference = state.unanalysed.reference;
    return out;
  }
}

export const themeOptionsSchema = z.strictObject({
  maxNgram: z.union([z.literal(1), z.literal(2)], { error: 'Expected maxNgram 1 or 2' }).default(2),
  examples: z.number().int().min(0).max(1000).default(3),
  stopWords: z
    .custom<Iterable<string>>(
      (v) => typeof v === 'object' && v !== null && Symbol.iterator in v,
      'Expected an iterable of words',
    )
    .optional(),
  fallbackLanguage: z.enum(['en', 'pl']).optional(),
});
/**
 * The options of a {@link ThemeAccumulator} as kept in its snapshot (stop words as a sorted list).
 *
 * @category Themes
 * @since 0.2.0
 */
export interface ThemeOptionsJson {
  /** Longest phrase counted. */
  readonly maxNgram: 1 | 2;
  /** Example quotes kept per theme and group. */
  readonly examples: number;
  /** Extra stop words, lower case, sorted. */
  readonly stopWords: readonly string[];
  /** Language for documents whose language cannot be detected. */
  readonly fallbackLanguage?: 'en' | 'pl';
}

export const themeResultSchema = z.strictObject({
  prior: z
    .union([
      z.literal('pooled'),
      z.custom<ReadonlyMap<string, number>>((v) => v instanceof Map, 'Expected "pooled" or a Map of counts'),
    ])
    .optional(),
  priorScale: z.number().gt(0).finite().optional(),
  minZ: z.number().min(0).optional(),
  requireDifference: z.boolean().optional(),
  minCount: z.number().min(0).optional(),
  limit: z.number().int().min(0).optional(),
  minDocuments: z.number().int().min(0).optional(),
  level: levelOption,
});

const termJson = z.strictObject({
  key: z.string().min(1),
  count: z.number().int().positive(),
  documents: z.number().int().positive(),
  surfaces: z.array(z.tuple([z.string(), z.number().int().positive()])),
  examples: z.array(z.strictObject({ id: z.string(), text: z.string() })),
  ids: z.array(z.string()),
});
const countsJson = z.strictObject({
  total: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
  terms: z.array(termJson),
});
const themeSnapshotSchema = z.strictObject({
  kind: z.literal('ThemeAccumulator'),
  version: z.literal(1),
  options: z.strictObject({
    maxNgram: z.union([z.literal(1), z.literal(2)]),
    examples: z.number().int().min(0).max(1000),
    stopWords: z.array(z.string()),
    fallbackLanguage: z.enum(['en', 'pl']).optional(),
  }),
  state: z.strictObject({
    target: countsJson,
    reference: countsJson,
    unanalysed: z.strictObject({
      target: z.number().int().nonnegative(),
      reference: z.number().int().nonnegative(),
    }),
  }),
});

/**
 * The JSON form of a {@link ThemeAccumulator} ({@link ThemeAccumulator.snapshot}).
 *
 * @category Themes
 * @since 0.2.0
 */
export type ThemeAccumulatorSnapshot = AccumulatorSnapshot<
  'ThemeAccumulator',
  ThemeOptionsJson,
  {
    readonly target: TermCountsJson;
    readonly reference: TermCountsJson;
    readonly unanalysed: { readonly target: number; readonly reference: number };
  }
>;

/** Resolves a document's language; `undefined` when it cannot be analysed. */
export function documentLanguage(
  document: { readonly text: string; readonly language?: string | undefined },
  fallback: SupportedLanguage | undefined,
  path: ReadonlyArray<string | number> = ['language'],
): SupportedLanguage | undefined {
  if (typeof document.text !== 'string' || isBlankText(document.text)) return undefined;
  if (document.language !== undefined) {
    const given = resolveLanguageTag(document.language, path);
    return given === 'unknown' ? undefined : given;
  }
  const detection = detectLanguage(document.text);
  if (detection.language !== 'unknown') return detection.language;
  return detection.reason === 'non-latin-script' ? undefined : fallback;
}

/** Ranks the terms of two groups' counts (shared by themes and reasons). */
export function rankThemes(
  target: TermCounts,
  reference: TermCounts,
  options: ThemeResultOptions,
  unanalysed: { readonly target: number; readonly reference: number },
): ThemeReport {
  const scale = options.priorScale ?? 0.1;
  const minZ = options.minZ ?? DEFAULT_MIN_Z;
  const minCount = options.minCount ?? 2;
  const limit = options.limit ?? 20;
  const minDocuments = options.minDocuments ?? 2;
  const level = options.level ?? 0.95;
  const requireDifference = options.requireDifference ?? true;
  const bad = (path: string, ok: boolean, message: string) =>
    ok ? [] : [{ path: [path], message, code: 'out_of_range' as const }];
  const issues = [
    ...bad('priorScale', scale > 0 && Number.isFinite(scale), 'Expected a positive priorScale'),
    ...bad('minZ', minZ >= 0, 'Expected minZ ≥ 0'),
    ...bad('minCount', minCount >= 0, 'Expected minCount ≥ 0'),
    ...bad('limit', Number.isInteger(limit) && limit >= 0, 'Expected a whole limit ≥ 0'),
    ...bad(
      'minDocuments',
      Number.isInteger(minDocuments) && minDocuments >= 0,
      'Expected a whole minDocuments ≥ 0',
    ),
    ...bad('level', level > 0 && level < 1, 'Expected a level in (0, 1)'),
  ];
  if (issues.length > 0) throw new CxValidationError(issues);
  // Sorted, so that the floating sums below do not depend on the order of adding or merging.
  const keys = new Set([...new Set([...target.terms.keys(), ...reference.terms.keys()])].sort());
  const prior = options.prior ?? 'pooled';
  const alphaOf = (key: string) => {
    const count =
      prior === 'pooled'
        ? (target.terms.get(key)?.count ?? 0) + (reference.terms.get(key)?.count ?? 0)
        : (prior.get(key) ?? 0);
    return Math.max(scale * count, PRIOR_FLOOR);
  };
  let alpha0 = 0;
  for (const key of keys) alpha0 += alphaOf(key);
  // With fewer than two terms the log-odds of a term against the rest is undefined (no rest): no themes.
  if (keys.size < 2) {
    return {
      target: [],
      reference: [],
      targetDocuments: target.documents,
      referenceDocuments: reference.documents,
      unanalysed,
    };
  }
  const themes: Theme[] = [];
  for (const key of keys) {
    const t = target.terms.get(key);
    const r = reference.terms.get(key);
    const yt = t?.count ?? 0;
    const yr = r?.count ?? 0;
    if (yt + yr < minCount) continue;
    const { delta, variance, z } = logOddsRatio(yt, target.total, yr, reference.total, alphaOf(key), alpha0);
    if (Math.abs(z) < minZ) continue;
    if ((z >= 0 ? (t?.documents ?? 0) : (r?.documents ?? 0)) < minDocuments) continue;
    const targetShare = proportion(t?.documents ?? 0, target.documents, { level });
    const referenceShare = proportion(r?.documents ?? 0, reference.documents, { level });
    const difference = proportionDifference(targetShare, referenceShare, { level });
    if (
      requireDifference &&
      !(difference.interval !== null && (difference.interval.lower > 0 || difference.interval.upper < 0))
    ) {
      continue;
    }
    const term = topSurface(t?.surfaces, r?.surfaces) ?? key;
    themes.push({
      term,
      key,
      words: key.split(' ').length,
      targetCount: yt,
      referenceCount: yr,
      targetDocuments: t?.documents ?? 0,
      referenceDocuments: r?.documents ?? 0,
      delta,
      variance,
      z,
      examples: (z >= 0 ? t?.examples : r?.examples) ?? [],
      targetShare,
      referenceShare,
      difference,
      documentIds: { target: sortedIds(t?.ids), reference: sortedIds(r?.ids) },
      topics: themeTopics(term),
      merged: [],
    });
  }
  const byKey = (a: Theme, b: Theme) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const merged = mergePhrases(themes);
  return {
    target: merged
      .filter((x) => x.z > 0)
      .sort((a, b) => b.z - a.z || byKey(a, b))
      .slice(0, limit),
    reference: merged
      .filter((x) => x.z < 0)
      .sort((a, b) => a.z - b.z || byKey(a, b))
      .slice(0, limit),
    targetDocuments: target.documents,
    referenceDocuments: reference.documents,
    unanalysed,
  };
}

/** Document ids in a canonical order (sorted), so that results do not depend on the order of adding or merging. */
function sortedIds(ids: readonly string[] | undefined): string[] {
  return [...(ids ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Share of its own side's documents a phrase must cover for a word of it to be merged into it. */
const MERGE_COVERAGE = 0.8;
/** Default least |z|: none, z ranks; the document-share difference interval selects. */
const DEFAULT_MIN_Z = 0;

/**
 * Phrase merging: a single word whose documents (on the side it is distinctive of) are at least 80 % those
 * of a two-word theme containing it is dropped and listed in that phrase's `merged`, so that `działa` and
 * `nie działa` with the same texts are one theme. Words used more widely than any phrase stay.
 */
function mergePhrases(themes: readonly Theme[]): Theme[] {
  const phrasesOf = new Map<string, Theme[]>();
  for (const t of themes) {
    if (t.words !== 2) continue;
    for (const part of new Set(t.key.split(' '))) phrasesOf.set(part, [...(phrasesOf.get(part) ?? []), t]);
  }
  const mergedInto = new Map<Theme, string[]>();
  const dropped = new Set<Theme>();
  for (const word of themes) {
    if (word.words !== 1) continue;
    const side = (t: Theme) => (word.z > 0 ? t.documentIds.target : t.documentIds.reference);
    const own = side(word);
    let best: Theme | undefined;
    for (const phrase of phrasesOf.get(word.key) ?? []) {
      if (Math.sign(phrase.z) !== Math.sign(word.z)) continue;
      const theirs = new Set(side(phrase));
      const covered = own.filter((id) => theirs.has(id)).length;
      if (
        own.length > 0 &&
        covered >= MERGE_COVERAGE * own.length &&
        (best === undefined ||
          Math.abs(phrase.z) > Math.abs(best.z) ||
          (Math.abs(phrase.z) === Math.abs(best.z) && phrase.key < best.key))
      ) {
        best = phrase;
      }
    }
    if (best !== undefined) {
      dropped.add(word);
      mergedInto.set(best, [...(mergedInto.get(best) ?? []), word.term]);
    }
  }
  return themes
    .filter((t) => !dropped.has(t))
    .map((t) => (mergedInto.has(t) ? { ...t, merged: mergedInto.get(t) ?? [] } : t));
}

function topSurface(...maps: (Map<string, number> | undefined)[]): string | undefined {
  const total = new Map<string, number>();
  for (const map of maps) for (const [s, n] of map ?? []) total.set(s, (total.get(s) ?? 0) + n);
  let best: string | undefined;
  let bestCount = 0;
  for (const [s, n] of total) {
    if (n > bestCount || (n === bestCount && best !== undefined && s < best)) {
      best = s;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Finds the words and phrases that distinguish a target group of documents (e.g. negative feedback)
 * from a reference group (e.g. positive feedback). Shorthand for a {@link ThemeAccumulator}.
 *
 * @param target - Documents of the target group.
 * @param reference - Documents of the reference group.
 * @param options - Tokenising and ranking options.
 * @returns The themes of each side with counts, z-scores and example quotes.
 * @throws {@link @cx/model!CxValidationError} for a malformed language tag (path `['target', i, 'language']`)
 * or bad options.
 * @example
 * ```ts
 * import { distinctiveThemes } from '@cx/text';
 * const report = distinctiveThemes(
 *   [{ id: '1', text: 'Refund still missing' }, { id: '2', text: 'Where is my refund?' }],
 *   [{ id: '3', text: 'Lovely staff' }, { id: '4', text: 'Staff were lovely and quick' }],
 *   { minZ: 0 },
 * );
 * console.log(report.target[0]?.term, report.target[0]?.targetCount); // 'refund' 2
 * ```
 * @category Themes
 * @since 0.1.0
 */
export function distinctiveThemes(
  target: readonly ThemeDocument[],
  reference: readonly ThemeDocument[],
  options?: ThemeAccumulatorOptions & ThemeResultOptions,
): ThemeReport {
  const o = parseOptions(distinctiveSchema, options, 'distinctiveThemes');
  const { maxNgram, examples, stopWords, fallbackLanguage, ...ranking } = o;
  const aggregator = new ThemeAccumulator(
    definedOnly({ maxNgram, examples, stopWords, fallbackLanguage }) as ThemeAccumulatorOptions,
  );
  const addAll = (docs: readonly ThemeDocument[], side: ThemeSide) =>
    docs.forEach((doc, index) => {
      aggregator.add({ ...doc, side }, [side, index]);
    });
  addAll(target, 'target');
  addAll(reference, 'reference');
  return aggregator.result(definedOnly(ranking) as ThemeResultOptions);
}

/** The object without its `undefined` values (for options parsed with defaults, under exactOptionalPropertyTypes). */
function definedOnly(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

const distinctiveSchema = z.strictObject({ ...themeOptionsSchema.shape, ...themeResultSchema.shape });
