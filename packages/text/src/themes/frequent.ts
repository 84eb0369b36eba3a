import { levelOption, parseOptions } from '@cx/model';
import { type Proportion, proportion } from '@cx/stats';
import { z } from 'zod';
import type { CxTopic } from '../aspects/topic-lexicon.js';
import { themeTopics } from '../aspects/topics.js';
import type { SupportedLanguage } from '../language.js';
import { TermCounts, type ThemeExample } from './counts.js';
import { extractTerms } from './terms.js';
import { documentLanguage, type ThemeDocument } from './themes.js';

/**
 * A theme of one set of texts: a word or two-word phrase used in several of them.
 *
 * @category Themes
 * @since 0.2.0
 */
export interface FrequentTheme {
  /** The most frequent surface form, e.g. `kurier` or `nie działa`. */
  readonly term: string;
  /** Counting key: the stems of the words. */
  readonly key: string;
  /** Number of words: 1 or 2. */
  readonly words: number;
  /** Share of the analysed texts that use the theme, with its Wilson interval. */
  readonly share: Proportion;
  /** Ids of every text that uses the theme, sorted. */
  readonly documentIds: readonly string[];
  /** The customer-experience topics the term names, possibly none. */
  readonly topics: readonly CxTopic[];
  /** Single words merged into this phrase because (almost) every text using them uses the phrase. */
  readonly merged: readonly string[];
  /** Example quotes, shortest first. */
  readonly examples: readonly ThemeExample[];
}

/**
 * Themes of one set of texts, with the topics they add up to.
 *
 * @category Themes
 * @since 0.2.0
 */
export interface FrequentThemeReport {
  /** Texts analysed. */
  readonly documents: number;
  /** Texts not analysed (blank, or language unknown or unsupported). */
  readonly unanalysed: number;
  /** Themes by decreasing number of texts, then key. */
  readonly themes: readonly FrequentTheme[];
  /** Per topic: texts using at least one theme of the topic, with the Wilson interval, by decreasing count. */
  readonly topics: readonly {
    readonly topic: CxTopic;
    readonly share: Proportion;
    readonly documentIds: readonly string[];
  }[];
}

/**
 * Options of {@link findThemes}.
 *
 * @category Themes
 * @since 0.2.0
 */
export interface FindThemesOptions {
  /** Least texts using a theme; default 5 % of the texts, at least 2. */
  readonly minDocuments?: number;
  /** Most themes reported (default 20). */
  readonly limit?: number;
  /** Longest phrase counted: 1 or 2 (default). */
  readonly maxNgram?: 1 | 2;
  /** Example quotes kept per theme (default 3). */
  readonly examples?: number;
  /** Extra stop words, lower case (e.g. the brand name). */
  readonly stopWords?: Iterable<string>;
  /** Language for texts whose language is absent and cannot be detected (default: none, not analysed). */
  readonly fallbackLanguage?: SupportedLanguage;
  /** Confidence level of the Wilson intervals, in (0, 1) (default 0.95). */
  readonly level?: number;
}

const findThemesSchema = z.strictObject({
  minDocuments: z.number().int().min(1).optional(),
  limit: z.number().int().min(0).default(20),
  maxNgram: z.union([z.literal(1), z.literal(2)]).default(2),
  examples: z.number().int().min(0).default(3),
  stopWords: z
    .custom<Iterable<string>>(
      (v) => typeof v === 'object' && v !== null && Symbol.iterator in v,
      'Expected an iterable of words',
    )
    .optional(),
  fallbackLanguage: z.enum(['en', 'pl']).optional(),
  level: levelOption,
});
const MERGE_COVERAGE = 0.8;

