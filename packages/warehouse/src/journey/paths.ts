import type { PathNodeField, TopPathsOptions, TopPathsResult } from '@cx/metrics';
import { topPaths } from '@cx/metrics';
import { floatType, textType } from '../mapping/expressions.js';
import { type InteractionTable, interactionRows, interactionTable } from '../mapping/interactions.js';
import { scanInteractions } from '../mapping/scan.js';
import { WarehouseQuery } from '../query.js';
import type { Dialect } from '../sql/dialect.js';
import { raw, type SqlFragment, sql } from '../sql/fragment.js';

const SEPARATOR = '\u0001';
const COLUMN = { touchpointId: 'touchpoint', stageId: 'stage', name: 'name', channel: 'channel' } as const;

/** The options of `topPaths` with its defaults filled in (internal). */
interface PathSpec {
  readonly by: PathNodeField;
  readonly limit: number;
  readonly maxLength: number;
  readonly collapseRepeats: boolean;
}

/**
 * DuckDB's rows `(actor, path)`, one per actor with at least one node (internal), from window functions only: the
 * nodes of each actor numbered in time order (instant, id, tie order, value) with the previous node beside each,
 * repeats dropped, the kept nodes numbered again and cut to `maxLength`; the path of each actor is then built from
 * at most `maxLength` rows. DuckDB's window operator and hash aggregate spill to disk under `memory_limit`; its list
 * aggregates (`list`, `string_agg`) keep their state in memory, so the one here holds at most `maxLength` nodes per
 * actor (memory in actors × `maxLength`, not in events; an aggregate of every node of every actor ran out of a 6 GB
 * limit at 100 M events and 2 M actors).
 */
function duckdbActorPaths(o: PathSpec): SqlFragment {
  const order = sql`PARTITION BY actor ORDER BY t, id, ord, v`;
  const kept = o.collapseRepeats
    ? sql`SELECT actor, v, row_number() OVER (PARTITION BY actor ORDER BY rn) AS pos FROM (SELECT actor, v, row_number() OVER w AS rn, lag(v) OVER w AS pv FROM n WHERE v IS NOT NULL WINDOW w AS (${order})) o WHERE pv IS NULL OR pv <> v`
    : sql`SELECT actor, v, row_number() OVER (${order}) AS pos FROM n WHERE v IS NOT NULL`;
  return sql`SELECT actor, string_agg(v, ${SEPARATOR} ORDER BY pos) AS path FROM (${kept}) k WHERE pos <= ${o.maxLength} GROUP BY actor`;
}

/**
 * One path string per actor from the node rows `n` (internal). ClickHouse aggregates each actor's nodes into a
 * list in one `GROUP BY actor` and sorts it by instant, id and tie order as a list of tuples, drops repeats with a
 * list filter and cuts the list; PostgreSQL numbers the rows with window functions and aggregates the kept ones.
 * Rows: `(actor, path)`, `path` NULL for an actor without a node.
 */
function actorPaths(o: PathSpec, d: 'clickhouse' | 'postgres'): SqlFragment {
  if (d === 'clickhouse') {
    const keep = o.collapseRepeats
      ? sql`arrayFilter((x, i) -> i = 1 OR x != l[i - 1], l, arrayEnumerate(l))`
      : sql`l`;
    return sql`SELECT actor, if(length(l) > 0, arrayStringConcat(arraySlice(${keep}, 1, ${o.maxLength}), ${SEPARATOR}), NULL) AS path FROM (SELECT actor, arrayMap(x -> assumeNotNull(x.4), arraySort(groupArrayIf((t, id, ord, v), v IS NOT NULL))) AS l FROM n GROUP BY actor) pl`;
  }
  const collapse = o.collapseRepeats ? sql` WHERE pv IS NULL OR pv <> v` : sql``;
  return sql`SELECT actor, string_agg(v, ${SEPARATOR} ORDER BY pos) FILTER (WHERE pos <= ${o.maxLength}) AS path FROM (SELECT actor, v, row_number() OVER (PARTITION BY actor ORDER BY rn) AS pos FROM (SELECT actor, v, rn, lag(v) OVER (PARTITION BY actor ORDER BY rn) AS pv FROM (SELECT actor, v, row_number() OVER (PARTITION BY actor ORDER BY t, id COLLATE "C", ord) AS rn FROM n WHERE v IS NOT NULL) o) c${collapse}) k GROUP BY actor UNION ALL SELECT actor, NULL FROM n GROUP BY actor HAVING count(v) = 0`;
}

