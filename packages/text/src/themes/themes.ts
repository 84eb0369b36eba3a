import { CxValidationError } from '@cx/model';
import { detectLanguage, resolveLanguageTag, type SupportedLanguage } from '../language.js';
import { isBlankText } from '../text/normalize.js';
import { TermCounts, type ThemeExample } from './counts.js';
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
 * A term (word or two-word phrase) that distinguishes the target group from the reference group.
 *
 * @category Themes
 * @since 0.1.0
 */
export interface Theme {
  /** The most frequent surface form, e.g. `kuriera` or `nie działa`. */
  readonly term: string;
  /** Counting key: the stems of the words (`kurier`, `nie dział`). */
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
}

/**
 * Options of {@link ThemeAggregator}.
 *
 * @category Themes
 * @since 0.1.0
 */
export interface ThemeAggregatorOptions {
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
 * Options of {@link ThemeAggregator.result} and {@link distinctiveThemes}.
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
  /** Least |z| for a theme to be reported (default 1.96). */
  readonly minZ?: number;
  /** Least total occurrences (both groups) for a term to be considered (default 2). */
  readonly minCount?: number;
  /** Most themes reported per side (default 20). */
  readonly limit?: number;
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
 * import { ThemeAggregator } from '@cx/text';
 * const themes = new ThemeAggregator()
 *   .add({ id: 'n1', text: 'Kurier spóźnił się dwa dni' }, 'target')
 *   .add({ id: 'n2', text: 'Kurier znowu spóźniony, paczka mokra' }, 'target')
 *   .add({ id: 'p1', text: 'Paczka szybko, świetna obsługa' }, 'reference')
 *   .add({ id: 'p2', text: 'Świetna obsługa i szybka dostawa' }, 'reference')
 *   .result({ minZ: 0 });
 * console.log(themes.target[0]?.term, themes.reference[0]?.term); // 'kurier' 'obsługa'
 * ```
 * @category Themes
 * @since 0.1.0
 */
export class ThemeAggregator {
  readonly #maxNgram: 1 | 2;
  readonly #stopWords: ReadonlySet<string>;
  readonly #fallback: SupportedLanguage | undefined;
  readonly #counts: Record<ThemeSide, TermCounts>;
  readonly #unanalysed: Record<ThemeSide, number> = { target: 0, reference: 0 };

  /**
   * Creates an empty aggregator.
   *
   * @param options - N-gram length, examples, stop words and fallback language.
   * @throws {@link @cx/model!CxValidationError} for a bad `maxNgram` or `examples`.
   */
  constructor(options: ThemeAggregatorOptions = {}) {
    this.#maxNgram = options.maxNgram ?? 2;
    const examples = options.examples ?? 3;
    if (this.#maxNgram !== 1 && this.#maxNgram !== 2) {
      throw new CxValidationError([
        { path: ['maxNgram'], message: 'Expected maxNgram 1 or 2', code: 'out_of_range' },
      ]);
    }
    if (!(Number.isInteger(examples) && examples >= 0)) {
      throw new CxValidationError([
        {
          path: ['examples'],
          message: 'Expected a non-negative whole number of examples',
          code: 'out_of_range',
        },
      ]);
    }
    this.#stopWords = new Set([...(options.stopWords ?? [])].map((w) => w.toLowerCase()));
    this.#fallback = options.fallbackLanguage;
    this.#counts = { target: new TermCounts(examples), reference: new TermCounts(examples) };
  }

  /**
   * Adds a document to one group.
   *
   * @param document - The document.
   * @param side - `target` (e.g. negative feedback) or `reference` (e.g. positive feedback).
   * @returns This aggregator.
   * @throws {@link @cx/model!CxValidationError} for a malformed language tag or an unknown side.
   */
  add(document: ThemeDocument, side: ThemeSide): this {
    if (side !== 'target' && side !== 'reference') {
      throw new CxValidationError([
        {
          path: ['side'],
          message: `Expected side target or reference, got ${JSON.stringify(side)}`,
          code: 'invalid_enum_value',
        },
      ]);
    }
    const language = documentLanguage(document, this.#fallback);
    if (language === undefined) {
      this.#unanalysed[side]++;
      return this;
    }
    const terms = extractTerms(document.text, language, this.#maxNgram, this.#stopWords);
    this.#counts[side].addDocument(document.id, document.text, terms);
    return this;
  }

  /**
   * Adds the counts of another aggregator (left unchanged); the result equals adding all documents here.
   *
   * @param other - Another aggregator.
   * @returns This aggregator.
   */
  merge(other: ThemeAggregator): this {
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
  result(options: ThemeResultOptions = {}): ThemeReport {
    return rankThemes(this.#counts.target, this.#counts.reference, options, {
      target: this.#unanalysed.target,
      reference: this.#unanalysed.reference,
    });
  }
}

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
  const minZ = options.minZ ?? 1.96;
  const minCount = options.minCount ?? 2;
  const limit = options.limit ?? 20;
  const bad = (path: string, ok: boolean, message: string) =>
    ok ? [] : [{ path: [path], message, code: 'out_of_range' as const }];
  const issues = [
    ...bad('priorScale', scale > 0 && Number.isFinite(scale), 'Expected a positive priorScale'),
    ...bad('minZ', minZ >= 0, 'Expected minZ ≥ 0'),
    ...bad('minCount', minCount >= 0, 'Expected minCount ≥ 0'),
    ...bad('limit', Number.isInteger(limit) && limit >= 0, 'Expected a whole limit ≥ 0'),
  ];
  if (issues.length > 0) throw new CxValidationError(issues);
  const keys = new Set([...target.terms.keys(), ...reference.terms.keys()]);
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
  const themes: Theme[] = [];
  for (const key of keys) {
    const t = target.terms.get(key);
    const r = reference.terms.get(key);
    const yt = t?.count ?? 0;
    const yr = r?.count ?? 0;
    if (yt + yr < minCount) continue;
    const { delta, variance, z } = logOddsRatio(yt, target.total, yr, reference.total, alphaOf(key), alpha0);
    if (Math.abs(z) < minZ) continue;
    themes.push({
      term: topSurface(t?.surfaces, r?.surfaces) ?? key,
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
    });
  }
  const byKey = (a: Theme, b: Theme) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return {
    target: themes
      .filter((x) => x.z > 0)
      .sort((a, b) => b.z - a.z || byKey(a, b))
      .slice(0, limit),
    reference: themes
      .filter((x) => x.z < 0)
      .sort((a, b) => a.z - b.z || byKey(a, b))
      .slice(0, limit),
    targetDocuments: target.documents,
    referenceDocuments: reference.documents,
    unanalysed,
  };
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
 * from a reference group (e.g. positive feedback). Shorthand for a {@link ThemeAggregator}.
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
  options: ThemeAggregatorOptions & ThemeResultOptions = {},
): ThemeReport {
  const aggregator = new ThemeAggregator(options);
  const addAll = (docs: readonly ThemeDocument[], side: ThemeSide) =>
    docs.forEach((doc, index) => {
      try {
        aggregator.add(doc, side);
      } catch (error) {
        if (!(error instanceof CxValidationError)) throw error;
        throw new CxValidationError(
          error.issues.map((i) => ({ ...i, path: [side, index, ...i.path] })),
          { cause: error },
        );
      }
    });
  addAll(target, 'target');
  addAll(reference, 'reference');
  return aggregator.result(options);
}