/**
 * Finds the themes of one set of texts — for example the 50 comments of last week's detractors — by the
 * number of texts that use each word or two-word phrase, after stop words and boilerplate (greetings,
 * courtesy formulas, particles) are removed and words are merged into the phrases that carry them. Each
 * theme shows the share of texts with its Wilson interval, the topics it names and the ids of every text
 * behind it. To find what separates two groups, use {@link distinctiveThemes}.
 *
 * @param documents - The texts.
 * @param options - Thresholds, n-grams, stop words and confidence level.
 * @returns The themes and the topics they add up to.
 * @throws {@link @cx/model!CxValidationError} for a malformed language tag (path `[i, 'language']`).
 * @throws {@link @cx/model!CxOptionsError} for an unknown option, `null` or an out-of-range value.
 * @example
 * ```ts
 * import { findThemes } from '@cx/text';
 * const report = findThemes([
 *   { id: 'a', text: 'Courier late again' },
 *   { id: 'b', text: 'The courier was late' },
 *   { id: 'c', text: 'Refund never came' },
 * ]);
 * console.log(report.themes[0]?.term, report.themes[0]?.documentIds, report.topics[0]?.topic);
 * // 'courier' ['a', 'b'] 'delivery'
 * ```
 * @category Themes
 * @since 0.2.0
 */
export function findThemes(
  documents: readonly ThemeDocument[],
  options: FindThemesOptions = {},
): FrequentThemeReport {
  const o = parseOptions(findThemesSchema, options, 'findThemes');
  const { limit, examples, maxNgram } = o;
  const level = o.level;
  const stopWords = new Set([...(o.stopWords ?? [])].map((w) => w.toLowerCase()));
  const counts = new TermCounts(examples);
  let unanalysed = 0;
  documents.forEach((document, i) => {
    const language = documentLanguage(document, o.fallbackLanguage, [i, 'language']);
    if (language === undefined) {
      unanalysed++;
      return;
    }
    counts.addDocument(
      document.id,
      document.text,
      extractTerms(document.text, language, maxNgram, stopWords),
    );
  });
  const n = counts.documents;
  const minDocuments = o.minDocuments ?? Math.max(2, Math.ceil(0.05 * n));
  const candidates = [...counts.terms]
    .filter(([, t]) => t.documents >= minDocuments)
    .map(([key, t]) => ({ key, t, words: key.split(' ').length }));
  const dropped = new Set<string>();
  const mergedInto = new Map<string, string[]>();
  const phrasesOf = new Map<string, (typeof candidates)[number][]>();
  for (const c of candidates) {
    if (c.words !== 2) continue;
    for (const part of new Set(c.key.split(' '))) phrasesOf.set(part, [...(phrasesOf.get(part) ?? []), c]);
  }
  for (const word of candidates) {
    if (word.words !== 1) continue;
    const phrase = (phrasesOf.get(word.key) ?? [])
      .filter((p) => word.t.ids.filter((id) => p.t.idSet.has(id)).length >= MERGE_COVERAGE * word.t.documents)
      .sort((a, b) => b.t.documents - a.t.documents || (a.key < b.key ? -1 : 1))[0];
    if (phrase === undefined) continue;
    dropped.add(word.key);
    mergedInto.set(phrase.key, [
      ...(mergedInto.get(phrase.key) ?? []),
      topSurface(word.t.surfaces) ?? word.key,
    ]);
  }
  const themes = candidates
    .filter((c) => !dropped.has(c.key))
    .sort((a, b) => b.t.documents - a.t.documents || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit)
    .map(({ key, t, words }): FrequentTheme => {
      const term = topSurface(t.surfaces) ?? key;
      return {
        term,
        key,
        words,
        share: proportion(t.documents, n, { level }),
        documentIds: [...t.ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        topics: themeTopics(term),
        merged: mergedInto.get(key) ?? [],
        examples: [...t.examples],
      };
    });
  const byTopic = new Map<CxTopic, Set<string>>();
  for (const theme of themes) {
    for (const topic of theme.topics) {
      const ids = byTopic.get(topic) ?? new Set<string>();
      for (const id of theme.documentIds) ids.add(id);
      byTopic.set(topic, ids);
    }
  }
  const topics = [...byTopic]
    .map(([topic, ids]) => ({ topic, share: proportion(ids.size, n, { level }), documentIds: [...ids] }))
    .sort((a, b) => b.documentIds.length - a.documentIds.length || (a.topic < b.topic ? -1 : 1));
  return { documents: n, unanalysed, themes, topics };
}

function topSurface(surfaces: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [s, c] of surfaces) {
    if (c > bestCount || (c === bestCount && best !== undefined && s < best)) {
      best = s;
      bestCount = c;
    }
  }
  return best;
}
