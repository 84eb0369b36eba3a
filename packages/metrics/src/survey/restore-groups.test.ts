import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BreakdownAccumulator } from './breakdown.js';
import { cesMetric, csatMetric, npsMetric } from './metric.js';
import { NpsAccumulator } from './nps-accumulator.js';
import { TrendAccumulator } from './trend.js';

describe('restoring survey accumulators into breakdowns and trends', () => {
  it('a breakdown fed per-group snapshots equals one fed the raw scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', null), fc.integer({ min: 0, max: 10 })), {
          maxLength: 60,
        }),
        (rows) => {
          const metric = npsMetric();
          const direct = new BreakdownAccumulator(metric, { by: 'channel' });
          const perGroup = new Map<string | null, NpsAccumulator>();
          for (const [key, score] of rows) {
            direct.addFor(key, score);
            if (!perGroup.has(key)) perGroup.set(key, new NpsAccumulator());
            perGroup.get(key)?.add(score);
          }
          const restored = new BreakdownAccumulator(metric, { by: 'channel' });
          for (const [key, acc] of perGroup) {
            const restore = metric.restore;
            if (restore === undefined) throw new Error('npsMetric must implement restore');
            restored.mergeGroup(key, restore(acc.toSnapshot()));
          }
          expect(restored.result()).toEqual(direct.result());
        },
      ),
    );
  });

  it('a trend fed per-bucket snapshots equals one fed the raw scores', () => {
    const metric = csatMetric();
    const direct = new TrendAccumulator(metric, { period: 'month', timeZone: 'Europe/Warsaw' });
    // 31 January 23:30 in Warsaw is still January there (22:30 UTC).
    direct.addAt(Date.parse('2026-01-31T22:30:00Z'), 5);
    direct.addAt(Date.parse('2026-02-10T10:00:00Z'), 2);
    const jan = metric.create();
    jan.add(5);
    const feb = metric.create();
    feb.add(2);
    const restored = new TrendAccumulator(metric, { period: 'month', timeZone: 'Europe/Warsaw' });
    restored.mergeAt(Date.parse('2026-01-31T22:30:00Z'), jan);
    restored.mergeAt(Date.parse('2026-02-01T00:00:00Z'), feb);
    expect(restored.result()).toEqual(direct.result());
    expect(restored.result().map((b) => b.key)).toEqual(['2026-01', '2026-02']);
    expect(() => restored.mergeAt(Number.NaN, jan)).toThrow(/finite/);
  });

  it('restore checks the options the snapshot was made with', () => {
    const snapshot = new NpsAccumulator({ promoterMin: 8 }).add(9).toSnapshot();
    const restore = npsMetric().restore;
    expect(() => restore?.(snapshot)).toThrow(/does not match/);
    expect(cesMetric().restore).toBeTypeOf('function');
  });
});
