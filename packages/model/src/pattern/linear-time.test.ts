// Matching costs at most 2 · size instructions per code point of the text, whatever the pattern: asserted by
// counting the instructions the VM executes, never by timing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CxLimitError } from '../errors/limit-error.js';
import { CxValidationError } from '../errors/validation-error.js';
import { analyzePattern } from './analyze.js';
import { compilePattern } from './compile-pattern.js';
import type { Program } from './program.js';
import { runProgram } from './vm.js';

function program(source: string, ignoreCase = false): Program {
  const analysis = analyzePattern(source, ignoreCase);
  if (!('program' in analysis)) throw new Error(analysis.problem.message);
  return analysis.program;
}

/** The documented bound: 2 · size steps at the start and per code point. */
const bound = (p: Program, text: string): number => 2 * p.size * ([...text].length + 1);

// Timeouts are generous for a loaded CI machine; what is asserted is the step count.
describe('hostile patterns on 10,000-character texts', { timeout: 30_000 }, () => {
  const n = 10_000;
  // Expected answers by hand: each text lacks the character the pattern needs, or consists of it.
  const cases: ReadonlyArray<readonly [source: string, text: string, matches: boolean]> = [
    ['^(a+)+$', 'a'.repeat(n), true],
    ['^(a+)+$', `${'a'.repeat(n - 1)}b`, false],
    ['(a|a)*b', 'a'.repeat(n), false],
    ['(a*)*b', 'a'.repeat(n), false],
    ['(x+x+)+y', 'x'.repeat(n), false],
    ['^(a|aa)+$', `${'a'.repeat(n - 1)}!`, false],
    ['(.*a){12}b', 'a'.repeat(n), false],
    ['^(?:a{1000}){9}$', 'a'.repeat(9000), true],
    ['^(?:a{1000}){9}$', 'a'.repeat(n), false],
    ['((a{1,10}){1,4}){1,4}c', 'a'.repeat(n), false],
    ['a{0,100}b', 'a'.repeat(n), false],
    ['^(\\w+\\s?)*$', `${'word '.repeat(n / 5 - 1)}word!`, false],
  ];
  for (const [source, text, matches] of cases) {
    it(`${source}: ${matches} within 2 · size steps per character`, () => {
      const p = program(source);
      const run = runProgram(p, text);
      expect(run.matched).toBe(matches);
      expect(run.steps).toBeLessThanOrEqual(bound(p, text));
    });
  }

  it('steps per call grow linearly with the text, in a loop of calls', () => {
    const p = program('^(a+)+$');
    const perCharacter: number[] = [];
    for (let length = 1000; length <= 16_000; length *= 2) {
      const text = `${'a'.repeat(length)}b`;
      const { matched, steps } = runProgram(p, text);
      expect(matched).toBe(false);
      perCharacter.push(steps / (length + 1));
    }
    // Constant per character: the largest ratio is within 1 % of the smallest (RegExp doubles per character).
    expect(Math.max(...perCharacter) / Math.min(...perCharacter)).toBeLessThan(1.01);
    expect(Math.max(...perCharacter)).toBeLessThanOrEqual(2 * p.size);
  });

  it('skips what cannot start a match: an anchored pattern stops at the start, a literal scans once', () => {
    const text = 'x'.repeat(n);
    // ^abc: the start thread dies on "x"; nothing can start later, so only the end is tried (^ fails there).
    expect(runProgram(program('^abc'), text).steps).toBeLessThan(10);
    // email_: the start thread at 0 (1 step) fails on "x" (1 step); then one step per code point skipped (n - 1),
    // since no "e" occurs, and the start thread at the end (1 step).
    expect(runProgram(program('email_'), text).steps).toBe(n + 2);
  });

  it('keeps the bound for any pattern of a varied grammar on any text (property)', () => {
    const piece = fc.constantFrom('a', 'b', '.', '[ab]', '\\w', '(a|b)', '(a*)', '(?:a|a)', '^', '$', '(a|)');
    const quantifier = fc.constantFrom('', '*', '+', '?', '{2}', '{0,3}', '{1,}');
    const source = fc
      .array(fc.tuple(piece, quantifier), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.map(([p, q]) => (p === '^' || p === '$' ? p : p + q)).join(''))
      .chain((inner) => fc.constantFrom(inner, `(${inner})*`, `(${inner})+c`, `(${inner}|${inner})*$`));
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '😀'), maxLength: 300 });
    fc.assert(
      fc.property(source, text, fc.boolean(), (s, t, ignoreCase) => {
        const p = program(s, ignoreCase);
        expect(runProgram(p, t).steps).toBeLessThanOrEqual(bound(p, t));
      }),
      { numRuns: 400 },
    );
  });
});

