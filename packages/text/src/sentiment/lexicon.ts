import { CxValidationError, type ValidationIssue } from '@cx/model';
import type { SupportedLanguage } from '../language.js';
import { foldPolish } from '../text/fold.js';

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
  /**
   * Background whole-word entries (for English, the VADER lexicon): consulted only when no entry or stem
   * of the lexicon's own matches.
   */
  readonly background: ReadonlyMap<string, LexiconValue>;
  /**
   * The same entries keyed by their form without Polish diacritics (see {@link foldPolish}); empty for
   * English. Consulted after the exact look-up fails, so `swietna` reads as `świetna`.
   */
  readonly folded: {
    readonly words: ReadonlyMap<string, LexiconValue>;
    readonly stems: ReadonlyMap<string, LexiconValue>;
    readonly background: ReadonlyMap<string, LexiconValue>;
    readonly phrases: ReadonlyMap<string, readonly LexiconPhrase[]>;
  };
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
  /**
   * Background entries in the same line syntax (whole words only), of lower priority than `entries`:
   * used only when no entry or stem of `entries` matches (default none).
   */
  readonly background?: string;
}

const VALUE = /^(!?)(-?\d{1,3}(?:\.\d{1,6})?)$/u;
const MAX_VALENCE = 5;

interface ParsedEntry {
  readonly term: string;
  readonly value: LexiconValue;
}

type Issue = ValidationIssue;

/**
 * Parses one entry line: the term is everything before the last run of white space, the value everything
 * after it. Linear in the line's length (no backtracking pattern runs over the term).
 */
function parseEntry(text: string, language: SupportedLanguage): ParsedEntry | string {
  let cut = text.length - 1;
  while (cut >= 0 && !/\s/u.test(text.charAt(cut))) cut--;
  if (cut <= 0) return `Expected "term valence", got "${text}"`;
  const term = text.slice(0, cut).trim().toLocaleLowerCase(language);
  const match = VALUE.exec(text.slice(cut + 1));
  if (term === '' || match === null)
    return `Expected "term valence" with a number such as -2 or 1.5, got "${text}"`;
  const number = Number.parseFloat(match[2] as string);
  if (Math.abs(number) > MAX_VALENCE)
    return `Expected a valence in [-${MAX_VALENCE}, ${MAX_VALENCE}], got ${number}`;
  return { term, value: match[1] === '!' ? { valence: 0, negated: number } : { valence: number } };
}

interface Tables {
  readonly words: Map<string, LexiconValue>;
  readonly stems: Map<string, LexiconValue>;
  readonly phrases: Map<string, LexiconPhrase[]>;
}

function addEntry(tables: Tables, { term, value }: ParsedEntry): void {
  const parts = term.split(/\s+/u);
  if (parts.length > 1) {
    const key = parts[0] as string;
    const list = tables.phrases.get(key) ?? [];
    list.push({ parts, value });
    tables.phrases.set(key, list);
  } else if (term.endsWith('*')) {
    tables.stems.set(term.slice(0, -1), value);
  } else {
    tables.words.set(term, value);
  }
}

function parseLines(
  text: string,
  language: SupportedLanguage,
  field: 'entries' | 'background',
  issues: Issue[],
  each: (entry: ParsedEntry) => void,
): void {
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end).trim();
    if (raw !== '' && !raw.startsWith('#')) {
      const parsed = parseEntry(raw, language);
      if (typeof parsed === 'string')
        issues.push({ path: [field, line], message: parsed, code: 'invalid_entry' });
      else each(parsed);
    }
    line++;
    start = end + 1;
  }
}

/**
 * Compiles a lexicon from its text source, checking every line.
 *
 * Each line is read in time linear in its length. Later lines override earlier ones for the same term;
 * `background` entries never override `entries`.
 *
 * @param source - The lexicon source.
 * @returns The compiled lexicon.
 * @throws {@link @cx/model!CxValidationError} naming the line of any malformed entry or modifier (code
 * `invalid_entry` or `invalid_modifier`).
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
  const own: Tables = { words: new Map(), stems: new Map(), phrases: new Map() };
  const background = new Map<string, LexiconValue>();
  const issues: Issue[] = [];
  const { language } = source;
  parseLines(source.entries, language, 'entries', issues, (entry) => addEntry(own, entry));
  parseLines(source.background ?? '', language, 'background', issues, ({ term, value }) => {
    if (/\s|\*$/u.test(term)) return;
    background.set(term, value);
  });
  const modifiers = new Map<string, number>();
  const modifierParts = source.modifiers.split(/\s+/u).filter((s) => s !== '');
  for (let i = 0; i < modifierParts.length; i += 2) {
    const text = modifierParts[i + 1] ?? '';
    const factor = /^\d{1,3}(?:\.\d{1,6})?$/u.test(text) ? Number.parseFloat(text) : Number.NaN;
    if (!(factor > 0)) {
      issues.push({
        path: ['modifiers', i / 2],
        message: `Expected a positive multiplier after "${modifierParts[i]}", got "${text}"`,
        code: 'invalid_modifier',
      });
    } else {
      modifiers.set(modifierParts[i] as string, factor);
    }
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'lexicon' });
  for (const list of own.phrases.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  const fold = language === 'pl';
  const folded: Tables = { words: new Map(), stems: new Map(), phrases: new Map() };
  const foldedBackground = new Map<string, LexiconValue>();
  if (fold) {
    for (const [word, value] of own.words) setFolded(folded.words, word, value);
    for (const [stem, value] of own.stems) setFolded(folded.stems, stem, value);
    for (const [word, value] of background) setFolded(foldedBackground, word, value);
    for (const list of own.phrases.values())
      for (const phrase of list) {
        const parts = phrase.parts.map(foldPolish);
        const key = parts[0] as string;
        const entries = folded.phrases.get(key) ?? [];
        entries.push({ parts, value: phrase.value });
        folded.phrases.set(key, entries);
      }
    for (const list of folded.phrases.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  }
  const words = (text: string) => wordSet(text, fold);
  return {
    language,
    words: own.words,
    stems: own.stems,
    phrases: own.phrases,
    negators: words(source.negators),
    modifiers: fold ? withFolded(modifiers) : modifiers,
    contrast: words(source.contrast),
    background,
    folded: {
      words: folded.words,
      stems: folded.stems,
      background: foldedBackground,
      phrases: folded.phrases,
    },
  };
}

/** Keeps the first value of a folded key: an exact entry with diacritics is never overridden by another. */
function setFolded(map: Map<string, LexiconValue>, key: string, value: LexiconValue): void {
  const foldedKey = foldPolish(key);
  if (!map.has(foldedKey)) map.set(foldedKey, value);
}

