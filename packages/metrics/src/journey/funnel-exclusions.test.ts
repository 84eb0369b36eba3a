// Issue 13: funnel exclusions lived in 32-bit masks (1 << j), so exclusion 32 aliased exclusion 0. An event's
// exclusion word is now a mask over the steps at which the exclusions it matches apply: any number of exclusions.
import type { Interaction } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns } from '../columnar/build.js';
import { funnel } from './funnel.js';
import { FunnelAccumulator } from './funnel-accumulator.js';
import { funnelColumns } from './funnel-columns.js';
import type { FunnelExclusion, FunnelOptions } from './funnel-options.js';
import { ev, MINUTE } from './test-helpers.js';

const steps = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
const padding = (count: number): FunnelExclusion[] =>
  Array.from({ length: count }, (_, j) => ({ name: `never-${j}` }));

/** All three engines: interactions (buffered and time-ordered) and columns. */
function counts(events: readonly Interaction[], options: FunnelOptions): number[][] {
  const sorted = [...events].sort((p, q) => p.timestamp.localeCompare(q.timestamp) || (p.id < q.id ? -1 : 1));
  return [
    funnel(events, options),
    new FunnelAccumulator({ ...options, inputOrder: 'time-ordered' }).addAll(sorted).result(),
    funnelColumns(buildInteractionColumns(sorted), options),
  ].map((r) => r.steps.map((s) => s.count));
}

describe('funnel exclusions beyond 32', () => {
  // Exclusion 0 applies between steps 1 and 2 (after b); exclusion 32 between steps 0 and 1 (after a).
  const exclusions: FunnelExclusion[] = [
    { name: 'x0', fromStep: 1, toStep: 2 },
    ...padding(31),
    { name: 'x32', fromStep: 0, toStep: 1 },
  ];

  it('exclusion 32 does not act as exclusion 0 (x32 after b used to exclude the attempt)', () => {
    const events = [
      ev('u', 'a', '2026-01-01 10:00:00'),
      ev('u', 'b', '2026-01-01 10:01:00'),
      ev('u', 'x32', '2026-01-01 10:02:00'), // after b: exclusion 32 no longer applies
      ev('u', 'c', '2026-01-01 10:03:00'),
    ];
    for (const c of counts(events, { steps, exclusions })) expect(c).toEqual([1, 1, 1]);
  });

  it('exclusion 0 does not act as exclusion 32 (x0 before b used to exclude the attempt)', () => {
    const events = [
      ev('u', 'a', '2026-01-01 10:00:00'),
      ev('u', 'x0', '2026-01-01 10:01:00'), // before b: exclusion 0 does not apply yet
      ev('u', 'b', '2026-01-01 10:02:00'),
      ev('u', 'c', '2026-01-01 10:03:00'),
    ];
    for (const c of counts(events, { steps, exclusions })) expect(c).toEqual([1, 1, 1]);
  });

  it('exclusion 32 and exclusion 99 still exclude where they apply', () => {
    const events = [
      ev('u', 'a', '2026-01-01 10:00:00'),
      ev('u', 'x32', '2026-01-01 10:01:00'),
      ev('u', 'b', '2026-01-01 10:02:00'),
      ev('v', 'a', '2026-01-01 10:00:00'),
      ev('v', 'b', '2026-01-01 10:01:00'),
      ev('v', 'x99', '2026-01-01 10:02:00'),
      ev('v', 'c', '2026-01-01 10:03:00'),
    ];
    const many = [...exclusions, ...padding(66), { name: 'x99', fromStep: 1 }];
    expect(many).toHaveLength(100);
    for (const c of counts(events, { steps, exclusions: many, exclusionEffect: 'drop-off' }))
      expect(c).toEqual([2, 1, 0]);
  });

  it('exclusions that never match change nothing, however many come first (property)', () => {
    const event = fc.record({
      actor: fc.constantFrom('u1', 'u2', 'u3'),
      name: fc.constantFrom('a', 'b', 'c', 'x'),
      minute: fc.integer({ min: 0, max: 300 }),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 40 }),
        fc.integer({ min: 0, max: 70 }),
        fc.constantFrom('remove' as const, 'drop-off' as const),
        (rows, pad, effect) => {
          const events = rows.map((r, i) =>
            ev(r.actor, r.name, new Date(Date.UTC(2026, 0, 1) + r.minute * MINUTE).toISOString(), {
              id: `e${String(i).padStart(3, '0')}`,
            }),
          );
          const base: FunnelOptions = {
            steps,
            exclusionEffect: effect,
            exclusions: [{ name: 'x', fromStep: 1 }],
          };
          const padded: FunnelOptions = {
            ...base,
            exclusions: [...padding(pad), { name: 'x', fromStep: 1 }],
          };
          expect(counts(events, padded)).toEqual(counts(events, base));
        },
      ),
      { numRuns: 60 },
    );
  });
});
