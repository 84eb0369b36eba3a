// Contract suite, part 2: every accumulator obeys the same laws — merge is associative, commutative and equal to
// adding everything to one accumulator; restore(snapshot) round-trips through JSON; merging accumulators with
// different options throws CxOptionsError (options_mismatch) and leaves the target unchanged.
import { CxOptionsError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccumulatorCase } from './kit/types.js';
import { contracts } from './tables/index.js';

type Acc = { merge(other: unknown): unknown; snapshot(): unknown };

function fill(c: AccumulatorCase, inputs: readonly unknown[]): Acc {
  const acc = c.make() as Acc;
  for (const input of inputs) c.add(acc, input);
  return acc;
}

describe('accumulator naming', () => {
  it('names every streaming class …Accumulator and holds each to the laws below', () => {
    for (const contract of contracts) {
      const exported = Object.keys(contract.module);
      // One naming convention across packages: no "Aggregator", "Collector" or "Tally" classes.
      expect(
        exported.filter((n) => /(Aggregator|Collector|Tally)$/.test(n)),
        contract.pkg,
      ).toEqual([]);
      const listed = contract.accumulators.map((c) => c.name).sort();
      expect(exported.filter((n) => /Accumulator$/.test(n)).sort(), contract.pkg).toEqual(listed);
    }
  });
});

for (const contract of contracts) {
  if (contract.accumulators.length === 0) continue;
  describe(`${contract.pkg}: accumulators`, () => {
    for (const c of contract.accumulators) {
      describe(c.name, () => {
        it('merges associatively and commutatively, equal to the whole', () => {
          fc.assert(
            fc.property(c.inputs, c.inputs, c.inputs, (a, b, d) => {
              const whole = c.result(fill(c, [...a, ...b, ...d]));
              const left = fill(c, a);
              const mid = fill(c, b);
              left.merge(mid);
              left.merge(fill(c, d));
              const right = fill(c, b);
              right.merge(fill(c, d));
              const other = fill(c, a);
              other.merge(right);
              const swapped = fill(c, d);
              swapped.merge(fill(c, b));
              swapped.merge(fill(c, a));
              expect(c.result(left)).toEqual(whole);
              expect(c.result(other)).toEqual(whole);
              expect(c.result(swapped)).toEqual(whole);
            }),
            { numRuns: 60 },
          );
        });

        it('restores its JSON snapshot to the same result', () => {
          fc.assert(
            fc.property(c.inputs, (inputs) => {
              const acc = fill(c, inputs);
              const json = JSON.parse(JSON.stringify(acc.snapshot())) as unknown;
              const restored = c.restore(json) as Acc;
              expect(c.result(restored)).toEqual(c.result(acc));
              // The restored accumulator keeps accumulating.
              restored.merge(fill(c, inputs));
              const twice = fill(c, [...inputs, ...inputs]);
              expect(c.result(restored)).toEqual(c.result(twice));
            }),
            { numRuns: 60 },
          );
        });

        it('refuses to merge an accumulator with other options, unchanged', () => {
          fc.assert(
            fc.property(c.inputs, (inputs) => {
              const acc = fill(c, inputs);
              const before = JSON.stringify(acc.snapshot());
              let thrown: unknown;
              try {
                acc.merge(c.makeOther());
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(CxOptionsError);
              expect((thrown as CxOptionsError).issues[0]?.code).toBe('options_mismatch');
              expect(JSON.stringify(acc.snapshot())).toBe(before);
            }),
            { numRuns: 20 },
          );
        });

        it('rejects a malformed snapshot with a typed error', () => {
          for (const bad of [null, {}, { kind: 'other', version: 1, options: {}, state: {} }, 'snapshot']) {
            expect(() => c.restore(bad)).toThrow(/Invalid|snapshot/);
          }
        });
      });
    }
  });
}
