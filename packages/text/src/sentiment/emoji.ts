// Emoji and emoticon valences written for this project (CC0), shared by every language.
const EMOJI: ReadonlyArray<readonly [string, number]> = [
  ['😀', 2],
  ['😃', 2],
  ['😄', 2],
  ['😁', 2],
  ['😊', 2],
  ['🙂', 1],
  ['😍', 3],
  ['🥰', 3],
  ['😘', 2],
  ['🤩', 3],
  ['😎', 1],
  ['👍', 2],
  ['👌', 2],
  ['🙌', 2],
  ['👏', 2],
  ['💪', 1],
  ['❤', 3],
  ['💕', 3],
  ['💖', 3],
  ['💯', 2],
  ['🎉', 2],
  ['🥳', 3],
  ['✨', 1],
  ['⭐', 1],
  ['🌟', 2],
  ['🔥', 1],
  ['🙏', 1],
  ['😂', 1],
  ['😡', -3],
  ['😠', -3],
  ['🤬', -4],
  ['😤', -2],
  ['😞', -2],
  ['😟', -2],
  ['😢', -2],
  ['😭', -2],
  ['😩', -2],
  ['😫', -2],
  ['👎', -2],
  ['💩', -3],
  ['🤮', -3],
  ['🤢', -2],
  ['🙁', -1],
  ['☹', -2],
  ['😒', -2],
  ['🙄', -2],
  ['😕', -1],
  ['😣', -2],
  ['😖', -2],
  ['💔', -2],
  ['🤦', -2],
  ['😱', -2],
];

const EMOJI_VALENCE: ReadonlyMap<string, number> = new Map(EMOJI);

/** Valence of an emoji token (skin tones, variation selectors and ZWJ suffixes ignored), or undefined. */
export function emojiValence(emoji: string): number | undefined {
  const base = String.fromCodePoint(emoji.codePointAt(0) ?? 0);
  return EMOJI_VALENCE.get(base);
}

/** ASCII emoticons with their valence; matched on the raw text with word-like boundaries. */
export const EMOTICONS = /(?<![\p{L}\p{N}])(:-?\)+|:-?D\b|;-?\)|:-?\(+|:'\(|:-?\/(?!\/)|<3)/gu;

/** Valence of a matched emoticon. */
export function emoticonValence(emoticon: string): number {
  if (emoticon === '<3') return 3;
  if (emoticon.includes('(')) return -2;
  if (emoticon.includes('/')) return -1;
  return 2;
}
