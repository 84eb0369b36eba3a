import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CesAccumulator } from './ces-accumulator.js';
import { CsatAccumulator } from './csat-accumulator.js';
import { NpsAccumulator } from './nps-accumulator.js';
import type { AccumulatorSnapshot } from './tally.js';

const viaJson = (s: AccumulatorSnapshot): AccumulatorSnapshot => JSON.parse(JSON.stringify(s));

describe('accumulator snapshots (for workers)', () => {
  it('round-trips through JSON and merges to the whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 })),
        fc.array(fc.integer({ min: 1, max: 5 })),
        (a, b) => {
          const worker = a.reduce((acc, x) => acc.add(x), new NpsAccumulator());
          const main = b.reduce((acc, x) => acc.add(x), new NpsAccumulator());
          main.merge(NpsAccumulator.fromSnapshot(viaJson(worker.toSnapshot())));
          expect(main.result()).toEqual(
            [...a, ...b].reduce((acc, x) => acc.add(x), new NpsAccumulator()).result(),
          );

          const options = { neutral: [3], denominator: 'exclude-neutral' } as const;
          const cw = a.reduce((acc, x) => acc.add(x, 2), new CsatAccumulator(options));
          const restored = CsatAccumulator.fromSnapshot(viaJson(cw.toSnapshot()), options);
          expect(restored.result()).toEqual(cw.result());

          const ew = a.reduce((acc, x) => acc.add(x), new CesAccumulator());
          expect(CesAccumulator.fromSnapshot(viaJson(ew.toSnapshot())).result()).toEqual(ew.result());
        },
      ),
    );
  });

  it('rejects snapshots made with other options or of another metric, and malformed ones', () => {
    const snapshot = new NpsAccumulator().add(9).toSnapshot();
    expect(() => NpsAccumulator.fromSnapshot(snapshot, { promoterMin: 8 })).toThrow(CxValidationError);
    expect(() =>
      CsatAccumulator.fromSnapshot(new CsatAccumulator().toSnapshot(), { positive: 'top-box' }),
    ).toThrow(CxValidationError);
    expect(() => CesAccumulator.fromSnapshot({ ...snapshot, metric: 'ces' })).toThrow(CxValidationError);
    const broken = { ...snapshot, tally: { ...snapshot.tally, counts: [1, -1, 0] } };
    expect(() => NpsAccumulator.fromSnapshot(broken)).toThrow(CxValidationError);
    expect(() => NpsAccumulator.fromSnapshot(null as unknown as AccumulatorSnapshot)).toThrow(
      CxValidationError,
    );
  });
});
