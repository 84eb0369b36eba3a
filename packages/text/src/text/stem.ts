import type { DetectedLanguage } from '../language.js';

// Light, rule-based stemmers written for this project: they only conflate the inflected forms of one
// word for counting themes (kurier, kuriera, kurierem → kurier; deliveries → delivery). They are not
// linguistic stemmers and may leave some forms apart (kurierzy → kurierz).
const PL_SUFFIXES = [
  'ościami',
  'ościach',
  'owania',
  'owanie',
  'ościom',
  'owaniu',
  'ością',
  'owymi',
  'owych',
  'owego',
  'owemu',
  'owi',
  'ości',
  'ować',
  'owej',
  'owym',
  'ami',
  'ach',
  'ego',
  'emu',
  'ych',
  'ymi',
  'iej',
  'ich',
  'imi',
  'owy',
  'owa',
  'owe',
  'ów',
  'om',
  'em',
  'ie',
  'ią',
  'ię',
  'ej',
  'ym',
  'im',
  'a',
  'e',
  'i',
  'o',
  'u',
  'y',
  'ą',
  'ę',
].sort((a, b) => b.length - a.length);

const PL_MIN_STEM = 4;

/**
 * Reduces a lower-case word to a light stem so that inflected forms count as one theme.
 *
 * Polish: strips the longest of a list of case and adjective endings that leaves at least four letters.
 * English: plural `-ies` → `-y`, `-es` after sibilants, and `-s` (not `-ss`, `-us`, `-is`).
 *
 * @param word - A lower-case word.
 * @param language - Its language; `unknown` returns the word unchanged.
 * @returns The stem.
 * @example
 * ```ts
 * import { stemWord } from '@cx/text';
 * console.log(stemWord('kurierem', 'pl'), stemWord('deliveries', 'en')); // 'kurier' 'delivery'
 * ```
 * @category Text
 * @since 0.1.0
 */
export function stemWord(word: string, language: DetectedLanguage): string {
  if (language === 'pl') {
    for (const suffix of PL_SUFFIXES) {
      if (word.endsWith(suffix) && [...word].length - [...suffix].length >= PL_MIN_STEM) {
        return word.slice(0, word.length - suffix.length);
      }
    }
    return word;
  }
  if (language === 'en' && word.length > 3 && !word.includes("'")) {
    if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
    if (/(?:ch|sh|x|ss)es$/u.test(word)) return word.slice(0, -2);
    if (word.endsWith('s') && !/(?:ss|us|is)$/u.test(word)) return word.slice(0, -1);
  }
  return word;
}
