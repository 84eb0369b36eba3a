import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../errors/validation-error.js';
import { validate } from '../validate.js';
import { patternSchema } from './pattern-schema.js';

describe('patternSchema', () => {
  it('accepts the supported syntax and returns the string unchanged', () => {
    expect(patternSchema.parse('^(add_to_cart|purchase)$')).toBe('^(add_to_cart|purchase)$');
    expect(patternSchema.parse('[^\\s]+?')).toBe('[^\\s]+?');
  });

  it('rejects unsupported and malformed patterns with invalid_pattern at the field path', () => {
    const schema = patternSchema;
    for (const [source, index] of [
      ['(?<=a)b', 0],
      ['a\\1', 1],
      ['ab[', 2],
    ] as const) {
      try {
        validate(schema, source, { at: ['rules', 3, 'namePattern'] });
        expect.unreachable(source);
      } catch (error) {
        expect(error).toBeInstanceOf(CxValidationError);
        const issue = (error as CxValidationError).issues[0];
        expect(issue?.code).toBe('invalid_pattern');
        expect(issue?.path).toEqual(['rules', 3, 'namePattern']);
        expect(issue?.message).toContain(`Invalid pattern at index ${index} `);
      }
    }
  });

  it('rejects a pattern beyond the limits with too_big, and the empty pattern', () => {
    const big = patternSchema.safeParse('(?:a{1000}){20}');
    expect(big.success).toBe(false);
    expect(big.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'too_big' } });
    expect(big.error?.issues[0]?.message).toMatch(/^Pattern too large at index 11 /);
    const empty = patternSchema.safeParse('');
    expect(empty.error?.issues[0]?.code).toBe('too_small');
    expect(patternSchema.safeParse(42).success).toBe(false);
  });
});
