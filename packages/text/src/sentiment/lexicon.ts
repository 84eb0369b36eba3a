import { CxValidationError, type ValidationIssue } from '@cx/model';
import type { SupportedLanguage } from '../language.js';

/**
 * A compiled sentiment lexicon for one language: valences, negators, intensifiers and contrast words.
 *
 * Build one with {@link compileLexicon}; the shipped ones are in {@link LEXICONS}.
 *
 * @category Sentiment
 * @since 0.1.0
 */
export interface SentimentLexicon {
  /** Language the lexicon is for. */
  readonly language: SupportedLanguage;
  /** Whole-word entries: lower-case word to valence (−4 … 4). */
  readonly words: ReadonlyMap<string, LexiconValue>;
  /** Stem entries (`szybk*`): stem to valence; a word matches its longest listed stem. */
  readonly stems: ReadonlyMap<string, LexiconValue>;
  /** Multi-word entries keyed by their first word (or first stem, with a trailing `*`). */
  readonly phrases: ReadonlyMap<string, readonly LexiconPhrase[]>;
  /** Words that negate the next sentiment-bearing words (`not`, `nie`). */
  readonly negators: ReadonlySet<string>;
  /** Intensifiers (> 1) and dampeners (< 1) as multipliers of the next sentiment-bearing word. */
  readonly modifiers: ReadonlyMap<string, number>;
  /** Contrast words (`but`, `ale`): what follows weighs more than what precedes. */
  readonly contrast: ReadonlySet<string>;
}

/**
 * The valence of a lexicon entry. `negatedOnly` entries (`arrive`, `działa`) carry no sentiment of
 * their own but become negative under negation (`never arrived`, `nie działa`).
 *
 * @category Sentiment
 * @since 0.1.0
 */
export interface LexiconValue {
  /** Valence when not negated (0 for `negatedOnly` entries). */
  readonly valence: number;
  /** Valence when negated; `undefined` means “flip and dampen” (× −0.75). */
  readonly negated?: number;
}

/**
 * A multi-word lexicon entry such as `waste of money` or `zgodn* z opis*`.
 *
 * @category Sentiment
 * @since 0.1.0
 */
export interface LexiconPhrase {
  /** Parts in order; a part ending in `*` matches any word starting with it. */
  readonly parts: readonly string[];
  /** The entry's value. */
  readonly value: LexiconValue;
}

/**
 * The source of a lexicon: entries as text lines, plus word lists.
 *
 * Each line of `entries` is `term valence` (e.g. `great 3`, `szybk* 2`, `waste of money -3`), or
 * `term !valence` for a negated-only entry (`arriv* !-2`). Lines starting with `#` are comments.
 *
 * @category Sentiment
 * @since 0.1.0
 */
export interface LexiconSource {
  /** Language of the lexicon. */
  readonly language: SupportedLanguage;
  /** Entry lines (see above). */
  readonly entries: string;
  /** Negators, separated by white space. */
  readonly negators: string;
  /** Modifiers as `word multiplier` pairs separated by white space, e.g. `very 1.5 slightly 0.5`. */
  readonly modifiers: string;
  /** Contrast words, separated by white space. */
  readonly contrast: string;
}

const ENTRY = /^(.+?)\s+(!?)(-?\d+(?:\.\d+)?)$/u;

/**
 * Compiles a lexicon from its text source, checking every line.
 *
 * @param source - The lexicon source.
 * @returns The compiled lexicon.
 * @throws {@link @cx/model!CxValidationError} naming the line of any malformed entry or modifier.
 * @example
 * ```ts
 * import { compileLexicon } from '@cx/text';
 * const lexicon = compileLexicon({
 *   language: 'en', entries: 'great 3\ndisappoint* -2\nwaste of money -3', negators: 'not', modifiers: 'very 1.5',
 *   contrast: 'but',
 * });
 * console.log(lexicon.stems.get('disappoint')?.valence); // -2
 * ```
 * @category Sentiment
 * @since 0.1.0
 */
export function compileLexicon(source: LexiconSource): SentimentLexicon {
  const words = new Map<string, LexiconValue>();
  const stems = new Map<string, LexiconValue>();
  const phrases = new Map<string, LexiconPhrase[]>();
  const issues: ValidationIssue[] = [];
  source.entries.split('\n').forEach((raw, line) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const match = ENTRY.exec(text);
    if (match === null) {
      issues.push({
        path: ['entries', line],
        message: `Expected "term valence", got "${text}"`,
        code: 'invalid_entry',
      });
      return;
    }
    const term = (match[1] as string).toLocaleLowerCase(source.language).trim();
    const number = Number(match[3]);
    const value: LexiconValue = match[2] === '!' ? { valence: 0, negated: number } : { valence: number };
    const parts = term.split(/\s+/u);
    if (parts.length > 1) {
      const key = parts[0] as string;
      const list = phrases.get(key) ?? [];
      list.push({ parts, value });
      phrases.set(key, list);
    } else if (term.endsWith('*')) {
      stems.set(term.slice(0, -1), value);
    } else {
      words.set(term, value);
    }
  });
  const modifiers = new Map<string, number>();
  const modifierParts = source.modifiers.split(/\s+/u).filter((s) => s !== '');
  for (let i = 0; i < modifierParts.length; i += 2) {
    const factor = Number(modifierParts[i + 1]);
    if (!Number.isFinite(factor) || factor <= 0) {
      issues.push({
        path: ['modifiers', i / 2],
        message: `Expected a positive multiplier after "${modifierParts[i]}"`,
        code: 'invalid_modifier',
      });
    } else {
      modifiers.set(modifierParts[i] as string, factor);
    }
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'lexicon' });
  for (const list of phrases.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  return {
    language: source.language,
    words,
    stems,
    phrases,
    negators: wordSet(source.negators),
    modifiers,
    contrast: wordSet(source.contrast),
  };
}

function wordSet(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/u).filter((s) => s !== ''));
}

/**
 * Looks a single lower-case word up in a lexicon: whole-word entries first, then the longest stem.
 *
 * @param lexicon - A compiled lexicon.
 * @param word - A lower-case word.
 * @returns The entry's value and the matched term, or `undefined`.
 * @example
 * ```ts
 * import { LEXICONS, lookupWord } from '@cx/text';
 * console.log(lookupWord(LEXICONS.pl, 'szybciutko')?.term); // 'szybciutk*'
 * ```
 * @category Sentiment
 * @since 0.1.0
 */
export function lookupWord(
  lexicon: SentimentLexicon,
  word: string,
): { readonly term: string; readonly value: LexiconValue } | undefined {
  const exact = lexicon.words.get(word);
  if (exact !== undefined) return { term: word, value: exact };
  for (let end = word.length; end >= 2; end--) {
    const stem = word.slice(0, end);
    const value = lexicon.stems.get(stem);
    if (value !== undefined) return { term: `${stem}*`, value };
  }
  return undefined;
}

/** Whether one phrase part (`opis*` or `z`) matches a lower-case word. */
export function partMatches(part: string, word: string): boolean {
  return part.endsWith('*') ? word.startsWith(part.slice(0, -1)) : part === word;
}
