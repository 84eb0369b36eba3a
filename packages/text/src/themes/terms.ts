import type { SupportedLanguage } from '../language.js';
import { LEXICONS } from '../sentiment/lexicons.js';
import { foldPolish } from '../text/fold.js';
import { stemWord } from '../text/stem.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { tokenize } from '../text/tokenize.js';

/** One occurrence of a theme term: its counting key (stems) and its surface form. */
export interface TermOccurrence {
  readonly key: string;
  readonly surface: string;
}

// Boilerplate that names no theme: greetings and courtesy formulas, modal and discourse particles, and
// vague intensifiers (written for this project, CC0). Polish forms are also matched without diacritics.
const BOILERPLATE: Readonly<Record<SupportedLanguage, ReadonlySet<string>>> = {
  en: new Set(
    `hello hi hey dear thanks thank thx please regards kind best cheers sincerely morning afternoon evening guys
    sir madam just really actually maybe basically literally simply even quite pretty bit lot lots totally ok okay
    yes yeah well still already also again anyway though hope wish would could like get got go went make made
    thing things something anything everything way time`.split(/\s+/u),
  ),
  pl: new Set(
    `witam witajcie pozdrawiam pozdrawiamy serdecznie serdeczne dziękuję dziękujemy dzięki proszę uprzejmie
    poważaniem góry szanowni szanowny szanowna państwo państwa państwu chyba właśnie naprawdę prostu niby
    przecież raczej może trochę sumie jednak serio totalnie ogólnie generalnie zresztą ponownie znowu znów ciągle
    nadal wciąż jeszcze bardzo dosyć dość całkiem strasznie mega super okej ok cześć hej rzecz coś wszystko
    sprawa sprawie sprawę czas razy`
      .split(/\s+/u)
      .flatMap((w) => [w, foldPolish(w)]),
  ),
};

// Two-word formulas whose words are dropped together (`dzień dobry` is a greeting, `dobry` alone is not).
const FORMULAS: Readonly<Record<SupportedLanguage, ReadonlySet<string>>> = {
  en: new Set([
    'good morning',
    'good afternoon',
    'good evening',
    'good day',
    'kind regards',
    'best regards',
    'in advance',
  ]),
  pl: new Set([
    'dzień dobry',
    'dzien dobry',
    'dobry wieczór',
    'dobry wieczor',
    'miłego dnia',
    'milego dnia',
    'z góry',
    'z gory',
  ]),
};

/**
 * Extracts theme terms: content words (no stop words, boilerplate, numbers or one-letter words) and, when
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
  const boilerplate = BOILERPLATE[language];
  const negators = LEXICONS[language].negators;
  const isContent = (w: string) =>
    !stop.has(w) && !boilerplate.has(w) && !extraStopWords.has(w) && [...w].length > 1;
  const out: TermOccurrence[] = [];
  let previous: { norm: string; stem: string } | undefined;
  const tokens = tokenize(text, language);
  const formula = new Set<number>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (FORMULAS[language].has(`${tokens[i]?.norm} ${tokens[i + 1]?.norm}`)) formula.add(i).add(i + 1);
  }
  for (const [i, token] of tokens.entries()) {
    if (token.kind !== 'word' || formula.has(i)) {
      previous = undefined;
      continue;
    }
    const norm = token.norm;
    const stem = language === 'pl' ? foldPolish(stemWord(norm, language)) : stemWord(norm, language);
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
