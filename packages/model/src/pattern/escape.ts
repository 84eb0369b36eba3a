import type { ClassPart } from './ast.js';
import { DIGITS, WHITE_SPACE, WORD_CHARS } from './predefined.js';
import { hexValue, isDigit, type Scanner } from './scanner.js';

/** What an escape stands for: one code point, or a class such as `\d` (internal). */
export type Escape =
  | { readonly kind: 'char'; readonly cp: number }
  | { readonly kind: 'set'; readonly part: ClassPart };

const SYNTAX_CHARACTERS = '^$\\.*+?()[]{}|/';
const CONTROL: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d };
const CLASSES: Readonly<Record<string, ClassPart>> = {
  d: { set: DIGITS, complement: false },
  D: { set: DIGITS, complement: true },
  w: { set: WORD_CHARS, complement: false },
  W: { set: WORD_CHARS, complement: true },
  s: { set: WHITE_SPACE, complement: false },
  S: { set: WHITE_SPACE, complement: true },
};

/**
 * Reads the escape whose backslash is at `start` (already consumed), with the `u` flag's grammar: in a class, `\b`
 * is a backspace and `\-` a hyphen. Backreferences, `\b` `\B` outside classes, `\k<name>` and `\p{…}` are
 * unsupported; an escape of an ordinary letter is an error, as with RegExp's `u` flag.
 */
export function readEscape(scanner: Scanner, start: number, inClass: boolean): Escape {
  const cp = scanner.next();
  if (cp === -1) return scanner.fail(start, 'The pattern ends with a lone "\\"');
  const char = String.fromCodePoint(cp);
  const part = Object.hasOwn(CLASSES, char) ? CLASSES[char] : undefined;
  if (part !== undefined) return { kind: 'set', part };
  const control = Object.hasOwn(CONTROL, char) ? CONTROL[char] : undefined;
  if (control !== undefined) return { kind: 'char', cp: control };
  if (SYNTAX_CHARACTERS.includes(char) || (inClass && char === '-')) return { kind: 'char', cp };
  switch (char) {
    case 'b':
      if (inClass) return { kind: 'char', cp: 0x08 };
      return scanner.fail(start, 'Word-boundary assertions (\\b) are not supported');
    case 'B':
      if (inClass) return scanner.fail(start, 'Invalid escape "\\B" in a class');
      return scanner.fail(start, 'Word-boundary assertions (\\B) are not supported');
    case '0':
      if (isDigit(scanner.peek()))
        return scanner.fail(start, 'Octal escapes are not allowed; write \\x or \\u');
      return { kind: 'char', cp: 0 };
    case 'c': {
      const letter = scanner.peek();
      if ((letter >= 0x41 && letter <= 0x5a) || (letter >= 0x61 && letter <= 0x7a)) {
        scanner.next();
        return { kind: 'char', cp: letter % 32 };
      }
      return scanner.fail(start, 'Expected a letter after \\c');
    }
    case 'x':
      return { kind: 'char', cp: readHex(scanner, start, 2) };
    case 'u':
      return { kind: 'char', cp: readUnicodeEscape(scanner, start) };
    case 'k':
      return scanner.fail(start, 'Named backreferences (\\k<name>) are not supported');
    case 'p':
    case 'P':
      return scanner.fail(start, `Unicode property escapes (\\${char}{…}) are not supported`);
    default:
      if (isDigit(cp)) return scanner.fail(start, `Backreferences (\\${char}) are not supported`);
      return scanner.fail(
        start,
        `Invalid escape "\\${char}": only syntax characters ${SYNTAX_CHARACTERS} may be escaped${inClass ? ' (and - in a class)' : ''}`,
      );
  }
}

/** Reads exactly `digits` hexadecimal digits. */
function readHex(scanner: Scanner, start: number, digits: number): number {
  let value = 0;
  for (let k = 0; k < digits; k++) {
    const digit = hexValue(scanner.peek());
    if (digit < 0) return scanner.fail(start, `Expected ${digits} hexadecimal digits in the escape`);
    scanner.next();
    value = value * 16 + digit;
  }
  return value;
}

/** Reads `XXXX`, a surrogate pair `XXXX\uXXXX` (one code point), or `{X…}` after `\u`. */
function readUnicodeEscape(scanner: Scanner, start: number): number {
  if (scanner.eat('{')) {
    let value = 0;
    let digits = 0;
    for (let digit = hexValue(scanner.peek()); digit >= 0; digit = hexValue(scanner.peek())) {
      scanner.next();
      digits++;
      value = value * 16 + digit;
      if (value > 0x10ffff) return scanner.fail(start, 'Expected a code point of at most \\u{10FFFF}');
    }
    if (digits === 0 || !scanner.eat('}'))
      return scanner.fail(start, 'Expected \\u{…} with hexadecimal digits');
    return value;
  }
  const unit = readHex(scanner, start, 4);
  if (unit >= 0xd800 && unit <= 0xdbff && scanner.at('\\') && scanner.at('u', 1)) {
    const after = scanner.index;
    scanner.index += 2;
    let trail = 0;
    let k = 0;
    for (; k < 4 && hexValue(scanner.peek()) >= 0; k++) trail = trail * 16 + hexValue(scanner.next());
    if (k === 4 && trail >= 0xdc00 && trail <= 0xdfff)
      return 0x10000 + ((unit - 0xd800) << 10) + (trail - 0xdc00);
    scanner.index = after;
  }
  return unit;
}
