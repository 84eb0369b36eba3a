import { createCalendar, MS_PER_DAY } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TRANSITIONS, type ZoneOffsets, zoneOffsets } from './zone.js';

/** The local day from the offsets, as the SQL computes it: ⌊(ms + offset) / day⌋. */
function localDay(z: ZoneOffsets, ms: number): number {
  let i = 0;
  while (i < z.transitions.length && ms >= (z.transitions[i] as number)) i++;
  return Math.floor((ms + (z.offsets[i] as number)) / MS_PER_DAY);
}

const ZONES = [
  'Europe/Warsaw',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Europe/Amsterdam',
  'Pacific/Apia',
];

describe('zoneOffsets', () => {
  it('gives the local day of Calendar.localDayOf for every instant of the range (1850-2100, local mean time included)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: -3_786_825_600_000, max: 4_102_444_800_000 }),
        fc.integer({ min: 0, max: 3 * 366 * MS_PER_DAY }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (zone, from, length, points) => {
          const z = zoneOffsets(zone, from, from + length);
          expect(z).not.toBeNull();
          const calendar = createCalendar({ interval: 'day', timeZone: zone });
          for (const p of points) {
            const ms = from + Math.floor(p * length);
            expect(localDay(z as ZoneOffsets, ms), `${zone} ${new Date(ms).toISOString()}`).toBe(
              calendar.localDayOf(ms),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('locates each transition to the millisecond: Warsaw 2026 changes at 01:00 UTC on 29 March and 25 October', () => {
    const z = zoneOffsets('Europe/Warsaw', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(z?.transitions).toEqual([Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]);
    expect(z?.offsets).toEqual([3_600_000, 7_200_000, 3_600_000]);
    expect(zoneOffsets('UTC', 0, 1e15)).toEqual({ transitions: [], offsets: [0] });
    expect(zoneOffsets('Europe/Warsaw', 0, Date.UTC(2100, 0, 1))).toBeNull(); // 260 transitions > MAX_TRANSITIONS
    expect(
      zoneOffsets('Europe/Warsaw', Date.UTC(1990, 0, 1), Date.UTC(2040, 0, 1))?.transitions.length,
    ).toBeLessThanOrEqual(MAX_TRANSITIONS);
  });
});
