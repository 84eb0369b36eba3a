import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CesAccumulator } from './ces-accumulator.js';
import { CsatAccumulator } from './csat-accumulator.js';
import { NpsAccumulator } from './nps-accumulator.js';

const viaJson = <T>(s: T): unknown => JSON.parse(JSON.stringify(s));

function snapshotIssue(f: () => unknown): CxValidationError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(CxValidationError);
    expect((error as CxValidationError).issues.every((i) => i.code === 'invalid_snapshot')).toBe(true);
    return error as CxValidationError;
  }
  throw new Error('expected an invalid_snapshot error');
}

describe('accumulator snapshots (for workers)', () => {
  it('round-trips through JSON with its options and merges to the whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 })),
        fc.array(fc.integer({ min: 1, max: 5 })),
        (a, b) => {
          const worker = a.reduce((acc, x) => acc.add(x), new NpsAccumulator({ level: 0.9 }));
          const main = b.reduce((acc, x) => acc.add(x), new NpsAccumulator({ level: 0.9 }));
          main.merge(NpsAccumulator.restore(viaJson(worker.snapshot())));
          expect(main.result()).toEqual(
            [...a, ...b].reduce((acc, x) => acc.add(x), new NpsAccumulator({ level: 0.9 })).result(),
          );

          const options = { neutral: [3], denominator: 'exclude-neutral' } as const;
          const cw = a.reduce((acc, x) => acc.add(x, 2), new CsatAccumulator(options));
          const restored = CsatAccumulator.restore(viaJson(cw.snapshot()));
          expect(restored.result()).toEqual(cw.result());
          expect(restored.options).toEqual(cw.options);

          const ew = a.reduce((acc, x) => acc.add(x), new CesAccumulator());
          expect(CesAccumulator.restore(viaJson(ew.snapshot())).result()).toEqual(ew.result());
        },
      ),
    );
  });

  it('keeps the options in the snapshot, so a restored accumulator refuses to merge with other options', () => {
    const restored = NpsAccumulator.restore(
      viaJson(new NpsAccumulator({ promoterMin: 8 }).add(9).snapshot()),
    );
    expect(restored.options.promoterMin).toBe(8);
    expect(() => new NpsAccumulator().merge(restored)).toThrow(CxOptionsError);
  });

  it('rejects snapshots of another kind or version, and malformed ones', () => {
    const snapshot = new NpsAccumulator().add(9).snapshot();
    snapshotIssue(() => CesAccumulator.restore({ ...snapshot, kind: 'ces' }));
    snapshotIssue(() => NpsAccumulator.restore({ ...snapshot, version: 2 }));
    snapshotIssue(() => NpsAccumulator.restore(null));
    snapshotIssue(() => NpsAccumulator.restore({ ...snapshot, options: { ...snapshot.options, level: 95 } }));
    const negative = { ...snapshot, state: { ...snapshot.state, counts: [1, -1, 0] } };
    expect(snapshotIssue(() => NpsAccumulator.restore(negative)).issues[0]?.path).toEqual([
      'state',
      'counts',
      1,
    ]);
  });

  it('rejects a snapshot with a count and zero weight instead of restoring it to NaN (issue 13)', () => {
    // Before: counts [1, 0, 0] with weights [0, 0, 0] restored, and the result divided 0 by 0.
    const zeroWeight = {
      kind: 'nps',
      version: 1,
      options: {},
      state: {
        exponent: 0,
        counts: [1, 0, 0],
        weights: [0, 0, 0],
        squaredWeights: [0, 0, 0],
        sumWeightedScores: 0,
        sumWeightedSquares: 0,
      },
    };
    const error = snapshotIssue(() => NpsAccumulator.restore(zeroWeight));
    expect(error.issues.map((i) => i.path)).toContainEqual(['state', 'squaredWeights']);
    // Weight in an empty class, a relative weight above the count, and a mean off the scale are refused too.
    const base = new NpsAccumulator().add(9).add(3).snapshot();
    snapshotIssue(() =>
      NpsAccumulator.restore({
        ...base,
        state: { ...base.state, weights: [1, 0.5, 1], squaredWeights: [1, 0.25, 1] },
      }),
    );
    snapshotIssue(() => NpsAccumulator.restore({ ...base, state: { ...base.state, weights: [2, 0, 1] } }));
    snapshotIssue(() => NpsAccumulator.restore({ ...base, state: { ...base.state, sumWeightedScores: 40 } }));
  });

  it('restores an empty accumulator to an empty result, never NaN', () => {
    const empty = NpsAccumulator.restore(viaJson(new NpsAccumulator().snapshot())).result();
    expect(empty).toMatchObject({ n: 0, totalWeight: 0, effectiveN: 0, score: null, interval: null });
  });
});
