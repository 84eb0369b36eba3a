import { z } from 'zod';
import { CxLimitError } from '../errors/limit-error.js';
import { CxValidationError } from '../errors/validation-error.js';
import { parseOptions } from '../options/parse-options.js';
import { analyzePattern, describeProblem } from './analyze.js';
import type { Program } from './program.js';
import { PikeVm } from './vm.js';

/**
 * Options of {@link compilePattern}.
 *
 * @example
 * ```ts
 * import { compilePattern, type CompilePatternOptions } from '@cx/model';
 * const options: CompilePatternOptions = { flags: 'i' };
 * console.log(compilePattern('^purchase$', options).test('PURCHASE')); // true
 * ```
 * @category Patterns
 * @since 0.2.0
 */
export interface CompilePatternOptions {
  /**
   * `'i'` for case-insensitive matching (Unicode simple case folding, as RegExp's `ui` flags), `''` (default) for
   * exact matching. The `u` flag's semantics always apply; no other flag exists.
   */
  readonly flags?: '' | 'i';
}

const optionsSchema = z.strictObject({
  flags: z.enum(['', 'i'], { error: 'Expected "" or "i"' }).default(''),
});

/**
 * A compiled pattern that matches in time linear in the text.
 *
 * @example
 * ```ts
 * import { compilePattern, type SafePattern } from '@cx/model';
 * const pattern: SafePattern = compilePattern('^(a+)+$');
 * console.log(pattern.test('a'.repeat(10_000) + 'b')); // false, at once
 * ```
 * @category Patterns
 * @since 0.2.0
 */
export interface SafePattern {
  /** The pattern as written. */
  readonly source: string;
  /** `'i'` or `''`. */
  readonly flags: '' | 'i';
  /** Number of matcher instructions, at most {@link PATTERN_LIMITS}`.maxInstructions`. */
  readonly size: number;
  /**
   * Whether the pattern matches anywhere in `text` (only at its start or end where `^` or `$` say so), as
   * `RegExp.prototype.test` does with the `u` flag. Time is O(size × text length).
   *
   * @param text - The text to search.
   * @returns `true` when a match exists.
   * @throws {@link CxValidationError} when `text` is not a string.
   */
  test(text: string): boolean;
}

class CompiledPattern implements SafePattern {
  readonly size: number;
  private readonly vm: PikeVm;

  constructor(
    readonly source: string,
    readonly flags: '' | 'i',
    program: Program,
  ) {
    this.size = program.size;
    this.vm = new PikeVm(program);
  }

  test(text: string): boolean {
    if (typeof text !== 'string') {
      throw new CxValidationError([
        { path: [], code: 'invalid_type', message: `Expected a text to match, got ${typeof text}` },
      ]);
    }
    return this.vm.run(text);
  }
}

/**
 * Compiles a user-supplied pattern, written in a documented subset of JavaScript regular-expression syntax, into a
 * matcher without backtracking: `test` runs in time proportional to the pattern size times the text length, so
 * `^(a+)+$` on a long text answers at once where `RegExp` would take seconds.
 *
 * Supported: literals and escapes (`\.`, `\\`, `\d \D \w \W \s \S`, `\t \n \v \f \r`, `\0`, `\cX`, `\xHH`,
 * `\uXXXX`, `\u{…}`), `.`, classes with ranges and negation (`[a-z0-9_-]`, `[^…]`), anchors `^ $`, groups `(…)`
 * and `(?:…)`, alternation `|`, quantifiers `* + ?` `{m}` `{m,}` `{m,n}` (lazy forms accepted: they match the same
 * texts). Everything else (backreferences, lookarounds, named groups, `\b`, `\p{…}`) is rejected, naming its
 * position. See `docs/model.md`, section "Patterns".
 *
 * @param source - The pattern, without slashes.
 * @param options - `flags: 'i'` for case-insensitive matching.
 * @returns The compiled pattern.
 * @throws {@link CxValidationError} (issue code `invalid_pattern`) for unsupported or malformed syntax, naming the
 *   UTF-16 index in the source (the issue's `column` is that index + 1); `invalid_type` when `source` is not a
 *   string.
 * @throws {@link CxLimitError} (code `too_large`) when a count exceeds {@link PATTERN_LIMITS}`.maxRepeat` or the
 *   compiled program exceeds `maxInstructions`.
 * @throws {@link CxOptionsError} for unknown or invalid options.
 * @example
 * ```ts
 * import { compilePattern, CxValidationError } from '@cx/model';
 * const checkout = compilePattern('^(add_to_cart|begin_checkout|purchase)$');
 * console.log(checkout.test('purchase'), checkout.test('purchase_refund')); // true false
 * console.log(compilePattern('café', { flags: 'i' }).test('CAFÉ AU LAIT')); // true
 * try {
 *   compilePattern('(?<=a)b');
 * } catch (error) {
 *   if (error instanceof CxValidationError) console.log(error.issues[0]?.message);
 *   // 'Invalid pattern at index 0 ("(?<=a)b"): Lookbehind assertions (?<= and (?<! are not supported'
 * }
 * ```
 * @category Patterns
 * @since 0.2.0
 */
export function compilePattern(source: string, options?: CompilePatternOptions): SafePattern {
  const { flags } = parseOptions(optionsSchema, options, 'compilePattern');
  if (typeof source !== 'string') {
    throw new CxValidationError([
      { path: [], code: 'invalid_type', message: `Expected a pattern string, got ${typeof source}` },
    ]);
  }
  const analysis = analyzePattern(source, flags === 'i');
  if ('program' in analysis) return new CompiledPattern(source, flags, analysis.program);
  const { problem } = analysis;
  if (problem.kind === 'limit') {
    throw new CxLimitError('too_large', `Pattern too large ${describeProblem(source, problem)}`, {
      limit: problem.limit,
      actual: problem.actual,
    });
  }
  throw new CxValidationError([
    {
      path: [],
      code: 'invalid_pattern',
      message: `Invalid pattern ${describeProblem(source, problem)}`,
      column: problem.index + 1,
    },
  ]);
}
