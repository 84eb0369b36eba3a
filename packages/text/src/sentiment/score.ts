import { CxValidationError } from '@cx/model';
import {
  type DetectedLanguage,
  detectLanguage,
  resolveLanguageTag,
  type SupportedLanguage,
} from '../language.js';
import { isBlankText, normalizeText } from '../text/normalize.js';
import { type Token, tokenize } from '../text/tokenize.js';
import { EMOTICONS, emojiValence, emoticonValence } from './emoji.js';
import {
  type LexiconPhrase,
  type LexiconValue,
  lookupWord,
  partMatches,
  type SentimentLexicon,
} from './lexicon.js';
import { LEXICONS } from './lexicons.js';

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
  /** Compound score in (−1, 1): `S / √(S² + 15)` of the summed contributions `S`; `null` when not scored. */
  readonly score: number | null;
  /** Label from the score and the thresholds; `null` when not scored. */
  readonly label: SentimentLabel | null;
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
  /** Scores at or above this are `positive`, at or below its negative are `negative` (default 0.05). */
  readonly threshold?: number;
  /** Lexicons to use instead of the shipped {@link LEXICONS} (e.g. extended with domain terms). */
  readonly lexicons?: Partial<Readonly<Record<SupportedLanguage, SentimentLexicon>>>;
}

const NEGATION_SCOPE = 3;
const MODIFIER_SCOPE = 2;
const NEGATION_FACTOR = -0.75;
const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
const NORMALIZATION_ALPHA = 15;
const CLAUSE_END = new Set(['.', ',', ';', ':', '!', '?', '…', '(', ')', '-', '–', '—']);

/**
 * Scores the sentiment of an English or Polish text with a lexicon, negation, intensifiers and contrast.
 *
 * Method (VADER-like; see docs/voice-of-customer.md): every lexicon word, stem, phrase, emoji and emoticon
 * adds its valence; a negator (`not`, `nie`, `bez`) flips and dampens (× −0.75) the next sentiment word
 * within three words of the same clause; intensifiers multiply it (`very` × 1.5, `trochę` × 0.6); before
 * the last contrast word (`but`, `ale`) contributions count half, after it one and a half. The sum `S`
 * becomes `S / √(S² + 15)`.
 *
 * @param text - The text; malformed Unicode, emoji and very long texts are fine.
 * @param options - Language, thresholds and lexicons.
 * @returns The score and label, or a result with `status` saying why there is none.
 * @throws {@link @cx/model!CxValidationError} when `options.language` is not a BCP 47 tag or the threshold
 * is not in [0, 1).
 * @example
 * ```ts
 * import { analyzeSentiment } from '@cx/text';
 * const pl = analyzeSentiment('Kurier bardzo miły, ale paczka przyszła uszkodzona.');
 * console.log(pl.language, pl.label); // 'pl' 'negative'
 * const en = analyzeSentiment('Not bad at all, delivery was on time!', { language: 'en-GB' });
 * console.log(en.label); // 'positive'
 * console.log(analyzeSentiment('   ').status); // 'empty'
 * ```
 * @category Sentiment
 * @since 0.1.0
 */
export function analyzeSentiment(text: string, options: AnalyzeSentimentOptions = {}): SentimentResult {
  const threshold = options.threshold ?? 0.05;
  if (!(threshold >= 0 && threshold < 1)) {
    throw new CxValidationError([
      {
        path: ['threshold'],
        message: `Expected a threshold in [0, 1), got ${threshold}`,
        code: 'out_of_range',
      },
    ]);
  }
  const given = options.language === undefined ? undefined : resolveLanguageTag(options.language);
  const clean = normalizeText(text);
  const languageSource = given === undefined ? 'detected' : 'given';
  if (isBlankText(clean)) return unscored('empty', 'unknown', languageSource);
  if (given === 'unknown') return unscored('unsupported-language', 'unknown', 'given');
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
  if (language === undefined) return unscored('undetermined-language', 'unknown', 'detected');
  const lexicon = options.lexicons?.[language] ?? LEXICONS[language];
  const hits = scoreTokens(tokenize(clean, language), lexicon);
  for (const match of clean.matchAll(EMOTICONS)) {
    const valence = emoticonValence(match[0]);
    hits.push({ text: match[0], term: match[0], valence, weight: valence, negated: false });
  }
  const raw = hits.reduce((sum, hit) => sum + hit.weight, 0);
  const score = raw / Math.sqrt(raw * raw + NORMALIZATION_ALPHA);
  const label: SentimentLabel =
    score >= threshold && raw > 0 ? 'positive' : score <= -threshold && raw < 0 ? 'negative' : 'neutral';
  return { status: 'scored', language, languageSource, score, label, raw, hits };
}

