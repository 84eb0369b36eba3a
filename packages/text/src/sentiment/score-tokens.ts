import { foldPolish } from '../text/fold.js';
import type { Token } from '../text/tokenize.js';
import { emojiValence } from './emoji.js';
import { inList, type Layout } from './layout.js';
import {
  type LexiconPhrase,
  type LexiconValue,
  lookupIn,
  maxKeyLength,
  partMatches,
  type SentimentLexicon,
} from './lexicon.js';
import type { Protection } from './protect.js';
import type { SentenceRules } from './rules.js';

/**
 * A rule that changed the weight of a hit.
 *
 * - `negation`: flipped and dampened by a negator in its clause (or by a negated opinion verb).
 * - `intensifier`: multiplied by an intensifier or dampener.
 * - `contrast`: weighted by a contrast (`but`, `ale`, `although`).
 * - `question`: dampened because it is asked about, not stated.
 * - `politeness`: a courtesy formula (`thanks`, `pozdrawiam`) in a complaint, not praise.
 * - `sarcasm`: praise turned into blame by irony cues around a complaint, or a lower-case word in scare quotes.
 * - `resolution`: blame resolved in its clause (`fixed the dead zones`, `wymienili uszkodzony fotel`).
 * - `persistence`: blame added by a continuing failure (`still not`, `nadal nie`) or a rhetorical complaint
 *   question (`Why…?`, `Po co…?`).
 *
 * @category Sentiment
 * @since 0.2.0
 */
export type SentimentRule =
  | 'negation'
  | 'intensifier'
  | 'contrast'
  | 'question'
  | 'politeness'
  | 'sarcasm'
  | 'resolution'
  | 'persistence';

/** A hit with where it is: the internal form, turned into {@link SentimentHit} at the end. */
export interface PositionedHit {
  readonly text: string;
  readonly term: string;
  readonly valence: number;
  weight: number;
  readonly negated: boolean;
  readonly rules: SentimentRule[];
  /** Token position of the hit's first token. */
  readonly token: number;
  /** Number of tokens covered. */
  readonly length: number;
  /** UTF-16 offset in the normalised text. */
  readonly index: number;
  readonly sentence: number;
  readonly clause: number;
  /** A courtesy word not followed by `for` / `za`. */
  readonly polite: boolean;
  /** An emoji that reads as irony beside a complaint. */
  readonly emoji: boolean;
}

const NEGATION_FACTOR = -0.75;
const NEGATION_MAX_WORDS = 8;
const MODIFIER_SCOPE = 2;

interface Pending {
  left: number;
  own: { text: string; term: string; value: LexiconValue; token: number } | undefined;
}

/**
 * Reads the tokens left to right: lexicon words, stems, phrases and emoji become hits; a negator flips the
 * sentiment words after it up to the end of its clause (at most eight words), or to the end of the sentence
 * after a negated opinion verb; a modifier multiplies the next sentiment word within two words.
 */