function withFolded(map: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  const out = new Map(map);
  for (const [key, value] of map) if (!out.has(foldPolish(key))) out.set(foldPolish(key), value);
  return out;
}

function wordSet(text: string, fold: boolean): ReadonlySet<string> {
  const words = text.split(/\s+/u).filter((s) => s !== '');
  return new Set(fold ? [...words, ...words.map(foldPolish)] : words);
}

/**
 * Looks a single lower-case word up in a lexicon: whole-word entries first, then the longest stem, then
 * the background entries; for Polish the same again without diacritics (`swietna` → `świetn*`).
 *
 * @param lexicon - A compiled lexicon.
 * @param word - A lower-case word.
 * @returns The entry's value and the matched term, or `undefined`.
 * @example
 * ```ts
 * import { LEXICONS, lookupWord } from '@cx/text';
 * console.log(lookupWord(LEXICONS.pl, 'szybciutko')?.term); // 'szybciutk*'
 * console.log(lookupWord(LEXICONS.pl, 'swietna')?.term); // 'swietn*'
 * ```
 * @category Sentiment
 * @since 0.1.0
 */
export function lookupWord(
  lexicon: SentimentLexicon,
  word: string,
): { readonly term: string; readonly value: LexiconValue } | undefined {
  return lookupIn(lexicon, word, false);
}

/**
 * The look-up of {@link lookupWord}; with `exactOnly` (names, hashtags), stems are not tried, so that a
 * stem never matches inside a name.
 */
export function lookupIn(
  lexicon: SentimentLexicon,
  word: string,
  exactOnly: boolean,
  withBackground = true,
): { readonly term: string; readonly value: LexiconValue } | undefined {
  const none = new Map<string, LexiconValue>();
  const own = lookupTables(
    lexicon.words,
    lexicon.stems,
    withBackground ? lexicon.background : none,
    word,
    exactOnly,
  );
  if (own !== undefined || lexicon.language !== 'pl') return own;
  const folded = foldPolish(word);
  const { words, stems, background } = lexicon.folded;
  // Without diacritics short stems collide (`żal*` would read `zalozone`): folded stems need four letters.
  const found = lookupTables(
    words,
    stems,
    withBackground ? background : none,
    folded,
    exactOnly,
    MIN_FOLDED_STEM,
  );
  // Polish superlatives: `najwygodniejsze` is read as `wygodniejsze` (→ `wygodn*`) when not listed itself.
  if (found !== undefined || exactOnly || !folded.startsWith('naj') || folded.length < 7) return found;
  return lookupTables(words, stems, none, folded.slice(3), false);
}

/** Longest key of each stem table, so that a look-up tries only prefixes that could match. */
const longestKey = new WeakMap<ReadonlyMap<string, unknown>, number>();

/** Length of the longest key of a map (cached per map): bounds prefix look-ups, keeping them linear. */
export function maxKeyLength(map: ReadonlyMap<string, unknown>): number {
  let max = longestKey.get(map);
  if (max === undefined) {
    max = 0;
    for (const key of map.keys()) max = Math.max(max, key.length);
    longestKey.set(map, max);
  }
  return max;
}

const MIN_FOLDED_STEM = 4;

function lookupTables(
  words: ReadonlyMap<string, LexiconValue>,
  stems: ReadonlyMap<string, LexiconValue>,
  background: ReadonlyMap<string, LexiconValue>,
  word: string,
  exactOnly: boolean,
  minStem = 2,
): { readonly term: string; readonly value: LexiconValue } | undefined {
  const exact = words.get(word);
  if (exact !== undefined) return { term: word, value: exact };
  if (!exactOnly) {
    for (let end = Math.min(word.length, maxKeyLength(stems)); end >= minStem; end--) {
      const stem = word.slice(0, end);
      const value = stems.get(stem);
      if (value !== undefined) return { term: `${stem}*`, value };
    }
  }
  const fallback = background.get(word);
  return fallback === undefined ? undefined : { term: word, value: fallback };
}

/** Whether one phrase part (`opis*`, `z`, or `#` for any number) matches a lower-case word. */
export function partMatches(part: string, word: string): boolean {
  if (part === '#') return /^\p{N}/u.test(word);
  return part.endsWith('*') ? word.startsWith(part.slice(0, -1)) : part === word;
}
