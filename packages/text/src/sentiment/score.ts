import { parseOptions } from '@cx/model';
import { z } from 'zod';
import {
  type DetectedLanguage,
  detectLanguage,
  resolveLanguageTag,
  type SupportedLanguage,
} from '../language.js';
import { isBlankText, normalizeText } from '../text/normalize.js';
import { type Token, tokenize } from '../text/tokenize.js';
import {
  applyContrast,
  applyPoliteness,
  applyQuestions,
  applyResolution,
  applySarcasm,
  applyScareQuotes,
} from './adjust.js';
import { EMOTICONS, emoticonValence } from './emoji.js';
import { type Layout, layoutTokens } from './layout.js';
import type { SentimentLexicon } from './lexicon.js';
import { LEXICONS } from './lexicons.js';
import { type Protection, protectTokens } from './protect.js';
import { SENTENCE_RULES } from './rules.js';
import { type PositionedHit, type SentimentRule, scoreTokens } from './score-tokens.js';
import { predictShipped } from './shipped.js';

/**
 * Sentiment label of a text.
 *
 * @category Sentiment
 * @since 0.1.0
 */
export type SentimentLabel = 'positive' | 'neutral' | 'negative';

/**
 * Why a text was or was not scored.
 *
 * - `scored`: the text was analysed (its label may still be `neutral`).
 * - `empty`: empty or white space only.
 * - `unsupported-language`: the given language tag is valid but not English or Polish.
 * - `undetermined-language`: no language given and detection gave `unknown`.
 *
 * @category Sentiment
 * @since 0.1.0
 */
export type SentimentStatus = 'scored' | 'empty' | 'unsupported-language' | 'undetermined-language';

/**
 * Which model labels a text.
 *
 * - `hybrid` (default): the shipped classifier, a multinomial logistic regression over the rules model's
 *   scores and the text's words and word pairs, trained on the train and dev splits of the project's
 *   labelled corpus (English and Polish); `score` is P(positive) − P(negative).
 * - `rules`: the lexicon and rules alone (VADER-like); `score` is the compound score and `threshold` sets the
 *   label.
 *
 * Both give the same `hits` (the rules model's matches, which explain the text).
 *
 * @category Sentiment
 * @since 0.3.0
 */
export type SentimentModel = 'hybrid' | 'rules';

/**
 * One lexicon match that contributed to a score.
 *
 * @category Sentiment
 * @since 0.1.0
 */
export interface SentimentHit {
  /** The text that matched (a word, phrase, emoji or emoticon). */
  readonly text: string;
  /** The lexicon term that matched (`szybk*`, `on time`, or the emoji itself). */
  readonly term: string;
  /** The entry's valence before modifiers. */
  readonly valence: number;
  /** The contribution after negation, intensifiers and contrast weighting. */
  readonly weight: number;
  /** Whether the match was negated. */
  readonly negated: boolean;
  /** The rules that changed its weight, in the order applied. */
  readonly rules: readonly SentimentRule[];
  /** UTF-16 offset of the match in the normalised text (see {@link normalizeText}). */
  readonly index: number;
  /** Sentence number of the match (0-based). */
  readonly sentence: number;
}

/**
 * The sentiment of one text.
 *
 * @category Sentiment
 * @since 0.1.0
 */
export interface SentimentResult {
  /** Whether the text was scored, and if not, why. */
  readonly status: SentimentStatus;
  /** Language used (`unknown` when not scored for a language reason or when empty). */
  readonly language: DetectedLanguage;
  /** Whether the language was given by the caller or detected. */
  readonly languageSource: 'given' | 'detected';
  /** The model that gave the label and score. */
  readonly model: SentimentModel;
  /**
   * In [−1, 1]; `null` when not scored. Model `rules`: in (−1, 1), the compound score `S / √(S² + 15)` of the summed
   * contributions `S`. Model `hybrid`: P(positive) − P(negative).
   */
  readonly score: number | null;
  /**
   * The label; `null` when not scored. Model `rules`: from the score and the threshold. Model `hybrid`: the
   * most probable label.
   */
  readonly label: SentimentLabel | null;
  /** Probability of each label under the `hybrid` model; `null` for the `rules` model or when not scored. */
  readonly probabilities: Readonly<Record<SentimentLabel, number>> | null;
  /** Sum `S` of the contributions (0 when not scored). */
  readonly raw: number;
  /** The matches that make up the score. */
  readonly hits: readonly SentimentHit[];
}

/**
 * Options of {@link analyzeSentiment}.
 *
 * @category Sentiment
 * @since 0.1.0
 */
