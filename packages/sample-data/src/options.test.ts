import { CxOptionsError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options.js';

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CxOptionsError);
    return (error as CxOptionsError).issues;
  }
  throw new Error('expected a CxOptionsError');
}
const pathsOf = (fn: () => unknown) => issuesOf(fn).map((i) => i.path);

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
      pathsOf(() =>
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

  it('rejects non-numbers, NaN, unknown options (naming the closest) and impossible dates', () => {
    expect(pathsOf(() => resolveOptions({ customers: Number.NaN }))).toEqual([['customers']]);
    expect(pathsOf(() => resolveOptions({ days: '7' as unknown as number }))).toEqual([['days']]);
    expect(issuesOf(() => resolveOptions({ customer: 5 } as never))[0]).toMatchObject({
      path: ['customer'],
      code: 'unknown_option',
      suggestion: 'customers',
    });
    // Date.parse would roll 30 February over to 2 March; the one instant grammar rejects it.
    expect(pathsOf(() => resolveOptions({ start: '2025-02-30T00:00:00Z' }))).toEqual([['start']]);
    expect(pathsOf(() => resolveOptions({ seed: 2 ** 60 }))).toEqual([['seed']]);
  });

  it('rejects null and other containers as the options object', () => {
    for (const bad of [null, [], 'options', 42])
      expect(issuesOf(() => resolveOptions(bad as never))[0]).toMatchObject({
        path: [],
        code: 'invalid_type',
      });
  });
});
