const POLISH_FOLD: Readonly<Record<string, string>> = {
  ą: 'a',
  ć: 'c',
  ę: 'e',
  ł: 'l',
  ń: 'n',
  ó: 'o',
  ś: 's',
  ź: 'z',
  ż: 'z',
};
const POLISH_LETTER = /[ąćęłńóśźż]/gu;

/**
 * Removes the diacritics of the nine Polish letters from a lower-case word (ą→a, ć→c, ę→e, ł→l, ń→n, ó→o,
 * ś→s, ź→z, ż→z), the way Polish is often typed on phones and in chats (`zle`, `dziekuje`, `zolw`).
 *
 * Used for a second, folded look-up after the exact one, so that `swietna obsluga` reads as
 * `świetna obsługa`. Other letters are left as they are.
 *
 * @param word - A lower-case word.
 * @returns The word without Polish diacritics.
 * @example
 * ```ts
 * import { foldPolish } from '@cx/text';
 * console.log(foldPolish('świetna obsługa')); // 'swietna obsluga'
 * ```
 * @category Text
 * @since 0.2.0
 */
export function foldPolish(word: string): string {
  return word.replace(POLISH_LETTER, (letter) => POLISH_FOLD[letter] ?? letter);
}
