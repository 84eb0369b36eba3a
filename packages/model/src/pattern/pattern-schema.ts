import { z } from 'zod';
import { analyzePattern, describeProblem } from './analyze.js';

/**
 * Schema of a user-supplied pattern: a non-empty string in the subset of regular-expression syntax that
 * {@link compilePattern} accepts (without flags). An unsupported or malformed pattern is an issue with code
 * `invalid_pattern`, one beyond {@link PATTERN_LIMITS} an issue with code `too_big`, each naming the index in the
 * pattern; the issue's path is the field's, so `validate` reports e.g. `['rules', 1, 'namePattern']`.
 *
 * In JSON Schema the pattern is a non-empty string; the syntax is checked by the library.
 *
 * @example
 * ```ts
 * import { patternSchema } from '@cx/model';
 * console.log(patternSchema.safeParse('^(view_item|compare)$').success); // true
 * console.log(patternSchema.safeParse('(?=a)').success, patternSchema.safeParse('').success); // false false
 * ```
 * @category Patterns
 * @since 0.2.0
 */
export const patternSchema = z
  .string()
  .min(1)
  .check((ctx) => {
    const analysis = analyzePattern(ctx.value, false);
    if (!('problem' in analysis)) return;
    const { problem } = analysis;
    const limit = problem.kind === 'limit';
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `${limit ? 'Pattern too large' : 'Invalid pattern'} ${describeProblem(ctx.value, problem)}`,
      params: { code: limit ? 'too_big' : 'invalid_pattern' },
    });
  })
  .meta({
    id: 'Pattern',
    description:
      'A pattern in the subset of JavaScript regular-expression syntax described in docs/model.md ("Patterns"); ' +
      'its syntax and size are checked by the library.',
  });
