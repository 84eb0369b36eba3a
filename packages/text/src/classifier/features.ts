import type { SupportedLanguage } from '../language.js';
import { LEXICONS } from '../sentiment/lexicons.js';
import type { SentimentHit } from '../sentiment/score.js';
import { foldPolish } from '../text/fold.js';
import { stemWord } from '../text/stem.js';
import { tokenize } from '../text/tokenize.js';

/** Dense features from the lexicon model, in this order. */
export const DENSE_FEATURES = ['bias', 'score', 'positive', 'negative', 'negated', 'question'] as const;

/** The features of one text: dense lexicon features and the sparse n-gram keys. */
export interface TextFeatures {
  readonly language: SupportedLanguage | undefined;
  readonly dense: readonly number[];
  readonly keys: readonly string[];
}

/** What the features need of the rules model's result for the text. */
export interface RulesOutcome {
  readonly language: SupportedLanguage | 'unknown';
  readonly score: number | null;
  readonly hits: readonly Pick<SentimentHit, 'weight' | 'negated' | 'rules'>[];
}

/**
 * Features of a text for the classifier, from the text and the rules model's result on it: the compound
 * score, its positive and negative sums (÷ 4), the number of negated hits and whether a hit was dampened as
 * a question; and n-gram keys: light stems (Polish without diacritics) prefixed by the language, words after
 * a negator in the same clause marked `not_` (Das & Chen 2001), and pairs of adjacent words when `ngrams`
 * is 2.
 */
export function featuresOf(text: string, result: RulesOutcome, ngrams: 1 | 2): TextFeatures {
  const lang = result.language === 'unknown' ? undefined : result.language;
  let positive = 0;
  let negative = 0;
  let negated = 0;
  let question = 0;
  for (const hit of result.hits) {
    if (hit.weight > 0) positive += hit.weight;
    else negative -= hit.weight;
    if (hit.negated) negated++;
    if (hit.rules.includes('question')) question = 1;
  }
  const dense = [1, result.score ?? 0, positive / 4, negative / 4, Math.min(negated, 3) / 3, question];
  if (lang === undefined) return { language: undefined, dense, keys: [] };
  const negators = LEXICONS[lang].negators;
  const keys = new Set<string>();
  let previous: string | undefined;
  let negating = false;
  for (const token of tokenize(text, lang)) {
    if (token.kind === 'punct' || token.kind === 'emoji') {
      if (token.kind === 'emoji') keys.add(`${lang}:${token.text}`);
      previous = undefined;
      negating = false;
      continue;
    }
    const norm = lang === 'pl' ? foldPolish(token.norm) : token.norm;
    if (negators.has(token.norm) || negators.has(norm)) {
      negating = true;
      keys.add(`${lang}:${norm}`);
      previous = norm;
      continue;
    }
    const stem = `${negating ? 'not_' : ''}${stemWord(norm, lang)}`;
    keys.add(`${lang}:${stem}`);
    if (ngrams === 2 && previous !== undefined) keys.add(`${lang}:${previous} ${stem}`);
    previous = stem;
  }
  return { language: lang, dense, keys: [...keys] };
}
