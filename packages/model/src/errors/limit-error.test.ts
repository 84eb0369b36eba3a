import { describe, expect, it } from 'vitest';
import { CxError } from './cx-error.js';
import { CxLimitError } from './limit-error.js';

describe('CxLimitError', () => {
  it('names the bound, the path and, for text, the line, column and source', () => {
    const bare = new CxLimitError('too_long', 'A value is too long', { limit: 10, actual: 11 });
    expect(bare).toBeInstanceOf(CxError);
    expect(bare.message).toBe('A value is too long (limit 10)');
    expect(bare.path).toEqual([]);
    expect([bare.line, bare.column, bare.source]).toEqual([undefined, undefined, undefined]);

    const atLine = new CxLimitError('too_long', 'A record is too long', {
      limit: 10,
      actual: 11,
      path: [4],
      line: 6,
      source: 'a.csv',
    });
    expect(atLine).toMatchObject({
      code: 'too_long',
      limit: 10,
      actual: 11,
      path: [4],
      line: 6,
      source: 'a.csv',
    });
    expect(atLine.message).toBe('A record is too long (limit 10, at /4, a.csv:6)');

    const column = new CxLimitError('too_large', 'Too large', { limit: 1, actual: 2, line: 3, column: 5 });
    expect(column.message).toBe('Too large (limit 1, 3:5)');
    expect(column.source).toBeUndefined();
  });
});
