import type { SupportedLanguage } from '../language.js';
import { compileLexicon, type SentimentLexicon } from './lexicon.js';
import { EN_LEXICON_SOURCE } from './lexicon-en.js';
import { VADER_EN_ENTRIES } from './lexicon-en-vader.js';
import { PL_LEXICON_SOURCE } from './lexicon-pl.js';

/**
 * The shipped lexicons, compiled: English and Polish customer-experience lexicons written for this
 * project (CC0 1.0); the English one has the VADER lexicon (MIT) as background entries, consulted only
 * when no entry of the project's own matches.
 *
 * @example
 * ```ts
 * import { LEXICONS } from '@cx/text';
 * console.log(LEXICONS.en.words.get('excellent')?.valence); // 4
 * ```
 * @category Sentiment
 * @since 0.1.0
 */
export const LEXICONS: Readonly<Record<SupportedLanguage, SentimentLexicon>> = Object.freeze({
  en: compileLexicon({ ...EN_LEXICON_SOURCE, background: VADER_EN_ENTRIES }),
  pl: compileLexicon(PL_LEXICON_SOURCE),
});
