import type { DetectedLanguage } from '../language.js';
import { normalizeText } from './normalize.js';

/**
 * What a {@link Token} is: a word, a number, an emoji (pictograph) or a punctuation mark.
 *
 * @category Text
 * @since 0.1.0
 */
export type TokenKind = 'word' | 'number' | 'emoji' | 'punct';

/**
 * One token of a text.
 *
 * @category Text
 * @since 0.1.0
 */
export interface Token {
  /** The token as written (after {@link normalizeText}). */
  readonly text: string;
  /** Lower-cased form (locale-aware), used for lexicon and stop-word look-ups. */
  readonly norm: string;
  /** What the token is. */
  readonly kind: TokenKind;
  /** UTF-16 offset of the token in the normalised text. */
  readonly index: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const NUMBER = /^[\p{N}.,]+$/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PUNCT = /^[\p{P}\p{S}]+$/u;

/**
 * Splits a text into tokens with the language's word-break rules (`Intl.Segmenter`, Unicode UAX #29),
 * keeping emoji and punctuation marks as tokens of their own.
 *
 * The text is first passed through {@link normalizeText}, so malformed Unicode never throws.
 *
 * @param text - Any string.
 * @param language - `en`, `pl` or `unknown` (language-neutral rules).
 * @returns The tokens in text order; white space is dropped.
 * @example
 * ```ts
 * import { tokenize } from '@cx/text';
 * console.log(tokenize("Nie polecam 😡!", 'pl').map((t) => `${t.kind}:${t.norm}`));
 * // ['word:nie', 'word:polecam', 'emoji:😡', 'punct:!']
 * ```
 * @category Text
 * @since 0.1.0
 */
export function tokenize(text: string, language: DetectedLanguage): Token[] {
  const clean = normalizeText(text);
  const locale = language === 'unknown' ? 'und' : language;
  const tokens: Token[] = [];
  const segmenter = segmenterFor(locale);
  for (const [offset, chunk] of chunks(clean)) {
    for (const { segment, index: local, isWordLike } of segmenter.segment(chunk)) {
      const index = offset + local;
      if (isWordLike === true && HAS_LETTER_OR_DIGIT.test(segment)) {
        const kind: TokenKind = NUMBER.test(segment) ? 'number' : 'word';
        tokens.push({ text: segment, norm: segment.toLocaleLowerCase(locale), kind, index });
      } else if (PICTOGRAPH.test(segment)) {
        tokens.push({ text: segment, norm: segment, kind: 'emoji', index });
      } else if (PUNCT.test(segment)) {
        tokens.push({ text: segment, norm: segment, kind: 'punct', index });
      }
    }
  }
  return tokens;
}

const CHUNK = 1024;

/**
 * Cuts a text into pieces of about {@link CHUNK} characters at white space (a word boundary under UAX #29).
 * Node 20's `Intl.Segmenter` slows down more than linearly on long inputs; short pieces keep tokenising
 * linear. A piece without white space is cut at a code-point boundary.
 */
function* chunks(text: string): Generator<readonly [number, string]> {
  let start = 0;
  while (text.length - start > CHUNK) {
    let end = start + CHUNK;
    const space = text.lastIndexOf(' ', end);
    const newline = text.lastIndexOf('\n', end);
    const cut = Math.max(space, newline);
    if (cut > start) end = cut + 1;
    else if (/[\uD800-\uDBFF]/u.test(text.charAt(end - 1))) end--;
    yield [start, text.slice(start, end)];
    start = end;
  }
  yield [start, text.slice(start)];
}
