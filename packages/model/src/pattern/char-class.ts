import type { ClassPart, PatternNode } from './ast.js';
import { charSetOf } from './char-set.js';
import { type Escape, readEscape } from './escape.js';
import type { Scanner } from './scanner.js';

/** Reads one class atom: a code point, or an escape such as `\d`. */
function readAtom(scanner: Scanner): Escape {
  const start = scanner.index;
  const cp = scanner.next();
  if (cp === 0x5c) return readEscape(scanner, start, true);
  return { kind: 'char', cp };
}

/**
 * Reads a bracketed class whose `[` at `start` is already consumed: `[abc]`, `[a-z0-9_-]`, `[^…]`, with escapes
 * inside; `[]` matches nothing and `[^]` any code point. A range needs two single code points in order.
 */
export function readClass(scanner: Scanner, start: number): PatternNode {
  const negated = scanner.eat('^');
  const ranges: Array<readonly [number, number]> = [];
  const parts: ClassPart[] = [];
  for (;;) {
    if (scanner.done) return scanner.fail(start, 'Unterminated character class: expected "]"');
    if (scanner.eat(']')) break;
    const atomStart = scanner.index;
    const first = readAtom(scanner);
    if (scanner.at('-') && !scanner.at(']', 1) && scanner.peek(1) !== -1) {
      scanner.next();
      const second = readAtom(scanner);
      if (first.kind !== 'char' || second.kind !== 'char')
        return scanner.fail(
          atomStart,
          'A class escape such as \\d cannot bound a range; escape the "-" as \\-',
        );
      if (first.cp > second.cp)
        return scanner.fail(
          atomStart,
          'Range out of order in character class: the first code point is larger',
        );
      ranges.push([first.cp, second.cp]);
    } else if (first.kind === 'char') {
      ranges.push([first.cp, first.cp]);
    } else {
      parts.push(first.part);
    }
  }
  if (ranges.length > 0) parts.push({ set: charSetOf(ranges), complement: false });
  return { type: 'chars', parts, negated };
}
