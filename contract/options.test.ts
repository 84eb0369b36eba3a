// Contract suite, part 1: every function and constructor that takes options rejects a misspelled key, `null`, a
// wrong container type and out-of-range values with a typed CxOptionsError.
import { CxOptionsError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { misspell } from './kit/misspell.js';
import { contracts } from './tables/index.js';

function optionsError(f: () => unknown): CxOptionsError {
  let thrown: unknown;
  try {
    f();
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof CxOptionsError)) {
    throw new Error(`expected a CxOptionsError, got ${thrown === undefined ? 'no error' : String(thrown)}`);
  }
  return thrown;
}

for (const contract of contracts) {
  describe(`${contract.pkg}: options`, () => {
    for (const c of contract.options) {
      describe(c.name, () => {
        it('accepts its valid options', () => {
          expect(() => c.call({ ...c.valid })).not.toThrow();
          if (c.optionsOptional !== false) expect(() => c.call(undefined)).not.toThrow();
        });

        it(`names "${c.typoOf}" when it is misspelled`, () => {
          const typo = misspell(c.typoOf);
          const { [c.typoOf]: value, ...rest } = c.valid;
          const error = optionsError(() => c.call({ ...rest, [typo]: value ?? 1 }));
          const issue = error.issues.find((i) => i.code === 'unknown_option');
          expect(issue, error.message).toMatchObject({ path: [typo], suggestion: c.typoOf });
        });

        it('rejects null and wrong container types as the options object', () => {
          for (const bad of [null, [], 'options', 42]) {
            const error = optionsError(() => c.call(bad));
            expect(error.issues[0], String(bad)).toMatchObject({ path: [], code: 'invalid_type' });
          }
        });

        for (const bad of c.outOfRange) {
          it(`rejects ${JSON.stringify(bad)}`, () => {
            const error = optionsError(() => c.call({ ...c.valid, ...bad }));
            expect(error.issues.length).toBeGreaterThan(0);
            expect(
              error.issues.some((i) => Object.keys(bad).includes(String(i.path[0]))),
              error.message,
            ).toBe(true);
          });
        }
      });
    }
  });
}
