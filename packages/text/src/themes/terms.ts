import type { SupportedLanguage } from '../language.js';
import { LEXICONS } from '../sentiment/lexicons.js';
import { stemWord } from '../text/stem.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { tokenize } from '../text/tokenize.js';

/** One occurrence of a theme term: its counting key (stems) and its surface form. */
export interface TermOccurrence {
  readonly key: string;
  readonly surface: string;
}

/**
 * Extracts theme terms: content words (no stop words, numbers or one-letter words) and, when
 * `maxNgram` is 2, pairs of adjacent content words within a clause; a negator may open a pair
 * (`nie działa`, `not working`).
 */
export function extractTerms(
  text: string,
  language: SupportedLanguage,
  maxNgram: 1 | 2,
  extraStopWords: ReadonlySet<string>,
): TermOccurrence[] {
  const stop = STOP_WORDS[language];
  const negators = LEXICONS[language].negators;
  const isContent = (w: string) => !stop.has(w) && !extraStopWords.has(w) && [...w].length > 1;
  const out: TermOccurrence[] = [];
  let previous: { norm: string; stem: string } | undefined;
  for (const token of tokenize(text, language)) {
    if (token.kind !== 'word') {
      previous = undefined;
      continue;
    }
    const norm = token.norm;
    const stem = stemWord(norm, language);
    const content = isContent(norm);
    if (content) out.push({ key: stem, surface: norm });
    if (maxNgram === 2 && previous !== undefined && content) {
      const opens = isContent(previous.norm) || negators.has(previous.norm);
      if (opens) out.push({ key: `${previous.stem} ${stem}`, surface: `${previous.norm} ${norm}` });
    }
    previous = content || negators.has(norm) ? { norm, stem } : undefined;
  }
  return out;
}