function pathsSql(table: InteractionTable, o: PathSpec, d: Dialect): SqlFragment {
  const v = raw(COLUMN[o.by]);
  const pathOrder = d === 'postgres' ? sql`path COLLATE "C"` : sql`path`;
  const f = floatType(d);
  const txt = textType(d);
  const nodes = sql`SELECT actor, t, id, ord, ${v} AS v FROM (${interactionRows(table, {}, d)}) ev WHERE actor IS NOT NULL AND t IS NOT NULL`;
  // DuckDB's paths leave out actors without a node, so there the actors are counted from the rows themselves,
  // inlined: DuckDB materialises a CTE that is read twice, here a copy of the whole table.
  const p = d === 'duckdb' ? duckdbActorPaths(o) : actorPaths(o, d);
  const everyActor = d === 'duckdb' ? sql`(SELECT DISTINCT actor FROM (${nodes}) a) a` : sql`p`;
  return sql`WITH n AS (${nodes}), p AS (${p}), g AS (SELECT path, count(*) AS actors FROM p WHERE path IS NOT NULL GROUP BY path) SELECT CAST('top' AS ${txt}) AS kind, path, CAST(actors AS ${f}) AS actors FROM (SELECT path, actors FROM g ORDER BY actors DESC, ${pathOrder} LIMIT ${o.limit}) top UNION ALL SELECT CAST('all' AS ${txt}), CAST(NULL AS ${txt}), CAST(count(*) AS ${f}) FROM g UNION ALL SELECT CAST('with' AS ${txt}), CAST(NULL AS ${txt}), CAST(coalesce(sum(actors), 0) AS ${f}) FROM g UNION ALL SELECT CAST('actors' AS ${txt}), CAST(NULL AS ${txt}), CAST(count(*) AS ${f}) FROM ${everyActor}`;
}

/**
 * The most common paths through the journey on an engine, as `topPaths` in `@cx/metrics`: one path per actor of
 * touchpoints (or stages, names, channels) in time order, repeats collapsed, cut to `maxLength`; the top `limit`
 * by actors (ties by path), the rest grouped. The whole computation runs in the engine; Node receives `limit`
 * rows.
 *
 * @param interactions - The interaction table.
 * @param options - The options of `topPaths`.
 * @returns The query; `run(engine)` gives the paths.
 * @throws {@link @cx/model!CxOptionsError} for invalid options or mapping;
 *   {@link @cx/model!CxValidationError} at run time for rows without
 *   an actor, instant, name or channel.
 * @example
 * ```ts
 * import { duckdbEngine, sql, topPathsQuery } from '@cx/warehouse';
 * const engine = await duckdbEngine();
 * await engine.execute(sql`CREATE TABLE ev AS SELECT * FROM (VALUES
 *   ('1', 'a', 'home', TIMESTAMPTZ '2026-01-01 10:00:00+00'), ('2', 'a', 'cart', TIMESTAMPTZ '2026-01-01 10:05:00+00'),
 *   ('3', 'b', 'home', TIMESTAMPTZ '2026-01-01 11:00:00+00')) v(id, who, place, ts)`);
 * const result = await topPathsQuery(
 *   { table: 'ev', timestamp: 'ts', fields: { id: 'id', customerId: 'who', name: { constant: 'view' }, channel: { constant: 'web' }, touchpointId: 'place' } },
 * ).run(engine);
 * console.log(result.paths.map((p) => [p.path.join(' > '), p.actors])); // [ [ 'home', 1 ], [ 'home > cart', 1 ] ]
 * await engine.close();
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function topPathsQuery(
  interactions: InteractionTable,
  options: TopPathsOptions = {},
): WarehouseQuery<TopPathsResult> {
  const table = interactionTable(interactions);
  topPaths([], options);
  const o: PathSpec = {
    by: options.by ?? 'touchpointId',
    limit: options.limit ?? 10,
    maxLength: options.maxLength ?? 10,
    collapseRepeats: options.collapseRepeats ?? true,
  };
  return new WarehouseQuery(
    'top paths',
    (d) => pathsSql(table, o, d),
    async (rows, engine) => {
      await scanInteractions(table, engine);
      const get = (kind: string) => (rows.find((r) => r.kind === kind)?.actors as number | undefined) ?? 0;
      const withPath = get('with');
      const top = rows
        .filter((r) => r.kind === 'top')
        .map((r) => ({
          path: String(r.path).split(SEPARATOR),
          actors: r.actors as number,
          share: (r.actors as number) / withPath,
        }))
        .sort((a, b) => b.actors - a.actors || compareKeys(a.path.join(SEPARATOR), b.path.join(SEPARATOR)));
      const topActors = top.reduce((s, p) => s + p.actors, 0);
      const restActors = withPath - topActors;
      return {
        actors: withPath,
        actorsWithoutPath: get('actors') - withPath,
        paths: top,
        other: {
          paths: get('all') - top.length,
          actors: restActors,
          share: withPath === 0 ? null : restActors / withPath,
        },
      };
    },
  );
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