export interface AnalyzeSentimentOptions {
  /** BCP 47 tag of the text's language; detected with {@link detectLanguage} when absent. */
  readonly language?: string | undefined;
  /** Language to use when detection is inconclusive on a Latin-script text (default: none, not scored). */
  readonly fallbackLanguage?: SupportedLanguage;
  /** Which model labels the text: `hybrid` (default) or `rules` (see {@link SentimentModel}). */
  readonly model?: SentimentModel;
  /**
   * Model `rules` and the per-topic labels of {@link analyzeAspects}: compound scores at or above this are
   * `positive`, at or below its negative are `negative` (default 0.05). The `hybrid` label is the most
   * probable one and does not use it.
   */
  readonly threshold?: number;
  /** Lexicons to use instead of the shipped {@link LEXICONS} (e.g. extended with domain terms). */
  readonly lexicons?: Partial<Readonly<Record<SupportedLanguage, SentimentLexicon>>>;
  /**
   * Brand, product and person names whose words are never read as sentiment (`Super-Pharm`, `Dobry Sklep`);
   * compared case-insensitively, word by word. @handles, URLs and e-mail addresses are always left out.
   */
  readonly names?: readonly string[];
}

const NORMALIZATION_ALPHA = 15;

/**
 * Scores the sentiment of an English or Polish text.
 *
 * The default model, `hybrid`, is a multinomial logistic regression shipped with the package: trained on the
 * train and dev splits of the project's labelled corpus (1,608 English and Polish customer texts; 5-fold
 * cross-validated accuracy 91 % en, 90 % pl), over the scores of the rules model and the words and word
 * pairs of the text. Its label is the most probable one and `score` is P(positive) − P(negative).
 *
 * The `rules` model (`model: 'rules'`, VADER-like; see docs/voice-of-customer.md): every lexicon word, stem,
 * phrase, emoji and emoticon adds its valence; a negator (`not`, `nie`, `bez`) flips and dampens (× −0.75)
 * the sentiment words of its clause; intensifiers multiply them (`very` × 1.5, `trochę` × 0.6); before the
 * last contrast word (`but`, `ale`) contributions count half, after it one and a half. The sum `S` becomes
 * `S / √(S² + 15)`. Both models return the rules model's `hits`, which explain the text.
 *
 * @param text - The text; malformed Unicode, emoji and very long texts are fine.
 * @param options - Language, model, threshold (rules model), lexicons and names.
 * @returns The score and label, or a result with `status` saying why there is none.
 * @throws {@link @cx/model!CxValidationError} when `options.language` is not a BCP 47 tag.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option, `null`, or a threshold outside [0, 1).
 * @example
 * ```ts
 * import { analyzeSentiment } from '@cx/text';
 * const pl = analyzeSentiment('Kurier bardzo miły, ale paczka przyszła uszkodzona.');
 * console.log(pl.language, pl.label); // 'pl' 'negative'
 * const en = analyzeSentiment('Not bad at all, delivery was on time!', { language: 'en-GB' });
 * console.log(en.label, en.model); // 'positive' 'hybrid'
 * const rules = analyzeSentiment('Great and friendly', { language: 'en', model: 'rules' });
 * console.log(rules.raw, rules.score?.toFixed(3)); // 5 '0.791'
 * console.log(analyzeSentiment('   ').status); // 'empty'
 * ```
 * @category Sentiment
 * @since 0.1.0
 */
export function analyzeSentiment(text: string, options?: AnalyzeSentimentOptions): SentimentResult {
  return analyzeDetailed(text, options).result;
}

/** The schema of {@link AnalyzeSentimentOptions} (shared by every function that scores text). */
export const analyzeSentimentSchema = z.strictObject({
  language: z.string().optional(),
  fallbackLanguage: z.enum(['en', 'pl']).optional(),
  model: z.enum(['hybrid', 'rules']).default('hybrid'),
  threshold: z.number().min(0).lt(1).default(0.05),
  lexicons: z
    .strictObject({
      en: z
        .custom<SentimentLexicon>((v) => isLexicon(v, 'en'), 'Expected a compiled English lexicon')
        .optional(),
      pl: z
        .custom<SentimentLexicon>((v) => isLexicon(v, 'pl'), 'Expected a compiled Polish lexicon')
        .optional(),
    })
    .optional(),
  names: z.array(z.string()).max(100_000).optional(),
});

function isLexicon(value: unknown, language: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { language?: unknown }).language === language &&
    (value as { words?: unknown }).words instanceof Map
  );
}

