import { type CalendarInterval, createCalendar, instantToEpochMs, type WeekStartsOn } from '@cx/model';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, sql } from '../src/index.js';
import { periodOrdinal } from '../src/sql/calendar.js';
import { join, raw } from '../src/sql/fragment.js';
import { zoneOffsets } from '../src/sql/zone.js';
import { testEngines } from './engines.js';

// Instants around DST changes and period boundaries, plus random ones from 1970 to 2100. (Before 1970 zones may
// follow local mean time, on which time-zone databases of different versions disagree.)
const instantArb = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800_000 }),
  fc
    .constantFrom(
      '2026-03-29T00:59:59.999Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:30:00Z',
      '2026-10-25T01:30:00Z',
      '2026-03-08T06:59:59.999Z',
      '2026-03-08T07:00:00Z',
      '2025-12-31T23:00:00Z',
      '2024-02-29T23:30:00Z',
    )
    .map((text) => instantToEpochMs(text)),
);

for (const testEngine of testEngines()) {
  describe(`calendar periods on ${testEngine.name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await testEngine.open();
    });
    afterAll(async () => engine?.close());

    it('the period number computed in SQL is Calendar.indexOf of @cx/model, for every interval, zone and week start', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(instantArb, { minLength: 1, maxLength: 20 }),
          fc.constantFrom<CalendarInterval>('day', 'week', 'month', 'quarter', 'year'),
          fc.constantFrom('UTC', 'Europe/Warsaw', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'),
          fc.integer({ min: 0, max: 6 }),
          async (instants, interval, timeZone, weekStartsOn) => {
            const calendar = { interval, timeZone, weekStartsOn };
            const rows = await engine.query(
              sql`SELECT ${join(instants.map((ms, i) => sql`CAST(${periodOrdinal(sql`${ms}`, calendar, engine.dialect)} AS BIGINT) AS ${raw(`p${i}`)}`))}`,
            );
            const expected = createCalendar({
              interval,
              timeZone,
              weekStartsOn: weekStartsOn as WeekStartsOn,
            });
            instants.forEach((ms, i) => {
              expect(
                rows[0]?.[`p${i}`],
                `${new Date(ms).toISOString()} ${interval} ${timeZone} ${weekStartsOn}`,
              ).toBe(expected.indexOf(ms));
            });
          },
        ),
        { numRuns: testEngine.name === 'duckdb' ? 80 : 30 },
      );
    }, 240_000);

    it('with the offsets of the data range, the SQL period number is Calendar.indexOf even on local mean time (1850-1950)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: -3_786_825_600_000, max: 4_102_444_800_000 }), {
            minLength: 1,
            maxLength: 20,
          }),
          fc.constantFrom<CalendarInterval>('day', 'week', 'month', 'year'),
          fc.constantFrom(
            'Europe/Warsaw',
            'America/New_York',
            'Asia/Kolkata',
            'Australia/Lord_Howe',
            'Europe/Amsterdam',
          ),
          async (instants, interval, timeZone) => {
            const calendar = { interval, timeZone, weekStartsOn: 1 };
            const offsets = zoneOffsets(timeZone, Math.min(...instants), Math.max(...instants));
            const rows = await engine.query(
              sql`SELECT ${join(instants.map((ms, i) => sql`CAST(${periodOrdinal(sql`${ms}`, calendar, engine.dialect, offsets)} AS BIGINT) AS ${raw(`p${i}`)}`))}`,
            );
            const expected = createCalendar({ interval, timeZone });
            instants.forEach((ms, i) => {
              expect(rows[0]?.[`p${i}`], `${new Date(ms).toISOString()} ${interval} ${timeZone}`).toBe(
                expected.indexOf(ms),
              );
            });
          },
        ),
        { numRuns: testEngine.name === 'duckdb' ? 40 : 15 },
      );
    }, 240_000);
  });
}
