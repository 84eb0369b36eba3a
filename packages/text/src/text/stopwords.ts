import type { SupportedLanguage } from '../language.js';
import { foldPolish } from './fold.js';

// Written for this project (CC0): function words of English and Polish, in lower case.
const EN = `a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just let me more most my myself of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up upon us very was we were what when where
which while who whom why will with would you your yours yourself yourselves also im i'm it's that's there's
i've i'd i'll you're they're we're we've he's she's isn't wasn't aren't weren't don't doesn't didn't can't cannot
couldn't won't wouldn't shouldn't haven't hasn't hadn't not no nor never get got one s t`;

const PL = `a aby ach albo ale ani aż bardzo bez bo bowiem by być był była było były będzie będą cali cała cały
chce ci cię ciebie co coś czy czyli czasem często dla do dlaczego dlatego dziś gdy gdyż gdzie go i ich ile im inne
inny iż ja jak jaki jakie jako je jeden jedna jedno jego jej jemu jest jestem jesteś jeszcze jeśli jeżeli już ją
każdy kiedy kto która które którego której który których ku lub ma mają mam mi mnie moi moim moja moje może mój
mu my na nad nam nami nas nasz nasza nasze nawet nic nich nie niech niej nim niż no o od oraz on ona one oni ono
po pod podczas przed przez przy raz razie sam sama się skąd są ta tak taka taki takie także tam te tego tej temu
ten teraz też to tobie toteż tu tutaj twoi twoja twoje twój ty tym tylko u w we wiele więc wszystko wy z za zaś ze
że żeby był byłam byłem było by mi sobie sobą swoje swój swoja jakoś coś już ok`;

function toSet(words: string, fold = false): ReadonlySet<string> {
  const list = words.split(/\s+/u).filter((w) => w.length > 0);
  return new Set(fold ? [...list, ...list.map(foldPolish)] : list);
}

/**
 * Stop words (function words without a theme of their own) for each supported language, lower case.
 *
 * Lists written for this project and released under CC0; the Polish list also holds every word without
 * its diacritics (`się` and `sie`). Negators such as `not` and `nie` are stop words
 * for single-word themes, but {@link distinctiveThemes} keeps them as the first word of a phrase
 * (`nie działa`, `not working`).
 *
 * @example
 * ```ts
 * import { STOP_WORDS } from '@cx/text';
 * console.log(STOP_WORDS.pl.has('się'), STOP_WORDS.en.has('delivery')); // true false
 * ```
 * @category Text
 * @since 0.1.0
 */
export const STOP_WORDS: Readonly<Record<SupportedLanguage, ReadonlySet<string>>> = Object.freeze({
  en: toSet(EN),
  pl: toSet(PL, true),
});
