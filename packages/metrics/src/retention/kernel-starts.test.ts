import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findStartEvents, firstEventStarts } from './kernel-starts.js';
import { compileMatcher, namesOnly } from './matcher.js';

/** Columns of a few actors: sorted times per actor (ties included), some actors without events. */
const columnsArb = fc
  .array(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }), { minLength: 1, maxLength: 8 })
  .map((actors) => {
    const offsets = [0];
    const time: number[] = [];
    for (const events of actors) {
      time.push(...[...events].sort((x, y) => x - y));
      offsets.push(time.length);
    }
    return { actorOffsets: Int32Array.from(offsets), time: Float64Array.from(time) };
  });

const windowArb = fc.oneof(
  fc.constant([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] as const),
  fc
    .tuple(fc.integer({ min: -5, max: 45 }), fc.integer({ min: 0, max: 50 }))
    .map(([a, w]) => [a, a + w] as const),
);

describe('firstEventStarts (any event starts a cohort, one cohort per actor)', () => {
  it('writes what findStartEvents writes for an empty start matcher, first-time and first-ever (property)', () => {
    fc.assert(
      fc.property(
        columnsArb,
        windowArb,
        fc.boolean(),
        ({ actorOffsets, time }, [fromStart, toEnd], firstEver) => {
          const actors = actorOffsets.length - 1;
          const codes = new Int32Array(time.length);
          const any = compileMatcher({}, { names: [], channels: [], touchpoints: [], stages: [] });
          const run = (fast: boolean) => {
            // Garbage in the outputs: both must write every slot they promise.
            const startOf = new Int32Array(actors).fill(7);
            const startTime = new Float64Array(actors).fill(Number.NaN);
            const lastTime = new Float64Array(actors).fill(Number.NaN);
            const summary = Float64Array.of(Number.NEGATIVE_INFINITY, -1, -1);
            if (fast) {
              firstEventStarts(
                0,
                actors,
                actorOffsets,
                time,
                fromStart,
                toEnd,
                startOf,
                summary,
                startTime,
                lastTime,
              );
            } else {
              findStartEvents(
                0,
                actors,
                actorOffsets,
                time,
                codes,
                codes,
                codes,
                codes,
                any,
                namesOnly(any),
                firstEver,
                false,
                fromStart,
                toEnd,
                startOf,
                summary,
                startTime,
                lastTime,
              );
            }
            // startTime is read only where startOf is set; lastTime only for actors with events.
            const starts = Array.from(startOf, (j, a) => [j, j === -1 ? null : startTime[a]]);
            const lasts = Array.from(lastTime, (t, a) =>
              (actorOffsets[a + 1] as number) > (actorOffsets[a] as number) ? t : null,
            );
            return { starts, lasts, summary: Array.from(summary) };
          };
          expect(run(true)).toEqual(run(false));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the first position among equal earliest and latest start times (by hand)', () => {
    // Actor 0: events at 5, 9; actor 1: 5; actor 2: 9. Earliest start 5 at position 0; latest 9 at position 3.
    const actorOffsets = Int32Array.of(0, 2, 3, 4);
    const time = Float64Array.of(5, 9, 5, 9);
    const summary = Float64Array.of(Number.NEGATIVE_INFINITY, -1, -1);
    const startOf = new Int32Array(3);
    firstEventStarts(
      0,
      3,
      actorOffsets,
      time,
      0,
      100,
      startOf,
      summary,
      new Float64Array(3),
      new Float64Array(3),
    );
    expect(Array.from(startOf)).toEqual([0, 2, 3]);
    expect(Array.from(summary)).toEqual([9, 0, 3]);
  });
});
