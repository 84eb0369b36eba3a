// Issue 13: FunnelAccumulator follows the Accumulator contract: validation before mutation, merges that check their
// options and change nothing when refused, and a JSON snapshot that restores to the same result.
import { CxOptionsError, CxValidationError, type Interaction } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FunnelAccumulator } from './funnel-accumulator.js';
import type { FunnelOptions } from './funnel-options.js';
import { ev, MINUTE } from './test-helpers.js';

const options: FunnelOptions = {
  steps: [{ name: 'view' }, { name: 'cart' }, { name: 'buy' }],
  exclusions: [{ name: 'refund', fromStep: 1 }],
  breakdown: { property: 'device' },
};
const state = (acc: FunnelAccumulator) => JSON.stringify(acc.snapshot());
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1) + minute * MINUTE).toISOString();

const arbEvents = fc
  .array(
    fc.record({
      actor: fc.constantFrom('u1', 'u2', 'u3'),
      name: fc.constantFrom('view', 'cart', 'buy', 'refund', 'other'),
      minute: fc.integer({ min: 0, max: 500 }),
      device: fc.constantFrom('ios', 'web', undefined),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map((r, i) =>
      ev(r.actor, r.name, at(r.minute), {
        id: `e${String(i).padStart(3, '0')}`,
        properties: r.device === undefined ? {} : { device: r.device },
      }),
    ),
  );

describe('FunnelAccumulator: validation before mutation', () => {
  it('a rejected interaction changes nothing, and the next one keeps its position', () => {
    const acc = new FunnelAccumulator(options).add(ev('a', 'view', '2026-01-01 10:00:00'));
    const before = state(acc);
    const bad = {
      ...ev('a', 'cart', '2026-01-01 10:01:00', { properties: { device: 'new' } }),
      timestamp: '2024-02-30T00:00:00Z',
    };
    expect(() => acc.add(bad)).toThrow(CxValidationError);
    expect(state(acc)).toBe(before);
    try {
      acc.add({ ...bad, timestamp: 'not a time' });
    } catch (error) {
      expect((error as CxValidationError).issues[0]?.path).toEqual([1, 'timestamp']);
    }
  });

  it('time-ordered: an interaction out of order changes nothing (not even the breakdown values)', () => {
    const acc = new FunnelAccumulator({ ...options, inputOrder: 'time-ordered' });
    acc.add(ev('a', 'view', '2026-01-01 10:00:00', { properties: { device: 'ios' } }));
    const before = state(acc);
    expect(() => acc.add(ev('a', 'cart', '2026-01-01 09:00:00', { properties: { device: 'web' } }))).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'out_of_order', path: [1, 'timestamp'] })],
      }),
    );
    expect(state(acc)).toBe(before);
  });

  it('a merge with other options or overlapping time-ordered actors is refused and changes nothing', () => {
    const acc = new FunnelAccumulator(options).add(ev('a', 'view', '2026-01-01 10:00:00'));
    const before = state(acc);
    const other = new FunnelAccumulator({ ...options, window: { days: 7 } });
    expect(() => acc.merge(other)).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'options_mismatch', path: ['window'] })],
      }),
    );
    expect(() => acc.merge(other)).toThrow(CxOptionsError);
    expect(state(acc)).toBe(before);

    const timed = { ...options, inputOrder: 'time-ordered' as const };
    const x = new FunnelAccumulator(timed)
      .add(ev('a', 'view', '2026-01-01 10:00:00'))
      .add(ev('b', 'view', '2026-01-01 10:00:00'));
    const y = new FunnelAccumulator(timed)
      .add(ev('c', 'view', '2026-01-01 10:00:00'))
      .add(ev('b', 'cart', '2026-01-01 10:01:00'));
    const xBefore = state(x);
    expect(() => x.merge(y)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: 'merge_overlap' })] }),
    );
    expect(state(x)).toBe(xBefore);
  });

  it('merging an accumulator into itself counts its events twice, once each', () => {
    fc.assert(
      fc.property(arbEvents, (events) => {
        const acc = new FunnelAccumulator({ ...options, counting: 'totals' }).addAll(events);
        const twice = new FunnelAccumulator({ ...options, counting: 'totals' }).addAll(events).addAll(events);
        expect(acc.merge(acc).result()).toEqual(twice.result());
      }),
      { numRuns: 40 },
    );
  });
});

describe('FunnelAccumulator: snapshots', () => {
  it('restores its JSON snapshot to the same result and keeps accumulating (both input orders)', () => {
    fc.assert(
      fc.property(arbEvents, fc.boolean(), (events, timed) => {
        const o: FunnelOptions = { ...options, inputOrder: timed ? 'time-ordered' : 'any' };
        const input: Interaction[] = timed
          ? [...events].sort((p, q) => p.timestamp.localeCompare(q.timestamp))
          : events;
        const half = Math.floor(input.length / 2);
        const acc = new FunnelAccumulator(o).addAll(input.slice(0, half));
        const restored = FunnelAccumulator.restore(JSON.parse(JSON.stringify(acc.snapshot())));
        expect(restored.result()).toEqual(acc.result());
        restored.addAll(input.slice(half));
        expect(restored.result()).toEqual(new FunnelAccumulator(o).addAll(input).result());
      }),
      { numRuns: 60 },
    );
  });

  it('stores the options with their defaults, windows as durations', () => {
    const snapshot = new FunnelAccumulator({ steps: [{ name: 'view' }] }).snapshot();
    expect(snapshot).toMatchObject({
      kind: 'funnel',
      version: 1,
      options: { window: { days: 14 }, order: 'sequential' },
    });
  });

  it('rejects a malformed or inconsistent snapshot with a typed error naming the part', () => {
    const good = JSON.parse(
      JSON.stringify(new FunnelAccumulator(options).add(ev('a', 'view', '2026-01-01 10:00:00')).snapshot()),
    );
    const bad = (patch: (s: typeof good) => void) => {
      const copy = JSON.parse(JSON.stringify(good));
      patch(copy);
      try {
        FunnelAccumulator.restore(copy);
      } catch (error) {
        expect(error).toBeInstanceOf(CxValidationError);
        return (error as CxValidationError).issues.map((i) => [i.code, i.path]);
      }
      throw new Error('expected a CxValidationError');
    };
    expect(bad((s) => (s.kind = 'nps'))).toEqual([['invalid_snapshot', ['kind']]]);
    expect(bad((s) => (s.options.window = 5))[0]?.[0]).toBe('invalid_snapshot');
    expect(bad((s) => (s.state.events[0].steps[0] = 8))).toEqual([
      ['invalid_snapshot', ['state', 'events', 0]],
    ]);
    expect(bad((s) => (s.state.events[0].value[0] = 3))).toEqual([
      ['invalid_snapshot', ['state', 'events', 0, 'value']],
    ]);
    expect(bad((s) => s.state.events[0].id.pop())).toEqual([
      ['invalid_snapshot', ['state', 'events', 0, 'id']],
    ]);
    expect(bad((s) => (s.state.events[0].t[0] = 'soon'))[0]?.[0]).toBe('invalid_snapshot');
  });
});
