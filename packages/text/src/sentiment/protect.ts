import type { Token } from '../text/tokenize.js';

/**
 * How a token may be looked up: `skip` (part of an @handle, a URL, an e-mail address or a given name),
 * `exact` (a name-like word: whole-word entries only, never a stem), or `any`.
 */
export type Protection = 'skip' | 'exact' | 'any';

// Handles, URLs and e-mail addresses: spans of the text whose words are never sentiment words.
// Each alternative starts only where its run starts (look-behind), so matching is linear in the text.
const SPANS =
  /(?<![\p{L}\p{N}_.])@[\p{L}\p{N}_.]+|(?<!\S)https?:\/\/\S+|(?<!\S)www\.\S+|(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const CAMEL = /\p{Ll}\p{Lu}/u;
const MIXED = /(?=.*\p{L})(?=.*\p{N})/u;
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

/**
 * Marks the tokens that must not match a sentiment stem: words inside handles, URLs and e-mail addresses,
 * the given names (brands, products, people; case-insensitive, multi-word names too), words with inner
 * capitals or digits (`GoodBuy`, `X5Super`) are skipped; a capitalised word that does not start a sentence
 * (`Dobromir`, `Superdrug`) and a hashtag word match whole-word entries only.
 */
export function protectTokens(
  text: string,
  tokens: readonly Token[],
  sentenceStart: readonly boolean[],
  names: readonly (readonly string[])[],
): Protection[] {
  const out: Protection[] = tokens.map(() => 'any');
  const spans: [number, number][] = [];
  for (const match of text.matchAll(SPANS)) spans.push([match.index, match.index + match[0].length]);
  let s = 0;
  tokens.forEach((token, i) => {
    while (s < spans.length && (spans[s] as [number, number])[1] <= token.index) s++;
    const span = spans[s];
    if (span !== undefined && token.index >= span[0] && token.index < span[1]) {
      out[i] = 'skip';
      return;
    }
    if (token.kind !== 'word') return;
    if (CAMEL.test(token.text) || MIXED.test(token.text)) out[i] = 'skip';
    else if (text.charAt(token.index - 1) === '#') out[i] = 'exact';
    else if (UPPER_START.test(token.text) && HAS_LOWER.test(token.text) && sentenceStart[i] !== true)
      out[i] = 'exact';
  });
  for (const name of names) {
    if (name.length === 0) continue;
    for (let i = 0; i + name.length <= tokens.length; i++) {
      let hit = true;
      for (let k = 0; k < name.length && hit; k++) hit = tokens[i + k]?.norm === name[k];
      if (hit) for (let k = 0; k < name.length; k++) out[i + k] = 'skip';
    }
  }
  return out;
}
