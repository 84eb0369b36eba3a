import { CxValidationError } from '@cx/model';
import type { Engine } from '../engine/engine.js';
import { type SqlFragment, sql } from '../sql/fragment.js';
import { type InteractionTable, interactionRows } from './interactions.js';

/** What one pass over an interaction table finds: its rows and time range (internal). */
export interface InteractionScan {
  /** Rows of the table. */
  readonly rows: number;
  /** Earliest and latest instant (epoch ms); `null` without rows. */
  readonly minTime: number | null;
  readonly maxTime: number | null;
}

/** Counts, time range and rows the in-process builder rejects, in one pass (internal). */
export function scanSql(rows: SqlFragment): SqlFragment {
  const bad = sql`actor IS NULL OR actor = '' OR t IS NULL OR name IS NULL OR name = '' OR channel IS NULL OR channel = ''`;
  return sql`SELECT count(*) AS n, min(t) AS min_t, max(t) AS max_t, sum(CASE WHEN ${bad} THEN 1 ELSE 0 END) AS bad FROM (${rows}) p`;
}

/**
 * Scans an interaction table once: its time range, after checking that no row lacks an actor, instant, name or
 * channel, as the in-process builder does (internal).
 *
 * @throws {@link CxValidationError} (`missing_field`) naming how many rows are incomplete.
 */
export async function scanInteractions(table: InteractionTable, engine: Engine): Promise<InteractionScan> {
  // Duplicate ids do not change the range or the rows' validity: no deduplication pass here.
  const [row] = await engine.query(scanSql(interactionRows({ ...table, dedupe: false }, {}, engine.dialect)));
  const bad = typeof row?.bad === 'number' ? row.bad : 0;
  if (bad > 0) {
    throw new CxValidationError([
      {
        path: ['interactions'],
        message: `${bad} row(s) of the interaction table without an actor, instant, name or channel`,
        code: 'missing_field',
      },
    ]);
  }
  const n = typeof row?.n === 'number' ? row.n : 0;
  const time = (v: unknown) => (n > 0 && typeof v === 'number' ? v : null);
  return { rows: n, minTime: time(row?.min_t), maxTime: time(row?.max_t) };
}
