import type { Interaction } from '@cx/model';
import { instantToEpochMs } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns } from '../columnar/build.js';
import { retentionOfColumns } from './kernel.js';
import { planRetention } from './normalize.js';

const BASE = instantToEpochMs('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;

// Actors with long sessions: runs of up to 300 events minutes apart, so that the calendar kernel's galloping
// search for the next period boundary takes long strides (1, 2, 4, … 256 events) and lands on every kind of
// position (first event of a run, last of one, the actor's last event, exactly on a boundary).
const sessionArb = fc.record({
  actor: fc.constantFrom('a', 'b', 'c'),
  startHour: fc.integer({ min: -24 * 40, max: 24 * 400 }),
  events: fc.integer({ min: 1, max: 300 }),
  gapMinutes: fc.constantFrom(0, 1, 7, 60),
  onBoundary: fc.boolean(),
});

describe('countCalendarReturns with long runs of events per actor', () => {
  it('gives the matrix of the general kernel (property: sessions of up to 300 events, day/week/month)', () => {
    fc.assert(
      fc.property(
        fc.array(sessionArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('day', 'week', 'month'),
        fc.constantFrom('on', 'on-or-after'),
        fc.integer({ min: 0, max: 20 }),
        (sessions, interval, retention, periods) => {
          const events: Interaction[] = [];
          for (const s of sessions) {
            // A session starting on a month boundary exactly (UTC midnight of the 1st) when asked.
            const t0 = s.onBoundary
              ? Date.UTC(2026, Math.floor(s.startHour / (24 * 30)), 1)
              : BASE + s.startHour * HOUR;
            for (let k = 0; k < s.events; k++) {
              events.push({
                id: `e${events.length}`,
                customerId: s.actor,
                timestamp: new Date(t0 + k * s.gapMinutes * 60_000).toISOString(),
                name: 'open',
                channel: 'web',
                properties: {},
              });
            }
          }
          const columns = buildInteractionColumns(events);
          const plan = planRetention({ interval, periods, retention, timeZone: 'UTC' }, 'test');
          const locate = (j: number) => ['time', j];
          expect(retentionOfColumns(columns, plan, undefined, locate)).toEqual(
            retentionOfColumns(columns, plan, undefined, locate, 'general'),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
