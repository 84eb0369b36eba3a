import { CxValidationError, parseOptions } from '@cx/model';
import { z } from 'zod';
import { lookupIn } from './sentiment/lexicon.js';
import { LEXICONS } from './sentiment/lexicons.js';
import { STOP_WORDS } from './text/stopwords.js';
import { tokenize } from './text/tokenize.js';

/**
 * The languages this package analyses.
 *
 * @example
 * ```ts
 * import { SUPPORTED_LANGUAGES } from '@cx/text';
 * console.log(SUPPORTED_LANGUAGES); // ['en', 'pl']
 * ```
 * @category Language
 * @since 0.1.0
 */
export const SUPPORTED_LANGUAGES = Object.freeze(['en', 'pl'] as const);

/**
 * A language this package analyses: English or Polish.
 *
 * @category Language
 * @since 0.1.0
 */
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * A supported language, or `unknown` when the text is in another language, is ambiguous or is empty.
 *
 * @category Language
 * @since 0.1.0
 */
export type DetectedLanguage = SupportedLanguage | 'unknown';

/**
 * Maps a BCP 47 language tag to a supported language: `pl-PL` → `pl`, `en-GB` → `en`, `de` → `unknown`.
 *
 * @param tag - A BCP 47 tag such as `pl`, `en-US` or `pt-BR`.
 * @param path - Issue path to report on error (default `['language']`).
 * @returns `en`, `pl`, or `unknown` for a valid tag of another language.
 * @throws {@link @cx/model!CxValidationError} with code `invalid_language_tag` when the tag is not BCP 47.
 * @example
 * ```ts
 * import { resolveLanguageTag } from '@cx/text';
 * console.log(resolveLanguageTag('pl-PL'), resolveLanguageTag('de')); // 'pl' 'unknown'
 * ```
 * @category Language
 * @since 0.1.0
 */
export function resolveLanguageTag(
  tag: string,
  path: ReadonlyArray<string | number> = ['language'],
): DetectedLanguage {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    canonical = undefined;
  }
  if (canonical === undefined || !/^[A-Za-z]{2,3}(?:-|$)/u.test(canonical)) {
    throw new CxValidationError([
      {
        path: [...path],
        message: `Expected a BCP 47 language tag such as en, pl or pl-PL, got ${JSON.stringify(tag)}`,
        code: 'invalid_language_tag',
      },
    ]);
  }
  const primary = canonical.split('-')[0]?.toLowerCase();
  return primary === 'en' || primary === 'pl' ? primary : 'unknown';
}

/**
 * The result of {@link detectLanguage}.
 *
 * @category Language
 * @since 0.1.0
 */
export interface LanguageDetection {
  /** The detected language, or `unknown`. */
  readonly language: DetectedLanguage;
  /** Share of the evidence that points to the detected language (0 … 1; 0 when unknown). */
  readonly confidence: number;
  /** Why the language is `unknown`, if it is. */
  readonly reason?: 'empty' | 'non-latin-script' | 'no-evidence' | 'ambiguous';
  /** Evidence points per supported language. */
  readonly evidence: Readonly<Record<SupportedLanguage, number>>;
}

/**
 * Options of {@link detectLanguage}.
 *
 * @category Language
 * @since 0.1.0
 */
export interface DetectLanguageOptions {
  /**
   * Least share of words that must be English or Polish evidence in texts of five or more words, so that
   * German or Spanish text is not taken for English (default 0.2).
   */
  readonly minEvidenceShare?: number;
}

const detectSchema = z.strictObject({ minEvidenceShare: z.number().min(0).max(1).default(0.2) });

const POLISH_LETTERS = /[ąćęłńśźż]/u;
// Spelling patterns frequent in one language and rare in the other (half a point of evidence each).
const POLISH_SPELLING = /rz|sz|cz|ów$|ych$|ego$|owy$|ny$|ki$|ku$|wy$|ją$|ać$|ić$/u;
const ENGLISH_SPELLING = /th|wh|ing$|ed$|tion$|ly$|ck|ough|ee|oo/u;

/**
 * Detects whether a short text is English or Polish, from function words, lexicon words and Polish letters.
 *
 * Made for customer feedback, not for language identification in general: any text that is not clearly
 * English or Polish (another language, another script, too little evidence, a tie) is `unknown`.
 *
 * @param text - Any string.
 * @param options - Detection options.
 * @returns The language with its confidence and evidence.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option, `null`, or a share outside [0, 1].
 * @example
 * ```ts
 * import { detectLanguage } from '@cx/text';
 * console.log(detectLanguage('Kurier się spóźnił').language); // 'pl'
 * console.log(detectLanguage('The courier was late').language); // 'en'
 * console.log(detectLanguage('Die Lieferung war pünktlich').language); // 'unknown'
 * ```
 * @category Language
 * @since 0.1.0
 */
export function detectLanguage(text: string, options?: DetectLanguageOptions): LanguageDetection {
  const minShare = parseOptions(detectSchema, options, 'detectLanguage').minEvidenceShare;
  const words = tokenize(text, 'unknown').filter((t) => t.kind === 'word');
  const evidence = { en: 0, pl: 0 };
  if (words.length === 0) return { language: 'unknown', confidence: 0, reason: 'empty', evidence };
  let latin = 0;
  let other = 0;
  for (const word of words) {
    for (const ch of word.norm) {
      if (/\p{Script=Latin}/u.test(ch)) latin++;
      else if (/\p{L}/u.test(ch)) other++;
    }
  }
  if (other > latin) return { language: 'unknown', confidence: 0, reason: 'non-latin-script', evidence };
  let supported = 0;
  for (const { norm } of words) {
    const en =
      STOP_WORDS.en.has(norm) ||
      lookupIn(LEXICONS.en, norm, false, false) !== undefined ||
      LEXICONS.en.negators.has(norm);
    const pl =
      STOP_WORDS.pl.has(norm) ||
      lookupIn(LEXICONS.pl, norm, false, false) !== undefined ||
      POLISH_LETTERS.test(norm);
    const enSpelling = !en && !pl && ENGLISH_SPELLING.test(norm);
    const plSpelling = !en && !pl && POLISH_SPELLING.test(norm);
    if (en) evidence.en += 1;
    if (pl) evidence.pl += POLISH_LETTERS.test(norm) ? 2 : 1;
    if (enSpelling) evidence.en += 0.5;
    if (plSpelling) evidence.pl += 0.5;
    if (en || pl || enSpelling || plSpelling) supported++;
  }
  const best = Math.max(evidence.en, evidence.pl);
  if (best === 0 || (words.length >= 5 && supported / words.length < minShare)) {
    return { language: 'unknown', confidence: 0, reason: 'no-evidence', evidence };
  }
  if (evidence.en === evidence.pl)
    return { language: 'unknown', confidence: 0, reason: 'ambiguous', evidence };
  const language: SupportedLanguage = evidence.pl > evidence.en ? 'pl' : 'en';
  return { language, confidence: best / (evidence.en + evidence.pl), evidence };
}
