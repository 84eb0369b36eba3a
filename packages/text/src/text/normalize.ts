/**
 * Makes any JavaScript string safe to analyse: lone UTF-16 surrogates (malformed Unicode) become
 * U+FFFD, the text is put in Unicode NFC form, and curly apostrophes become `'`.
 *
 * @param text - Any string, including malformed UTF-16.
 * @returns A well-formed, NFC-normalised string of the same meaning.
 * @example
 * ```ts
 * import { normalizeText } from '@cx/text';
 * console.log(normalizeText('ok\uD800 don’t')); // 'ok\uFFFD don\'t'
 * ```
 * @category Text
 * @since 0.1.0
 */
export function normalizeText(text: string): string {
  return toWellFormed(text)
    .normalize('NFC')
    .replace(/[\u2019\u02BC]/gu, "'");
}

/** Replaces every lone surrogate by U+FFFD (String.prototype.toWellFormed, written out for ES2023 libs). */
function toWellFormed(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    } else if (!(code >= 0xdc00 && code <= 0xdfff)) {
      continue;
    }
    out += text.slice(start, i) + '\uFFFD';
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

/**
 * Tells whether a text has nothing to analyse: empty, or only white space, invisible format characters
 * (zero-width spaces, BOM) and control characters.
 *
 * @param text - Any string.
 * @returns `true` when no visible character remains.
 * @example
 * ```ts
 * import { isBlankText } from '@cx/text';
 * console.log(isBlankText(' \u200B\n'), isBlankText('ok')); // true false
 * ```
 * @category Text
 * @since 0.1.0
 */
export function isBlankText(text: string): boolean {
  return /^[\p{White_Space}\p{Cf}\p{Cc}]*$/u.test(text);
}
