import type { PatternNode } from './ast.js';
import { readClass } from './char-class.js';
import { readEscape } from './escape.js';
import { PATTERN_LIMITS } from './limits.js';
import { LINE_TERMINATORS } from './predefined.js';
import { isDigit, Scanner } from './scanner.js';

/** An open group: the finished alternatives and the items of the current one. */
interface Frame {
  readonly open: number;
  readonly alternatives: PatternNode[];
  items: PatternNode[];
}

const QUANTIFIERS: Readonly<Record<string, readonly [number, number]>> = {
  '*': [0, Infinity],
  '+': [1, Infinity],
  '?': [0, 1],
};
const DOT: PatternNode = {
  type: 'chars',
  parts: [{ set: LINE_TERMINATORS, complement: true }],
  negated: false,
};
const BEGIN: PatternNode = { type: 'begin' };
const END: PatternNode = { type: 'end' };

function close(frame: Frame): PatternNode {
  const last: PatternNode = { type: 'sequence', items: frame.items };
  if (frame.alternatives.length === 0) return last;
  return { type: 'alternation', alternatives: [...frame.alternatives, last] };
}

/**
 * Parses a pattern into its syntax tree, without recursion: an explicit stack holds the open groups, so nesting
 * depth costs memory, never call stack. Throws a `PatternProblemSignal` at the first problem.
 */
export function parsePattern(source: string): PatternNode {
  const scanner = new Scanner(source);
  const frames: Frame[] = [{ open: -1, alternatives: [], items: [] }];
  let frame = frames[0] as Frame;
  // Whether the last item may take a quantifier: not at the start, nor after `|`, `^`, `$` or another quantifier.
  let repeatable = false;
  while (!scanner.done) {
    const start = scanner.index;
    const cp = scanner.next();
    const char = String.fromCodePoint(cp);
    switch (char) {
      case '|':
        frame.alternatives.push({ type: 'sequence', items: frame.items });
        frame.items = [];
        repeatable = false;
        break;
      case '(':
        if (scanner.at('?')) readGroupPrefix(scanner, start);
        frame = { open: start, alternatives: [], items: [] };
        frames.push(frame);
        repeatable = false;
        break;
      case ')': {
        if (frames.length === 1) return scanner.fail(start, 'Unmatched ")"; escape it as \\)');
        const node = close(frames.pop() as Frame);
        frame = frames[frames.length - 1] as Frame;
        frame.items.push(node);
        repeatable = true;
        break;
      }
      case '*':
      case '+':
      case '?':
      case '{': {
        if (!repeatable) return scanner.fail(start, `Nothing to repeat before "${char}"`);
        const [min, max] = QUANTIFIERS[char] ?? readBraces(scanner, start);
        // A lazy quantifier matches the same texts as the greedy one; only whether a match exists is reported.
        scanner.eat('?');
        const child = frame.items.pop() as PatternNode;
        frame.items.push({ type: 'repeat', min, max, child, index: start });
        repeatable = false;
        break;
      }
      case '}':
      case ']':
        return scanner.fail(start, `Lone "${char}"; escape it as \\${char}`);
      case '[':
        frame.items.push(readClass(scanner, start));
        repeatable = true;
        break;
      case '.':
        frame.items.push(DOT);
        repeatable = true;
        break;
      case '^':
      case '$':
        frame.items.push(char === '^' ? BEGIN : END);
        repeatable = false;
        break;
      case '\\': {
        const read = readEscape(scanner, start, false);
        frame.items.push(
          read.kind === 'char'
            ? { type: 'char', cp: read.cp }
            : { type: 'chars', parts: [read.part], negated: false },
        );
        repeatable = true;
        break;
      }
      default:
        frame.items.push({ type: 'char', cp });
        repeatable = true;
    }
  }
  if (frames.length > 1) return scanner.fail(frame.open, 'Unterminated group: expected ")"');
  return close(frame);
}

/** After `(` at `start`, with `?` next: accepts `(?:` and rejects lookarounds, named groups and modifiers. */
function readGroupPrefix(scanner: Scanner, start: number): void {
  const kind = scanner.peek(1);
  const after = scanner.peek(2);
  if (kind === 0x3a) {
    scanner.index += 2;
    return;
  }
  if (kind === 0x3d || kind === 0x21)
    scanner.fail(start, 'Lookahead assertions (?= and (?! are not supported');
  if (kind === 0x3c && (after === 0x3d || after === 0x21))
    scanner.fail(start, 'Lookbehind assertions (?<= and (?<! are not supported');
  if (kind === 0x3c) scanner.fail(start, 'Named groups (?<name>…) are not supported; use (…) or (?:…)');
  scanner.fail(start, 'Unsupported group syntax: only (…) and (?:…) are supported');
}

/** Reads `{m}`, `{m,}` or `{m,n}` whose `{` at `start` is already consumed; counts are at most the repeat limit. */
function readBraces(scanner: Scanner, start: number): readonly [number, number] {
  const min = readCount(scanner, start);
  let max = min;
  if (scanner.eat(',')) max = isDigit(scanner.peek()) ? readCount(scanner, start) : Infinity;
  if (!scanner.eat('}')) return scanner.fail(start, 'Incomplete quantifier: expected {m}, {m,} or {m,n}');
  if (max < min) return scanner.fail(start, `Quantifier {${min},${max}} has its numbers out of order`);
  const { maxRepeat } = PATTERN_LIMITS;
  const largest = Number.isFinite(max) ? max : min;
  if (largest > maxRepeat)
    return scanner.failLimit(
      start,
      `Quantifier count ${largest} is larger than ${maxRepeat}`,
      maxRepeat,
      largest,
    );
  return [min, max];
}

/** Reads a decimal count; values beyond 2^31 are kept as 2^31 (they exceed the limit anyway). */
function readCount(scanner: Scanner, start: number): number {
  if (!isDigit(scanner.peek()))
    return scanner.fail(start, 'Incomplete quantifier: expected {m}, {m,} or {m,n}');
  let value = 0;
  while (isDigit(scanner.peek())) value = Math.min(2 ** 31, value * 10 + (scanner.next() - 0x30));
  return value;
}
