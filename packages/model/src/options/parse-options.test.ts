import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CxOptionsError } from '../errors/options-error.js';
import { closestKey, editDistance } from './closest-key.js';
import { parseOptions } from './parse-options.js';
import { alternativeOption, durationSchema, durationToMs, levelOption, timeZoneOption } from './schemas.js';

const schema = z.strictObject({
  level: levelOption,
  timeZone: timeZoneOption,
  alternative: alternativeOption,
  window: durationSchema.optional(),
  steps: z.array(z.strictObject({ name: z.string() })).optional(),
});

const issuesOf = (input: unknown, renamed?: Record<string, string>) => {
  try {
    parseOptions(schema, input, 'f', renamed === undefined ? {} : { renamed });
  } catch (error) {
    if (error instanceof CxOptionsError) return error.issues;
    throw error;
  }
  return [];
};

describe('parseOptions', () => {
  it('applies defaults for undefined and {}', () => {
    const expected = { level: 0.95, timeZone: 'UTC', alternative: 'two-sided' };
    expect(parseOptions(schema, undefined, 'f')).toEqual(expected);
    expect(parseOptions(schema, {}, 'f')).toEqual(expected);
  });

  it('rejects null, arrays, primitives and class instances as the options object', () => {
    for (const input of [null, [], 0, 'level', true, new Date(), new Map()]) {
      const issues = issuesOf(input);
      expect(issues).toEqual([expect.objectContaining({ path: [], code: 'invalid_type' })]);
    }
    expect(issuesOf(null)[0]?.message).toBe('Expected an options object, got null');
  });

  it('names the closest known key of a misspelled one, also inside nested objects', () => {
    expect(issuesOf({ levle: 0.9 })).toEqual([
      expect.objectContaining({ path: ['levle'], code: 'unknown_option', suggestion: 'level' }),
    ]);
    expect(issuesOf({ timezone: 'UTC' })[0]?.suggestion).toBe('timeZone');
    expect(issuesOf({ steps: [{ nme: 'a' }] }).find((i) => i.code === 'unknown_option')).toMatchObject({
      path: ['steps', 0, 'nme'],
      code: 'unknown_option',
      suggestion: 'name',
    });
    expect(issuesOf({ window: { dayz: 3 } })[0]).toMatchObject({
      path: ['window', 'dayz'],
      suggestion: 'days',
    });
    // Nothing close: no suggestion, the known keys are listed.
    const far = issuesOf({ colour: 'red' })[0];
    expect(far?.suggestion).toBeUndefined();
    expect(far?.message).toContain('known options: level, timeZone, alternative, window, steps');
  });

  it('names the new key of a renamed one', () => {
    expect(issuesOf({ confidence: 0.9 }, { confidence: 'level' })[0]).toMatchObject({
      code: 'unknown_option',
      suggestion: 'level',
      message: 'Option "confidence" was renamed to "level"',
    });
  });

  it('reports out-of-range values in their unit, and every issue at once', () => {
    const issues = issuesOf({
      level: 95,
      alternative: 'greater-than',
      window: 3_600_000,
      timeZone: 'Nowhere/City',
    });
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['level', 'out_of_range'],
      ['timeZone', 'invalid_value'],
      ['alternative', 'invalid_value'],
      ['window', 'invalid_type'],
    ]);
    expect(issues[0]?.message).toContain('0.95, not 95');
    expect(issues[0]?.message).toContain('got the number 95');
    expect(issuesOf({ level: Number.NaN })[0]?.code).toBe('invalid_type');
    expect(issuesOf({ level: Number.POSITIVE_INFINITY })[0]?.code).toBe('invalid_type');
    expect(issuesOf({ window: { days: -1 } })[0]?.code).toBe('out_of_range');
    expect(issuesOf({ window: {} })[0]?.code).toBe('invalid_value');
  });

  it('reports an absent required option as missing, whatever its type', () => {
    const required = z.strictObject({
      interval: z.enum(['day', 'month']),
      n: z.number(),
      nested: z.strictObject({ a: z.string() }),
    });
    const codes = (input: unknown) => {
      try {
        parseOptions(required, input, 'f');
      } catch (error) {
        return (error as CxOptionsError).issues.map((i) => [i.path.join('.'), i.code]);
      }
      return [];
    };
    expect(codes({ nested: {} })).toEqual([
      ['interval', 'missing_option'],
      ['n', 'missing_option'],
      ['nested.a', 'missing_option'],
    ]);
    // Present but wrong is not missing.
    expect(codes({ interval: 'year', n: 'x', nested: { a: 1 } })).toEqual([
      ['interval', 'invalid_value'],
      ['n', 'invalid_type'],
      ['nested.a', 'invalid_type'],
    ]);
  });

  it('reads only plain objects and their own properties', () => {
    // An object whose options would be inherited is not a plain options object.
    expect(issuesOf(Object.create({ level: 0.5 }))[0]).toMatchObject({ path: [], code: 'invalid_type' });
    // A "__proto__" key from JSON is an own key like any other: unknown, not a prototype.
    expect(issuesOf(JSON.parse('{"__proto__": {"level": 0.5}}'))[0]).toMatchObject({
      path: ['__proto__'],
      code: 'unknown_option',
    });
    expect(parseOptions(schema, Object.assign(Object.create(null), { level: 0.9 }), 'f').level).toBe(0.9);
  });

  it('says which function and what', () => {
    expect(() => parseOptions(schema, { levle: 1 }, 'cohortRetention')).toThrow(
      'Invalid options of cohortRetention: 1 issue\n  at /levle: Unknown option "levle"',
    );
  });
});

describe('durations', () => {
  it('adds fixed-length units', () => {
    // 1 week + 1 day + 1 hour + 1 minute + 1 second + 1 ms = 604800000 + 86400000 + 3600000 + 60000 + 1000 + 1
    expect(durationToMs({ weeks: 1, days: 1, hours: 1, minutes: 1, seconds: 1, milliseconds: 1 })).toBe(
      694_861_001,
    );
  });
});

describe('closestKey', () => {
  it('finds typos: swaps, case, one or two edits', () => {
    expect(closestKey('interavl', ['interval', 'timeZone'])).toBe('interval');
    expect(closestKey('TIMEZONE', ['interval', 'timeZone'])).toBe('timeZone');
    expect(closestKey('xyz', ['interval', 'timeZone'])).toBeUndefined();
  });

  it('computes the optimal string alignment distance (property: symmetric, bounded by the longer length)', () => {
    expect(editDistance('ca', 'abc', 5)).toBe(3); // OSA, not unrestricted Damerau (which gives 2)
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b, 30);
        expect(d).toBe(editDistance(b, a, 30));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d === 0).toBe(a === b);
      }),
    );
  });
});
