import { type Interaction, instantToEpochMs } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnel } from './funnel.js';
import { FunnelAccumulator } from './funnel-accumulator.js';
import type { FunnelOptions } from './funnel-options.js';

const T0 = instantToEpochMs('2026-01-01T00:00:00Z');

describe('FunnelAccumulator.flushActors', () => {
  it('flushing after each actor of input grouped by actor gives the result of the whole', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('a', 'b', 'c'),
            fc.constantFrom('view', 'cart', 'buy'),
            fc.integer({ min: 0, max: 100 }),
          ),
          { maxLength: 40 },
        ),
        fc.constantFrom<Partial<FunnelOptions>>(
          {},
          { counting: 'totals' },
          { order: 'strict' },
          { exclusions: [{ name: 'cart' }] },
        ),
        (rows, extra) => {
          const events: Interaction[] = rows.map(([customerId, name, h], i) => ({
            id: `e${String(i).padStart(3, '0')}`,
            customerId,
            name,
            channel: 'web',
            timestamp: new Date(T0 + h * 3_600_000).toISOString(),
            properties: {},
          }));
          const options: FunnelOptions = {
            steps: [{ name: 'view' }, { name: 'buy' }],
            window: { hours: 20 },
            ...extra,
          };
          const sorted = [...events].sort(
            (x, y) =>
              (x.customerId as string).localeCompare(y.customerId as string) ||
              instantToEpochMs(x.timestamp) - instantToEpochMs(y.timestamp) ||
              x.id.localeCompare(y.id),
          );
          const acc = new FunnelAccumulator({ ...options, inputOrder: 'time-ordered' });
          let previous: string | undefined;
          for (const e of sorted) {
            if (previous !== undefined && e.customerId !== previous) acc.flushActors();
            acc.add(e);
            previous = e.customerId;
          }
          expect(acc.flushActors().result()).toEqual(funnel(events, options));
          // The same events given as matches (bit 0 view, bit 1 buy; exclusion 0 cart), with the channel as the
          // breakdown value: addMatched equals add.
          const bits = (e: Interaction) => (e.name === 'view' ? 1 : 0) | (e.name === 'buy' ? 2 : 0);
          const matched = new FunnelAccumulator({ ...options, inputOrder: 'time-ordered' });
          for (const e of sorted) {
            matched.addMatched(
              e.customerId as string,
              instantToEpochMs(e.timestamp),
              bits(e),
              e.name === 'cart' ? 1 : 0,
              'web',
            );
          }
          expect(matched.flushActors().result()).toEqual(funnel(events, options));
          const withBreakdown = { ...options, breakdown: { field: 'channel' as const } };
          const segmented = new FunnelAccumulator({ ...withBreakdown, inputOrder: 'time-ordered' });
          for (const e of sorted) {
            segmented.addMatched(
              e.customerId as string,
              instantToEpochMs(e.timestamp),
              bits(e),
              e.name === 'cart' ? 1 : 0,
              'web',
            );
          }
          expect(segmented.result()).toEqual(funnel(events, withBreakdown));
        },
      ),
    );
  });

  it('needs time-ordered input', () => {
    expect(() => new FunnelAccumulator({ steps: [{ name: 'view' }] }).flushActors()).toThrow(/time-ordered/);
    expect(() => new FunnelAccumulator({ steps: [{ name: 'view' }] }).addMatched('a', 0, 1, 0, null)).toThrow(
      /time-ordered/,
    );
    const ordered = new FunnelAccumulator({ steps: [{ name: 'view' }], inputOrder: 'time-ordered' });
    expect(() => ordered.addMatched('a', 10, 1, 0, null).addMatched('a', 5, 1, 0, null)).toThrow(/earlier/);
  });
});
