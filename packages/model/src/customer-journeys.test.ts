import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupJourneys } from './customer-journeys.js';
import { CxOptionsError } from './errors/options-error.js';
import { CxValidationError } from './errors/validation-error.js';
import type { Interaction } from './interaction.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 9) + minutes * 60_000).toISOString();
const event = (id: string, actor: string, minutes: number, anonymous = false): Interaction => ({
  id,
  ...(anonymous ? { anonymousId: actor } : { customerId: actor }),
  timestamp: at(minutes),
  name: 'page_view',
  channel: 'web',
  properties: {},
});

describe('groupJourneys', () => {
  it('orders by time and splits sessions after more than 30 minutes of inactivity', () => {
    // c1 at minutes 0, 10, 40 (gap 30: same session), 71 (gap 31: new session), and 200 (new session).
    const input = [
      event('e4', 'c1', 71),
      event('e1', 'c1', 0),
      event('e5', 'c1', 200),
      event('e3', 'c1', 40),
      event('e2', 'c1', 10),
    ];
    const [journey] = groupJourneys(input);
    expect(journey?.interactions.map((i) => i.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(journey?.sessions.map((s) => s.interactions.map((i) => i.id))).toEqual([
      ['e1', 'e2', 'e3'],
      ['e4'],
      ['e5'],
    ]);
    expect(journey?.sessions[1]).toMatchObject({ index: 1, startedAt: at(71), endedAt: at(71) });
  });

  it('keys anonymous actors by anonymousId and sorts actors by id', () => {
    const journeys = groupJourneys([
      event('a', 'zed', 0),
      event('b', 'dev-1', 0, true),
      event('c', 'amy', 5),
    ]);
    expect(journeys.map((j) => [j.actorId, j.identified])).toEqual([
      ['amy', true],
      ['dev-1', false],
      ['zed', true],
    ]);
  });

  it('breaks timestamp ties by id, so the result does not depend on input order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('c1', 'c2', 'c3'), fc.integer({ min: 0, max: 300 })), {
          maxLength: 40,
        }),
        fc.integer(),
        (rows, seed) => {
          const events = rows.map(([actor, minute], i) => event(`e${i}`, actor, minute));
          const shuffled = [...events].sort(
            (a, b) => ((a.id.length * seed) ^ b.id.charCodeAt(1)) - 0.5 * seed,
          );
          expect(groupJourneys(shuffled)).toEqual(groupJourneys(events));
          const total = groupJourneys(events).reduce(
            (n, j) => n + j.sessions.reduce((m, s) => m + s.interactions.length, 0),
            0,
          );
          expect(total).toBe(events.length);
        },
      ),
    );
  });

  it('honours a custom gap and rejects a non-positive one', () => {
    expect(
      groupJourneys([event('a', 'c', 0), event('b', 'c', 6)], { inactivityGap: { minutes: 5 } })[0]?.sessions,
    ).toHaveLength(2);
    expect(() => groupJourneys([], { inactivityGap: { minutes: 0 } })).toThrow(CxOptionsError);
    expect(() => groupJourneys([], { inactivityGap: { minutes: Number.NaN } })).toThrow(CxOptionsError);
    // A bare number has no unit: rejected, not read as milliseconds.
    expect(() => groupJourneys([], { inactivityGap: 60_000 as never })).toThrow(/duration object/);
    // The old name is an error whose message names the new one.
    expect(() => groupJourneys([], { inactivityGapMs: 60_000 } as never)).toThrow(
      /renamed to "inactivityGap"/,
    );
  });

  it('rejects an interaction whose timestamp is not an instant, naming it, instead of sessionizing it', () => {
    const bad = { ...event('b', 'c', 1), timestamp: 'not a time' };
    const feb30 = { ...event('d', 'c', 2), timestamp: '2024-02-30T00:00:00Z' };
    const error = (() => {
      try {
        groupJourneys([event('a', 'c', 0), bad, feb30]);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(CxValidationError);
    const issues = (error as CxValidationError).issues;
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [[1, 'timestamp'], 'invalid_instant'],
      [[2, 'timestamp'], 'invalid_instant'],
    ]);
  });
});