function unscored(
  status: SentimentStatus,
  language: DetectedLanguage,
  source: 'given' | 'detected',
): SentimentResult {
  return { status, language, languageSource: source, score: null, label: null, raw: 0, hits: [] };
}

interface Pending {
  /** Word tokens left in scope. */
  left: number;
  /** The word's own value if nothing it governs is found (e.g. `brak`, `super`). */
  own: { text: string; term: string; value: LexiconValue } | undefined;
}

function scoreTokens(tokens: readonly Token[], lexicon: SentimentLexicon): SentimentHit[] {
  const hits: { hit: SentimentHit; position: number }[] = [];
  let negation: Pending | undefined;
  let modifier: (Pending & { factor: number }) | undefined;
  let lastContrast = -1;
  const flushOwn = (pending: Pending | undefined, position: number) => {
    if (pending?.own !== undefined && pending.own.value.valence !== 0) {
      const { text, term, value } = pending.own;
      hits.push({
        hit: { text, term, valence: value.valence, weight: value.valence, negated: false },
        position,
      });
    }
  };
  const addHit = (text: string, term: string, value: LexiconValue, position: number) => {
    const negated = negation !== undefined;
    let weight = negated ? (value.negated ?? value.valence * NEGATION_FACTOR) : value.valence;
    if (weight === 0) return false;
    if (modifier !== undefined) weight *= modifier.factor;
    hits.push({ hit: { text, term, valence: value.negated ?? value.valence, weight, negated }, position });
    if (negation !== undefined) negation.own = undefined;
    modifier = undefined;
    return true;
  };
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (token.kind === 'punct') {
      if (CLAUSE_END.has(token.norm)) {
        flushOwn(negation, i);
        flushOwn(modifier, i);
        negation = undefined;
        modifier = undefined;
      }
      i++;
      continue;
    }
    if (token.kind === 'emoji') {
      const valence = emojiValence(token.text);
      if (valence !== undefined)
        hits.push({
          hit: { text: token.text, term: token.text, valence, weight: valence, negated: false },
          position: i,
        });
      i++;
      continue;
    }
    const phrase = matchPhrase(tokens, i, lexicon);
    if (phrase !== undefined) {
      const text = tokens
        .slice(i, i + phrase.parts.length)
        .map((t) => t.text)
        .join(' ');
      addHit(text, phrase.parts.join(' '), phrase.value, i);
      i += phrase.parts.length;
      continue;
    }
    const word = token.norm;
    const entry = lookupWord(lexicon, word);
    if (lexicon.contrast.has(word)) {
      lastContrast = hits.length;
      flushOwn(negation, i);
      flushOwn(modifier, i);
      negation = undefined;
      modifier = undefined;
    } else if (lexicon.negators.has(word)) {
      flushOwn(negation, i);
      negation = {
        left: NEGATION_SCOPE,
        own: entry === undefined ? undefined : { text: token.text, term: entry.term, value: entry.value },
      };
    } else if (lexicon.modifiers.has(word)) {
      flushOwn(modifier, i);
      const own =
        entry === undefined ? undefined : { text: token.text, term: entry.term, value: entry.value };
      modifier = { left: MODIFIER_SCOPE, factor: lexicon.modifiers.get(word) as number, own };
    } else {
      const scored = entry !== undefined && addHit(token.text, entry.term, entry.value, i);
      if (negation !== undefined && --negation.left === 0) {
        flushOwn(negation, i);
        negation = undefined;
      }
      if (!scored && modifier !== undefined && --modifier.left === 0) {
        flushOwn(modifier, i);
        modifier = undefined;
      }
    }
    i++;
  }
  flushOwn(negation, tokens.length);
  flushOwn(modifier, tokens.length);
  return hits.map(({ hit }, index) => {
    if (lastContrast < 0) return hit;
    const factor = index < lastContrast ? CONTRAST_BEFORE : CONTRAST_AFTER;
    return { ...hit, weight: hit.weight * factor };
  });
}

function matchPhrase(
  tokens: readonly Token[],
  start: number,
  lexicon: SentimentLexicon,
): LexiconPhrase | undefined {
  const first = (tokens[start] as Token).norm;
  const candidates: LexiconPhrase[] = [...(lexicon.phrases.get(first) ?? [])];
  for (let end = first.length; end >= 2; end--) {
    const list = lexicon.phrases.get(`${first.slice(0, end)}*`);
    if (list !== undefined) candidates.push(...list);
  }
  candidates.sort((a, b) => b.parts.length - a.parts.length);
  for (const phrase of candidates) {
    let ok = true;
    for (let k = 0; k < phrase.parts.length; k++) {
      const token = tokens[start + k];
      if (
        token === undefined ||
        token.kind === 'punct' ||
        !partMatches(phrase.parts[k] as string, token.norm)
      ) {
        ok = false;
        break;
      }
    }
    if (ok) return phrase;
  }
  return undefined;
}
