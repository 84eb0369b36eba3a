// The matcher must give RegExp's answer (with the `u` flag, and `i` when asked) for every pattern of the supported
// grammar: RegExp is the independent reference. Texts are short so that RegExp's backtracking stays cheap. The
// timeouts are generous for a loaded CI machine; nothing here measures time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CxLimitError } from '../errors/limit-error.js';
import { CxValidationError } from '../errors/validation-error.js';
import { compilePattern } from './compile-pattern.js';

// Letters whose case classes are unusual (ſ folds to s, the Kelvin sign to k, ı only to itself), an astral code
// point, lone surrogates, line terminators and syntax characters.
const TEXT_CHARS = [
  'a',
  'b',
  'A',
  'B',
  's',
  'S',
  'ſ',
  'k',
  'K',
  '\u212a',
  'ı',
  'i',
  'I',
  'é',
  'É',
  '1',
  '_',
  '-',
];
const MORE_CHARS = [' ', '\n', '\u2028', '.', '(', '😀', '\ud83d', '\ude00', '\u00a0', '\t'];
const text = fc
  .array(fc.constantFrom(...TEXT_CHARS, ...MORE_CHARS), { maxLength: 8 })
  .map((chars) => chars.join(''));

const atom = fc.constantFrom(
  'a',
  'b',
  'A',
  's',
  'k',
  'é',
  'ı',
  '😀',
  '-',
  '.',
  '\\.',
  '\\(',
  '\\d',
  '\\D',
  '\\w',
  '\\W',
  '\\s',
  '\\S',
  '\\t',
  '\\n',
  '\\x41',
  '\\u0062',
  '\\u{1F600}',
  '\\uD83D\\uDE00',
  '\\uD83D',
  '\\uDE00',
  '\\u212A',
  '\\cJ',
  '[ab]',
  '[^a]',
  '[a-c]',
  '[^\\W]',
  '[\\w-]',
  '[A-Z_]',
  '[\\s\\d]',
  '[\\b]',
  '[\\-.]',
  '[]',
  '[^]',
  '[^\\s]',
  '[ſk]',
  '[😀-😂]',
);
const quantifier = fc
  .constantFrom('*', '+', '?', '{0}', '{1}', '{2}', '{0,}', '{1,}', '{0,2}', '{1,3}', '{2,2}')
  .chain((q) => fc.constantFrom(q, `${q}?`));

const { pattern } = fc.letrec<{ pattern: string; item: string; repeatable: string; group: string }>(
  (tie) => ({
    pattern: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.array(tie('item'), { maxLength: 4 }).map((items) => items.join('')),
      fc
        .array(
          fc.array(tie('item'), { maxLength: 3 }).map((items) => items.join('')),
          { minLength: 2, maxLength: 3 },
        )
        .map((alternatives) => alternatives.join('|')),
    ),
    item: fc.oneof(
      { depthSize: 'small' },
      tie('repeatable'),
      fc.tuple(tie('repeatable'), quantifier).map(([r, q]) => r + q),
      fc.constantFrom('^', '$'),
    ),
    repeatable: fc.oneof({ depthSize: 'small', withCrossShrink: true }, atom, tie('group')),
    group: fc.tuple(fc.constantFrom('(', '(?:'), tie('pattern')).map(([open, inner]) => `${open}${inner})`),
  }),
);

describe('compilePattern agrees with RegExp on the supported grammar', () => {
  it('gives the same answer as RegExp with the u flag', () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 6 }), (source, texts) => {
        const ours = compilePattern(source);
        const reference = new RegExp(source, 'u');
        for (const t of texts)
          expect(ours.test(t), `${source} on ${JSON.stringify(t)}`).toBe(reference.test(t));
      }),
      { numRuns: 600 },
    );
  }, 30_000);

  it('gives the same answer as RegExp with the u and i flags', () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 6 }), (source, texts) => {
        const ours = compilePattern(source, { flags: 'i' });
        const reference = new RegExp(source, 'ui');
        for (const t of texts)
          expect(ours.test(t), `${source} on ${JSON.stringify(t)}`).toBe(reference.test(t));
      }),
      { numRuns: 600 },
    );
  }, 30_000);

  it('on random strings of syntax characters: accepts only what RegExp accepts, rejects all RegExp rejects', () => {
    const syntax = fc
      .array(
        fc.constantFrom(
          ...'ab()[]{}|*+?\\^$.-,0129dDwWbBkpPuxcn<>=!:'.split(''),
          '(?:',
          '{1}',
          '{1,2}',
          '\\u{61}',
        ),
        { maxLength: 10 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(syntax, fc.array(text, { maxLength: 3 }), (source, texts) => {
        let reference: RegExp | undefined;
        try {
          reference = new RegExp(source, 'u');
        } catch {
          reference = undefined;
        }
        let ours: ReturnType<typeof compilePattern> | undefined;
        let rejection: unknown;
        try {
          ours = compilePattern(source);
        } catch (error) {
          rejection = error;
        }
        if (ours !== undefined) {
          expect(reference, `${source} accepted but RegExp rejects it`).toBeDefined();
          for (const t of texts)
            expect(ours.test(t), `${source} on ${JSON.stringify(t)}`).toBe(reference?.test(t));
          return;
        }
        expect(rejection instanceof CxValidationError || rejection instanceof CxLimitError).toBe(true);
        if (reference !== undefined && rejection instanceof CxValidationError) {
          // RegExp accepts it, so it must be a construct this subset leaves out on purpose, said so.
          expect(rejection.issues[0]?.message, source).toMatch(/not supported/);
        }
      }),
      { numRuns: 3000 },
    );
  }, 30_000);
});
