/**
 * The bounds of a compiled pattern: counts in `{m,n}` at most `maxRepeat`, and at most `maxInstructions` matcher
 * instructions after repetitions are expanded. Matching costs at most about two steps per instruction per character
 * of the text, so these bounds keep every match linear in the text with a known constant.
 *
 * @example
 * ```ts
 * import { PATTERN_LIMITS } from '@cx/model';
 * console.log(PATTERN_LIMITS.maxRepeat, PATTERN_LIMITS.maxInstructions); // 1000 10000
 * ```
 * @category Patterns
 * @since 0.2.0
 */
export const PATTERN_LIMITS: Readonly<{ maxRepeat: number; maxInstructions: number }> = Object.freeze({
  maxRepeat: 1000,
  maxInstructions: 10_000,
});