export function scoreTokens(
  tokens: readonly Token[],
  lexicon: SentimentLexicon,
  layout: Layout,
  protection: readonly Protection[],
  rules: SentenceRules,
): PositionedHit[] {
  const language = lexicon.language;
  const hits: PositionedHit[] = [];
  let negation: (Pending & { sentence: number; clause: number; wide: boolean; word: string }) | undefined;
  let previousWord: string | undefined;
  let modifier: (Pending & { factor: number; clause: number }) | undefined;
  const push = (
    token: number,
    length: number,
    text: string,
    term: string,
    value: LexiconValue,
    weight: number,
    negated: boolean,
    extraRules: SentimentRule[],
  ) => {
    const next = tokens[token + length]?.norm;
    const polite =
      length === 1 &&
      inList(rules.polite, tokens[token]?.norm ?? '', language) &&
      !(next !== undefined && inList(rules.gratitudeFor, next, language));
    hits.push({
      text,
      term,
      valence: value.negated ?? value.valence,
      weight,
      negated,
      rules: extraRules,
      token,
      length,
      index: tokens[token]?.index ?? 0,
      sentence: layout.sentence[token] ?? 0,
      clause: layout.clause[token] ?? 0,
      polite,
      emoji: false,
    });
  };
  const flushOwn = (pending: Pending | undefined) => {
    if (pending?.own !== undefined && pending.own.value.valence !== 0) {
      const { text, term, value, token } = pending.own;
      push(token, 1, text, term, value, value.valence, false, []);
    }
  };
  const addHit = (token: number, length: number, text: string, term: string, value: LexiconValue) => {
    // A phrase that opens with a negator (`nie da się`, `no answer`) carries its own negation (concord).
    const ownNegator = length > 1 && inList(lexicon.negators, tokens[token]?.norm ?? '', language);
    if (ownNegator) negation = undefined;
    const negated = negation !== undefined;
    let weight = negated ? (value.negated ?? value.valence * NEGATION_FACTOR) : value.valence;
    if (weight === 0) return false;
    const applied: SentimentRule[] = negated ? ['negation'] : [];
    if (modifier !== undefined) {
      weight *= modifier.factor;
      applied.push('intensifier');
    }
    push(token, length, text, term, value, weight, negated, applied);
    // A negation governs the first sentiment word of its scope (`nobody could solve my problem`).
    negation = undefined;
    modifier = undefined;
    return true;
  };
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (negation !== undefined) {
      const sameSentence = layout.sentence[i] === negation.sentence;
      const sameClause = layout.clause[i] === negation.clause;
      if (!sameSentence || (!negation.wide && !sameClause)) {
        flushOwn(negation);
        negation = undefined;
      }
    }
    if (modifier !== undefined && layout.clause[i] !== modifier.clause) {
      flushOwn(modifier);
      modifier = undefined;
    }
    if (token.kind === 'punct' || protection[i] === 'skip') {
      i++;
      continue;
    }
    if (token.kind === 'emoji') {
      const valence = emojiValence(token.text);
      if (valence !== undefined) {
        push(i, 1, token.text, token.text, { valence }, valence, false, []);
        (hits.at(-1) as { emoji: boolean }).emoji = true;
      }
      i++;
      continue;
    }
    const phrase = protection[i] === 'any' ? matchPhrase(tokens, i, lexicon, protection) : undefined;
    if (phrase !== undefined) {
      const text = tokens
        .slice(i, i + phrase.parts.length)
        .map((t) => t.text)
        .join(' ');
      addHit(i, phrase.parts.length, text, phrase.parts.join(' '), phrase.value);
      if (negation !== undefined) negation.left--;
      i += phrase.parts.length;
      continue;
    }
    const word = token.norm;
    const entry = lookupIn(lexicon, word, protection[i] === 'exact');
    const own =
      entry === undefined ? undefined : { text: token.text, term: entry.term, value: entry.value, token: i };
    if (inList(lexicon.contrast, word, language)) {
      flushOwn(negation);
      flushOwn(modifier);
      negation = undefined;
      modifier = undefined;
    } else if (inList(lexicon.negators, word, language)) {
      if (previousWord !== undefined && inList(rules.persistence, previousWord, language)) {
        // `still not`, `nadal nie`: a failure that goes on.
        push(
          i - 1,
          2,
          `${tokens[i - 1]?.text} ${token.text}`,
          `${previousWord} ${word}`,
          { valence: -1 },
          -1,
          false,
          ['persistence'],
        );
      }
      if (expletive(tokens, layout, i, rules, language)) {
        // `nie wiem, czy paczka nie zaginęła`: a negation inside an indirect question negates nothing.
      } else if (negation === undefined) {
        negation = {
          left: NEGATION_MAX_WORDS,
          own,
          sentence: layout.sentence[i] ?? 0,
          clause: layout.clause[i] ?? 0,
          wide: false,
          word,
        };
      } else {
        // Negative concord (`nikt nie`, `nigdy nie`): one negation, not two.
        negation.left = NEGATION_MAX_WORDS;
        negation.clause = layout.clause[i] ?? 0;
      }
    } else if (
      lexicon.modifiers.has(word) ||
      (language === 'pl' && lexicon.modifiers.has(foldPolish(word)))
    ) {
      flushOwn(modifier);
      const factor = lexicon.modifiers.get(word) ?? lexicon.modifiers.get(foldPolish(word)) ?? 1;
      modifier = { left: MODIFIER_SCOPE, factor, own, clause: layout.clause[i] ?? 0 };
    } else {
      if (
        negation !== undefined &&
        (inList(rules.surpriseVerbs, word, language) || inList(rules.beliefVerbs, word, language)) &&
        (language === 'pl'
          ? inList(rules.surpriseVerbs, word, language)
          : inList(rules.pastNegators, negation.word, language))
      ) {
        // `I didn't think it would be so easy`, `nie sądziłam, że…`: surprise, not a negation.
        negation = undefined;
        previousWord = word;
        i++;
        continue;
      }
      if (negation !== undefined && inList(rules.beliefVerbs, word, language)) {
        negation.wide = true;
        negation.left = NEGATION_MAX_WORDS;
      }
      const scored = entry !== undefined && addHit(i, 1, token.text, entry.term, entry.value);
      if (negation !== undefined && --negation.left === 0) {
        flushOwn(negation);
        negation = undefined;
      }
      if (!scored && modifier !== undefined && --modifier.left === 0) {
        flushOwn(modifier);
        modifier = undefined;
      }
    }
    previousWord = word;
    i++;
  }
  flushOwn(negation);
  flushOwn(modifier);
  return hits.sort((a, b) => a.token - b.token);
}

