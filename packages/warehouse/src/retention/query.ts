import {
  type CohortCounts,
  type CohortRetentionOptions,
  cohortRetentionFromCounts,
  type RetentionMatrix,
} from '@cx/metrics';
import { CxOptionsError } from '@cx/model';
import { type InteractionTable, interactionTable } from '../mapping/interactions.js';
import { scanInteractions } from '../mapping/scan.js';
import { WarehouseQuery } from '../query.js';
import { zoneOffsets } from '../sql/zone.js';
import { retentionSpec, retentionSql } from './sql.js';

/** Checks the options as `cohortRetention` does, under this function's name (internal). */
function checkOptions(options: CohortRetentionOptions): void {
  try {
    cohortRetentionFromCounts({ maxTime: null, cohorts: [] }, options);
  } catch (error) {
    if (error instanceof CxOptionsError) {
      throw new CxOptionsError('cohortRetentionQuery', error.issues, { cause: error });
    }
    throw error;
  }
}

/**
 * Cohort retention on an engine, in every mode of `cohortRetention` in `@cx/metrics`: first-time, first-ever and
 * recurring cohorts; "on" and "on or after"; brackets; calendar windows in a time zone (weeks from Monday unless
 * `weekStartsOn` says otherwise) or rolling windows with hour or day truncation; minimum occurrences; property
 * aggregation; `from`, `to`, `asOf`, `maxPeriods` and the average rule.
 *
 * The engine does set-based work: one pass finds the table's time range (and rejects incomplete rows), then each
 * actor's cohort is one `GROUP BY` over the start events, the return events are joined with it and reduced to one
 * row per actor and column, and only per-cohort sizes and per-column counts come back to Node, where
 * `cohortRetentionFromCounts` builds the matrix `cohortRetention` would return. Local dates in the zone come from
 * the zone's offsets over the data's range, read from the same source as the calendar of `@cx/model`.
 *
 * @param interactions - The interaction table ({@link interactionTable}).
 * @param options - The options of `cohortRetention` (`interval` required).
 * @returns The query; `run(engine)` gives the matrix. `toSql` shows the main statement with the engine's own zone
 *   conversion; at run time it is replaced by the offsets found for the data's range.
 * @throws {@link @cx/model!CxOptionsError} for invalid options or mapping (before any SQL runs). At run time
 *   {@link @cx/model!CxValidationError} when rows have no actor, instant, name or channel, and
 *   {@link @cx/model!CxLimitError} (`too_many_periods`) when the cohorts span more than `maxPeriods` periods.
 * @example
 * ```ts
 * import { cohortRetentionQuery, duckdbEngine, sql } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE ev AS SELECT * FROM (VALUES
 *   ('a', TIMESTAMPTZ '2026-01-01 10:00:00+00'), ('a', TIMESTAMPTZ '2026-01-02 09:00:00+00'), ('b', TIMESTAMPTZ '2026-01-01 12:00:00+00')) v(who, ts)`);
 * const matrix = await cohortRetentionQuery(
 *   { table: 'ev', timestamp: 'ts', fields: { customerId: 'who', name: { constant: 'open' }, channel: { constant: 'web' } } },
 *   { interval: 'day', periods: 2, asOf: '2026-01-10T00:00:00Z' },
 * ).run(engine);
 * console.log(matrix.cohorts[0]?.period, matrix.cohorts[0]?.counts, matrix.average.rates); // '2026-01-01' [ 2, 1, 0 ] [ 1, 0.5, 0 ]
 * await engine.close();
 * ```
 * @category Retention
 * @since 0.1.0
 */
export function cohortRetentionQuery(
  interactions: InteractionTable,
  options: CohortRetentionOptions,
): WarehouseQuery<RetentionMatrix> {
  const table = interactionTable(interactions);
  checkOptions(options);
  const spec = retentionSpec(options);
  const columns = spec.ends.length;
  return WarehouseQuery.custom(
    'cohort retention',
    (dialect) => retentionSql(table, spec, null, dialect),
    async (engine) => {
      const scan = await scanInteractions(table, engine);
      if (scan.minTime === null || scan.maxTime === null) {
        return cohortRetentionFromCounts({ maxTime: null, cohorts: [] }, options);
      }
      const offsets = zoneOffsets(spec.calendar.timeZone, scan.minTime, scan.maxTime);
      const rows = await engine.query(retentionSql(table, spec, offsets, engine.dialect));
      const cohorts = new Map<
        number,
        { size: number; counts: number[]; sums: number[]; valueActors: number[] }
      >();
      const cohort = (index: number) => {
        let c = cohorts.get(index);
        if (c === undefined) {
          c = {
            size: 0,
            counts: new Array<number>(columns).fill(0),
            sums: new Array<number>(columns).fill(0),
            valueActors: new Array<number>(columns).fill(0),
          };
          cohorts.set(index, c);
        }
        return c;
      };
      for (const row of rows) {
        const c = cohort(row.rp as number);
        const n = row.rn as number;
        const column = row.rc as number;
        if (row.rk === 'size') {
          c.size = n;
          c.counts[0] = n;
        } else if (row.rk === 'count') {
          // "On or after": an actor whose last return is in column k counts in columns 1…k.
          if (spec.onOrAfter) for (let k = 1; k <= column; k++) c.counts[k]! += n;
          else c.counts[column] = n;
        } else if (row.rk === 'value') {
          c.sums[column] = row.rs as number;
          c.valueActors[column] = n;
        }
      }
      const list: CohortCounts[] = [...cohorts].map(([index, c]) =>
        spec.property === undefined
          ? { index, size: c.size, counts: c.counts }
          : { index, size: c.size, counts: c.counts, sums: c.sums, valueActors: c.valueActors },
      );
      return cohortRetentionFromCounts({ maxTime: scan.maxTime, cohorts: list }, options);
    },
  );
}
