import { type CharSet, charSetOf } from './char-set.js';

/** `\d`: the ASCII digits. */
export const DIGITS: CharSet = charSetOf([[0x30, 0x39]]);

/** `\w`: ASCII letters, digits and `_` (with the `i` flag closed over case, which adds `ſ` and the Kelvin sign). */
export const WORD_CHARS: CharSet = charSetOf([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);

/** `\s`: ECMAScript WhiteSpace and LineTerminator code points. */
export const WHITE_SPACE: CharSet = charSetOf([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);

/** Line terminators, which `.` does not match (there is no `s` flag). */
export const LINE_TERMINATORS: CharSet = charSetOf([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);
