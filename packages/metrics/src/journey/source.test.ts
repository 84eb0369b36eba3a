// Issue 13: interactions are read by the one instant grammar; JourneyEvents checks before it changes.
import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnel } from './funnel.js';
import { topPaths } from './paths.js';
import { JourneyEvents } from './source.js';
import { ev } from './test-helpers.js';

const issue = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CxValidationError);
    return (error as CxValidationError).issues[0];
  }
  throw new Error('expected a CxValidationError');
};

describe('interaction timestamps', () => {
  it('2024-02-30T00:00:00Z is an error naming the interaction, not 1 March', () => {
    const events = [
      ev('a', 'view', '2026-01-01 10:00:00'),
      { ...ev('a', 'buy', '2026-01-01 10:00:00'), timestamp: '2024-02-30T00:00:00Z' },
    ];
    expect(issue(() => funnel(events, { steps: [{ name: 'view' }] }))).toMatchObject({
      path: [1, 'timestamp'],
      code: 'invalid_instant',
    });
    expect(issue(() => topPaths(events))).toMatchObject({ path: [1, 'timestamp'], code: 'invalid_instant' });
  });

  it('rejects "not a time", a number, and local times without a zone', () => {
    for (const timestamp of [
      'not a time',
      1_700_000_000_000,
      '2026-01-01 10:00:00',
      '2026-01-01T10:00:00+02:00',
    ]) {
      const bad = { ...ev('a', 'view', '2026-01-01 10:00:00'), timestamp } as never;
      expect(issue(() => new JourneyEvents().add(bad))).toMatchObject({ path: [0, 'timestamp'] });
    }
  });
});

describe('work bounded by the input, not by the span of its timestamps', () => {
  it('events from year 0000 to 9999 cost what any events cost (property)', () => {
    // Nothing in the journey analyses walks calendar periods: each call is linear in the events (and their sorting),
    // so a span of ten thousand years finishes like a span of a minute (a loop over days would not finish at all).
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_000 }), {
          minLength: 1,
          maxLength: 30,
        }),
        (times) => {
          const events = times.map((t, i) =>
            ev(`u${i % 3}`, i % 2 === 0 ? 'view' : 'buy', new Date(t).toISOString(), { id: `e${i}` }),
          );
          const r = funnel(events, { steps: [{ name: 'view' }, { name: 'buy' }], window: { days: 1 } });
          expect(r.entered).toBeLessThanOrEqual(3);
          expect(topPaths(events, { by: 'name' }).actors).toBe(Math.min(3, times.length));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('JourneyEvents', () => {
  it('a rejected interaction changes nothing; positions continue', () => {
    const events = new JourneyEvents().add(ev('a', 'view', '2026-01-01 10:00:00'));
    expect(() => events.add({ ...ev('b', 'view', '2026-01-01 10:00:00'), timestamp: 'x' })).toThrow(
      CxValidationError,
    );
    expect(events.size).toBe(1);
    expect(
      issue(() => events.add({ ...ev('b', 'view', '2026-01-01 10:00:00'), customerId: '' } as never))?.path,
    ).toEqual([1, 'customerId']);
  });

  it('merging a buffer into itself adds each interaction once more (no endless loop)', () => {
    const events = new JourneyEvents()
      .add(ev('a', 'view', '2026-01-01 10:00:00'))
      .add(ev('a', 'buy', '2026-01-01 11:00:00'));
    expect([...events.merge(events).actors()][0]?.[1].map((i) => i.name)).toEqual([
      'view',
      'view',
      'buy',
      'buy',
    ]);
  });
});
