import type { CharSet } from './char-set.js';

/**
 * One operand of a character class (internal): a set of code points, or the complement of one (`\D`, `\W`, `\S`,
 * `.`). With the `i` flag the set is closed over case before the complement is taken, as ECMA-262 does.
 */
export interface ClassPart {
  readonly set: CharSet;
  readonly complement: boolean;
}

/** The syntax tree of a pattern (internal). Groups leave no node of their own: nothing is captured. */
export type PatternNode =
  /** A literal code point (or an escape of one). */
  | { readonly type: 'char'; readonly cp: number }
  /** One code point out of a set: `.`, an escape such as `\d`, or a bracketed class. */
  | { readonly type: 'chars'; readonly parts: readonly ClassPart[]; readonly negated: boolean }
  /** `^`: the start of the text. */
  | { readonly type: 'begin' }
  /** `$`: the end of the text. */
  | { readonly type: 'end' }
  | { readonly type: 'sequence'; readonly items: readonly PatternNode[] }
  | { readonly type: 'alternation'; readonly alternatives: readonly PatternNode[] }
  /** `max` is `Infinity` for `*`, `+` and `{m,}`; `index` is where the quantifier is in the source. */
  | {
      readonly type: 'repeat';
      readonly min: number;
      readonly max: number;
      readonly child: PatternNode;
      readonly index: number;
    };

/**
 * Where the pattern is unsupported, malformed (`syntax`) or too large (`limit`), at a UTF-16 `index` into its
 * source (internal; the public layer turns it into an error).
 */
export type PatternProblem =
  | { readonly kind: 'syntax'; readonly index: number; readonly message: string }
  | {
      readonly kind: 'limit';
      readonly index: number;
      readonly message: string;
      /** The bound and the size asked for. */
      readonly limit: number;
      readonly actual: number;
    };

/** Thrown inside the parser and compiler to stop at the first problem; never escapes the pattern module. */
export class PatternProblemSignal {
  constructor(readonly problem: PatternProblem) {}
}
