import { CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options.js';

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CxValidationError);
    return (error as CxValidationError).issues.map((i) => i.path);
  }
  throw new Error('expected a CxValidationError');
}

describe('resolveOptions', () => {
  it('fills in the documented defaults', () => {
    expect(resolveOptions()).toEqual({
      seed: 42,
      customers: 1000,
      start: '2025-01-01T00:00:00.000Z',
      days: 365,
      businessShare: 0.2,
    });
  });

  it('normalises the start instant to milliseconds precision', () => {
    expect(resolveOptions({ start: '2026-03-01T09:30:00Z' }).start).toBe('2026-03-01T09:30:00.000Z');
  });

  it('accepts zero customers and the share bounds', () => {
    expect(resolveOptions({ customers: 0, businessShare: 1 }).customers).toBe(0);
    expect(resolveOptions({ businessShare: 0 }).businessShare).toBe(0);
  });

  it('lists every bad option with its name as the path', () => {
    expect(
      issuesOf(() =>
        resolveOptions({
          seed: 1.5,
          customers: -1,
          start: '2025-01-01T00:00:00+01:00',
          days: 0,
          businessShare: 2,
        }),
      ),
    ).toEqual([['seed'], ['customers'], ['start'], ['days'], ['businessShare']]);
  });

  it('rejects non-numbers, NaN and unknown options', () => {
    expect(issuesOf(() => resolveOptions({ customers: Number.NaN }))).toEqual([['customers']]);
    expect(issuesOf(() => resolveOptions({ days: '7' as unknown as number }))).toEqual([['days']]);
    expect(issuesOf(() => resolveOptions({ customer: 5 } as never))).toEqual([['customer']]);
    expect(issuesOf(() => resolveOptions({ start: '2025-02-30T00:00:00Z' }))).toEqual([['start']]);
  });
});