/** {@link analyzeSentiment} with the scored text behind the result (absent when not scored). */
export function analyzeDetailed(
  text: string,
  options: AnalyzeSentimentOptions | undefined = {},
): { readonly result: SentimentResult; readonly scored?: ScoredText; readonly threshold: number } {
  const o = parseOptions(analyzeSentimentSchema, options, 'analyzeSentiment');
  const { threshold, model } = o;
  const given = o.language === undefined ? undefined : resolveLanguageTag(o.language);
  const clean = normalizeText(text);
  const languageSource = given === undefined ? 'detected' : 'given';
  if (isBlankText(clean)) return { result: unscored('empty', 'unknown', languageSource, model), threshold };
  if (given === 'unknown')
    return { result: unscored('unsupported-language', 'unknown', 'given', model), threshold };
  let language = given;
  if (language === undefined) {
    const detection = detectLanguage(clean);
    language =
      detection.language !== 'unknown'
        ? detection.language
        : detection.reason !== 'non-latin-script' && options.fallbackLanguage !== undefined
          ? options.fallbackLanguage
          : undefined;
  }
  if (language === undefined)
    return { result: unscored('undetermined-language', 'unknown', 'detected', model), threshold };
  const own = o.lexicons;
  const lexicon =
    (own !== undefined && Object.hasOwn(own, language) ? own[language] : undefined) ?? LEXICONS[language];
  const scored = scoreText(clean, lexicon, o.names ?? []);
  const hits = scored.hits.map(toHit);
  for (const match of clean.matchAll(EMOTICONS)) {
    const valence = emoticonValence(match[0]);
    hits.push({
      text: match[0],
      term: match[0],
      valence,
      weight: valence,
      negated: false,
      rules: [],
      index: match.index,
      sentence: -1,
    });
  }
  hits.sort((a, b) => a.index - b.index);
  const raw = hits.reduce((sum, hit) => sum + hit.weight, 0);
  const rules = labelOf(raw, threshold);
  if (model === 'rules') {
    return {
      result: { status: 'scored', language, languageSource, model, ...rules, probabilities: null, raw, hits },
      scored,
      threshold,
    };
  }
  const hybrid = predictShipped(text, { language, score: rules.score, hits });
  return {
    result: { status: 'scored', language, languageSource, model, ...hybrid, raw, hits },
    scored,
    threshold,
  };
}

/** The compound score `S / √(S² + 15)` of a sum of contributions and its label at a threshold. */
export function labelOf(raw: number, threshold: number): { score: number; label: SentimentLabel } {
  const score = raw / Math.sqrt(raw * raw + NORMALIZATION_ALPHA);
  const label: SentimentLabel =
    score >= threshold && raw > 0 ? 'positive' : score <= -threshold && raw < 0 ? 'negative' : 'neutral';
  return { score, label };
}

function unscored(
  status: SentimentStatus,
  language: DetectedLanguage,
  source: 'given' | 'detected',
  model: SentimentModel,
): SentimentResult {
  return {
    status,
    language,
    languageSource: source,
    model,
    score: null,
    label: null,
    probabilities: null,
    raw: 0,
    hits: [],
  };
}

/**
 * Scores a normalised text with one lexicon: tokens, layout, protected names, the token pass, then the
 * sentence rules (contrast, questions, courtesy, irony). Shared by the sentiment and aspect analyses.
 */
export function scoreText(text: string, lexicon: SentimentLexicon, names: readonly string[]): ScoredText {
  const language = lexicon.language;
  const rules = SENTENCE_RULES[language];
  const tokens = tokenize(text, language);
  const layout = layoutTokens(text, tokens, lexicon, rules);
  const nameParts = names.map((name) =>
    tokenize(name, language)
      .filter((t) => t.kind === 'word' || t.kind === 'number')
      .map((t) => t.norm),
  );
  const protection = protectTokens(text, tokens, layout.sentenceStart, nameParts);
  const hits = scoreTokens(tokens, lexicon, layout, protection, rules);
  applyResolution(hits, tokens, layout, lexicon, rules);
  applyContrast(hits, tokens, layout, lexicon, rules);
  applyScareQuotes(hits, tokens, layout, text);
  applyQuestions(hits, tokens, layout, rules, language);
  applyPoliteness(hits);
  applySarcasm(hits, tokens, layout, rules, text, language);
  return { hits, tokens, layout, protection };
}

/** The hits of a text with the tokens, layout and protection they were found in. */
export interface ScoredText {
  readonly hits: PositionedHit[];
  readonly tokens: readonly Token[];
  readonly layout: Layout;
  readonly protection: readonly Protection[];
}

/** The public form of a positioned hit. */
export function toHit(hit: PositionedHit): SentimentHit {
  return {
    text: hit.text,
    term: hit.term,
    valence: hit.valence,
    weight: hit.weight,
    negated: hit.negated,
    rules: hit.rules,
    index: hit.index,
    sentence: hit.sentence,
  };
}