function matchPhrase(
  tokens: readonly Token[],
  start: number,
  lexicon: SentimentLexicon,
  protection: readonly Protection[],
): LexiconPhrase | undefined {
  const exact = matchIn(tokens, start, lexicon.phrases, protection, false);
  if (exact !== undefined || lexicon.language !== 'pl') return exact;
  return matchIn(tokens, start, lexicon.folded.phrases, protection, true);
}

function matchIn(
  tokens: readonly Token[],
  start: number,
  phrases: ReadonlyMap<string, readonly LexiconPhrase[]>,
  protection: readonly Protection[],
  fold: boolean,
): LexiconPhrase | undefined {
  const norm = (t: Token) => (fold ? foldPolish(t.norm) : t.norm);
  const first = norm(tokens[start] as Token);
  const candidates: LexiconPhrase[] = [...(phrases.get(first) ?? [])];
  for (let end = Math.min(first.length, maxKeyLength(phrases)); end >= 2; end--) {
    const list = phrases.get(`${first.slice(0, end)}*`);
    if (list !== undefined) candidates.push(...list);
  }
  candidates.sort((a, b) => b.parts.length - a.parts.length);
  for (const phrase of candidates) {
    let ok = true;
    for (let k = 0; k < phrase.parts.length && ok; k++) {
      const token = tokens[start + k];
      ok =
        token !== undefined &&
        (token.kind === 'word' || token.kind === 'number') &&
        protection[start + k] !== 'skip' &&
        partMatches(phrase.parts[k] as string, norm(token));
    }
    if (ok) return phrase;
  }
  return undefined;
}

/** Whether a negator stands in a clause opened by `czy` / `whether` (an expletive negation). */
function expletive(
  tokens: readonly Token[],
  layout: Layout,
  i: number,
  rules: SentenceRules,
  language: 'en' | 'pl',
): boolean {
  const clause = layout.clause[i];
  for (let k = i - 1; k >= 0 && layout.clause[k] === clause; k--) {
    const token = tokens[k] as Token;
    if (token.kind === 'word' && inList(rules.indirectQuestion, token.norm, language)) return true;
  }
  return false;
}