describe('nesting costs memory, never call stack', { timeout: 30_000 }, () => {
  it('compiles and matches 10,000 nested groups', () => {
    const deep = `${'('.repeat(10_000)}a${')'.repeat(10_000)}+$`;
    const p = compilePattern(deep);
    expect(p.test('baaa')).toBe(true);
    expect(p.test('aab')).toBe(false);
    expect(compilePattern(`${'(?:'.repeat(10_000)}a${')'.repeat(10_000)}`).size).toBe(2);
  });

  it('compiles 3,000 nested alternations and rejects 5,000 as too large (3 instructions each)', () => {
    const nested = (depth: number) => `${'(a|'.repeat(depth)}b${')'.repeat(depth)}`;
    const p = compilePattern(nested(3000));
    expect(p.size).toBe(3 * 3000 + 2);
    expect(p.test('xb')).toBe(true);
    expect(() => compilePattern(nested(5000))).toThrow(CxLimitError);
  });

  it('names the innermost of 100,000 unclosed groups', () => {
    try {
      compilePattern(`a${'('.repeat(100_000)}`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues[0]?.message).toMatch(
        /^Invalid pattern at index 100000 .*Unterminated group/,
      );
    }
  });

  it('compiles a long source of empty groups in time linear in the source', () => {
    expect(compilePattern('(?:)'.repeat(50_000)).size).toBe(1);
    // Emptied pieces are dropped before expansion, so repeating them costs nothing.
    expect(compilePattern(`(?:${'(?:){0}'.repeat(10_000)}a){1000}`).size).toBe(1001);
  });
});

describe('size limits', () => {
  function limitError(source: string): CxLimitError {
    try {
      compilePattern(source);
    } catch (error) {
      if (error instanceof CxLimitError) return error;
      throw error;
    }
    throw new Error(`${source} was accepted`);
  }

  it('rejects counts above 1,000 with the quantifier position', () => {
    const error = limitError('ab{1001}');
    expect(error.code).toBe('too_large');
    expect([error.limit, error.actual]).toEqual([1000, 1001]);
    expect(error.message).toContain('at index 2 ("{1001}")');
    expect(limitError('a{1000,99999999999999999999}').actual).toBe(2 ** 31);
    expect(limitError('a{5000,}').actual).toBe(5000);
  });

  it('rejects programs above 10,000 instructions, naming the quantifier that expands them', () => {
    // a{1000} is 1,000 instructions; ten of them and the match instruction make 10,001.
    expect(compilePattern('(?:a{1000}){9}b{999}').size).toBe(10_000);
    const error = limitError('(?:a{1000}){10}');
    expect([error.limit, error.actual]).toEqual([10_000, 10_001]);
    expect(error.message).toContain('at index 11 ("{10}")');
    // Nested counts are refused before anything is expanded.
    expect(limitError('((a{1000}){1000}){1000}').actual).toBe(1_000_001);
  });

  it('counts a long flat pattern too', () => {
    expect(compilePattern('a'.repeat(9999)).size).toBe(10_000);
    expect(limitError('a'.repeat(10_000)).message).toMatch(/^Pattern too large at index 0 /);
  });
});
